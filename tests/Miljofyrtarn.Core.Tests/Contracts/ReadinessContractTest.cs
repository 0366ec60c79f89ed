using FluentAssertions;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Tests.Lifecycle;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Contracts;

/// <summary>Issue 32: the readiness contract disagreed with itself.</summary>
public class ReadinessContractTest
{
    [Fact]
    public void EveryBlockingCriterionsTheme_IsInTheThemesList_ForEveryUnitOfHeim()
    {
        // Before: for the town hall, 6 of 26 blocking criteria carried the catalog's theme "system", which the common
        // set files under its own themes, so "system" was missing from the themes list a frontend groups them by.
        var lifecycle = HeimLifecycle.Start(HeimLifecycle.Clock());

        foreach (var unit in lifecycle.Organisation.AllUnits)
        {
            var view = ContractViews.ToView(lifecycle.Organisation.GetReadiness(unit.Id), ContractLanguage.Default);
            var themes = view.Themes.Select(t => t.Theme).ToHashSet();

            view.Blocking.Should().NotBeEmpty();
            if (unit.Id == lifecycle.Organisation.Headquarters.Id)
            {
                lifecycle.Organisation.GetReadiness(unit.Id).Blocking.Should().Contain(b => b.Theme != b.Criterion.Theme, "the case of the finding: criteria the common set files under another theme than their own");
            }

            view.Blocking.Select(b => b.Theme).Should().OnlyContain(theme => themes.Contains(theme), $"every blocking criterion of {unit.Id} is counted under a listed theme");
        }
    }

    [Fact]
    public void TheThemesCounts_AddUpToTheUnitsCounts_AndItsBlockingCriteriaToItsMustBlocking()
    {
        var lifecycle = HeimLifecycle.Start(HeimLifecycle.Clock());

        foreach (var unit in lifecycle.Organisation.AllUnits)
        {
            var readiness = lifecycle.Organisation.GetReadiness(unit.Id);

            readiness.Themes.Sum(t => t.Counts.Total).Should().Be(readiness.Counts.Total);
            readiness.Themes.Sum(t => t.Counts.MustTotal).Should().Be(readiness.Counts.MustTotal);
            readiness.Blocking.Should().HaveCount(readiness.Counts.MustBlocking);
            foreach (var theme in readiness.Themes)
            {
                readiness.Blocking.Count(b => b.Theme == theme.Theme).Should().Be(theme.Counts.MustBlocking, $"the blocking criteria of {theme.Theme.Id} are its must-criteria not yet fulfilled");
            }
        }
    }
}
