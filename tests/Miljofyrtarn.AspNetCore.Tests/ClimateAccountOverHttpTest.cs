using System.Net;
using FluentAssertions;
using Miljofyrtarn.Core.Reporting;
using NodaTime;
using Xunit;
using static Miljofyrtarn.AspNetCore.Tests.HeimScenario;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>
/// The climate account a host serves stays what was submitted (issue 33): a report records the host's factor set of its
/// day, and a recomputation with a set published later is a recorded action.
/// </summary>
public sealed class ClimateAccountOverHttpTest
{
    private static readonly LeftOutActivity[] NoWasteFactors =
        [new("waste-recycled", "ingen avfallsfaktorer er lastet inn"), new("waste-residual", "ingen avfallsfaktorer er lastet inn")];

    /// <summary>NVE's 2025 figure as the host loads it once published on 30 June 2026: 10 g CO2e/kWh.</summary>
    private static readonly EmissionFactorSet Nve2025 = EmissionFactorSet.Create("no-2025", "NVE", 2025, new LocalDate(2026, 6, 30), "NO", "IPCC 2006 / AR5 GWP100", "NLOD 2.0",
        "https://www.nve.no/energi/energisystem/kraftproduksjon/hvor-kommer-strommen-fra/",
        [
            new EmissionFactor("electricity", MeasureUnit.KilowattHour, 0.010, EmissionScope.Scope2, method: Scope2Method.LocationBased, source: "NVE, 2025: 10 g CO2e/kWh"),
            new EmissionFactor("diesel", MeasureUnit.Litre, 2.66, EmissionScope.Scope1, source: "Miljødirektoratet"),
        ]);

    [Fact]
    public async Task TheAccount_KeepsTheSetOfItsSubmission_UntilARecordedRecomputation()
    {
        await using var api = await TestApi.StartAsync(store: b => b.AddInMemoryEventStore().ConfigureClimateAccount([.. EmissionFactorSet.Defaults, Nve2025], NoWasteFactors));
        await StartAsync(api);
        api.SetDate(2024, 3, 1);
        await CertifyAsync(api, Raadhuset, TestApi.Mayor, "MFT-HK-1");
        api.SetDate(2026, 2, 2);
        await OkAsync(api.ActAsync(Report(Raadhuset, 2025)));

        // By hand, with no-2023 (15 g): 400 l diesel × 2.66 + 630,000 kWh × 0.015 = 1,064 + 9,450 = 10,514 kg.
        var submitted = await api.GetJsonAsync($"/api/organisations/{TestApi.Number}/climate/2025");
        submitted["factorSet"]!.GetValue<string>().Should().Be("no-2023");
        submitted["total"]!.GetValue<double>().Should().Be(10_514);

        api.SetDate(2026, 7, 1);
        var later = await api.GetJsonAsync($"/api/organisations/{TestApi.Number}/climate/2025");
        later.ToJsonString().Should().Be(submitted.ToJsonString(), "NVE's 2025 figure is published now, but the submitted account does not move");

        using var byUnitContact = await api.ActAsync(new { action = "recomputeClimateAccount", year = 2025, factorSet = "no-2025", publishedOn = "2026-06-30" }, BarnehageLeader);
        byUnitContact.StatusCode.Should().Be(HttpStatusCode.Forbidden, "management or the coordinator recompute the published account");

        await OkAsync(api.ActAsync(new { action = "recomputeClimateAccount", year = 2025, factorSet = "no-2025", publishedOn = "2026-06-30" }));

        // With no-2025 (10 g): 1,064 + 630,000 × 0.010 = 1,064 + 6,300 = 7,364 kg.
        var recomputed = await api.GetJsonAsync($"/api/organisations/{TestApi.Number}/climate/2025");
        recomputed["factorSet"]!.GetValue<string>().Should().Be("no-2025");
        recomputed["factorSetPublishedOn"]!.GetValue<string>().Should().Be("2026-06-30");
        recomputed["recomputedAt"]!.GetValue<string>().Should().StartWith("2026-07-01");
        recomputed["total"]!.GetValue<double>().Should().Be(7_364);

        using var again = await api.ActAsync(new { action = "recomputeClimateAccount", year = 2025, factorSet = "no-2025", publishedOn = "2026-06-30" });
        again.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("MFT0623");

        var versions = await api.GetJsonAsync($"/api/organisations/{TestApi.Number}/climate/2025/versions");
        versions.AsArray().Select(v => ((string?)v!["factorSet"], (double?)v["total"])).Should().Equal(("no-2023", 10_514d), ("no-2025", 7_364d));
    }

    [Fact]
    public async Task TheClimateTarget_IsSetByCommand_AndItsPathServed()
    {
        await using var api = await TestApi.StartAsync(store: b => b.AddInMemoryEventStore().ConfigureClimateAccount(null, NoWasteFactors));
        await StartAsync(api);
        api.SetDate(2024, 3, 1);
        await CertifyAsync(api, Raadhuset, TestApi.Mayor, "MFT-HK-1");
        api.SetDate(2026, 2, 2);
        await OkAsync(api.ActAsync(Report(Raadhuset, 2025)));
        using var none = await api.GetAsync($"/api/organisations/{TestApi.Number}/climate/target");
        none.StatusCode.Should().Be(HttpStatusCode.NotFound);

        await OkAsync(api.ActAsync(new { action = "setClimateTarget", baseYear = 2020, method = "locationBased", baseEmissions = 14_000, milestones = new[] { new { year = 2030, reductionPercent = 50 }, new { year = 2050, reductionPercent = 95 } } }));

        // 2025 (10,514 kg) against the line to 2030: 14,000 × (1 − 0.5 × 5/10) = 10,500, so just off track; still to cut
        // (10,514 − 7,000) / 5 = 702.8 kg a year.
        var target = await api.GetJsonAsync($"/api/organisations/{TestApi.Number}/climate/target");
        target["years"]!.AsArray().Select(y => ((int?)y!["year"], (double?)y["path"], (bool?)y["onTrack"])).Should().Equal((2020, 14_000d, true), (2025, 10_500d, false));
        target["onTrack"]!.GetValue<bool>().Should().BeFalse();
        target["nextTargetYear"]!.GetValue<int>().Should().Be(2030);
        target["requiredCutPerYear"]!.GetValue<double>().Should().BeApproximately(702.8, 1e-9);
    }
}
