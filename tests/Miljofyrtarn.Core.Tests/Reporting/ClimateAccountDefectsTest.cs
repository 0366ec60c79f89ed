using FluentAssertions;
using Miljofyrtarn.Core.Reporting;
using Xunit;
using static Miljofyrtarn.Core.Tests.Reporting.ReportBuilder;

namespace Miljofyrtarn.Core.Tests.Reporting;

/// <summary>
/// Issue 33's defects in the report figures and the climate account, each with the figure computed by hand from the
/// rulebook's factors (DOMAIN §6; Miljødirektoratet's conversion table, National Inventory Report 2021).
/// </summary>
public class ClimateAccountDefectsTest
{
    [Fact]
    public void FuelPer10Kilometres_DividesByEveryOwnVehiclesKilometres_ElectricCarsIncluded()
    {
        // 600 l of diesel; 5,000 km by fuelled cars and 5,000 km by electric cars: 600 l / 10,000 km × 10 = 0.6 l per mil.
        // Before: 600 / 5,000 × 10 = 1.2, which hid the electrification the indicator exists to show.
        var figures = Report("skole", 2023,
            new IndicatorValue("diesel", 600, MeasureUnit.Litre),
            new IndicatorValue("kjoretoy-km", 5_000, MeasureUnit.Kilometre),
            new IndicatorValue("elbil-km", 5_000, MeasureUnit.Kilometre)).GetFigures(Indicators);

        figures.FuelLitresPer10Kilometres.Should().BeApproximately(0.6, 1e-9);
    }

    [Fact]
    public void Propane_IsInTheEnergyFigure_AtItsEnergyContent()
    {
        // 100 l of propane × 0.54 kg/l × 12.8 kWh/kg = 691.2 kWh, beside 1,000 kWh of electricity: 1,691.2 kWh.
        // Before: propane had no energy content and silently dropped out (1,000 kWh).
        var figures = Report("skole", 2023,
            new IndicatorValue("strom", 1_000, MeasureUnit.KilowattHour),
            new IndicatorValue("propan", 100, MeasureUnit.Litre)).GetFigures(Indicators);

        figures.EnergyKilowattHours.Should().BeApproximately(1_691.2, 1e-9);
    }

    [Fact]
    public void Biodiesel_HasItsOwnPublishedFactor_NotDiesels()
    {
        // Miljødirektoratet: biodiesel 2.51 kg CO2 per litre, non-fossil. 500 l × 2.51 = 1,255 kg biogenic (before: 2.66, 1,330 kg).
        var account = ClimateAccount.Compute(Report("skole", 2023, new IndicatorValue("biodiesel", 500, MeasureUnit.Litre)), Indicators, Set(2023), NoScope3);

        account.Biogenic.Should().BeApproximately(1_255, 1e-9);
        account.Total.Should().Be(0);
        account.Lines.Should().ContainSingle(l => l.Activity == "biodiesel").Which.Factor.Source.Should().Contain("miljodirektoratet.no").And.NotContain("Assumption");
    }

    [Fact]
    public void Biodiesel_IsInTheEnergyFigure_AtItsEnergyContent()
    {
        // 100 l × 0.88 kg/l × 10.22 kWh/kg = 899.36 kWh (before: no energy content, a silent drop from the transport energy).
        Indicators.Get("biodiesel").KilowattHoursPerUnit.Should().BeApproximately(0.88 * 10.22, 1e-9);
    }
}

/// <summary>Issue 33: electricity split by guarantees of origin (GHG Protocol Scope 2 Guidance).</summary>
public class GuaranteesOfOriginTest
{
    [Fact]
    public void MarketBased_CountsTheGuaranteedPartAtZero_AndTheRestAtTheResidualMix_LocationBasedAllOfIt()
    {
        // 10,000 kWh, 6,000 of them with guarantees of origin; the 2020 set: 8 g location-based, 402 g residual mix.
        // Location-based: 10,000 × 0.008 = 80 kg. Market-based: 6,000 × 0 + 4,000 × 0.402 = 1,608 kg
        // (before: the residual mix on all 10,000 kWh, 4,020 kg).
        var account = ClimateAccount.Compute(Report("skole", 2020,
            new IndicatorValue("strom", 10_000, MeasureUnit.KilowattHour),
            new IndicatorValue("strom-opprinnelsesgaranti", 6_000, MeasureUnit.KilowattHour)), Indicators, Set(2020), NoScope3);

        account.Scope2LocationBased.Should().BeApproximately(80, 1e-9);
        account.Scope2MarketBased.Should().BeApproximately(1_608, 1e-9);
        account.Lines.Should().ContainSingle(l => l.Activity == "electricity").Which.MarketBasedKilogramsCo2e.Should().BeApproximately(1_608, 1e-9);
    }

