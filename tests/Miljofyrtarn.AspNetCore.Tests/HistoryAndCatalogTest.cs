using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;
using static Miljofyrtarn.AspNetCore.Tests.HeimScenario;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>Issue 32: a frontend had no audit trail and no catalog endpoint.</summary>
public sealed class HistoryAndCatalogTest
{
    private const string H = "/api/organisations/" + TestApi.Number;

    [Fact]
    public async Task TheHistory_IsPagedInOrder_EachEventAsInAHistoryDocument()
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);
        var version = (await api.GetJsonAsync(H))["version"]!.GetValue<long>();

        var first = await api.GetJsonAsync(H + "/history?limit=2");
        var rest = await api.GetJsonAsync(H + "/history?after=" + first["next"]!.GetValue<string>() + "&limit=100");

        first["items"]!.AsArray().Select(e => e!["sequence"]!.GetValue<long>()).Should().Equal(1, 2);
        first["items"]![0]!["type"]!.GetValue<string>().Should().Be("organisationCreated");
        first["items"]![0]!["actor"]!.GetValue<string>().Should().Be(TestApi.Coordinator);
        first["next"]!.GetValue<string>().Should().Be("2");
        rest["items"]!.AsArray().Select(e => e!["sequence"]!.GetValue<long>()).Should().Equal(Enumerable.Range(3, (int)version - 2).Select(i => (long)i));
        rest["next"].Should().BeNull();
    }

    [Fact]
    public async Task TheHistory_HoldsPersonalData_SoAReaderFromAnotherOrganisationIsRefused()
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);
        using var request = new HttpRequestMessage(HttpMethod.Get, H + "/history");
        request.Headers.Add("X-Test-User", "miljo@naboby.kommune.no");
        request.Headers.Add("X-Test-Organisations", "974760673");

        using var response = await api.Client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheCatalog_IsServedInItsOwnFormat_WithAnETagOfItsVersion()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.GetAsync("/api/catalog");
        var catalog = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        catalog["criteria"]!.AsArray().Should().NotBeEmpty();
        catalog["questions"]!.AsArray().Should().NotBeEmpty();
        response.Headers.ETag!.Tag.Should().Be($"\"catalog-{catalog["version"]!.GetValue<string>()}\"");
        Core.Catalog.CriteriaCatalog.Load(System.Text.Encoding.UTF8.GetBytes(catalog.ToJsonString())).Version.Should().Be(catalog["version"]!.GetValue<string>());
    }
}

/// <summary>Issue 32: a usable organisation took three calls (start, add each unit).</summary>
public sealed class StartWithUnitsTest
{
    [Fact]
    public async Task AnOrganisation_IsStartedWithItsUnits_InOneCall()
    {
        await using var api = await TestApi.StartAsync();
        var body = JsonNode.Parse(StartBody)!;
        var kindergarten = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(AddBarnehage))!["unit"]!;
        var school = kindergarten.DeepClone();
        school["id"] = "heim-skule";
        school["name"] = "Heim skule";
        body["units"] = new JsonArray(kindergarten.DeepClone(), school);

        using var started = await api.PostAsync("/api/organisations", body.ToJsonString());
        var overview = JsonNode.Parse(await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        started.StatusCode.Should().Be(HttpStatusCode.Created);
        overview["units"]!.AsArray().Select(u => u!["id"]!.GetValue<string>()).Should().Equal(Raadhuset, Barnehage, "heim-skule");
        overview["version"]!.GetValue<long>().Should().Be(3);
    }

    [Fact]
    public async Task AnInvalidUnit_RefusesTheWholeStart_NamingItsPath_AndNothingIsStored()
    {
        await using var api = await TestApi.StartAsync();
        var body = JsonNode.Parse(StartBody)!;
        var unit = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(AddBarnehage))!["unit"]!;
        unit["id"] = "Ugyldig ID!";
        body["units"] = new JsonArray(unit.DeepClone());

        using var refused = await api.PostAsync("/api/organisations", body.ToJsonString());
        var problem = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, problem);
        problem.Should().Contain("$.units[0]");
        using var missing = await api.GetAsync("/api/organisations/" + TestApi.Number);
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
