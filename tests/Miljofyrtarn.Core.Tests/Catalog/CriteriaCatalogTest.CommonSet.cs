using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Catalog;

public class CriteriaCatalogCommonSetTest
{
    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.LoadDefault();

    [Theory]
    [InlineData(OrganisationKind.Private, "2022-06-14", "felles-2016")]
    [InlineData(OrganisationKind.Private, "2022-06-15", "felles-privat-statlig-2022")]
    [InlineData(OrganisationKind.State, "2022-06-15", "felles-privat-statlig-2022")]
    [InlineData(OrganisationKind.State, "2030-01-01", "felles-privat-statlig-2022")]
    [InlineData(OrganisationKind.Municipality, "2022-06-15", "felles-2016")]
    [InlineData(OrganisationKind.Municipality, "2023-02-28", "felles-2016")]
    [InlineData(OrganisationKind.Municipality, "2023-03-01", "felles-kommune-2023")]
    [InlineData(OrganisationKind.CountyMunicipality, "2023-02-28", "felles-2016")]
    [InlineData(OrganisationKind.CountyMunicipality, "2023-03-01", "felles-kommune-2023")]
    [InlineData(OrganisationKind.Municipality, "2016-01-01", "felles-2016")]
    public void SelectCommonSet_AtTheRulebookBoundaries_ChoosesTheRightVersion(OrganisationKind kind, string startedOn, string expected)
    {
        var date = NodaTime.Text.LocalDatePattern.Iso.Parse(startedOn).Value;

        Catalog.SelectCommonSet(kind, date).Id.Should().Be(expected);
    }

    /// <summary>The rulebook's rules, written out independently of the catalog data and the selection code.</summary>
    private static string Oracle(OrganisationKind kind, LocalDate date)
    {
        var municipal = kind is OrganisationKind.Municipality or OrganisationKind.CountyMunicipality;
        if (municipal)
        {
            return date >= new LocalDate(2023, 3, 1) ? "felles-kommune-2023" : "felles-2016";
        }

        return date >= new LocalDate(2022, 6, 15) ? "felles-privat-statlig-2022" : "felles-2016";
    }

    [Fact]
    public void SelectCommonSet_EveryDayFrom2016To2030ForEveryKind_MatchesTheRulebook()
    {
        for (var date = new LocalDate(2016, 1, 1); date <= new LocalDate(2030, 12, 31); date = date.PlusDays(1))
        {
            foreach (var kind in Enum.GetValues<OrganisationKind>())
            {
                var chosen = Catalog.SelectCommonSet(kind, date).Id;
                if (chosen != Oracle(kind, date))
                {
                    chosen.Should().Be(Oracle(kind, date), $"{kind} starting {date:yyyy-MM-dd}");
                }
            }
        }
    }

    [Fact]
    public void SelectCommonSet_BeforeAnyCommonSet_FailsWithMFT0114()
    {
        var act = () => Catalog.SelectCommonSet(OrganisationKind.Municipality, new LocalDate(2010, 1, 1));

        var exception = act.Should().Throw<MiljofyrtarnException>().Which;
        exception.Code.Should().Be(ErrorCodes.NoCommonSet);
        exception.Diagnostics[0].Arguments.Should().Contain("2010-01-01");
        Catalog.TrySelectCommonSet(OrganisationKind.Municipality, new LocalDate(2010, 1, 1), out var none).Should().BeFalse();
        none.Should().BeNull();
    }
}
