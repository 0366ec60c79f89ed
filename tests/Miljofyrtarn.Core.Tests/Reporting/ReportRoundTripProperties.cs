using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Reporting;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Core.Tests.Lifecycle;
using Miljofyrtarn.Core.Tests.Organisations;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Reporting;

/// <summary>
/// Any valid report, submitted in the lifecycle, comes back the same through history documents, snapshots and the event
/// store; and any report breaking a rule is refused there with a code, leaving the lifecycle as it was.
/// </summary>
public class ReportRoundTripProperties
{
    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.LoadDefault();

    /// <summary>Headquarters certified in 2024, on 1 March 2026 with its 2025 report due.</summary>
    private static readonly Lazy<OrganisationLifecycle> Due = new(() =>
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        SetDate(clock, 2026, 3, 1);
        return heim;
    });

    private static readonly Indicator[] Optional = [.. IndicatorCatalog.Default.ActiveIn(2025).Where(i => !i.IsMandatory)];

    /// <summary>The mandatory figures, then any optional ones, each a random value (percentages at most 100) and measured or estimated.</summary>
    private static readonly Gen<IndicatorValue[]> Figures =
        from values in Gen.ArrayOf(Gen.Choose(0, 100_000_000), IndicatorCatalog.Default.Indicators.Length)
        from estimated in Gen.ArrayOf(Gen.Elements(true, false), IndicatorCatalog.Default.Indicators.Length)
        from optional in Gen.SubListOf(Optional)
        select IndicatorCatalog.Default.ActiveIn(2025).Where(i => i.IsMandatory).Concat(optional)
            .Select((i, n) => new IndicatorValue(i.Code, i.Unit == MeasureUnit.Percent ? values[n] % 10_001 / 100.0 : values[n] / 7.0, i.Unit, estimated[n]))
            .ToArray() into generated
        select WithinTheElectricityUse(generated);

    /// <summary>Electricity with guarantees of origin is part of the electricity use (mandatory), so at most all of it: a share of it.</summary>
    private static IndicatorValue[] WithinTheElectricityUse(IndicatorValue[] values)
    {
        var used = values.Single(v => IndicatorCatalog.Default.Get(v.Code).Role == IndicatorRole.Electricity).Value;
        return [.. values.Select(v => IndicatorCatalog.Default.Get(v.Code).Role == IndicatorRole.GuaranteedElectricity ? v with { Value = used * (v.Value % 100) / 100 } : v)];
    }

    private static readonly Gen<ReportGoal[]> Goals = Gen.ArrayOf(
        from year in Gen.Choose(2025, 2035)
        from target in Gen.Choose(0, 1_000_000)
        from withIndicator in Gen.Elements(true, false)
        select new ReportGoal($"Mål {target}", year, withIndicator ? "strom" : null, withIndicator ? target : null, withIndicator ? 2025 : null));

    private static string Describe(EnvironmentalReport? report) => report is null ? "-"
        : $"{report.Unit}/{report.Year}/{report.CatalogVersion}|{string.Join(";", report.Values)}|{string.Join(";", report.Goals)}|{string.Join(";", report.Measures)}";

    [Property(MaxTest = 60)]
    public Property AReport_RoundTripsThroughDocumentsSnapshotsAndTheStore() =>
        Prop.ForAll(Figures.ToArbitrary(), Goals.ToArbitrary(), (figures, goals) =>
        {
            var heim = Due.Value;
            var report = heim.CreateReport(Heim.Raadhuset, 2025, figures, goals, ["Tiltak"]);
            var submitted = heim.SubmitAnnualReport(Heim.Raadhuset, 2025, Coordinator, report);
            var expected = Describe(submitted.GetUnitLifecycle(Heim.Raadhuset).Reports[2025].Content);

            var fromHistory = OrganisationLifecycle.Replay(Catalog, HistoryJson.Read(HistoryJson.Write(Catalog.Version, submitted.History)).Events, heim.Clock);
            var fromSnapshot = SnapshotJson.Read(SnapshotJson.Write(submitted), Catalog, heim.Clock);
            var store = new InMemoryEventStore();
            store.AppendAsync("heim", 0, submitted.History, Xunit.TestContext.Current.CancellationToken).GetAwaiter().GetResult();
            var fromStore = store.LoadAsync("heim", Catalog, heim.Clock, cancellationToken: Xunit.TestContext.Current.CancellationToken).GetAwaiter().GetResult();

            return expected == Describe(report)
                && new[] { fromHistory, fromSnapshot, fromStore }.All(copy => Describe(copy.GetUnitLifecycle(Heim.Raadhuset).Reports[2025].Content) == expected);
        });

    /// <summary>Every class of bad content, as a document or a careless host could hand it over without <see cref="EnvironmentalReport.Create"/>. A report for a year that has not ended is refused by the lifecycle's guard (the year is not due yet).</summary>
    public static Xunit.TheoryData<string, string> BadContent() => new()
    {
        { "unknown indicator", ErrorCodes.UnknownIndicator },
        { "wrong unit", ErrorCodes.WrongIndicatorUnit },
        { "negative", ErrorCodes.InvalidIndicatorValue },
        { "not a number", ErrorCodes.InvalidIndicatorValue },
        { "infinite", ErrorCodes.InvalidIndicatorValue },
        { "percent over 100", ErrorCodes.PercentOver100 },
        { "twice", ErrorCodes.DuplicateIndicatorValue },
        { "mandatory missing", ErrorCodes.MandatoryIndicatorMissing },
        { "year not ended", ErrorCodes.ReportYearNotDue },
    };

    [Xunit.Theory]
    [Xunit.MemberData(nameof(BadContent))]
    public void BadContent_IsRefusedInTheLifecycle_AndNothingChanges(string kind, string code)
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        SetDate(clock, kind == "year not ended" ? 2025 : 2026, kind == "year not ended" ? 12 : 3, kind == "year not ended" ? 31 : 1);
        var good = EnvironmentalReport.Create(IndicatorCatalog.Default, Heim.Raadhuset, 2025, ReportBuilder.Mandatory().Append(new IndicatorValue("strom", 1, MeasureUnit.KilowattHour)), new NodaTime.LocalDate(2026, 3, 1));
        ImmutableArray<IndicatorValue> values = kind switch
        {
            "unknown indicator" => good.Values.Add(new("solceller", 1, MeasureUnit.KilowattHour)),
            "wrong unit" => good.Values.Add(new("diesel", 1, MeasureUnit.Kilogram)),
            "negative" => good.Values.Add(new("diesel", -1, MeasureUnit.Litre)),
            "not a number" => good.Values.Add(new("diesel", double.NaN, MeasureUnit.Litre)),
            "infinite" => good.Values.Add(new("diesel", double.PositiveInfinity, MeasureUnit.Litre)),
            "percent over 100" => [.. good.Values.Where(v => v.Code != "sykefravaer"), new("sykefravaer", 101, MeasureUnit.Percent)],
            "twice" => good.Values.Add(new("strom", 2, MeasureUnit.KilowattHour)),
            "mandatory missing" => [.. good.Values.Where(v => v.Code != "strom")],
            _ => good.Values,
        };
        var bad = EnvironmentalReport.Unchecked(Heim.Raadhuset, 2025, good.CatalogVersion, values, [], []);
        var before = LifecycleFingerprint.Of(heim);

        var refused = Xunit.Assert.Throws<MiljofyrtarnException>(() => heim.SubmitAnnualReport(Heim.Raadhuset, 2025, Coordinator, bad));

        Xunit.Assert.Contains(refused.Diagnostics, d => d.Code == code);
        Xunit.Assert.Equal(before, LifecycleFingerprint.Of(heim));
        Xunit.Assert.Throws<MiljofyrtarnException>(() => heim.CreateReport(Heim.Raadhuset, 2025, values));
    }
}
