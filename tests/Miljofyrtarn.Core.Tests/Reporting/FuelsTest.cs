using FluentAssertions;
using Miljofyrtarn.Core.Reporting;
using Xunit;
using static Miljofyrtarn.Core.Tests.Reporting.ReportBuilder;

namespace Miljofyrtarn.Core.Tests.Reporting;

/// <summary>
/// Issue 33: every fuel of Miljødirektoratet's conversion table, in the unit the table converts from, with its energy
/// content and its factor; the expected figures are worked by hand from the table in the comments.
/// </summary>
public class FuelsTest
{
    [Fact]
    public void NaturalGasAndLng_AreFossil_AtTheTablesFigures()
    {
        // 1,000 Sm³ natural gas × 1.99 = 1,990 kg; 500 kg LNG × 12.5 kWh × 0.202 kg/kWh = 1,262.5 kg: Scope 1 3,252.5 kg.
        var account = ClimateAccount.Compute(Report("skole", 2023,
            new IndicatorValue("naturgass", 1_000, MeasureUnit.StandardCubicMetre),
            new IndicatorValue("lng", 500, MeasureUnit.Kilogram)), Indicators, Set(2023), NoScope3);

        account.Scope1.Should().BeApproximately(3_252.5, 1e-9);
        account.Biogenic.Should().Be(0);
    }

    [Fact]
    public void TheBiofuels_AreBesideTheTotal_AtTheTablesFigures()
    {
        // Biogenic CO2: bio heating oil 100 l × 2.51 = 251; biogas 100 kg × 2.75 = 275; bioethanol 100 l × 1.91 × 5.5/7.4
        // = 141.959…; pellets 1,000 kg × 1.8 = 1,800; chips 1,000 kg × 1.8 = 1,800. Sum 4,267.959… kg, none of it in the total.
        var account = ClimateAccount.Compute(Report("skole", 2023,
            new IndicatorValue("bioolje", 100, MeasureUnit.Litre),
            new IndicatorValue("biogass", 100, MeasureUnit.Kilogram),
            new IndicatorValue("bioetanol", 100, MeasureUnit.Litre),
            new IndicatorValue("pellets", 1_000, MeasureUnit.Kilogram),
            new IndicatorValue("flis", 1_000, MeasureUnit.Kilogram)), Indicators, Set(2023), NoScope3);

        account.Biogenic.Should().BeApproximately(251 + 275 + (191 * 5.5 / 7.4) + 1_800 + 1_800, 1e-9);
        account.Total.Should().Be(0);
        account.Warnings.Should().BeEmpty("every fuel has its energy content and its factor");
    }

    [Fact]
    public void EveryFuel_IsInTheEnergyFigure_AtItsEnergyContent()
    {
        // kWh: natural gas 10 Sm³ × 9.92 = 99.2; LNG 10 kg × 12.5 = 125; bio heating oil 10 l × 0.88 × 10.22 = 89.936;
        // biogas 10 kg × 2.8 = 28; pellets 10 kg × 4.8 = 48; chips 10 kg × 4.3 = 43. Sum 433.136 kWh (bioethanol is transport).
        var figures = Report("skole", 2023,
            new IndicatorValue("naturgass", 10, MeasureUnit.StandardCubicMetre),
            new IndicatorValue("lng", 10, MeasureUnit.Kilogram),
            new IndicatorValue("bioolje", 10, MeasureUnit.Litre),
            new IndicatorValue("biogass", 10, MeasureUnit.Kilogram),
            new IndicatorValue("pellets", 10, MeasureUnit.Kilogram),
            new IndicatorValue("flis", 10, MeasureUnit.Kilogram),
            new IndicatorValue("bioetanol", 10, MeasureUnit.Litre)).GetFigures(Indicators);

        figures.EnergyKilowattHours.Should().BeApproximately(433.136, 1e-9);
        Indicators.Get("bioetanol").KilowattHoursPerUnit.Should().Be(5.5);
    }
}
