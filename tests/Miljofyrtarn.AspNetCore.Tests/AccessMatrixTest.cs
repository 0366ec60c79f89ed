using System.Net;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Miljofyrtarn.AspNetCore.Tests.HeimScenario;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>
/// Who may do what over HTTP: every endpoint × anonymous, each role, the certifier, the foundation and a user of another
/// municipality, against a governed Heim. Table-driven; it fails when an endpoint is mapped without a row.
/// </summary>
public sealed class AccessMatrixTest
{
    /// <summary>A person: their subject, the organisation numbers their claims name, and their roles.</summary>
    public sealed record Person(string Name, string? User, string Organisations = TestApi.Number, string? Roles = null)
    {
        public override string ToString() => Name;
    }

    private const string Consultant = "konsulent@radgiver.no";
    private const string Reader = "innsyn@heim.kommune.no";
    private const string Contact = "solsikken@heim.kommune.no";
    private const string H = "/api/organisations/" + TestApi.Number;

    private static readonly Person Anonymous = new("anonymous", null);
    private static readonly Person CoordinatorUser = new("coordinator", TestApi.Coordinator);
    private static readonly Person MayorUser = new("management", TestApi.Mayor);
    private static readonly Person ContactUser = new("unit contact", Contact);
    private static readonly Person ConsultantUser = new("consultant", Consultant, Organisations: "");
    private static readonly Person ReaderUser = new("reader", Reader);
    private static readonly Person CertifierUser = new("certifier", Kari, Organisations: "");
    private static readonly Person FoundationUser = new("foundation", TestApi.Foundation, Organisations: "", Roles: TestApi.FoundationRole);
    private static readonly Person Stranger = new("other municipality", "miljo@naboby.kommune.no", Organisations: "974760673");

    private static readonly Person[] People = [Anonymous, CoordinatorUser, MayorUser, ContactUser, ConsultantUser, ReaderUser, CertifierUser, FoundationUser, Stranger];

    private static readonly string NabobyStart = StartBody.Replace("964123454", "974760673", StringComparison.Ordinal).Replace("Heim kommune", "Naboby kommune", StringComparison.Ordinal);

    private static readonly string Per = JsonSerializer.Serialize(new { id = "per@certnor.no", name = "Per Sertifisør", organisationNumber = "974760673" });

    /// <summary>Each endpoint: its method and route, the request made, and the status each person gets (in <see cref="People"/>' order).</summary>
    private static readonly (string Method, string Route, string Path, string? Body, int[] Expected)[] Rows =
    [
        //                                                                                            anon coord mgmt  contact consult reader  cert  found  other
        ("GET", "/api/organisations", "/api/organisations", null, [401, 200, 200, 200, 200, 200, 200, 200, 200]),
        ("POST", "/api/organisations", "/api/organisations", NabobyStart, [401, 403, 403, 403, 403, 403, 403, 201, 201]),
        ("GET", "/api/organisations/{organisation}", H, null, [401, 200, 200, 200, 200, 200, 200, 200, 403]),
        ("GET", "/api/organisations/{organisation}/readiness", H + "/readiness", null, [401, 200, 200, 200, 200, 200, 200, 200, 403]),
        ("GET", "/api/organisations/{organisation}/units/{unit}/readiness", H + "/units/" + Barnehage + "/readiness", null, [401, 200, 200, 200, 200, 200, 200, 200, 403]),
        ("GET", "/api/organisations/{organisation}/units/{unit}/resolution", H + "/units/" + Barnehage + "/resolution", null, [401, 200, 200, 200, 200, 200, 200, 200, 403]),
        ("GET", "/api/organisations/{organisation}/units/{unit}/assessments", H + "/units/" + Barnehage + "/assessments", null, [401, 200, 200, 200, 200, 200, 200, 403, 403]),
        ("GET", "/api/organisations/{organisation}/units/{unit}/actions", H + "/units/" + Barnehage + "/actions", null, [401, 200, 200, 200, 200, 200, 200, 200, 403]),
        ("POST", "/api/organisations/{organisation}/actions", H + "/actions", "assessment", [401, 200, 403, 200, 200, 403, 403, 403, 403]),
        ("GET", "/api/organisations/{organisation}/deadlines", H + "/deadlines", null, [401, 200, 200, 200, 200, 200, 200, 200, 403]),
        ("GET", "/api/organisations/{organisation}/calendar.ics", H + "/calendar.ics", null, [401, 200, 200, 200, 200, 200, 200, 200, 403]),
        ("GET", "/api/organisations/{organisation}/units/{unit}/reports/{year:int}", H + "/units/" + Raadhuset + "/reports/2024", null, [401, 404, 404, 404, 404, 404, 404, 404, 403]),
        ("GET", "/api/organisations/{organisation}/climate/{year:int}", H + "/climate/2024", null, [401, 400, 400, 400, 400, 400, 400, 400, 403]), // no reports yet: let in, then refused
        ("GET", "/api/organisations/{organisation}/climate/{year:int}/versions", H + "/climate/2024/versions", null, [401, 200, 200, 200, 200, 200, 200, 200, 403]), // no reports yet: none
        ("GET", "/api/organisations/{organisation}/climate/target", H + "/climate/target", null, [401, 404, 404, 404, 404, 404, 404, 404, 403]), // no target set yet
        ("GET", "/api/organisations/{organisation}/roles", H + "/roles", null, [401, 200, 200, 403, 200, 200, 200, 403, 403]),
        ("POST", "/api/organisations/{organisation}/roles", H + "/roles", """{"person":"ny@heim.kommune.no","role":"reader"}""", [401, 200, 200, 403, 403, 403, 403, 403, 403]),
        ("POST", "/api/organisations/{organisation}/roles/revoke", H + "/roles/revoke", $$"""{"person":"{{Reader}}","role":"reader"}""", [401, 200, 200, 403, 403, 403, 403, 403, 403]),
        ("POST", "/api/organisations/{organisation}/certifier", H + "/certifier", Per, [401, 403, 403, 403, 403, 403, 403, 200, 403]),
        ("GET", "/api/organisations/{organisation}/history", H + "/history", null, [401, 200, 200, 403, 200, 200, 200, 403, 403]), // personal data, as the roles
        ("GET", "/api/catalog", "/api/catalog", null, [401, 200, 200, 200, 200, 200, 200, 200, 200]),
    ];

