using System.Text.Json.Nodes;
using FluentAssertions;
using Miljofyrtarn.Core.Contracts;
using Xunit;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>The host's OpenAPI document describes the library's contracts, not empty schemas.</summary>
public sealed class OpenApiTest
{
    [Fact]
    public async Task TheDocument_DescribesEveryEndpointAndContract()
    {
        await using var api = await TestApi.StartAsync();

        var document = await api.GetJsonAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.Should().Contain(
        [
            "/api/organisations", "/api/organisations/{organisation}", "/api/organisations/{organisation}/actions",
            "/api/organisations/{organisation}/units/{unit}/readiness", "/api/organisations/{organisation}/units/{unit}/resolution",
            "/api/organisations/{organisation}/deadlines", "/api/organisations/{organisation}/calendar.ics",
            "/api/organisations/{organisation}/units/{unit}/reports/{year}", "/api/organisations/{organisation}/climate/{year}",
        ]);
        var schemas = document["components"]!["schemas"]!;
        Properties(schemas["OrganisationOverview"]!).Should().Contain(["number", "phase", "phaseName", "version", "units"]);
        Properties(schemas["UnitReadinessView"]!).Should().Contain(["counts", "percentMustFulfilled", "themes", "blocking"]);
        var unitReadiness = schemas["UnitReadinessView"]!["properties"]!;
        Properties(unitReadiness["blocking"]!["items"]!).Should().Equal("criterion", "title", "theme", "status", "fulfilledBy");
        Properties(unitReadiness["themes"]!["items"]!).Should().Equal("theme", "name", "counts");
        unitReadiness["blocking"]!["items"]!["properties"]!["status"]!["enum"]!.AsArray().Select(v => (string?)v).Should().Equal("notStarted", "inProgress", "fulfilled", "notApplicable");
        Properties(schemas["DeadlineView"]!).Should().Contain(["kind", "dueDate", "status"]);
        Properties(schemas["ClimateAccountView"]!).Should().Contain(["scope1", "scope2LocationBased", "scope3", "total", "lines"]);
        schemas["UnitId"]!["type"]!.GetValue<string>().Should().Be("string");
        schemas["LocalDate"]!["format"]!.GetValue<string>().Should().Be("date");
        schemas["Instant"]!["format"]!.GetValue<string>().Should().Be("date-time");
        schemas["ContractText"]!["oneOf"]!.AsArray().Should().HaveCount(2);
        schemas["UnitState"]!["enum"]!.AsArray().Select(v => (string?)v).Should().Contain("mappingOpen");
        schemas["LifecycleCommand"]!["anyOf"]!.AsArray().Should().HaveCount(typeof(LifecycleCommand).Assembly.GetTypes().Count(t => t.IsSubclassOf(typeof(LifecycleCommand))), "every command has its schema");
        var apply = document["paths"]!["/api/organisations/{organisation}/actions"]!["post"]!;
        apply["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>().Should().EndWith("/LifecycleCommand");
        apply["responses"]!.AsObject().Select(r => r.Key).Should().Contain(["200", "400", "404", "409", "412", "422"]);
    }

    [Fact]
    public async Task TheDocument_HoldsNoLibraryInternals_ADateIsAString()
    {
        // Issue 32: the date schema dragged in NodaTime's calendar system, era and day of the week.
        await using var api = await TestApi.StartAsync();

        var document = await api.GetJsonAsync("/openapi/v1.json");

        var schemas = document["components"]!["schemas"]!.AsObject();
        schemas.Select(s => s.Key).Should().NotContain(["CalendarSystem", "Era", "IsoDayOfWeek"]);
        schemas["LocalDate"]!.AsObject().Select(p => p.Key).Should().NotContain("properties");
        document.ToJsonString().Should().NotContain("#/components/schemas/CalendarSystem").And.NotContain("#/components/schemas/IsoDayOfWeek");
    }

    private static IEnumerable<string> Properties(JsonNode schema) => schema["properties"]!.AsObject().Select(p => p.Key);
}
