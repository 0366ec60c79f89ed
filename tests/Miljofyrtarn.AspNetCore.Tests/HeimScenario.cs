using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>Heim kommune through the HTTP API only, as a frontend would drive it.</summary>
internal static class HeimScenario
{
    public const string Raadhuset = "raadhuset";
    public const string Barnehage = "solsikken-barnehage";
    public const string BarnehageLeader = "leder.solsikken-barnehage@heim.kommune.no";

    public const string Kari = "kari@certnor.no";

    public static readonly object Certifier = new { id = Kari, name = "Kari Sertifisør", organisationNumber = "974760673" };

    public const string StartBody = """
        {
          "name": "Heim kommune",
          "kind": "municipality",
          "number": "964123454",
          "headquarters": {
            "id": "raadhuset",
            "name": "Rådhuset",
            "address": "Rådhusplassen 1, 9999 Heim",
            "fullTimeEquivalents": 120,
            "mainSet": "felles-kommune-2023",
            "answers": { "buildings": true, "vehicles": true, "kitchen": false, "chemicals": false },
            "officer": { "id": "miljo@heim.kommune.no", "name": "Miljøkoordinatoren" },
            "management": [ { "id": "ordforer@heim.kommune.no", "name": "Ordføreren" } ]
          }
        }
        """;

    public static object AddBarnehage => new
    {
        action = "addUnit",
        unit = new
        {
            id = Barnehage,
            name = "Solsikken barnehage",
            address = "Solsikkevegen 1, 9999 Heim",
            fullTimeEquivalents = 20,
            sets = new[] { "barnehage" },
            mainSet = "barnehage",
            answers = new Dictionary<string, bool> { ["buildings"] = true, ["vehicles"] = false, ["kitchen"] = true, ["chemicals"] = true },
            officer = new { id = "solsikken@heim.kommune.no", name = "Miljøfyrtårnansvarlig Solsikken" },
            management = new[] { new { id = BarnehageLeader, name = "Styreren" } },
        },
    };

    /// <summary>Started, with the kindergarten added and the start-up completed on 20 January 2024.</summary>
    public static async Task StartAsync(TestApi api)
    {
        (await api.PostAsync("/api/organisations", StartBody)).StatusCode.Should().Be(HttpStatusCode.Created);
        await OkAsync(api.ActAsync(AddBarnehage));
        await OkAsync(api.ActAsync(new { action = "completeStartUp", startUpListSentOn = "2024-01-20" }));
    }

    /// <summary>Kari assigned as Heim's certifier by the foundation, unless she is already (the first assignment makes Heim governed by roles).</summary>
    public static async Task AssignKariAsync(TestApi api)
    {
        var roles = await api.GetJsonAsync($"/api/organisations/{TestApi.Number}/roles");
        if ((string?)roles["certifier"]?["id"] != Kari)
        {
            await OkAsync(api.PostAsync($"/api/organisations/{TestApi.Number}/certifier", System.Text.Json.JsonSerializer.Serialize(Certifier), user: TestApi.Foundation, roles: TestApi.FoundationRole));
        }
    }

    /// <summary>Opens the unit's mapping, records every criterion it fulfils itself as fulfilled, delivers and certifies.</summary>
    public static async Task CertifyAsync(TestApi api, string unit, string manager, string certificateNumber)
    {
        await OkAsync(api.ActAsync(new { action = "openMapping", unit }));
        await FulfilAllAsync(api, unit);
        await OkAsync(api.ActAsync(new { action = "deliver", unit }, user: manager));
        await AssignKariAsync(api);
        await OkAsync(api.ActAsync(new { action = "certify", unit, certifier = Certifier, certificateNumber }, user: Kari));
    }

    public static async Task FulfilAllAsync(TestApi api, string unit)
    {
        var resolution = await api.GetJsonAsync($"/api/organisations/{TestApi.Number}/units/{unit}/resolution");
        foreach (var criterion in resolution["criteria"]!.AsArray())
        {
            if ((string?)criterion!["fulfilledBy"] == "unit" && (string?)criterion["status"] != "fulfilled")
            {
                await OkAsync(api.ActAsync(new { action = "recordAssessment", unit, criterion = (int)criterion["id"]!, status = "fulfilled", comment = "Rutine på plass" }));
            }
        }
    }

    public static object Report(string unit, int year) => new
    {
        action = "submitAnnualReport",
        unit,
        year,
        content = new
        {
            figures = new object[]
            {
                new { code = "arsverk", value = 120, unit = "fullTimeEquivalent" },
                new { code = "oppvarmet-areal", value = 6000, unit = "squareMetre" },
                new { code = "sykefravaer", value = 6.1, unit = "percent" },
                new { code = "avfall-sortert", value = 12000, unit = "kilogram" },
                new { code = "avfall-restavfall", value = 7200, unit = "kilogram", estimated = true },
                new { code = "strom", value = 630000, unit = "kilowattHour" },
                new { code = "diesel", value = 400, unit = "litre" },
            },
            measures = new[] { "LED-belysning i hele rådhuset" },
        },
    };

    public static async Task<JsonNode> OkAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!;
    }
}
