using BenchmarkDotNet.Attributes;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using Miljofyrtarn.Core.Testing;
using NodaTime;

namespace Miljofyrtarn.Core.Benchmarks;

/// <summary>
/// Issue 16's target for incremental readiness: <c>GetReadiness()</c> right after one assessment, at 2,000 units on the
/// generated catalog of 1,000 criteria, against the full recomputation every state needed before (the baseline). The
/// organisation's readiness was asked for once in setup, as a dashboard would have. A third case is headquarters
/// assessing a criterion it fulfils for every unit: all units inherit it, so all are recomputed.
/// </summary>
[MemoryDiagnoser]
public class IncrementalReadinessBenchmarks
{
    private Organisation _organisation = null!;
    private UnitId _unit;
    private int _criterion;
    private int _shared;
    private CriterionAssessment _assessment = null!;

    [ParamsSource(nameof(Sizes))]
    public int Units { get; set; }

    /// <summary>2,000 units; 200 in a smoke run (<c>MILJOFYRTARN_BENCHMARK_SMOKE=1</c>, as in CI), which only runs the code path.</summary>
    public static IEnumerable<int> Sizes => ScalingSizes.Smoke ? [200] : [2_000];

    [GlobalSetup]
    public void Setup()
    {
        _organisation = LargeMunicipality.Create(Units);
        _unit = _organisation.AllUnits[_organisation.AllUnits.Length / 2].Id;
        _criterion = _organisation.Resolve(_unit).Criteria.First(c => c.FulfilledBy == ResponsibleParty.Unit).Criterion.Id;
        _shared = _organisation.Resolve(_organisation.Headquarters.Id).Criteria.MaxBy(c => c.DemandedBy.Length)!.Criterion.Id;
        _assessment = new CriterionAssessment(FulfilmentStatus.Fulfilled, Instant.FromUtc(2024, 6, 1, 9, 0), "tester");
        _organisation.GetReadiness();
    }

    [Benchmark(Baseline = true, Description = "RecordAssessment + readiness in full (as before)")]
    public OrganisationReadiness Full() => _organisation.RecordAssessment(_unit, _criterion, _assessment).ComputeReadiness();

    [Benchmark(Description = "RecordAssessment + GetReadiness()")]
    public OrganisationReadiness Incremental() => _organisation.RecordAssessment(_unit, _criterion, _assessment).GetReadiness();

    [Benchmark(Description = "HK assesses a criterion every unit inherits + GetReadiness()")]
    public OrganisationReadiness Inherited() =>
        _organisation.RecordAssessment(_organisation.Headquarters.Id, _shared, _assessment).GetReadiness();
}
