using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Reporting;
using Miljofyrtarn.Core.Tests.Lifecycle;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime.Testing;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Reporting;

/// <summary>
/// The target path (issue 33): an organisation records its climate target, and the account says where each year stands
/// against the straight line from the base year to each target. Expected figures are worked by hand in the comments.
/// </summary>
public class ClimateTargetTest
{
    private static readonly LeftOutActivity[] NoWasteFactors = [new("waste-recycled", "ingen faktor"), new("waste-residual", "ingen faktor")];

    /// <summary>
    /// Headquarters' 2025 report, submitted 1 March 2026: 310,000 kWh × 0.015 (no-2023) = 4,650 kg and 850 l diesel × 2.66
    /// = 2,261 kg, so 6,911 kg CO2e by location.
    /// </summary>
    private static OrganisationLifecycle Reported(out FakeClock clock)
    {
        clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        SetDate(clock, 2026, 3, 1);
        return heim.SubmitAnnualReport(Heim.Raadhuset, 2025, Coordinator, heim.CreateReport(Heim.Raadhuset, 2025, ReportBuilder.TownHall()));
    }

    private static ClimateTarget MunicipalPlan(double baseEmissions) =>
        ClimateTarget.Create(2020, Scope2Method.LocationBased, [new TargetMilestone(2030, 50), new TargetMilestone(2050, 90)], baseEmissions);

