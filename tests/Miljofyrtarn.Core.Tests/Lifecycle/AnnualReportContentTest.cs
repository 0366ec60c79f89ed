using System.Text;
using System.Text.Json.Nodes;
using Json.Schema;
using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Reporting;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime.Testing;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Lifecycle;

/// <summary>
/// Submitting a report carries its content in the event, so the history is the single source of the report: it is
/// checked for the unit, replayed, corrected with a reason, and round-trips through documents and the event store.
/// </summary>
public class AnnualReportContentTest
{
    private static readonly IndicatorValue[] Figures =
    [
        new("arsverk", 42, MeasureUnit.FullTimeEquivalent),
        new("oppvarmet-areal", 3_200, MeasureUnit.SquareMetre),
        new("sykefravaer", 6.1, MeasureUnit.Percent),
        new("avfall-sortert", 4_100, MeasureUnit.Kilogram),
        new("avfall-restavfall", 2_300, MeasureUnit.Kilogram, Estimated: true),
        new("strom", 310_000, MeasureUnit.KilowattHour),
        new("diesel", 850, MeasureUnit.Litre),
    ];

    /// <summary>Headquarters certified in March 2024; on 1 March 2026 its report for 2025 is due.</summary>
    private static (OrganisationLifecycle Lifecycle, FakeClock Clock) Due()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        SetDate(clock, 2026, 3, 1);
        return (heim, clock);
    }

    private static OrganisationLifecycle Submitted(out FakeClock clock)
    {
        (var heim, clock) = Due();
        var report = heim.CreateReport(Heim.Raadhuset, 2025, Figures, [new ReportGoal("Less electricity", 2027, "strom", 280_000, 2025)], ["Heat pumps in the town hall"]);
        return heim.SubmitAnnualReport(Heim.Raadhuset, 2025, Coordinator, report);
    }

    [Fact]
    public void TheSubmittedContent_IsKeptWithTheReport_AndInTheEvent()
    {
        var heim = Submitted(out _);

        var report = heim.GetUnitLifecycle(Heim.Raadhuset).Reports[2025];
        report.SubmittedAt.Should().NotBeNull();
        report.Content!.Get("strom")!.Value.Should().Be(310_000);
        report.Content.Goals.Should().ContainSingle().Which.TargetValue.Should().Be(280_000);
        heim.History[^1].Should().BeOfType<AnnualReportSubmitted>().Which.Content.Should().BeSameAs(report.Content);
        heim.GetReports(2025).Should().ContainSingle().Which.Should().BeSameAs(report.Content);
        heim.GetReports(2024).Should().BeEmpty();
    }

    [Fact]
    public void AReportMissingMandatoryIndicators_IsRefusedNamingEach_AndNothingIsRecorded()
    {
        var (heim, _) = Due();
        var partial = EnvironmentalReport.Create(IndicatorCatalog.Default, Heim.Raadhuset, 2025, Figures, heim.Today);
        var lacking = Figures.Where(f => f.Code is not ("sykefravaer" or "strom")).ToArray();

        var refused = FluentActions.Invoking(() => heim.CreateReport(Heim.Raadhuset, 2025, lacking))
            .Should().Throw<MiljofyrtarnException>().Which.Diagnostics;

        refused.Where(d => d.Code == ErrorCodes.MandatoryIndicatorMissing).Select(d => d.Arguments[0]).Should().Equal("sykefravaer", "strom");
        heim.SubmitAnnualReport(Heim.Raadhuset, 2025, Coordinator, partial).Version.Should().Be(heim.Version + 1, "the complete report is accepted");
        heim.GetUnitLifecycle(Heim.Raadhuset).Reports.Should().NotContainKey(2025);
    }

    [Fact]
    public void AnotherUnitsReport_OrAnotherYears_IsRefused_AndNothingChanges()
    {
        var (heim, _) = Due();
        var schools = EnvironmentalReport.Create(IndicatorCatalog.Default, Heim.Skole, 2025, Figures, heim.Today);
        var older = EnvironmentalReport.Create(IndicatorCatalog.Default, Heim.Raadhuset, 2024, Figures, heim.Today);

        FluentActions.Invoking(() => heim.SubmitAnnualReport(Heim.Raadhuset, 2025, Coordinator, schools)).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.InvalidValue);
        FluentActions.Invoking(() => heim.SubmitAnnualReport(Heim.Raadhuset, 2025, Coordinator, older)).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.InvalidValue);
        heim.GetUnitLifecycle(Heim.Raadhuset).Reports.Should().NotContainKey(2025);
    }

    [Fact]
    public void AReportCheckedAgainstAnotherIndicatorCatalog_IsRefused()
    {
        var (heim, _) = Due();
        var other = IndicatorCatalog.Default.WithOwn("2024.1+heim.1", []);
        var report = EnvironmentalReport.Create(other, Heim.Raadhuset, 2025, Figures, heim.Today);

        FluentActions.Invoking(() => heim.SubmitAnnualReport(Heim.Raadhuset, 2025, Coordinator, report))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.CatalogMismatch);
    }

    [Fact]
    public void ACorrection_KeepsWhatItReplaced_AndTheHistoryKeepsBoth()
    {
        var heim = Submitted(out var clock);
        var original = heim.GetUnitLifecycle(Heim.Raadhuset).Reports[2025].Content!;
        SetDate(clock, 2026, 3, 20);
        var fixedFigures = Figures.Select(f => f.Code == "strom" ? f with { Value = 301_000 } : f).ToArray();

        var corrected = heim.CorrectAnnualReport(Heim.Raadhuset, 2025, heim.CreateReport(Heim.Raadhuset, 2025, fixedFigures), "Meter read twice in December", Coordinator);

        var report = corrected.GetUnitLifecycle(Heim.Raadhuset).Reports[2025];
        report.Content!.Get("strom")!.Value.Should().Be(301_000);
        report.Corrections.Should().ContainSingle().Which.Should().Match<ReportCorrection>(c => c.Reason == "Meter read twice in December" && c.Replaced == original);
        corrected.History.OfType<AnnualReportSubmitted>().Should().ContainSingle().Which.Content!.Get("strom")!.Value.Should().Be(310_000);
        corrected.History.OfType<AnnualReportCorrected>().Should().ContainSingle();
    }

    [Fact]
    public void ACorrection_WithoutASubmittedReport_OrAReason_IsRefused()
    {
        var (heim, _) = Due();
        var report = heim.CreateReport(Heim.Raadhuset, 2025, Figures);

        var notSubmitted = FluentActions.Invoking(() => heim.CorrectAnnualReport(Heim.Raadhuset, 2025, report, "Typo", Coordinator))
            .Should().Throw<MiljofyrtarnException>().Which;
        notSubmitted.Code.Should().Be(ErrorCodes.ReportNotSubmitted);
        notSubmitted.GetMessage(Core.Localization.Language.NorwegianBokmal).Should().Be("MFT0615: Rådhuset har ikke levert rapporten for 2025, så den kan ikke rettes.");
        var submitted = heim.SubmitAnnualReport(Heim.Raadhuset, 2025, Coordinator, report);
        FluentActions.Invoking(() => submitted.CorrectAnnualReport(Heim.Raadhuset, 2025, report, " ", Coordinator))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.BlankText);
    }

    [Fact]
    public async Task ReportsWithContentAndCorrections_SurviveReplay_HistoryDocuments_Snapshots_AndTheEventStore()
    {
        var heim = Submitted(out var clock);
        SetDate(clock, 2026, 3, 20);
        heim = heim.CorrectAnnualReport(Heim.Raadhuset, 2025, heim.CreateReport(Heim.Raadhuset, 2025, Figures.Take(6).Append(new IndicatorValue("bensin", 40, MeasureUnit.Litre))), "Wrong fuel", Coordinator);
        var catalog = CriteriaCatalog.LoadDefault();
        var expected = LifecycleFingerprint.Of(heim);
        var expectedReport = Describe(heim);

        var replayed = OrganisationLifecycle.Replay(catalog, heim.History, clock);
        var fromDocument = OrganisationLifecycle.Replay(catalog, HistoryJson.Read(HistoryJson.Write(catalog.Version, heim.History)).Events, clock);
        var fromSnapshot = SnapshotJson.Read(SnapshotJson.Write(heim), catalog, clock);
        var store = new InMemoryEventStore();
        await store.AppendAsync("heim", 0, heim.History, TestContext.Current.CancellationToken);
        var fromStore = await store.LoadAsync("heim", catalog, clock, cancellationToken: TestContext.Current.CancellationToken);

        foreach (var copy in new[] { replayed, fromDocument, fromSnapshot, fromStore })
        {
            Describe(copy).Should().Be(expectedReport);
        }

        LifecycleFingerprint.Of(replayed).Should().Be(expected);
        Encoding.UTF8.GetString(SnapshotJson.Write(fromSnapshot)).Should().Be(Encoding.UTF8.GetString(SnapshotJson.Write(heim)));
    }

    [Fact]
    public void DocumentsWithReports_ValidateAgainstTheSchemas()
    {
        var heim = Submitted(out var clock);
        SetDate(clock, 2026, 3, 20);
        heim = heim.CorrectAnnualReport(Heim.Raadhuset, 2025, heim.CreateReport(Heim.Raadhuset, 2025, Figures), "Estimate replaced by the meter", Coordinator);
        var history = HistoryJson.Write(CriteriaCatalog.LoadDefault().Version, heim.History);
        var snapshot = SnapshotJson.Write(heim);

        foreach (var (schema, document) in new[] { (HistoryJson.GetJsonSchema(), history), (SnapshotJson.GetJsonSchema(), snapshot) })
        {
            var result = JsonSchema.FromText(schema).Evaluate(JsonNode.Parse(document), new EvaluationOptions { OutputFormat = OutputFormat.List });
            result.IsValid.Should().BeTrue(string.Join("; ", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }

        Encoding.UTF8.GetString(history).Should().Contain("\"annualReportCorrected\"").And.Contain("\"indicatorCatalogVersion\"");
        Encoding.UTF8.GetString(snapshot).Should().Contain("\"corrections\"").And.Contain("\"replaced\"");
    }

    [Fact]
    public void ADocumentWithBadContent_IsRefusedWithCodesAndPaths()
    {
        var heim = Submitted(out var clock);
        var catalog = CriteriaCatalog.LoadDefault();
        var history = Encoding.UTF8.GetString(HistoryJson.Write(catalog.Version, heim.History));
        var snapshot = Encoding.UTF8.GetString(SnapshotJson.Write(heim));

        var badUnit = FluentActions.Invoking(() => SnapshotJson.Read(Encoding.UTF8.GetBytes(snapshot.Replace("\"litre\"", "\"gallon\"", StringComparison.Ordinal)), catalog, clock))
            .Should().Throw<MiljofyrtarnException>().Which.Diagnostics;
        badUnit.Should().Contain(d => d.Code == ErrorCodes.InvalidValue && d.Path!.EndsWith(".content.values[6].unit", StringComparison.Ordinal));

        var negative = FluentActions.Invoking(() => SnapshotJson.Read(Encoding.UTF8.GetBytes(snapshot.Replace("\"value\":850", "\"value\":-850", StringComparison.Ordinal)), catalog, clock))
            .Should().Throw<MiljofyrtarnException>().Which.Diagnostics;
        negative.Should().Contain(d => d.Code == ErrorCodes.InvalidIndicatorValue && d.Path!.EndsWith(".content", StringComparison.Ordinal));

        // A history document is checked for its shape when read and for every rule when replayed; the chain is recomputed
        // here as an editor with the library would, so the content, not the hash, is what is refused.
        var edited = HistoryJson.Read(HistoryJson.Write(catalog.Version, heim.History)).Events.ToList();
        var last = (AnnualReportSubmitted)edited[^1];
        edited[^1] = last with { Content = EnvironmentalReport.Unchecked(last.Unit, last.Year, last.Content!.CatalogVersion, [.. last.Content.Values.Append(new IndicatorValue("strom", 1, MeasureUnit.KilowattHour))], [], []) };
        var replay = FluentActions.Invoking(() => OrganisationLifecycle.Replay(catalog, edited, clock)).Should().Throw<MiljofyrtarnException>().Which;
        replay.Code.Should().Be(ErrorCodes.CorruptHistory);
        replay.Diagnostics.Should().Contain(d => d.Code == ErrorCodes.DuplicateIndicatorValue);
        history.Should().Contain("\"content\":{");
    }

    private static string Describe(OrganisationLifecycle lifecycle)
    {
        var report = lifecycle.GetUnitLifecycle(Heim.Raadhuset).Reports[2025];
        static string Content(EnvironmentalReport? c) => c is null ? "-" :
            $"{c.Unit}/{c.Year}/{c.CatalogVersion}: {string.Join(";", c.Values)} | {string.Join(";", c.Goals)} | {string.Join(";", c.Measures)}";
        return $"{report.SubmittedAt} {Content(report.Content)} || {string.Join(" || ", report.Corrections.Select(c => $"{c.CorrectedAt} {c.Actor} {c.Reason} {Content(c.Replaced)}"))}";
    }
}
