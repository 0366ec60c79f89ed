using FluentAssertions;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Resolution;
using Miljofyrtarn.Core.Testing;
using Miljofyrtarn.Core.Tests.Organisations;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Assessment;

/// <summary>
/// How a unit's readiness is stored (its counts as 16-bit numbers unless they do not fit, its themes and blocking list
/// built on first use into one details object) gives back exactly what was computed, from any number of threads.
/// </summary>
public class UnitReadinessStorageTest
{
    public static TheoryData<ReadinessCounts> Counts => new()
    {
        new ReadinessCounts(1, 2, 3, 4, 5, 2, 1),
        new ReadinessCounts(65_535, 0, 0, 0, 65_535, 0, 0),
        new ReadinessCounts(0, 0, 65_535, 0, 65_535, 65_535, 0),
        new ReadinessCounts(65_534, 0, 1, 0, 65_535, 1, 0),
        new ReadinessCounts(65_536, 0, 0, 0, 0, 0, 0),
        new ReadinessCounts(0, 40_000, 30_000, 70_000, 100_000, 30_000, 70_000),
        new ReadinessCounts(int.MaxValue / 4, 1, 2, 3, 6, 2, 3),
    };

    [Theory]
    [MemberData(nameof(Counts))]
    public void Counts_AreGivenBackAsComputed_AtAndBeyondSixteenBits(ReadinessCounts counts)
    {
        var unit = Heim.Create().GetReadiness().Headquarters.Unit;

        var built = new UnitReadiness(unit, counts, [], []);
        var lazy = new UnitReadiness(unit, counts, default(UnitReadinessSource));

        built.Counts.Should().Be(counts);
        lazy.Counts.Should().Be(counts);
        built.IsReadyForCertifier.Should().Be(counts.MustBlocking == 0);
        built.Themes.Should().BeEmpty();
        built.Blocking.Should().BeEmpty();
    }

    [Fact]
    public async Task Details_ReadOnManyThreadsAtOnce_EqualWhatOneThreadReads()
    {
        var organisation = LargeMunicipality.Create(units: 40);
        var expected = Read(organisation.ComputeReadiness().Units, blockingFirst: false);

        for (var round = 0; round < 20; round++)
        {
            var units = organisation.ComputeReadiness().Units;
            var readers = Enumerable.Range(0, 8).Select(reader => Task.Run(() => Read(units, blockingFirst: reader % 2 == 1))).ToArray();
            foreach (var read in await Task.WhenAll(readers))
            {
                read.Should().HaveCount(expected.Count);
                for (var i = 0; i < expected.Count; i++)
                {
                    read[i].Themes.Should().Equal(expected[i].Themes);
                    read[i].Blocking.Should().Equal(expected[i].Blocking);
                }
            }
        }
    }

    /// <summary>Each unit's themes and blocking list as plain values, the blocking list read first or second.</summary>
    private static List<(List<(string, ReadinessCounts)> Themes, List<(int, FulfilmentStatus, ResponsibleParty)> Blocking)> Read(
        IEnumerable<UnitReadiness> units, bool blockingFirst) =>
        [.. units.Select(u =>
        {
            if (blockingFirst)
            {
                _ = u.Blocking; // built first; read again below, where the kept list is returned
            }

            var themes = u.Themes.Select(t => (t.Theme.Id, t.Counts)).ToList();
            return (themes, u.Blocking.Select(b => (b.Criterion.Id, b.Status, b.FulfilledBy)).ToList());
        })];
}