    public static TheoryData<int> RowIndexes => [.. Enumerable.Range(0, Rows.Length)];

    [Fact]
    public async Task EveryMappedEndpoint_HasARow()
    {
        await using var api = await TestApi.StartAsync();
        var mapped = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal);

        mapped.Should().Equal(Rows.Select(r => $"{r.Method} {r.Route}").Order(StringComparer.Ordinal), "every endpoint needs a row in the access matrix");
    }

    [Theory]
    [MemberData(nameof(RowIndexes))]
    public async Task EachPerson_GetsTheExpectedStatus(int row)
    {
        var (method, _, path, body, expected) = Rows[row];
        for (var i = 0; i < People.Length; i++)
        {
            // A fresh, governed Heim for every person, so one person's change cannot decide the next one's answer.
            await using var api = await TestApi.StartAsync();
            var criterion = await GovernedHeimAsync(api);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                var json = body == "assessment" ? JsonSerializer.Serialize(new { action = "recordAssessment", unit = Barnehage, criterion, status = "inProgress" }) : body;
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            Sign(request, People[i]);
            using var response = await api.Client.SendAsync(request, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            ((int)response.StatusCode).Should().Be(expected[i], $"{method} {path} as {People[i]}: {text}");
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                text.Should().Contain("\"category\":\"forbidden\"");
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                response.Headers.WwwAuthenticate.Should().NotBeEmpty();
                text.Should().Contain("MFT0507");
            }
        }
    }

    [Fact]
    public async Task TheListShows_EachUser_OnlyTheOrganisationsTheyMaySee()
    {
        await using var api = await TestApi.StartAsync();
        await GovernedHeimAsync(api);

        (await ListAsync(api, CoordinatorUser)).Should().Contain(TestApi.Number);
        (await ListAsync(api, CertifierUser)).Should().Contain(TestApi.Number, "the assigned certifier sees the organisation");
        (await ListAsync(api, FoundationUser)).Should().Contain(TestApi.Number);
        (await ListAsync(api, Stranger)).Should().NotContain(TestApi.Number);
    }

    private static async Task<string> ListAsync(TestApi api, Person person)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/organisations");
        Sign(request, person);
        using var response = await api.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Heim started, its consultant and reader granted, Kari assigned by the foundation; returns a criterion the kindergarten fulfils itself.</summary>
    internal static async Task<int> GovernedHeimAsync(TestApi api)
    {
        await StartAsync(api);
        await OkAsync(api.PostAsync(H + "/roles", $$"""{"person":"{{Consultant}}","role":"consultant"}"""));
        await OkAsync(api.PostAsync(H + "/roles", $$"""{"person":"{{Reader}}","role":"reader"}"""));
        await AssignKariAsync(api);
        var resolution = await api.GetJsonAsync(H + "/units/" + Barnehage + "/resolution");
        return (int)resolution["criteria"]!.AsArray().First(c => (string?)c!["fulfilledBy"] == "unit")!["id"]!;
    }

    private static void Sign(HttpRequestMessage request, Person person)
    {
        if (person.User is null)
        {
            return;
        }

        request.Headers.Add("X-Test-User", person.User);
        request.Headers.Add("X-Test-Organisations", person.Organisations);
        if (person.Roles is not null)
        {
            request.Headers.Add("X-Test-Roles", person.Roles);
        }
    }
}
