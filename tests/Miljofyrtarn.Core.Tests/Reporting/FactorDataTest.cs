using System.Globalization;
using FluentAssertions;
using Miljofyrtarn.Core.Reporting;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Reporting;

/// <summary>Issue 33: the factor data stay data a reader can check: every factor names where it was published, and sets for the same year agree.</summary>
public class FactorDataTest
{
    public static TheoryData<string> Sets => [.. EmissionFactorSet.Defaults.Select(s => s.Id)];

    [Theory]
    [MemberData(nameof(Sets))]
    public void EveryFactor_CarriesASourceUrl_AUnit_AndItsSetsPublicationDay(string id)
    {
        var set = EmissionFactorSet.Defaults.Single(s => s.Id == id);

        set.PublishedOn.Year.Should().BeInRange(set.Year, set.Year + 2, "a set is published after its year, not years later");
        set.Url.Should().StartWith("https://");
        foreach (var factor in set.Factors)
        {
            factor.Source.Should().Contain("https://", $"{id}/{factor.Activity} names where it was published");
            Enum.IsDefined(factor.Unit).Should().BeTrue();
            double.IsFinite(factor.KilogramsCo2ePerUnit).Should().BeTrue();
        }
    }

    [Fact]
    public void SetsForTheSameYear_DoNotDisagree()
    {
        foreach (var year in EmissionFactorSet.Defaults.GroupBy(s => s.Year).Where(g => g.Count() > 1))
        {
            var factors = year.SelectMany(s => s.Factors.Select(f => (Key: (f.Activity, f.Method), f.KilogramsCo2ePerUnit))).GroupBy(f => f.Key);
            factors.Should().OnlyContain(g => g.Select(f => f.KilogramsCo2ePerUnit).Distinct().Count() == 1, string.Create(CultureInfo.InvariantCulture, $"the sets for {year.Key} agree"));
        }
    }
}
