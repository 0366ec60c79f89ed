using BenchmarkDotNet.Attributes;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using NodaTime;
using NodaTime.Testing;

namespace Miljofyrtarn.Core.Benchmarks;

/// <summary>
/// What the role checks cost an action: one assessment recorded on a cached state and the readiness asked, in an
/// organisation without roles (the baseline: no check beyond a flag) and in the same organisation governed by roles
/// (the role table asked for the actor and the unit). Up to 2,000 certified units.
/// </summary>
[MemoryDiagnoser]
public class RoleBenchmarks
{
    private OrganisationLifecycle _open = null!;
    private OrganisationLifecycle _governed = null!;
    private UnitId _headquarters;

    [ParamsSource(nameof(Sizes))]
    public int Units { get; set; }

    public static IEnumerable<int> Sizes => ScalingSizes.Of(200, 2_000);

    [GlobalSetup]
    public void Setup()
    {
        var lifecycle = ScheduleScenarios.CertifiedUnits(Units);
        var clock = new FakeClock(Instant.FromUtc(2025, 6, 1, 8, 0));
        _open = OrganisationLifecycle.Replay(lifecycle.Organisation.Catalog, lifecycle.History, clock, lifecycle.Rules);
        _headquarters = _open.Organisation.Headquarters.Id;
        _governed = _open.GrantRole("konsulent@example.org", SchemeRole.Consultant, null, _open.History[0].Actor);
        _open.Organisation.GetReadiness();
        _governed.Organisation.GetReadiness();
    }

    [Benchmark(Baseline = true, Description = "RecordAssessment + readiness, no roles")]
    public int Open() => _open.RecordAssessment(_headquarters, 1, FulfilmentStatus.InProgress, _open.History[0].Actor).Organisation.GetReadiness().Counts.MustBlocking;

    [Benchmark(Description = "RecordAssessment + readiness, governed (role checked)")]
    public int Governed() => _governed.RecordAssessment(_headquarters, 1, FulfilmentStatus.InProgress, _governed.History[0].Actor).Organisation.GetReadiness().Counts.MustBlocking;
}
