using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Reporting;
using Miljofyrtarn.Core.Tests.Lifecycle;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Reporting;

/// <summary>
/// Issue 33, defect 5: a submitted report's climate account changed after the fact, because it was computed with the set
/// in force on the day it was read. A report now records its set, and a recomputation with a newer one is on the record.
/// </summary>
public class FactorSetPinningTest
{
    /// <summary>NVE's 2025 figure as a host would load it when published on 30 June 2026: 10 g CO2e/kWh.</summary>
    private static readonly EmissionFactorSet Nve2025 = EmissionFactorSet.Create("no-2025", "NVE", 2025, new LocalDate(2026, 6, 30), "NO", "IPCC 2006 / AR5 GWP100", "NLOD 2.0",
        "https://www.nve.no/energi/energisystem/kraftproduksjon/hvor-kommer-strommen-fra/",
        [
            new EmissionFactor("electricity", MeasureUnit.KilowattHour, 0.010, EmissionScope.Scope2, method: Scope2Method.LocationBased, source: "NVE, 2025: 10 g CO2e/kWh"),
            new EmissionFactor("diesel", MeasureUnit.Litre, 2.66, EmissionScope.Scope1, source: "Miljødirektoratet"),
        ]);

    private static readonly SchemeRuleBook Rules = SchemeRuleBook.Default.WithFactorSets([.. EmissionFactorSet.Defaults, Nve2025]);

    private static readonly FactorSetReference No2023 = new("no-2023", new LocalDate(2024, 6, 30));

    /// <summary>Headquarters' 2025 report, submitted on 15 March 2026, before NVE published the 2025 figure.</summary>
    private static OrganisationLifecycle Submitted(out FakeClock clock, SchemeRuleBook? rules = null)
    {
        clock = Clock();
        var heim = WithCertifiedHeadquarters(clock, rules ?? Rules);
        SetDate(clock, 2026, 3, 15);
        return heim.SubmitAnnualReport(Heim.Raadhuset, 2025, Coordinator, heim.CreateReport(Heim.Raadhuset, 2025, ReportBuilder.TownHall()));
    }

    private static readonly LeftOutActivity[] LeftOut = [new("waste-recycled", "ingen faktor"), new("waste-residual", "ingen faktor")];

    [Fact]
    public void ASubmittedReport_RecordsItsSet_AndReadsTheSameAfterANewerSetIsPublished()
    {
        var heim = Submitted(out var clock);
        heim.History[^1].Should().BeOfType<AnnualReportSubmitted>().Which.FactorSet.Should().Be(No2023, "on 15 March 2026 the newest set for 2025 or before is NVE's 2023 figure (the defaults have no 2024 set)");
        heim.GetUnitLifecycle(Heim.Raadhuset).Reports[2025].FactorSet.Should().Be(No2023);

        // By hand, with no-2023: Scope 1 = 850 l diesel × 2.66 = 2,261 kg; Scope 2 = 310,000 kWh × 0.015 = 4,650 kg; total 6,911 kg.
        // The host's sets passed explicitly, as the web host passes its own: before the fix, the set in force on the day of reading was chosen among them.
        var atSubmission = heim.ToClimateAccountView(2025, Rules.FactorSets, LeftOut);
        atSubmission.FactorSet.Should().Be("no-2023");
        atSubmission.FactorSetPublishedOn.Should().Be(No2023.PublishedOn);
        atSubmission.Total.Should().Be(6_911);

        // After NVE publishes 2025 (10 g/kWh), the set in force today would give 850 × 2.66 + 310,000 × 0.010 = 5,361 kg.
        SetDate(clock, 2026, 7, 1);
        EmissionFactorSet.Select(Rules.FactorSets, 2025, heim.Today).Id.Should().Be("no-2025", "the test needs a newer set in force");
        var later = heim.ToClimateAccountView(2025, Rules.FactorSets, LeftOut);
        later.Should().BeEquivalentTo(atSubmission, "a submitted report's account never changes by itself");
        heim.ToClimateAccountViews(2025, leftOut: LeftOut).Should().ContainSingle().Which.RecomputedAt.Should().BeNull();
    }

    [Fact]
    public void ARecomputation_IsRecorded_AndBothAccountsStayVisible_EachWithItsSet()
    {
        var heim = Submitted(out var clock);
        SetDate(clock, 2026, 7, 1);

        var recomputed = heim.RecomputeClimateAccount(2025, Nve2025.Reference, Coordinator);

        recomputed.Version.Should().Be(heim.Version + 1);
        recomputed.History[^1].Should().BeOfType<ClimateAccountRecomputed>().Which.FactorSet.Should().Be(Nve2025.Reference);
        var views = recomputed.ToClimateAccountViews(2025, leftOut: LeftOut);
        views.Select(v => (v.FactorSet, v.Total, v.RecomputedAt)).Should().Equal(
            ("no-2023", 6_911d, (Instant?)null),
            ("no-2025", 5_361d, recomputed.History[^1].OccurredAt));
        recomputed.ToClimateAccountView(2025, leftOut: LeftOut).FactorSet.Should().Be("no-2025", "the latest recomputation is the account from now on");
        recomputed.GetClimateAccountFactorSets(2025).Select(s => s.Id).Should().Equal("no-2023", "no-2025");
    }

