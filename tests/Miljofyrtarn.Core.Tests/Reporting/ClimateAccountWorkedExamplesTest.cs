using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Reporting.ReportBuilder;

namespace Miljofyrtarn.Core.Tests.Reporting;

/// <summary>Worked examples computed by hand, not by restating the library's formula.</summary>
public class ClimateAccountWorkedExamplesTest
{
    private static ClimateAccount Account(int factorYear, params IndicatorValue[] figures) =>
        ClimateAccount.Compute(Report("skole", 2023, figures), Indicators, Set(factorYear), NoScope3);

    [Fact]
    public void Electricity_10000KilowattHoursAt15Grams_Is150KilogramsLocationBased()
    {
        var account = Account(2023, new IndicatorValue("strom", 10_000, MeasureUnit.KilowattHour));

        account.Scope2LocationBased.Should().BeApproximately(150, 1e-9);
        account.Total.Should().BeApproximately(150, 1e-9);
        account.Scope1.Should().Be(0);
        account.Scope2MarketBased.Should().BeNull("the 2023 set has no residual mix: not computed, never zero");
        account.TotalMarketBased.Should().BeNull();
    }

    [Fact]
    public void Electricity_InThe2020Set_CountsBothMethods()
    {
        var account = Account(2020, new IndicatorValue("strom", 10_000, MeasureUnit.KilowattHour));

        account.Scope2LocationBased.Should().BeApproximately(80, 1e-9, "8 g × 10,000 kWh");
        account.Scope2MarketBased.Should().BeApproximately(4_020, 1e-9, "402 g residual mix × 10,000 kWh");
        account.TotalMarketBased.Should().BeApproximately(4_020, 1e-9);
        account.Total.Should().BeApproximately(80, 1e-9, "the published diagram is location-based");
    }

    [Fact]
    public void Diesel_1000Litres_Is2660KilogramsFossil_InScope1()
    {
        var account = Account(2023, new IndicatorValue("diesel", 1_000, MeasureUnit.Litre));

        account.Scope1.Should().BeApproximately(2_660, 1e-9);
        account.Biogenic.Should().Be(0);
        account.Lines.Should().ContainSingle(l => l.Activity == "diesel").Which.Scope.Should().Be(EmissionScope.Scope1);
        account.ForTheme(IndicatorTheme.Transport).Should().BeApproximately(2_660, 1e-9);
    }

    [Fact]
    public void Biodiesel_CountsOnlyInTheBiogenicFigure()
    {
        var account = Account(2023,
            new IndicatorValue("diesel", 1_000, MeasureUnit.Litre),
            new IndicatorValue("biodiesel", 500, MeasureUnit.Litre));

        account.Biogenic.Should().BeApproximately(1_255, 1e-9, "500 l × 2.51 kg (Miljødirektoratet), beside the totals");
        account.Scope1.Should().BeApproximately(2_660, 1e-9, "the biodiesel is not in Scope 1");
        account.Total.Should().BeApproximately(2_660, 1e-9);
        account.ForTheme(IndicatorTheme.Transport).Should().BeApproximately(2_660, 1e-9);
    }

    [Fact]
    public void AnElectricCarsKilowattHours_AreCountedOnce_InTheElectricityTheyArePartOf()
    {
        var account = Account(2023,
            new IndicatorValue("strom", 10_000, MeasureUnit.KilowattHour),
            new IndicatorValue("elbil-kwh", 2_000, MeasureUnit.KilowattHour),
            new IndicatorValue("elbil-km", 12_000, MeasureUnit.Kilometre));

        account.Total.Should().BeApproximately(150, 1e-9, "10,000 kWh × 15 g; the 2,000 kWh charged are inside the 10,000");
        account.Lines.Should().ContainSingle();
    }

    [Fact]
    public void HeatingOil_And_Petrol_UseMiljodirektoratetsFactors()
    {
        var account = Account(2022,
            new IndicatorValue("fyringsolje", 200, MeasureUnit.Litre),
            new IndicatorValue("bensin", 100, MeasureUnit.Litre),
            new IndicatorValue("strom", 1_000, MeasureUnit.KilowattHour));

        account.Scope1.Should().BeApproximately(532 + 232, 1e-9, "200 l × 2.66 + 100 l × 2.32");
        account.Scope2LocationBased.Should().BeApproximately(19, 1e-9, "1,000 kWh × 19 g in 2022");
        account.Total.Should().BeApproximately(783, 1e-9);
        account.ForTheme(IndicatorTheme.Energy).Should().BeApproximately(551, 1e-9, "heating oil and electricity");
    }

    [Fact]
    public void Intensities_DivideTheTotalByFtesAndArea()
    {
        var account = Account(2023,
            new IndicatorValue("arsverk", 25, MeasureUnit.FullTimeEquivalent),
            new IndicatorValue("oppvarmet-areal", 2_000, MeasureUnit.SquareMetre),
            new IndicatorValue("diesel", 1_000, MeasureUnit.Litre));

        account.PerFullTimeEquivalent.Should().BeApproximately(106.4, 1e-9, "2,660 kg ÷ 25");
        account.PerSquareMetre.Should().BeApproximately(1.33, 1e-9, "2,660 kg ÷ 2,000 m²");
    }

