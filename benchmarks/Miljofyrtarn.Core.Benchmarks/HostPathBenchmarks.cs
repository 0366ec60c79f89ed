using BenchmarkDotNet.Attributes;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using NodaTime;
using NodaTime.Testing;

namespace Miljofyrtarn.Core.Benchmarks;

/// <summary>
/// The paths a web host takes: the organisation's whole history replayed (every request before the hosting issue), then one question
/// asked (the actions of a unit, as the dashboard's unit page and <c>GET …/actions</c> ask), or one command applied (an
/// assessment of headquarters) and the unit's actions asked again (<c>POST …/actions</c>). Up to 2,000 units, every one certified
/// (<see cref="ScheduleScenarios.CertifiedUnits"/>). The baseline is the replay alone, what every request pays first.
/// Only public API, so the same class measures an older build of the library for the comparison in docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
public class HostPathBenchmarks
{
    private IReadOnlyList<LifecycleEvent> _history = [];
    private CriteriaCatalog _catalog = null!;
    private SchemeRuleBook _rules = null!;
    private FakeClock _clock = null!;
    private UnitId _unit;
    private UnitId _headquarters;
    private OrganisationLifecycle _cached = null!;
    private byte[] _snapshot = [];

    [ParamsSource(nameof(Sizes))]
    public int Units { get; set; }

    public static IEnumerable<int> Sizes => ScalingSizes.Of(200, 2_000);

    [GlobalSetup]
    public void Setup()
    {
        var lifecycle = ScheduleScenarios.CertifiedUnits(Units);
        _history = [.. lifecycle.History];
        _catalog = lifecycle.Organisation.Catalog;
        _rules = lifecycle.Rules;
        _clock = new FakeClock(Instant.FromUtc(2025, 6, 1, 8, 0));
        _unit = lifecycle.Organisation.Units.ElementAt(Units / 2).Id;
        _headquarters = lifecycle.Organisation.Headquarters.Id;
        _cached = OrganisationLifecycle.Replay(_catalog, _history, _clock, _rules);
        _cached.Organisation.GetReadiness();
        _snapshot = Interchange.SnapshotJson.Write(_cached);
    }

    [Benchmark(Baseline = true, Description = "Replay (every request)")]
    public OrganisationLifecycle Replay() => OrganisationLifecycle.Replay(_catalog, _history, _clock, _rules);

    [Benchmark(Description = "Replay + GetActions of one unit (a read)")]
    public int Read() => Replay().GetActions(_unit, "coordinator").Length;

    [Benchmark(Description = "Replay + one assessment + GetActions (a write)")]
    public int Write()
    {
        var lifecycle = Replay().RecordAssessment(_headquarters, 1, Assessment.FulfilmentStatus.InProgress, "coordinator");
        return lifecycle.GetActions(_unit, "coordinator").Length;
    }

    /// <summary>
    /// The path a host takes when <c>LifecycleRepository</c> kept the organisation's state from the last request (its
    /// default: up to 1,000 organisations): one assessment applied, the readiness and the unit's actions asked. This is
    /// where keeping the readiness and the persistent structures can pay; the replay rows above never reach them.
    /// </summary>
    [Benchmark(Description = "Cached state + one assessment + readiness + GetActions")]
    public int Cached()
    {
        var lifecycle = _cached.RecordAssessment(_headquarters, 1, Assessment.FulfilmentStatus.InProgress, "coordinator");
        return lifecycle.Organisation.GetReadiness().Counts.MustBlocking + lifecycle.GetActions(_unit, "coordinator").Length;
    }

    /// <summary>
    /// The path of a host that starts cold or lost its kept state (<c>LifecycleRepositoryOptions.CachedOrganisations</c>):
    /// the store's latest snapshot read, then the same command and questions as <see cref="Cached"/>. Restoring builds every
    /// unit's table in bulk, so the readiness is computed in full.
    /// </summary>
    [Benchmark(Description = "Snapshot read + one assessment + readiness + GetActions")]
    public int FromSnapshot()
    {
        var lifecycle = Interchange.SnapshotJson.Read(_snapshot, _catalog, _clock, _rules)
            .RecordAssessment(_headquarters, 1, Assessment.FulfilmentStatus.InProgress, "coordinator");
        return lifecycle.Organisation.GetReadiness().Counts.MustBlocking + lifecycle.GetActions(_unit, "coordinator").Length;
    }
}
