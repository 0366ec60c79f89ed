using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Miljofyrtarn.Core.Reporting;
using static Miljofyrtarn.Core.Tests.Reporting.ReportBuilder;

namespace Miljofyrtarn.Core.Tests.Reporting;

/// <summary>Properties of the climate account over random reports of random units.</summary>
public class ClimateAccountProperties
{
    private static readonly (string Code, MeasureUnit Unit)[] Activities =
    [
        ("strom", MeasureUnit.KilowattHour), ("fyringsolje", MeasureUnit.Litre), ("propan", MeasureUnit.Litre), ("diesel", MeasureUnit.Litre),
        ("bensin", MeasureUnit.Litre), ("biodiesel", MeasureUnit.Litre), ("elbil-kwh", MeasureUnit.KilowattHour), ("elbil-km", MeasureUnit.Kilometre),
    ];

    /// <summary>A unit's figures: for each activity, present or not, and a quantity.</summary>
    private static readonly Gen<IndicatorValue[]> Figures =
        Gen.ArrayOf(Gen.Choose(0, 2_000_000), Activities.Length).Select(amounts =>
            amounts.Select((amount, i) => (amount, i)).Where(a => a.amount % 3 != 0)
                .Select(a => new IndicatorValue(Activities[a.i].Code, a.amount / 10.0, Activities[a.i].Unit)).ToArray());

    private static readonly Gen<IndicatorValue[][]> Organisation = Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(Figures, n));

    private static EnvironmentalReport[] Reports(IndicatorValue[][] units, double scale = 1) =>
        [.. units.Select((figures, i) => Report($"ue-{i}", 2022, [.. figures.Select(f => f with { Value = f.Value * scale })]))];

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    [Property(MaxTest = 200)]
    public Property ScalingEveryActivityByK_ScalesEveryEmissionByK() =>
        Prop.ForAll(Organisation.ToArbitrary(), Gen.Choose(1, 1_000).ToArbitrary(), (units, k) =>
        {
            var once = ClimateAccount.ComputeCombined(Reports(units), Indicators, Set(2020), NoScope3);
            var scaled = ClimateAccount.ComputeCombined(Reports(units, k), Indicators, Set(2020), NoScope3);
            return Close(scaled.Scope1, k * once.Scope1) && Close(scaled.Scope2LocationBased, k * once.Scope2LocationBased)
                && Close(scaled.Scope2MarketBased!.Value, k * once.Scope2MarketBased!.Value) && Close(scaled.Biogenic, k * once.Biogenic)
                && Close(scaled.Total, k * once.Total) && scaled.Lines.Zip(once.Lines).All(p => Close(p.First.KilogramsCo2e, k * p.Second.KilogramsCo2e));
        });

    [Property(MaxTest = 200)]
    public Property TheOrganisationsTotal_IsTheSumOfItsUnits() =>
        Prop.ForAll(Organisation.ToArbitrary(), units =>
        {
            var reports = Reports(units);
            var whole = ClimateAccount.ComputeCombined(reports, Indicators, Set(2022), NoScope3);
            var parts = reports.Select(r => ClimateAccount.Compute(r, Indicators, Set(2022), NoScope3)).ToArray();
            return Close(whole.Total, parts.Sum(p => p.Total)) && Close(whole.Scope1, parts.Sum(p => p.Scope1))
                && Close(whole.Scope2LocationBased, parts.Sum(p => p.Scope2LocationBased)) && Close(whole.Biogenic, parts.Sum(p => p.Biogenic))
                && Close(whole.FullTimeEquivalents, parts.Sum(p => p.FullTimeEquivalents))
                && reports.Select((report, i) => Close(whole.ForUnit(report.Unit), parts[i].Total)).All(same => same);
        });

    [Property(MaxTest = 100)]
    public Property RecomputingWithTheSameSet_IsIdentical() =>
        Prop.ForAll(Organisation.ToArbitrary(), units =>
        {
            var reports = Reports(units);
            var first = ClimateAccount.ComputeCombined(reports, Indicators, Set(2023), NoScope3);
            var second = ClimateAccount.ComputeCombined(reports, Indicators, Set(2023), NoScope3);
            return first.Lines.SequenceEqual(second.Lines) && first.Total.Equals(second.Total) && first.Biogenic.Equals(second.Biogenic)
                && Equals(first.Scope2MarketBased, second.Scope2MarketBased) && first.LeftOut.SequenceEqual(second.LeftOut);
        });
}
