using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Miljofyrtarn.Core.Storage;
using Xunit;
using static Miljofyrtarn.AspNetCore.Tests.HeimScenario;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>Every error category answered with its status and an RFC 9457 problem body, in Bokmål and English; bad bodies located.</summary>
public sealed class ProblemsTest
{
    public static TheoryData<string, string> Languages => new() { { "nb", "Avvist av regelverket" }, { "en", "Refused by the rules" } };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ARuleRefusal_Is422_WithTheLocalisedTitleAndEveryReason(string language, string title)
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);

        using var response = await api.ActAsync(new { action = "deliver", unit = Raadhuset }, user: TestApi.Mayor, language: language);

        var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        problem["title"]!.GetValue<string>().Should().Be(title);
        problem["category"]!.GetValue<string>().Should().Be("refusedByRule");
        problem["type"]!.GetValue<string>().Should().EndWith("#" + problem["code"]!.GetValue<string>().ToLowerInvariant());
        problem["problems"]!.AsArray().Should().NotBeEmpty().And.OnlyContain(p => ((string?)p!["message"])!.Length > 0);
        problem["detail"]!.GetValue<string>().Should().Contain(problem["problems"]![0]!["message"]!.GetValue<string>());
        response.Content.Headers.ContentLanguage.Should().Equal(language);
    }

    [Theory]
    [InlineData("nb", "Finnes ikke")]
    [InlineData("en", "Not found")]
    public async Task AnUnknownOrganisationOrUnit_Is404(string language, string title)
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);

        (await ProblemAsync(await api.GetAsync("/api/organisations/999999999", language), HttpStatusCode.NotFound))["title"]!.GetValue<string>().Should().Be(title);
        var unit = await ProblemAsync(await api.GetAsync($"/api/organisations/{TestApi.Number}/units/finnes-ikke/readiness", language), HttpStatusCode.NotFound);
        unit["code"]!.GetValue<string>().Should().Be("MFT0212");
        (await ProblemAsync(await api.GetAsync($"/api/organisations/{TestApi.Number}/units/{Raadhuset}/reports/2030", language), HttpStatusCode.NotFound))["code"]!.GetValue<string>().Should().Be("MFT0618");
    }

    [Fact]
    public async Task StartingTheSameOrganisationTwice_Is409()
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);

        var problem = await ProblemAsync(await api.PostAsync("/api/organisations", StartBody, language: "en"), HttpStatusCode.Conflict);

        problem["code"]!.GetValue<string>().Should().Be("MFT0314");
        problem["title"]!.GetValue<string>().Should().Be("Changed by someone else");
    }

    [Fact]
    public async Task AStaleIfMatch_Is412_AndChangesNothing()
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);
        using var before = await api.GetAsync($"/api/organisations/{TestApi.Number}");
        var etag = before.Headers.ETag!.Tag;
        await OkAsync(api.ActAsync(new { action = "openMapping", unit = Raadhuset }, ifMatch: etag));

        using var stale = await api.ActAsync(new { action = "openMapping", unit = Barnehage }, ifMatch: etag);

        (await ProblemAsync(stale, HttpStatusCode.PreconditionFailed))["code"]!.GetValue<string>().Should().Be("MFT0314");
        var overview = await api.GetJsonAsync($"/api/organisations/{TestApi.Number}");
        overview["units"]![1]!["state"]!.GetValue<string>().Should().Be("notStarted");
        overview["version"]!.GetValue<long>().Should().Be(long.Parse(etag.Trim('"').Split('-')[0], System.Globalization.CultureInfo.InvariantCulture) + 1);
    }

    [Theory]
    [InlineData("\"0\"", HttpStatusCode.PreconditionFailed, "MFT0314")]
    [InlineData("\"999\"", HttpStatusCode.PreconditionFailed, "MFT0314")]
    [InlineData("W/\"3\"", HttpStatusCode.BadRequest, "MFT0008")]
    [InlineData("3", HttpStatusCode.BadRequest, "MFT0008")]
    public async Task AnIfMatchThatIsNotTheCurrentVersion_ChangesNothing(string ifMatch, HttpStatusCode status, string code)
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);

        (await ProblemAsync(await api.ActAsync(new { action = "openMapping", unit = Raadhuset }, ifMatch: ifMatch), status))["code"]!.GetValue<string>().Should().Be(code);
        (await api.GetJsonAsync($"/api/organisations/{TestApi.Number}"))["units"]![0]!["state"]!.GetValue<string>().Should().Be("notStarted");
    }

    [Fact]
    public async Task TheETag_IsTheVersionTheLanguageAndTheDay_AndIfNoneMatchGets304()
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);
        using var first = await api.GetAsync($"/api/organisations/{TestApi.Number}");
        var overview = await TestApi.JsonOf(first);
        var today = api.Clock.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["Europe/Oslo"]).Date;
        first.Headers.ETag!.Tag.Should().Be($"\"{overview["version"]}-nb-{today:yyyyMMdd}\"");
        first.Headers.Vary.Should().Contain("Accept-Language");

        (await ConditionalGetAsync(api, first.Headers.ETag, language: null)).Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task AnotherLanguage_IsNeverAnsweredWithTheFirstLanguagesCopy()
    {
        // Issue 32: the ETag was the version alone, the same for nb, nn and en, and nothing said the answer varies.
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);
        using var bokmal = await api.GetAsync($"/api/organisations/{TestApi.Number}/readiness");

        (await ConditionalGetAsync(api, bokmal.Headers.ETag!, language: "en", path: "/readiness")).Should().Be(HttpStatusCode.OK);
        (await ConditionalGetAsync(api, bokmal.Headers.ETag!, language: "nb", path: "/readiness")).Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task OnTheNextDay_YesterdaysCopyOfATimeDependentView_IsNotServed()
    {
        // Issue 32: deadline status and overdue reports change with the date alone; a 304 served yesterday's answer.
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);
        using var today = await api.GetAsync($"/api/organisations/{TestApi.Number}");
        var now = api.Clock.GetCurrentInstant();

        api.Clock.Reset(now + NodaTime.Duration.FromDays(1));

        (await ConditionalGetAsync(api, today.Headers.ETag!, language: null)).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheViewsETag_IsAcceptedAsIfMatch()
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);
        using var overview = await api.GetAsync($"/api/organisations/{TestApi.Number}");

        using var applied = await api.ActAsync(new { action = "openMapping", unit = Raadhuset }, ifMatch: overview.Headers.ETag!.Tag);

        applied.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<HttpStatusCode> ConditionalGetAsync(TestApi api, System.Net.Http.Headers.EntityTagHeaderValue etag, string? language, string path = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/organisations/{TestApi.Number}{path}");
        request.Headers.IfNoneMatch.Add(etag);
        request.Headers.Add("X-Test-User", TestApi.Coordinator);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await api.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    [Fact]
    public async Task AChangeWithoutASignedInUser_Is401()
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);

        var problem = await ProblemAsync(await api.ActAsync(new { action = "openMapping", unit = Raadhuset }, user: null, language: "en"), HttpStatusCode.Unauthorized);

        problem["code"]!.GetValue<string>().Should().Be("MFT0507");
    }

    public static TheoryData<string, string[], HttpStatusCode, string, string> Categories => new()
    {
        { "MFT0219", ["organisation"], HttpStatusCode.BadRequest, "Ugyldig forespørsel", "Invalid request" },
        { "MFT0506", ["964123454"], HttpStatusCode.NotFound, "Finnes ikke", "Not found" },
        { "MFT0301", ["Heim kommune"], HttpStatusCode.UnprocessableEntity, "Avvist av regelverket", "Refused by the rules" },
        { "MFT0314", ["3", "4"], HttpStatusCode.Conflict, "Endret av noen andre", "Changed by someone else" },
        { "MFT0315", ["7", "MFT0311"], HttpStatusCode.InternalServerError, "Lagrede data er skadet", "Stored data is damaged" },
        { "MFT0501", ["/data/heim.db"], HttpStatusCode.ServiceUnavailable, "Lageret er ikke tilgjengelig nå", "The store is unavailable now" },
    };

    [Theory]
    [MemberData(nameof(Categories))]
    public async Task EveryCategory_HasItsStatus_AndAProblemInBokmalAndEnglish(string code, string[] arguments, HttpStatusCode status, string bokmal, string english)
    {
        var store = new FailingStore { Code = code, Arguments = arguments };
        await using var api = await TestApi.StartAsync(store: b => b.AddEventStore(_ => Task.FromResult<IEventStore>(store)));

        foreach (var (language, title) in new[] { ("nb", bokmal), ("en", english) })
        {
            var problem = await ProblemAsync(await api.GetAsync($"/api/organisations/{TestApi.Number}", language), status);
            problem["code"]!.GetValue<string>().Should().Be(code);
            problem["title"]!.GetValue<string>().Should().Be(title);
            if (status >= HttpStatusCode.InternalServerError)
            {
                // A store or data failure tells the caller its code, category and trace ID, never the store's own words.
                problem["detail"].Should().BeNull();
                problem["problems"]!.AsArray().Should().OnlyContain(p => p!["message"] == null);
                problem.ToJsonString().Should().NotContain("heim.db");
                problem["traceId"]!.GetValue<string>().Should().NotBeEmpty();
                continue;
            }

            problem["detail"]!.GetValue<string>().Should().Contain(arguments[0]);
            problem["problems"]![0]!["message"]!.GetValue<string>().Should().NotContain("{0}");
        }

        if (status >= HttpStatusCode.InternalServerError)
        {
            return;
        }

        var inEnglish = await ProblemAsync(await api.GetAsync($"/api/organisations/{TestApi.Number}", "en"), status);
        var inBokmal = await ProblemAsync(await api.GetAsync($"/api/organisations/{TestApi.Number}", "nb"), status);
        inEnglish["detail"]!.GetValue<string>().Should().NotBe(inBokmal["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task CorruptStoredData_Is500_AndAnUnavailableStore503()
    {
        var broken = new FailingStore();
        await using var api = await TestApi.StartAsync(store: b => b.AddEventStore(_ => Task.FromResult<IEventStore>(broken)));

        broken.Code = "MFT0328";
        (await ProblemAsync(await api.GetAsync($"/api/organisations/{TestApi.Number}", "en"), HttpStatusCode.InternalServerError))["title"]!.GetValue<string>().Should().Be("Stored data is damaged");
        broken.Code = "MFT0501";
        (await ProblemAsync(await api.GetAsync($"/api/organisations/{TestApi.Number}"), HttpStatusCode.ServiceUnavailable))["title"]!.GetValue<string>().Should().Be("Lageret er ikke tilgjengelig nå");
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { """{"action":"openMapping","unit":"raadhuset","colour":"green"}""", "MFT0007", "$.colour" },
        { """{"action":"recordAssessment","unit":"raadhuset","criterion":"one","status":"fulfilled"}""", "MFT0002", "$.criterion" },
        { """{"action":"recordAssessment","unit":"raadhuset","criterion":1,"status":"done"}""", "MFT0002", "$.status" },
        { """{"action":"fly","unit":"raadhuset"}""", "MFT0008", "$.action" },
        { """{"unit":"raadhuset"}""", "MFT0006", "$.action" },
        { """{"action":"openMapping"}""", "MFT0006", "$.unit" },
        { """{"action":"openMapping","unit":"Not An Id"}""", "MFT0214", "$.unit" },
        { """{"action":"completeStartUp","startUpListSentOn":"20.01.2024"}""", "MFT0002", "$.startUpListSentOn" },
        { """{"action":"openMapping","unit":"raadhuset",""", "MFT0001", "$.unit" },
        { """{"action":"openMapping","unit":"raadhuset","unit":"raadhuset"}""", "MFT0005", "$.unit" },
        { """[1,2,3]""", "MFT0002", "$" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task ABadBody_Is400_WithTheProblemLocated(string body, string code, string path)
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);
        var version = (await api.GetJsonAsync($"/api/organisations/{TestApi.Number}"))["version"]!.GetValue<long>();

        var problem = await ProblemAsync(await api.PostAsync($"/api/organisations/{TestApi.Number}/actions", body, language: "en"), HttpStatusCode.BadRequest);

        problem["code"]!.GetValue<string>().Should().Be(code, problem.ToJsonString());
        problem["problems"]![0]!["path"]?.GetValue<string>().Should().Be(path, problem.ToJsonString());
        problem["title"]!.GetValue<string>().Should().Be("Invalid request");
        (await api.GetJsonAsync($"/api/organisations/{TestApi.Number}"))["version"]!.GetValue<long>().Should().Be(version);
    }

    [Fact]
    public async Task AnAbsurdlyLargeBody_Is413_WithoutReadingItAll()
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);
        var body = """{"action":"withdraw","unit":"raadhuset","reason":" """ + new string('x', 3 << 20) + "\"}";

        var problem = await ProblemAsync(await api.PostAsync($"/api/organisations/{TestApi.Number}/actions", body), HttpStatusCode.RequestEntityTooLarge);

        problem["code"]!.GetValue<string>().Should().Be("MFT0003");
    }

    [Fact]
    public async Task AnOutOfRangePageSize_Is400()
    {
        await using var api = await TestApi.StartAsync();

        (await ProblemAsync(await api.GetAsync("/api/organisations?limit=0", "en"), HttpStatusCode.BadRequest))["code"]!.GetValue<string>().Should().Be("MFT0404");
        (await ProblemAsync(await api.GetAsync("/api/organisations?limit=ten", "en"), HttpStatusCode.BadRequest))["code"]!.GetValue<string>().Should().Be("MFT0008");
    }

    [Fact]
    public async Task ALibraryErrorInTheHostsOwnEndpoint_IsAProblemToo_ThroughTheExceptionHandler()
    {
        await using var api = await TestApi.StartAsync(map: app => app.MapGet("/own/{number}", async (string number, LifecycleRepository repository) =>
            (await repository.GetAsync(number)).Organisation.Name));

        var problem = await ProblemAsync(await api.GetAsync("/own/999999999", "nn"), HttpStatusCode.NotFound);

        problem["code"]!.GetValue<string>().Should().Be("MFT0506");
        problem["title"]!.GetValue<string>().Should().Be("Finst ikkje");
        problem["detail"]!.GetValue<string>().Should().Contain("999999999");
    }

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            response.StatusCode.Should().Be(status, body);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            var problem = JsonNode.Parse(body)!;
            problem["status"]!.GetValue<int>().Should().Be((int)status);
            return problem;
        }
    }
}