    [Fact]
    public void ARecomputation_ThatChangesNothingOrNamesNoLoadedSet_IsRefused_AndNothingIsRecorded()
    {
        var heim = Submitted(out var clock);

        Refused(() => heim.RecomputeClimateAccount(2025, No2023, Coordinator)).Should().Be(ErrorCodes.RecomputationNotNeeded);
        Refused(() => heim.RecomputeClimateAccount(2025, Nve2025.Reference, Coordinator)).Should().Be(ErrorCodes.NoFactorSet, "on 15 March 2026 the 2025 set is not published yet");
        Refused(() => heim.RecomputeClimateAccount(2025, new FactorSetReference("no-2025", new LocalDate(2026, 7, 1)), Coordinator)).Should().Be(ErrorCodes.FactorSetNotFound);
        Refused(() => heim.RecomputeClimateAccount(2024, No2023, Coordinator)).Should().Be(ErrorCodes.NoAccountToRecompute);

        SetDate(clock, 2026, 7, 1);
        var once = heim.RecomputeClimateAccount(2025, Nve2025.Reference, Coordinator);
        Refused(() => once.RecomputeClimateAccount(2025, Nve2025.Reference, Coordinator)).Should().Be(ErrorCodes.RecomputationNotNeeded);
        once.RecomputeClimateAccount(2025, No2023, Coordinator).ToClimateAccountView(2025, leftOut: LeftOut).FactorSet.Should().Be("no-2023", "going back is a recomputation too");
    }

    [Fact]
    public void AHistoryFromBeforeReportsNamedTheirSet_UsesTheSetOfTheDayOfSubmission()
    {
        var heim = Submitted(out var clock);
        SetDate(clock, 2026, 7, 1);
        var old = heim.History.Select(e => e is AnnualReportSubmitted s ? s with { FactorSet = null } : e).ToArray();

        var replayed = OrganisationLifecycle.Replay(CriteriaCatalog.LoadDefault(), old, clock, Rules);

        replayed.GetUnitLifecycle(Heim.Raadhuset).Reports[2025].FactorSet.Should().BeNull();
        replayed.ToClimateAccountView(2025, leftOut: LeftOut).FactorSet.Should().Be("no-2023", "the documented default: the set that applied on 15 March 2026");
    }

    [Fact]
    public void TheRecordedSets_RoundTripThroughHistoryAndSnapshotDocuments()
    {
        var heim = Submitted(out var clock);
        SetDate(clock, 2026, 7, 1);
        heim = heim.RecomputeClimateAccount(2025, Nve2025.Reference, Coordinator);

        var (_, events, _) = HistoryJson.Read(HistoryJson.Write(heim.Organisation.Catalog.Version, heim.History));
        var fromHistory = OrganisationLifecycle.Replay(CriteriaCatalog.LoadDefault(), events, clock, Rules);
        var fromSnapshot = SnapshotJson.Read(SnapshotJson.Write(heim), CriteriaCatalog.LoadDefault(), clock, Rules);

        LifecycleFingerprint.Of(fromHistory).Should().Be(LifecycleFingerprint.Of(heim));
        LifecycleFingerprint.Of(fromSnapshot).Should().Be(LifecycleFingerprint.Of(heim));
        fromSnapshot.Recomputations.Should().ContainSingle().Which.FactorSet.Should().Be(Nve2025.Reference);
        fromSnapshot.ToClimateAccountViews(2025, leftOut: LeftOut).Should().BeEquivalentTo(heim.ToClimateAccountViews(2025, leftOut: LeftOut));
    }

    [Fact]
    public void ARecordedSetThatIsNoLongerLoaded_IsACodedRefusal_NeverOtherFigures()
    {
        var heim = Submitted(out var clock);
        SetDate(clock, 2026, 7, 1);
        var withoutIt = SchemeRuleBook.Default.WithFactorSets([Nve2025]);

        var reloaded = OrganisationLifecycle.Replay(CriteriaCatalog.LoadDefault(), heim.History, clock, withoutIt);

        Refused(() => reloaded.ToClimateAccountView(2025, leftOut: LeftOut)).Should().Be(ErrorCodes.FactorSetNotFound);
    }

    [Fact]
    public void TheRuleBooksSets_RefuseRepeatsAndNothing()
    {
        Refused(() => SchemeRuleBook.Default.WithFactorSets([])).Should().Be(ErrorCodes.NoEntries);
        Refused(() => SchemeRuleBook.Default.WithFactorSets([Nve2025, Nve2025])).Should().Be(ErrorCodes.DuplicateEntry);
        Rules.WithIndicators(IndicatorCatalog.Default).FactorSets.Should().Equal(Rules.FactorSets, "changing the indicators keeps the sets");
        FluentActions.Invoking(() => new FactorSetReference(" ", new LocalDate(2025, 1, 1))).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.BlankText);
        FluentActions.Invoking(() => new FactorSetReference("x", new LocalDate(9999, 1, 1))).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.DateOutOfRange);
    }

    private static string Refused(Action action) => FluentActions.Invoking(action).Should().Throw<MiljofyrtarnException>().Which.Code;
}