    [Fact]
    public void AYearUnderTheLineToEveryTarget_IsOnTrack_WithTheCutStillNeeded()
    {
        var heim = Reported(out _).SetClimateTarget(MunicipalPlan(10_000), Coordinator);

        var view = heim.ToClimateTargetView(null, NoWasteFactors)!;

        // 2025 is halfway from 2020 (10,000) to 2030 (−50 %: 5,000): the path allows 7,500, and 6,911 is under it.
        view.Years.Select(y => (y.Year, y.Emissions, y.Path, y.OnTrack)).Should().Equal((2020, 10_000d, 10_000d, true), (2025, 6_911d, 7_500d, true));
        view.OnTrack.Should().BeTrue();
        view.Milestones.Select(m => m.Emissions).Should().BeEquivalentTo([5_000d, 1_000d], o => o.WithStrictOrdering().Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-9)).WhenTypeIs<double>());

        // To 2030's 5,000 kg in five years: (6,911 − 5,000) / 5 = 382.2 kg a year, 382.2 / 6,911 = 5.53 % of 2025's.
        view.NextTargetYear.Should().Be(2030);
        view.RequiredCutPerYear.Should().BeApproximately(382.2, 1e-9);
        view.RequiredCutPercentPerYear.Should().BeApproximately(5.5303, 1e-4);
    }

    [Fact]
    public void AYearOverThePath_IsOffTrack()
    {
        var heim = Reported(out _).SetClimateTarget(MunicipalPlan(8_000), Coordinator);

        var view = heim.ToClimateTargetView(null, NoWasteFactors)!;

        // Path 2025: halfway from 8,000 to 4,000 = 6,000 < 6,911. Still to cut: (6,911 − 4,000) / 5 = 582.2 kg a year.
        view.Years[^1].Path.Should().Be(6_000);
        view.OnTrack.Should().BeFalse();
        view.RequiredCutPerYear.Should().BeApproximately(582.2, 1e-9);
    }

    [Fact]
    public void ThePath_IsFlatAtATargetOnceItsYearHasPassed_AndWithoutANextTargetNothingIsStillNeeded()
    {
        var heim = Reported(out _).SetClimateTarget(ClimateTarget.Create(2020, Scope2Method.LocationBased, [new TargetMilestone(2022, 20)], 10_000), Coordinator);

        var path = ClimateTargetPath.Compute(heim.ClimateTarget!, [ClimateAccount.ComputeCombined(heim.GetReports(2025), heim.Rules.Indicators, EmissionFactorSet.Defaults[^1], NoWasteFactors)]);

        path.PathAt(2021).Should().Be(9_000, "halfway to −20 % in 2022");
        path.PathAt(2019).Should().Be(10_000, "before the base year the path is the base");
        path.PathAt(2025).Should().Be(8_000, "the 2022 target holds after 2022");
        path.OnTrack.Should().BeTrue();
        path.NextMilestone.Should().BeNull();
        path.RequiredCutPerYear.Should().BeNull();
    }

    [Fact]
    public void WithoutGivenBaseEmissions_TheBaseYearsAccountIsTheBase_AndWithoutOneItIsACodedRefusal()
    {
        var heim = Reported(out _);

        var fromAccount = heim.SetClimateTarget(ClimateTarget.Create(2025, Scope2Method.LocationBased, [new TargetMilestone(2030, 55)]), Coordinator).ToClimateTargetView(null, NoWasteFactors)!;
        fromAccount.BaseEmissions.Should().Be(6_911);
        fromAccount.Years.Should().ContainSingle().Which.OnTrack.Should().BeTrue();

        var noBase = heim.SetClimateTarget(ClimateTarget.Create(2020, Scope2Method.LocationBased, [new TargetMilestone(2030, 55)]), Coordinator);
        FluentActions.Invoking(() => noBase.ToClimateTargetView(null, NoWasteFactors)).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.NoBaseYearAccount);

        var market = heim.SetClimateTarget(ClimateTarget.Create(2025, Scope2Method.MarketBased, [new TargetMilestone(2030, 55)]), Coordinator);
        FluentActions.Invoking(() => market.ToClimateTargetView(null, NoWasteFactors)).Should().Throw<MiljofyrtarnException>()
            .Which.Code.Should().Be(ErrorCodes.NoBaseYearAccount, "the default 2023 set has no residual mix, so 2025 has no market-based figure");
        heim.ToClimateTargetView(null, NoWasteFactors).Should().BeNull("no target is set");
    }

    [Fact]
    public void ThePath_RunsFromEachTargetToTheNext()
    {
        var heim = Reported(out _).SetClimateTarget(MunicipalPlan(10_000), Coordinator);
        var path = ClimateTargetPath.Compute(heim.ClimateTarget!, [ClimateAccount.ComputeCombined(heim.GetReports(2025), heim.Rules.Indicators, EmissionFactorSet.Defaults[^1], NoWasteFactors)]);

        // From 2030's 5,000 to 2050's 1,000: 4,000 over twenty years, 200 a year.
        path.PathAt(2030).Should().Be(5_000);
        path.PathAt(2040).Should().BeApproximately(3_000, 1e-9);
        path.PathAt(2050).Should().BeApproximately(1_000, 1e-9);
        path.PathAt(2060).Should().BeApproximately(1_000, 1e-9, "after the last target its level holds");
    }

    [Theory]
    [InlineData(2020, 2019, 50.0, "milestones.year")]
    [InlineData(2020, 2030, 0.0, "milestones.reductionPercent")]
    [InlineData(2020, 2030, 100.5, "milestones.reductionPercent")]
    [InlineData(2020, 2030, double.NaN, "milestones.reductionPercent")]
    [InlineData(1800, 2030, 50.0, "baseYear")]
    [InlineData(2020, 2201, 50.0, "milestones.year")]
    public void ATargetOutsideTheRules_IsRefused_NamingTheField(int baseYear, int year, double cut, string field)
    {
        var refused = FluentActions.Invoking(() => ClimateTarget.Create(baseYear, Scope2Method.LocationBased, [new TargetMilestone(year, cut)])).Should().Throw<MiljofyrtarnException>().Which;

        refused.Diagnostics.Should().Contain(d => d.Code == ErrorCodes.NumberOutOfRange && Equals(d.Arguments[0], field));
    }

    [Fact]
    public void TargetsThatGoBackwards_NoTargets_OrAnAbsurdBase_AreRefused()
    {
        Code(() => ClimateTarget.Create(2020, Scope2Method.LocationBased, [new TargetMilestone(2050, 90), new TargetMilestone(2030, 95)])).Should().Be(ErrorCodes.NumberOutOfRange);
        Code(() => ClimateTarget.Create(2020, Scope2Method.LocationBased, [new TargetMilestone(2030, 55), new TargetMilestone(2050, 50)])).Should().Be(ErrorCodes.NumberOutOfRange);
        Code(() => ClimateTarget.Create(2020, Scope2Method.LocationBased, [])).Should().Be(ErrorCodes.NoEntries);
        Code(() => ClimateTarget.Create(2020, Scope2Method.LocationBased, [new TargetMilestone(2030, 55)], double.PositiveInfinity)).Should().Be(ErrorCodes.NumberOutOfRange);
        Code(() => ClimateTarget.Create(2020, (Scope2Method)7, [new TargetMilestone(2030, 55)])).Should().Be(ErrorCodes.InvalidValue);
        Code(() => ClimateTarget.Create(2020, Scope2Method.LocationBased, Enumerable.Range(2021, ClimateTarget.MaxMilestones + 1).Select(y => new TargetMilestone(y, 50)))).Should().Be(ErrorCodes.TooManyEntries);
    }

    [Fact]
    public void TheTarget_IsRecorded_AndRoundTripsThroughHistoryAndSnapshot()
    {
        var heim = Reported(out var clock).SetClimateTarget(MunicipalPlan(10_000), Coordinator);

        heim.History[^1].Should().BeOfType<ClimateTargetSet>();
        var (_, events, _) = HistoryJson.Read(HistoryJson.Write(heim.Organisation.Catalog.Version, heim.History));
        var fromHistory = OrganisationLifecycle.Replay(CriteriaCatalog.LoadDefault(), events, clock);
        var fromSnapshot = SnapshotJson.Read(SnapshotJson.Write(heim), CriteriaCatalog.LoadDefault(), clock);

        LifecycleFingerprint.Of(fromHistory).Should().Be(LifecycleFingerprint.Of(heim));
        LifecycleFingerprint.Of(fromSnapshot).Should().Be(LifecycleFingerprint.Of(heim));
        fromSnapshot.ToClimateTargetView(null, NoWasteFactors).Should().BeEquivalentTo(heim.ToClimateTargetView(null, NoWasteFactors));
    }

    private static string Code(Action action) => FluentActions.Invoking(action).Should().Throw<MiljofyrtarnException>().Which.Code;
}
