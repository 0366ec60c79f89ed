using BenchmarkDotNet.Attributes;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Testing;
using NodaTime;
using NodaTime.Testing;

namespace Miljofyrtarn.Core.Benchmarks;

/// <summary>
/// The sizes of the scaling study (issue 16). A smoke run (<c>MILJOFYRTARN_BENCHMARK_SMOKE=1</c>, as in CI) takes the
/// smallest size only, so the code path runs without building the largest organisations.
/// </summary>
internal static class ScalingSizes
{
    public static bool Smoke => Environment.GetEnvironmentVariable("MILJOFYRTARN_BENCHMARK_SMOKE") == "1";

    public static IEnumerable<int> Of(params int[] sizes) => Smoke ? sizes[..1] : sizes;
}

/// <summary>
/// How readiness and one assessment cost as the organisation grows: 1 HK + N UEs on the generated catalog of 1,000
/// criteria in 80 sets, about half assessed (<see cref="LargeMunicipality"/>). The baseline is one unit's readiness,
/// what a change to one unit needs at the least. docs/benchmarks.md records the growth exponent fitted over the sizes.
/// </summary>
[MemoryDiagnoser]
public class ReadinessScalingBenchmarks
{
    private Organisation _organisation = null!;
    private UnitId _unit;
    private int _criterion;
    private CriterionAssessment _assessment = null!;

    [ParamsSource(nameof(Sizes))]
    public int Units { get; set; }

    public static IEnumerable<int> Sizes => ScalingSizes.Of(50, 200, 1_000, 5_000);

    [GlobalSetup]
    public void Setup()
    {
        _organisation = LargeMunicipality.Create(Units);
        var unit = _organisation.AllUnits[_organisation.AllUnits.Length / 2];
        _unit = unit.Id;
        _criterion = _organisation.Resolve(_unit).Criteria.First(c => c.FulfilledBy == ResponsibleParty.Unit).Criterion.Id;
        _assessment = new CriterionAssessment(FulfilmentStatus.Fulfilled, Instant.FromUtc(2024, 6, 1, 9, 0), "tester");
        _organisation.GetReadiness(); // the dashboard has shown it: the next state carries it forward
    }

    [Benchmark(Baseline = true, Description = "GetReadiness(unit)")]
    public UnitReadiness OneUnit() => _organisation.GetReadiness(_unit);

    /// <summary>What <c>GetReadiness()</c> does on a state with nothing to carry forward (a fresh or a restored organisation).</summary>
    [Benchmark(Description = "GetReadiness() in full")]
    public OrganisationReadiness Full() => _organisation.ComputeReadiness();

    [Benchmark(Description = "RecordAssessment")]
    public Organisation Record() => _organisation.RecordAssessment(_unit, _criterion, _assessment);

    [Benchmark(Description = "RecordAssessment + GetReadiness()")]
    public OrganisationReadiness AfterOneAssessment() => _organisation.RecordAssessment(_unit, _criterion, _assessment).GetReadiness();
}

/// <summary>
/// How replay costs as the history grows: 200 units, assessed again and again, each certified
/// (<see cref="BenchmarkScenarios.LongHistory"/>). One method: the comparison is across the sizes (time and bytes per
/// event, and the fitted exponent), and against the figures recorded before issue 16 in docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
public class ReplayScalingBenchmarks
{
    private IReadOnlyList<LifecycleEvent> _history = [];
    private CriteriaCatalog _catalog = null!;
    private FakeClock _clock = null!;

    [ParamsSource(nameof(Sizes))]
    public int Events { get; set; }

    public static IEnumerable<int> Sizes => ScalingSizes.Of(10_000, 100_000, 1_000_000);

    [GlobalSetup]
    public void Setup()
    {
        var lifecycle = BenchmarkScenarios.LongHistory(Events);
        _history = [.. lifecycle.History];
        _catalog = lifecycle.Organisation.Catalog;
        _clock = new FakeClock(_history[^1].OccurredAt);
    }

    [Benchmark(Baseline = true, Description = "OrganisationLifecycle.Replay")]
    public OrganisationLifecycle Replay() => OrganisationLifecycle.Replay(_catalog, _history, _clock);
}

/// <summary>
/// How building an organisation through the public actions and computing its deadlines cost as it grows: N units on a
/// catalog whose criteria headquarters fulfils, each certified (<see cref="ScheduleScenarios.CertifiedUnits"/>).
/// </summary>
[MemoryDiagnoser]
public class DeadlineScalingBenchmarks
{
    private OrganisationLifecycle _lifecycle = null!;
    private DeadlineSchedule _schedule = null!;
    private LocalDate _from;
    private LocalDate _to;

    [ParamsSource(nameof(Sizes))]
    public int Units { get; set; }

    public static IEnumerable<int> Sizes => ScalingSizes.Of(1_000, 10_000, 100_000);

    [GlobalSetup]
    public void Setup()
    {
        _lifecycle = ScheduleScenarios.CertifiedUnits(Units);
        _schedule = new DeadlineSchedule(_lifecycle);
        _from = _lifecycle.Today;
        _to = _from.PlusYears(3);
    }

    [Benchmark(Baseline = true, Description = "DeadlineSchedule.Between (3 years)")]
    public System.Collections.Immutable.ImmutableArray<Deadline> Deadlines() => _schedule.Between(_from, _to);

    [Benchmark(Description = "Build N certified units through the actions")]
    public OrganisationLifecycle Build() => ScheduleScenarios.CertifiedUnits(Units);
}
