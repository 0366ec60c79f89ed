using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Reporting.ReportBuilder;

namespace Miljofyrtarn.Core.Tests.Reporting;

/// <summary>Every bad input to a report is refused with its code, naming the value; a good report keeps what it was given.</summary>
public class EnvironmentalReportTest
{
    private static IReadOnlyList<Diagnostic> Refused(int year, IEnumerable<IndicatorValue> values, LocalDate? today = null, IEnumerable<ReportGoal>? goals = null) =>
        FluentActions.Invoking(() => EnvironmentalReport.Create(Indicators, new UnitId("skole"), year, values, today ?? new LocalDate(year + 1, 3, 1), goals: goals))
            .Should().Throw<MiljofyrtarnException>().Which.Diagnostics;

    private static IndicatorValue[] With(params IndicatorValue[] extra) => [.. Mandatory(), new("strom", 1_000, MeasureUnit.KilowattHour), .. extra];

    [Fact]
    public void AGoodReport_KeepsItsFiguresGoalsAndMeasures()
    {
        var goal = new ReportGoal("Cut electricity by a tenth", 2026, "strom", 900, 2023);

        var report = EnvironmentalReport.Create(Indicators, new UnitId("skole"), 2023, With(new IndicatorValue("diesel", 120, MeasureUnit.Litre, Estimated: true)), Today,
            goals: [goal], measures: ["LED lighting in the gym"]);

        report.Year.Should().Be(2023);
        report.CatalogVersion.Should().Be(Indicators.Version);
        report.Get("diesel").Should().Be(new IndicatorValue("diesel", 120, MeasureUnit.Litre, true));
        report.Get("fly-km").Should().BeNull();
        report.Goals.Should().Equal(goal);
        report.Measures.Should().Equal("LED lighting in the gym");
    }

    [Fact]
    public void AnUnknownIndicator_IsRefusedByItsCode() =>
        Refused(2023, With(new IndicatorValue("solceller", 1, MeasureUnit.KilowattHour))).Should().ContainSingle()
            .Which.Should().Match<Diagnostic>(d => d.Code == ErrorCodes.UnknownIndicator && d.Arguments[0] == "solceller");

