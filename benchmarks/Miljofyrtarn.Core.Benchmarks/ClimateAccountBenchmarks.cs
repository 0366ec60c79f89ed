using BenchmarkDotNet.Attributes;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using NodaTime;

namespace Miljofyrtarn.Core.Benchmarks;

/// <summary>
/// The climate accounts of a municipality of 1 HK + 200 UEs over 10 report years (2,010 reports), one account per year
/// with the factor set the default rule chooses, against a straightforward LINQ implementation over the public API.
/// Targets: at least 5× faster than the baseline, under 5 ms. The setup checks that both give the same totals.
/// </summary>
[MemoryDiagnoser]
public class ClimateAccountBenchmarks
{
    private static readonly LeftOutActivity[] LeftOut =
    [
        new("waste-recycled", "No DESNZ set loaded"), new("waste-residual", "No DESNZ set loaded"), new("waste-hazardous", "No DESNZ set loaded"),
        new("flight-domestic", "No DESNZ set loaded"), new("district-heating", "No factor for the plant"),
    ];

    private static readonly ClimateTarget Target = ClimateTarget.Create(2019, Scope2Method.LocationBased, [new TargetMilestone(2030, 55), new TargetMilestone(2050, 95)]);

    private readonly IndicatorCatalog _catalog = IndicatorCatalog.Default;

    /// <summary>The last target path computed.</summary>
    public ClimateTargetPath? Path { get; private set; }
    private (EnvironmentalReport[] Reports, EmissionFactorSet Factors)[] _years = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(12);
        _years = [.. Enumerable.Range(2019, 10).Select(year => (
            Enumerable.Range(0, 201).Select(u => Report(random, u == 0 ? "raadhuset" : $"ue-{u}", year)).ToArray(),
            EmissionFactorSet.Select(EmissionFactorSet.Defaults, year, new LocalDate(2030, 1, 1))))];
        var library = Library();
        var linq = Linq();
        if (Math.Abs(library - linq) > 1e-6 * library)
        {
            throw new InvalidOperationException($"The library ({library}) and the baseline ({linq}) disagree.");
        }
    }

    [Benchmark(Baseline = true, Description = "LINQ over the public API")]
    public double Linq()
    {
        var total = 0.0;
        foreach (var (reports, factors) in _years)
        {
            var lines = reports.SelectMany(r => r.Values.Select(v => (Report: r, Value: v, Indicator: _catalog.Indicators.First(i => i.Code == v.Code))))
                .Where(x => x.Indicator.Activity is not null && !LeftOut.Any(l => l.Activity == x.Indicator.Activity))
                .Select(x => (x.Report.Unit, x.Value, Factor: factors.Factors.First(f => f.Activity == x.Indicator.Activity && f.Method is null or Scope2Method.LocationBased)))
                .Select(x => (x.Unit, x.Factor, Kilograms: x.Value.Value * x.Factor.KilogramsCo2ePerUnit))
                .ToList();
            var scope1 = lines.Where(l => l.Factor.Scope == EmissionScope.Scope1 && l.Factor.Origin == CarbonOrigin.Fossil).Sum(l => l.Kilograms);
            var scope2 = lines.Where(l => l.Factor.Scope == EmissionScope.Scope2 && l.Factor.Origin == CarbonOrigin.Fossil).Sum(l => l.Kilograms);
            var scope3 = lines.Where(l => l.Factor.Scope == EmissionScope.Scope3 && l.Factor.Origin == CarbonOrigin.Fossil).Sum(l => l.Kilograms);
            var biogenic = lines.Where(l => l.Factor.Origin == CarbonOrigin.Biogenic).Sum(l => l.Kilograms);
            total += scope1 + scope2 + scope3 + (biogenic * 0);
        }

        return total;
    }

    [Benchmark(Description = "ClimateAccount.ComputeCombined, per year, and the target path")]
    public double Library()
    {
        var accounts = new ClimateAccount[_years.Length];
        for (var i = 0; i < _years.Length; i++)
        {
            accounts[i] = ClimateAccount.ComputeCombined(_years[i].Reports, _catalog, _years[i].Factors, LeftOut);
        }

        // The baseline does not compute the path: the library's side carries its cost on top (kept, so it is not optimised away).
        Path = ClimateTargetPath.Compute(Target, accounts);
        return accounts.Sum(a => a.Total);
    }

    private EnvironmentalReport Report(Random random, string unit, int year) => EnvironmentalReport.Create(_catalog, new UnitId(unit), year,
    [
        new("arsverk", random.Next(5, 80), MeasureUnit.FullTimeEquivalent),
        new("oppvarmet-areal", random.Next(300, 5_000), MeasureUnit.SquareMetre),
        new("sykefravaer", random.Next(0, 120) / 10.0, MeasureUnit.Percent),
        new("avfall-sortert", random.Next(100, 20_000), MeasureUnit.Kilogram),
        new("avfall-restavfall", random.Next(100, 10_000), MeasureUnit.Kilogram),
        new("strom", random.Next(20_000, 900_000), MeasureUnit.KilowattHour),
        new("fyringsolje", random.Next(0, 3_000), MeasureUnit.Litre),
        new("diesel", random.Next(0, 2_000), MeasureUnit.Litre),
        new("bensin", random.Next(0, 800), MeasureUnit.Litre),
        new("biodiesel", random.Next(0, 500), MeasureUnit.Litre),
        new("propan", random.Next(0, 400), MeasureUnit.Litre),
        new("elbil-km", random.Next(0, 30_000), MeasureUnit.Kilometre),
    ], new LocalDate(year + 1, 3, 1));
}