    [Fact]
    public void TheGuaranteedKilowattHours_ArePartOfTheElectricityUse_NotAddedToTheEnergy()
    {
        // 10,000 kWh of electricity, 6,000 of them guaranteed: still 10,000 kWh of energy.
        var figures = Report("skole", 2020,
            new IndicatorValue("strom", 10_000, MeasureUnit.KilowattHour),
            new IndicatorValue("strom-opprinnelsesgaranti", 6_000, MeasureUnit.KilowattHour)).GetFigures(Indicators);

        figures.EnergyKilowattHours.Should().BeApproximately(10_000, 1e-9);
    }

    [Fact]
    public void MoreGuaranteedThanUsed_IsRefused_NamingBoth()
    {
        var refused = FluentActions.Invoking(() => Report("skole", 2020,
            new IndicatorValue("strom", 1_000, MeasureUnit.KilowattHour),
            new IndicatorValue("strom-opprinnelsesgaranti", 1_500, MeasureUnit.KilowattHour))).Should().Throw<Core.Diagnostics.MiljofyrtarnException>().Which;

        refused.Code.Should().Be(Core.Diagnostics.ErrorCodes.GuaranteedExceedsUse);
        refused.Diagnostics[0].Arguments.Should().Equal("strom-opprinnelsesgaranti", "1500", "strom", "1000");
    }
}

/// <summary>Issue 33: no silent drops. What a report gives that the account cannot count is a named warning, carried to the contract.</summary>
public class NoSilentDropsTest
{
    private static readonly IndicatorCatalog Catalog = IndicatorCatalog.Create("hosts-own", [
        .. IndicatorCatalog.Default.Indicators,
        new Indicator("ved", IndicatorTheme.Energy, new("Ved", "Ved", "Firewood"), MeasureUnit.Kilogram),
        new Indicator("solvarme", IndicatorTheme.Energy, new("Solvarme", "Solvarme", "Solar heat"), MeasureUnit.KilowattHour),
    ]);

    private static EnvironmentalReport Report(params IndicatorValue[] figures) =>
        EnvironmentalReport.Create(Catalog, new Core.Organisations.UnitId("skole"), 2023, [new IndicatorValue("arsverk", 10, MeasureUnit.FullTimeEquivalent), new IndicatorValue("oppvarmet-areal", 500, MeasureUnit.SquareMetre),
            new IndicatorValue("avfall-sortert", 1, MeasureUnit.Kilogram), new IndicatorValue("avfall-restavfall", 1, MeasureUnit.Kilogram), new IndicatorValue("sykefravaer", 5, MeasureUnit.Percent), .. figures], new NodaTime.LocalDate(2024, 3, 1));

    [Fact]
    public void AFuelWithoutEnergyContent_AndAConsumptionWithoutActivity_AreNamedWarnings_NotSilentZeros()
    {
        var account = ClimateAccount.Compute(Report(
            new IndicatorValue("strom", 1_000, MeasureUnit.KilowattHour),
            new IndicatorValue("ved", 800, MeasureUnit.Kilogram),
            new IndicatorValue("solvarme", 300, MeasureUnit.KilowattHour)), Catalog, Set(2023), NoScope3);

        account.Warnings.Select(w => (w.Code, w.Arguments[0])).Should().Equal((Core.Diagnostics.ErrorCodes.NoEnergyContent, "ved"), (Core.Diagnostics.ErrorCodes.NotInAccount, "solvarme"));
        account.Warnings[0].Category.Should().Be(Core.Diagnostics.ErrorCategory.RefusedByRule);
        account.Warnings[0].GetMessage(Core.Localization.Language.NorwegianBokmal).Should().Be("«ved» har ikke noe energiinnhold i indikatorkatalogen, så forbruket er ikke med i energiforbruket.");

        var view = Core.Contracts.ContractViews.ToView(account, Core.Contracts.ContractLanguage.All);
        view.Warnings.Select(w => (w.Code, w.Indicator)).Should().Equal(("MFT0620", "ved"), ("MFT0621", "solvarme"));
        view.Warnings[1].Message.English.Should().Be("'solvarme' measures no activity in the indicator catalog, so its use is missing from the climate account.");
    }

    [Fact]
    public void EverythingTheDefaultCatalogAsks_IsCounted_WithoutAWarning()
    {
        var figures = IndicatorCatalog.Default.Indicators.Where(i => i.IsActiveIn(2023) && i.Role != IndicatorRole.GuaranteedElectricity)
            .Select(i => new IndicatorValue(i.Code, i.Unit == MeasureUnit.Percent ? 5 : 100, i.Unit)).ToList();
        var account = ClimateAccount.Compute(EnvironmentalReport.Create(IndicatorCatalog.Default, new Core.Organisations.UnitId("skole"), 2023, figures, new NodaTime.LocalDate(2024, 3, 1)),
            IndicatorCatalog.Default, Set(2023), NoScope3);

        account.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void AZeroConsumption_IsNoWarning()
    {
        ClimateAccount.Compute(Report(new IndicatorValue("strom", 1_000, MeasureUnit.KilowattHour), new IndicatorValue("ved", 0, MeasureUnit.Kilogram)), Catalog, Set(2023), NoScope3)
            .Warnings.Should().BeEmpty();
    }
}
