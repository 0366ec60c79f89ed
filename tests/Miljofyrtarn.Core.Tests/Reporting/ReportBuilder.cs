using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using NodaTime;

namespace Miljofyrtarn.Core.Tests.Reporting;

/// <summary>Reports on the default indicator catalog for tests: the mandatory figures filled in, others as given.</summary>
internal static class ReportBuilder
{
    public static readonly IndicatorCatalog Indicators = IndicatorCatalog.Default;

    public static readonly LocalDate Today = new(2024, 3, 1);

    /// <summary>
    /// The town hall's figures in the climate account tests: 120 FTEs, 6,000 m², 310,000 kWh and 850 l diesel, so
    /// 310,000 × 0.015 + 850 × 2.66 = 4,650 + 2,261 = 6,911 kg CO2e with NVE's 2023 factor.
    /// </summary>
    public static IEnumerable<IndicatorValue> TownHall() =>
        Mandatory(120, 6_000).Append(new IndicatorValue("strom", 310_000, MeasureUnit.KilowattHour)).Append(new IndicatorValue("diesel", 850, MeasureUnit.Litre));

    /// <summary>The mandatory figures of a small unit, with electricity at 0 unless given.</summary>
    public static IndicatorValue[] Mandatory(double fte = 20, double area = 1_000) =>
    [
        new("arsverk", fte, MeasureUnit.FullTimeEquivalent),
        new("oppvarmet-areal", area, MeasureUnit.SquareMetre),
        new("sykefravaer", 5.5, MeasureUnit.Percent),
        new("avfall-sortert", 0, MeasureUnit.Kilogram),
        new("avfall-restavfall", 0, MeasureUnit.Kilogram),
    ];

    public static EnvironmentalReport Report(string unit, int year, params IndicatorValue[] figures)
    {
        var given = figures.Select(f => f.Code).ToHashSet();
        var values = Mandatory().Where(m => !given.Contains(m.Code)).Concat(figures);
        if (!given.Contains("strom"))
        {
            values = values.Append(new IndicatorValue("strom", 0, MeasureUnit.KilowattHour));
        }

        return EnvironmentalReport.Create(Indicators, new UnitId(unit), year, values, new LocalDate(year + 1, 3, 1));
    }

    public static EmissionFactorSet Set(int year) => EmissionFactorSet.Defaults.Single(s => s.Year == year);

    /// <summary>Scope 3 and district heating have no factors in the default sets: leave them out, saying why.</summary>
    public static readonly LeftOutActivity[] NoScope3 =
    [
        new("waste-recycled", "No DESNZ set loaded"),
        new("waste-residual", "No DESNZ set loaded"),
        new("waste-hazardous", "No DESNZ set loaded"),
        new("flight-domestic", "No DESNZ set loaded"),
        new("district-heating", "No factor published for the district heating plant"),
    ];
}
