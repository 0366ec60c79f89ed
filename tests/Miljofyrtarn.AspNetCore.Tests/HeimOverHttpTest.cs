using System.Net;
using FluentAssertions;
using Miljofyrtarn.Core.Reporting;
using static Miljofyrtarn.AspNetCore.Tests.HeimScenario;
using Xunit;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>The whole Heim scenario through the JSON API of a real host: start, start-up, assessments, delivery, certification, reports, deadlines, calendar.</summary>
public sealed class HeimOverHttpTest
{
    private static readonly LeftOutActivity[] NoWasteFactors =
        [new("waste-recycled", "ingen avfallsfaktorer er lastet inn"), new("waste-residual", "ingen avfallsfaktorer er lastet inn")];

    [Fact]
    public async Task Heim_GoesFromStartToClimateAccount_OverHttp()
    {
        await using var api = await TestApi.StartAsync(store: b => b.AddInMemoryEventStore().ConfigureClimateAccount(null, NoWasteFactors));

        await StartAsync(api);
        var started = await api.GetJsonAsync($"/api/organisations/{TestApi.Number}");
        started["phase"]!.GetValue<string>().Should().Be("measuresAndCriteria");
        started["units"]!.AsArray().Select(u => (string?)u!["id"]).Should().Equal(Raadhuset, Barnehage);
        started["units"]![0]!["role"]!.GetValue<string>().Should().Be("headquarters");

        // HK first: the kindergarten cannot be certified before the town hall.
        api.SetDate(2024, 3, 1);
        await CertifyAsync(api, Raadhuset, TestApi.Mayor, "MFT-HK-1");
        var readiness = await api.GetJsonAsync($"/api/organisations/{TestApi.Number}/units/{Raadhuset}/readiness");
        readiness["readyForCertifier"]!.GetValue<bool>().Should().BeTrue();
        readiness["percentMustFulfilled"]!.GetValue<double>().Should().Be(100);

        api.SetDate(2024, 4, 2);
        await CertifyAsync(api, Barnehage, BarnehageLeader, "MFT-UE-1");

        var overview = await api.GetJsonAsync($"/api/organisations/{TestApi.Number}");
        overview["units"]!.AsArray().Select(u => (string?)u!["state"]).Should().Equal("certified", "certified");
        overview["units"]![1]!["certificate"]!["number"]!.GetValue<string>().Should().Be("MFT-UE-1");
        overview["units"]![1]!["certificate"]!["validTo"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}$");
        overview["units"]![0]!["stateName"]!.GetValue<string>().Should().Be("Sertifisert");

        // The first full year is 2025: the report is due in 2026.
        api.SetDate(2026, 2, 2);
        var afterReport = await OkAsync(api.ActAsync(Report(Raadhuset, 2025)));
        afterReport["version"]!.GetValue<long>().Should().BeGreaterThan(overview["version"]!.GetValue<long>());

        var report = await api.GetJsonAsync($"/api/organisations/{TestApi.Number}/units/{Raadhuset}/reports/2025", "en");
        report["submittedAt"]!.GetValue<string>().Should().EndWith("Z");
        report["figures"]!.AsArray().Should().Contain(f => (string?)f!["code"] == "strom" && (string?)f["name"] == "Electricity use");

        var climate = await api.GetJsonAsync($"/api/organisations/{TestApi.Number}/climate/2025");
        climate["total"]!.GetValue<double>().Should().BeGreaterThan(0);
        climate["leftOut"]!.AsArray().Should().HaveCount(2);
        climate["lines"]!.AsArray().Should().Contain(l => (string?)l!["activity"] == "electricity");

        var deadlines = await api.GetJsonAsync($"/api/organisations/{TestApi.Number}/deadlines?unit={Barnehage}&kind=AnnualReport");
        deadlines.AsArray().Should().NotBeEmpty().And.OnlyContain(d => (string?)d!["unit"] == Barnehage && (string?)d["kind"] == "annualReport");
        deadlines.AsArray().Should().Contain(d => (int?)d!["year"] == 2025 && (string?)d["status"] == "dueSoon" || (string?)d!["status"] == "upcoming");

        using var calendar = await api.GetAsync($"/api/organisations/{TestApi.Number}/calendar.ics");
        calendar.StatusCode.Should().Be(HttpStatusCode.OK);
        calendar.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        (await calendar.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().StartWith("BEGIN:VCALENDAR").And.Contain("Solsikken barnehage");

        // The kindergarten's 2025 report is open, so its leader may submit a report now; once it is in, the 2026 report
        // cannot be submitted during 2026. (Asked with an actor, only the guards about the actor depend on who asks.)
        var open = await api.GetJsonAsync($"/api/organisations/{TestApi.Number}/units/{Barnehage}/actions", "en", BarnehageLeader);
        open.AsArray().Single(a => (string?)a!["action"] == "submitAnnualReport")!["allowed"]!.GetValue<bool>().Should().BeTrue("the 2025 report is due");
        await OkAsync(api.ActAsync(Report(Barnehage, 2025)));
        var actions = await api.GetJsonAsync($"/api/organisations/{TestApi.Number}/units/{Barnehage}/actions", "en", BarnehageLeader);
        var submit = actions.AsArray().Single(a => (string?)a!["action"] == "submitAnnualReport")!;
        submit["allowed"]!.GetValue<bool>().Should().BeFalse("the 2026 report cannot be submitted during 2026");
        submit["reasons"]![0]!["code"]!.GetValue<string>().Should().Be("MFT0316");
        submit["reasons"]![0]!["message"]!.GetValue<string>().Should().Contain("Solsikken barnehage").And.Contain("1 January 2027");
        actions.AsArray().Single(a => (string?)a!["action"] == "openRecertification")!["name"]!.GetValue<string>().Should().Be("Open recertification");

        var list = await api.GetJsonAsync("/api/organisations?limit=10");
        var listed = list["items"]!.AsArray().Single()!;
        listed["number"]!.GetValue<string>().Should().Be(TestApi.Number);
        listed["name"]!.GetValue<string>().Should().Be("Heim kommune", "a frontend lists organisations by name (issue 32)");
        listed["kind"]!.GetValue<string>().Should().Be("municipality");
        listed["version"]!.GetValue<long>().Should().BeGreaterThan(1);
        list["next"].Should().BeNull();
    }

    [Fact]
    public async Task TextsFollowTheLanguageAsked_OrAllThree()
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);

        (await api.GetJsonAsync($"/api/organisations/{TestApi.Number}", "nn"))["phaseName"]!.GetValue<string>().Should().Be("Tiltak og kriterium");
        var all = await api.GetJsonAsync($"/api/organisations/{TestApi.Number}?lang=all", "en");
        all["phaseName"]!["nb"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        all["phaseName"]!["en"]!.GetValue<string>().Should().NotBe(all["phaseName"]!["nb"]!.GetValue<string>());
        using var response = await api.GetAsync($"/api/organisations/{TestApi.Number}", "en-GB");
        response.Content.Headers.ContentLanguage.Should().Equal("en");
    }
}
