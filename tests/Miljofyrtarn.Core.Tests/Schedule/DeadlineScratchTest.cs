using FluentAssertions;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Schedule;

/// <summary>
/// A query gathers its deadlines in scratch arrays rented from the shared pools, grown when a unit has more deadlines
/// than the first estimate, and returned afterwards. Neither growing nor sharing the pools may change what a query returns.
/// </summary>
public class DeadlineScratchTest
{
    private static OrganisationLifecycle ThreeCertifiedUnits(FakeClock clock)
    {
        var heim = WithCertifiedHeadquarters(clock, AuditsFrom(new LocalDate(2024, 1, 1)));
        heim = Certify(heim, Heim.Barnehage, "MFT-B-1");
        return Certify(heim, Heim.Skole, "MFT-S-1");
    }

    [Fact]
    public void ALongRange_GivesTheYearsOneByOne_InTheirOrder()
    {
        // Forty years of annual reports per unit is far beyond the first estimate (four certificate deadlines and at most
        // twelve reports a unit), so the scratch arrays grow several times.
        var schedule = new DeadlineSchedule(ThreeCertifiedUnits(Clock()));

        var whole = schedule.Between(new LocalDate(2024, 1, 1), new LocalDate(2063, 12, 31));
        var yearByYear = Enumerable.Range(2024, 40).SelectMany(year => schedule.Between(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)));

        whole.Length.Should().BeGreaterThan(3 * (4 + 12), "the query must outgrow its first estimate");
        whole.Should().Equal(yearByYear);
        // The first report is for 2025 (the year after certification); the report for 2062 is the last one due in range.
        whole.Where(d => d.Kind == DeadlineKind.AnnualReport).Select(d => d.Year).Distinct().Should().Equal(Enumerable.Range(2025, 38).Select(year => (int?)year));
    }

    [Fact]
    public async Task QueriesInParallel_EachGiveWhatTheyGiveAlone()
    {
        var schedule = new DeadlineSchedule(ThreeCertifiedUnits(Clock()));
        // Ranges under two years are ordered by counting (day, kind); longer ones, with few deadlines, by one keyed sort.
        var ranges = Enumerable.Range(0, 64)
            .Select(i => new LocalDate(2024, 1, 1).PlusDays(i * 37))
            .Select((from, i) => (From: from, To: i % 4 == 3 ? from.PlusYears(3 + i) : from.PlusDays(200 + (i % 8 * 60))))
            .ToArray();
        var alone = ranges.Select(range => schedule.Between(range.From, range.To)).ToArray();

        var together = await Task.WhenAll(ranges.Select((range, i) => Task.Run(() =>
            Enumerable.Range(0, 200).Count(_ => !schedule.Between(range.From, range.To).SequenceEqual(alone[i])))));

        together.Should().OnlyContain(differing => differing == 0, "each query ran 200 times beside 63 others");
    }
}
