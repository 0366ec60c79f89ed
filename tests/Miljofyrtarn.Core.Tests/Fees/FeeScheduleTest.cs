using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Fees;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Fees;

/// <summary>The 2024 fee bands, applied per certified location by its FTEs.</summary>
public class FeeScheduleTest
{
    [Theory]
    [InlineData(0, 4_880, 2_120)]
    [InlineData(9.9, 4_880, 2_120)]
    [InlineData(10, 7_510, 3_230)]
    [InlineData(29.5, 7_510, 3_230)]
    [InlineData(30, 11_330, 5_380)]
    [InlineData(99, 14_070, 7_180)]
    [InlineData(100, 17_350, 8_490)]
    [InlineData(499, 20_680, 11_560)]
    [InlineData(999.9, 23_420, 15_480)]
    [InlineData(1_000, 26_700, 20_320)]
    [InlineData(25_000, 26_700, 20_320)]
    public void EveryBand_HasTheFeesTheFoundationPublished(double fte, int establishment, int annual) =>
        FeeSchedule.Default.BandFor((decimal)fte).Should().Match<FeeBand>(b => b.EstablishmentFee == establishment && b.AnnualFee == annual);

    [Fact]
    public void Heim_PaysPerLocation_ByEachLocationsFtes()
    {
        var estimate = FeeSchedule.Default.Estimate(Heim.Create());

        estimate.Lines.Select(l => (l.Location, l.FullTimeEquivalents)).Should().Equal(
            (Heim.Raadhuset, 120m), (Heim.Barnehage, 20m), (Heim.Skole, 20m), (Heim.Sykehjem, 20m), (Heim.Hjemmetjeneste, 20m));
        estimate.EstablishmentFees.Should().Be(17_350 + (4 * 7_510));
        estimate.AnnualFees.Should().Be(8_490 + (4 * 3_230));
    }

    [Fact]
    public void ACoLocatedUnit_AddsItsFtesToItsHost_AndPaysNothingOfItsOwn()
    {
        var heim = Heim.Create().AddUnit(new UnitDefinition(new UnitId("bibliotek"), "Heim bibliotek")
        {
            FullTimeEquivalents = 12m,
            Address = "Rådhusplassen 1, 9999 Heim",
            Certificate = CertificateArrangement.CoLocatedWith(Heim.Raadhuset),
        }, Heim.StartedOn);

        var estimate = FeeSchedule.Default.Estimate(heim);

        estimate.Lines.Should().HaveCount(5);
        estimate.Lines[0].FullTimeEquivalents.Should().Be(132m);
    }

    [Fact]
    public void AUnitWithoutFtes_IsNamed()
    {
        var heim = Heim.Create().AddUnit(new UnitDefinition(new UnitId("ny"), "Ny barnehage"), Heim.StartedOn);

        var problem = FluentActions.Invoking(() => FeeSchedule.Default.Estimate(heim)).Should().Throw<MiljofyrtarnException>().Which.Diagnostics.Should().ContainSingle().Which;

        problem.Code.Should().Be(ErrorCodes.MissingFullTimeEquivalents);
        problem.Arguments.Should().Equal("Ny barnehage");
    }

    [Fact]
    public void TheScheduleInForce_IsTheLatestThatHadTakenEffect()
    {
        var later = FeeSchedule.Create(new LocalDate(2026, 1, 1), "Test", [new(0, 5_000, 2_500)]);

        FeeSchedule.InForce([FeeSchedule.Default, later], new LocalDate(2025, 12, 31)).Should().BeSameAs(FeeSchedule.Default);
        FeeSchedule.InForce([FeeSchedule.Default, later], new LocalDate(2026, 1, 1)).Should().BeSameAs(later);
        FluentActions.Invoking(() => FeeSchedule.InForce([FeeSchedule.Default], new LocalDate(2023, 12, 31)))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.NoFeeSchedule);
    }

    [Fact]
    public void BadBands_AndNegativeFtes_AreRefused()
    {
        FluentActions.Invoking(() => FeeSchedule.Create(new LocalDate(2026, 1, 1), "x", [new(5, 1, 1)])).Should().Throw<MiljofyrtarnException>();
        FluentActions.Invoking(() => FeeSchedule.Create(new LocalDate(2026, 1, 1), "x", [new(0, 1, 1), new(0, 2, 2)])).Should().Throw<MiljofyrtarnException>();
        FluentActions.Invoking(() => FeeSchedule.Create(new LocalDate(2026, 1, 1), "x", [new(0, -1, 1)])).Should().Throw<MiljofyrtarnException>();
        FluentActions.Invoking(() => FeeSchedule.Create(new LocalDate(2026, 1, 1), " ", [new(0, 1, 1)])).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.BlankText);
        FluentActions.Invoking(() => FeeSchedule.Default.BandFor(-0.5m)).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.NumberOutOfRange);
    }
}