    [Fact]
    public void AMissingFactor_IsAnErrorNamingTheActivityAndYear_NeverAZero()
    {
        var report = Report("skole", 2023, new IndicatorValue("fjernvarme", 50_000, MeasureUnit.KilowattHour), new IndicatorValue("fly-km", 3_000, MeasureUnit.Kilometre));

        var refused = FluentActions.Invoking(() => ClimateAccount.Compute(report, Indicators, Set(2023)))
            .Should().Throw<MiljofyrtarnException>().Which.Diagnostics;

        refused.Where(d => d.Code == ErrorCodes.MissingEmissionFactor).Select(d => d.Arguments[0])
            .Should().BeEquivalentTo("district-heating", "flight-domestic", "waste-recycled", "waste-residual");
        refused.Should().OnlyContain(d => d.Code == ErrorCodes.MissingEmissionFactor && d.Arguments[1] == "2023");
    }

    [Fact]
    public void ALeftOutActivity_CarriesItsReason()
    {
        var account = Account(2023, new IndicatorValue("fjernvarme", 50_000, MeasureUnit.KilowattHour));

        account.LeftOut.Should().Contain(new LeftOutActivity("district-heating", "No factor published for the district heating plant"));
        account.Total.Should().Be(0);
        FluentActions.Invoking(() => ClimateAccount.Compute(Report("skole", 2023), Indicators, Set(2023), [new LeftOutActivity("waste-residual", " ")]))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.BlankText, "an activity is only left out with a stated reason");
    }

    [Theory]
    [InlineData(2024, 4, 1, FactorSetRule.ForReportYear, "no-2022")]
    [InlineData(2024, 7, 1, FactorSetRule.ForReportYear, "no-2023")]
    [InlineData(2026, 1, 1, FactorSetRule.ForReportYear, "no-2023")]
    [InlineData(2024, 4, 1, FactorSetRule.NewestPublished, "no-2022")]
    [InlineData(2024, 7, 1, FactorSetRule.NewestPublished, "no-2023")]
    public void TheFactorSet_IsChosenByTheRule_AndNeverBeforeItWasPublished(int year, int month, int day, FactorSetRule rule, string expected) =>
        EmissionFactorSet.Select(EmissionFactorSet.Defaults, 2023, new LocalDate(year, month, day), rule).Id.Should().Be(expected);

    [Fact]
    public void TheFactorSet_ForAnOlderReport_IsThatYearsOrTheNewestBefore()
    {
        EmissionFactorSet.Select(EmissionFactorSet.Defaults, 2021, new LocalDate(2025, 1, 1)).Id.Should().Be("no-2020");
        EmissionFactorSet.Select(EmissionFactorSet.Defaults, 2021, new LocalDate(2025, 1, 1), FactorSetRule.NewestPublished).Id.Should().Be("no-2023");
        FluentActions.Invoking(() => EmissionFactorSet.Select(EmissionFactorSet.Defaults, 2015, new LocalDate(2025, 1, 1)))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.NoFactorSet);
    }

    [Fact]
    public void RecomputingWithANewerSet_GivesTheFinalFigures_AndRecordsTheSet()
    {
        var report = Report("skole", 2023, new IndicatorValue("strom", 10_000, MeasureUnit.KilowattHour));

        var early = ClimateAccount.Compute(report, Indicators, EmissionFactorSet.Select(EmissionFactorSet.Defaults, 2023, new LocalDate(2024, 4, 1)), NoScope3);
        var final = ClimateAccount.Compute(report, Indicators, EmissionFactorSet.Select(EmissionFactorSet.Defaults, 2023, new LocalDate(2024, 7, 1)), NoScope3);

        (early.FactorSet.Id, early.Total).Should().Be(("no-2022", 190.0));
        (final.FactorSet.Id, final.Total).Should().Be(("no-2023", 150.0));
    }

    [Fact]
    public void TheChangeFromAnEarlierYear_IsAbsoluteAndRelative()
    {
        var before = Account(2022, new IndicatorValue("diesel", 1_000, MeasureUnit.Litre));
        var after = Account(2023, new IndicatorValue("diesel", 750, MeasureUnit.Litre));

        var (kilograms, percent) = after.ChangeFrom(before);

        kilograms.Should().BeApproximately(-665, 1e-9);
        percent.Should().BeApproximately(-25, 1e-9);
    }

    [Fact]
    public void AnOrganisationsAccount_RollsUpHeadquartersAndUnits()
    {
        var hk = Report("raadhuset", 2023, new IndicatorValue("strom", 100_000, MeasureUnit.KilowattHour), new IndicatorValue("diesel", 400, MeasureUnit.Litre));
        var school = Report("skole", 2023, new IndicatorValue("strom", 50_000, MeasureUnit.KilowattHour));

        var account = ClimateAccount.ComputeCombined([hk, school], Indicators, Set(2023), NoScope3);

        account.Total.Should().BeApproximately(1_500 + 1_064 + 750, 1e-9);
        account.ForUnit(new UnitId("raadhuset")).Should().BeApproximately(2_564, 1e-9);
        account.ForUnit(new UnitId("skole")).Should().BeApproximately(750, 1e-9);
        account.ReportCount.Should().Be(2);
        account.FullTimeEquivalents.Should().Be(40);
    }
}