    [Fact]
    public void AValueInTheWrongUnit_NamesBothUnits()
    {
        var problem = Refused(2023, With(new IndicatorValue("diesel", 1, MeasureUnit.Kilogram))).Should().ContainSingle().Which;

        problem.Code.Should().Be(ErrorCodes.WrongIndicatorUnit);
        problem.GetMessage(Language.NorwegianBokmal).Should().Be("«diesel» er oppgitt i kilo (kg), men skal oppgis i liter (l).");
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void ANegativeOrNonFiniteValue_IsRefused(double value) =>
        Refused(2023, With(new IndicatorValue("diesel", value, MeasureUnit.Litre))).Should().ContainSingle()
            .Which.Code.Should().Be(ErrorCodes.InvalidIndicatorValue);

    [Fact]
    public void APercentageOver100_IsRefused_InNorwegianNumbers()
    {
        var values = Mandatory().Where(v => v.Code != "sykefravaer").Append(new IndicatorValue("sykefravaer", 100.5, MeasureUnit.Percent)).Append(new IndicatorValue("strom", 1, MeasureUnit.KilowattHour));

        var problem = Refused(2023, values).Should().ContainSingle().Which;

        problem.Code.Should().Be(ErrorCodes.PercentOver100);
        problem.GetMessage(Language.NorwegianBokmal).Should().Contain("100,5 %");
        problem.GetMessage(Language.English).Should().Contain("100.5 %");
    }

    [Fact]
    public void TheSameIndicatorTwice_IsRefused() =>
        Refused(2023, With(new IndicatorValue("strom", 5, MeasureUnit.KilowattHour))).Should().ContainSingle()
            .Which.Should().Match<Diagnostic>(d => d.Code == ErrorCodes.DuplicateIndicatorValue && d.Arguments[0] == "strom");

    [Theory]
    [InlineData(2024, 2024, 12, 31)]
    [InlineData(2025, 2024, 6, 1)]
    [InlineData(1899, 2024, 6, 1)]
    public void AYearThatHasNotEnded_IsRefused(int year, int todayYear, int month, int day)
    {
        var problem = Refused(year, With(), new LocalDate(todayYear, month, day)).Should().ContainSingle().Which;

        problem.Code.Should().Be(ErrorCodes.ReportYearNotEnded);
        problem.GetMessage(Language.NorwegianBokmal).Should().Contain($"{day:00}.{month:00}.{todayYear}");
    }

    [Fact]
    public void EveryMissingMandatoryIndicator_IsNamed() =>
        Refused(2023, [new IndicatorValue("diesel", 5, MeasureUnit.Litre)])
            .Where(d => d.Code == ErrorCodes.MandatoryIndicatorMissing).Select(d => d.Arguments[0])
            .Should().Equal("arsverk", "oppvarmet-areal", "sykefravaer", "avfall-sortert", "avfall-restavfall", "strom");

    [Fact]
    public void ARetiredIndicator_IsRefusedAfterItsLastYear_AndItsReplacementBefore()
    {
        Refused(2021, With(new IndicatorValue("innkjop-miljokrav", 40, MeasureUnit.Percent))).Should().ContainSingle()
            .Which.Should().Match<Diagnostic>(d => d.Code == ErrorCodes.IndicatorNotInYear && d.Arguments[0] == "innkjop-miljokrav");
        Refused(2020, With(new IndicatorValue("innkjop-sertifiserte", 40, MeasureUnit.Percent))).Should().ContainSingle()
            .Which.Code.Should().Be(ErrorCodes.IndicatorNotInYear);
        EnvironmentalReport.Create(Indicators, new UnitId("skole"), 2020, With(new IndicatorValue("innkjop-miljokrav", 40, MeasureUnit.Percent)), Today).Values.Should().HaveCount(7);
    }

    [Fact]
    public void AnIndicatorMandatoryForOneSet_IsMandatoryOnlyForUnitsWithIt()
    {
        var own = Indicators.WithOwn("2024.1+heim.1", [new Indicator("matsvinn", IndicatorTheme.Waste, new LocalizedText("Matsvinn"), MeasureUnit.Kilogram, mandatory: true, mandatoryForSets: ["barnehage"])]);

        FluentActions.Invoking(() => EnvironmentalReport.Create(own, new UnitId("skole"), 2023, With(), Today, unitSetIds: ["skole"])).Should().NotThrow();
        FluentActions.Invoking(() => EnvironmentalReport.Create(own, new UnitId("barnehage"), 2023, With(), Today, unitSetIds: ["barnehage"]))
            .Should().Throw<MiljofyrtarnException>().Which.Diagnostics.Should().ContainSingle(d => d.Arguments[0] == "matsvinn");
    }

    [Fact]
    public void ABadGoal_IsRefused()
    {
        Refused(2023, With(), goals: [new ReportGoal("Less", 2026, "solceller")]).Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.UnknownIndicator);
        Refused(2023, With(), goals: [new ReportGoal(" ", 2026)]).Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.BlankText);
        Refused(2023, With(), goals: [new ReportGoal("Less", 2022)]).Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.NumberOutOfRange);
        Refused(2023, With(), goals: [new ReportGoal("Less", 2026, "strom", double.NaN)]).Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.InvalidIndicatorValue);
    }

    [Fact]
    public void AllProblems_AreListedTogether() =>
        Refused(2023, [new IndicatorValue("solceller", 1, MeasureUnit.KilowattHour), new IndicatorValue("diesel", -1, MeasureUnit.Kilogram)])
            .Select(d => d.Code).Distinct().Should().BeEquivalentTo([ErrorCodes.UnknownIndicator, ErrorCodes.InvalidIndicatorValue, ErrorCodes.WrongIndicatorUnit, ErrorCodes.MandatoryIndicatorMissing]);

    [Fact]
    public void ATenfoldJump_IsAWarning_NotARefusal()
    {
        var before = Report("skole", 2022, new IndicatorValue("strom", 10_000, MeasureUnit.KilowattHour), new IndicatorValue("diesel", 100, MeasureUnit.Litre));
        var after = Report("skole", 2023, new IndicatorValue("strom", 100_000, MeasureUnit.KilowattHour), new IndicatorValue("diesel", 11, MeasureUnit.Litre));

        var warnings = after.CompareWith(before);

        warnings.Select(w => w.Arguments[0]).Should().Equal("strom");
        warnings[0].GetMessage(Language.NorwegianBokmal).Should().Be("«strom» har endret seg fra 10\u00a0000 i 2022 til 100\u00a0000, ti ganger eller mer; kontroller tallet og enheten.");
        Report("skole", 2023, new IndicatorValue("diesel", 10, MeasureUnit.Litre)).CompareWith(before).Select(w => w.Arguments[0]).Should().Equal(["diesel", "strom"], "a tenth or less is a jump too, down to no electricity at all");
    }

    [Fact]
    public void DerivedFigures_AreComputedByHand()
    {
        var report = Report("skole", 2023,
            new IndicatorValue("arsverk", 20, MeasureUnit.FullTimeEquivalent),
            new IndicatorValue("oppvarmet-areal", 1_000, MeasureUnit.SquareMetre),
            new IndicatorValue("avfall-sortert", 600, MeasureUnit.Kilogram),
            new IndicatorValue("avfall-farlig", 50, MeasureUnit.Kilogram),
            new IndicatorValue("avfall-restavfall", 350, MeasureUnit.Kilogram),
            new IndicatorValue("strom", 80_000, MeasureUnit.KilowattHour),
            new IndicatorValue("fyringsolje", 1_000, MeasureUnit.Litre),
            new IndicatorValue("diesel", 60, MeasureUnit.Litre),
            new IndicatorValue("kjoretoy-km", 1_000, MeasureUnit.Kilometre));

        var figures = report.GetFigures(Indicators);

        figures.SortingRate.Should().BeApproximately(65, 1e-9, "650 of 1,000 kg sorted");
        figures.EnergyKilowattHours.Should().BeApproximately(90_080, 1e-9, "80,000 kWh + 1,000 l × 10.08 kWh/l");
        figures.EnergyPerFullTimeEquivalent.Should().BeApproximately(4_504, 1e-9);
        figures.EnergyPerSquareMetre.Should().BeApproximately(90.08, 1e-9);
        figures.FuelLitresPer10Kilometres.Should().BeApproximately(0.6, 1e-9, "60 l over 100 mil");
    }

    [Fact]
    public void DerivedFigures_WithoutTheirInputs_AreMissingRatherThanZero()
    {
        var figures = Report("skole", 2023, new IndicatorValue("arsverk", 0, MeasureUnit.FullTimeEquivalent)).GetFigures(Indicators);

        figures.SortingRate.Should().BeNull("no waste at all");
        figures.EnergyPerFullTimeEquivalent.Should().BeNull("no FTEs");
        figures.FuelLitresPer10Kilometres.Should().BeNull();
        figures.EnergyKilowattHours.Should().Be(0);
    }

    [Fact]
    public void TheCatalog_RefusesDuplicateCodes_UnknownReplacements_AndBadCodes()
    {
        var text = new LocalizedText("X");
        FluentActions.Invoking(() => IndicatorCatalog.Create("1", [new("a", IndicatorTheme.Energy, text, MeasureUnit.Count), new("a", IndicatorTheme.Waste, text, MeasureUnit.Count)]))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.DuplicateIndicator);
        FluentActions.Invoking(() => IndicatorCatalog.Create("1", [new("a", IndicatorTheme.Energy, text, MeasureUnit.Count, lastYear: 2020, replacedBy: "b")]))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.UnknownIndicator);
        FluentActions.Invoking(() => new Indicator("Strøm", IndicatorTheme.Energy, text, MeasureUnit.Count))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.InvalidIndicatorCode);
        FluentActions.Invoking(() => Indicators.WithOwn("2", [new("strom", IndicatorTheme.Energy, text, MeasureUnit.KilowattHour)]))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.DuplicateIndicator);
        FluentActions.Invoking(() => Indicators.Get("nope")).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.UnknownIndicator);
    }

    [Fact]
    public void AFactorSet_RefusesTwoFactorsForOneActivity()
    {
        var problem = FluentActions.Invoking(() => EmissionFactorSet.Create("x", "p", 2023, new LocalDate(2024, 1, 1), "NO", "AR5", "CC", "https://example.org",
                [new("diesel", MeasureUnit.Litre, 2.66, EmissionScope.Scope1), new("diesel", MeasureUnit.Litre, 2.7, EmissionScope.Scope1)]))
            .Should().Throw<MiljofyrtarnException>().Which.Diagnostics.Should().ContainSingle().Which;

        problem.Code.Should().Be(ErrorCodes.DuplicateEmissionFactor);
        problem.Arguments.Should().Equal("diesel", "2023", "NO");
        FluentActions.Invoking(() => new EmissionFactor("electricity", MeasureUnit.KilowattHour, 0.015, EmissionScope.Scope2))
            .Should().Throw<MiljofyrtarnException>("a Scope 2 factor states its method");
        FluentActions.Invoking(() => new EmissionFactor("diesel", MeasureUnit.Litre, double.NaN, EmissionScope.Scope1))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.InvalidIndicatorValue);
    }
}
