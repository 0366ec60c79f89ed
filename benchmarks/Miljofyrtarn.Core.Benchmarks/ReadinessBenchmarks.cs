using BenchmarkDotNet.Attributes;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Testing;

namespace Miljofyrtarn.Core.Benchmarks;

/// <summary>
/// Full readiness of a large municipality (1 HK + 200 UEs, 1,000 criteria in 80 sets, about half assessed)
/// against a straightforward LINQ implementation over the public API. Targets: at least 5× faster than the
/// baseline and under 1 ms per evaluation. A test checks that both compute the same result.
/// </summary>
/// <remarks>
/// Since issue 16 an organisation keeps its readiness once computed, and a unit's themes and blocking list are built when
/// first read. So that both sides still do the same work, the library side computes afresh every time
/// (<c>ComputeReadiness</c>, what <c>GetReadiness()</c> does on a state with nothing kept) and reads every unit's themes
/// and blocking list.
/// </remarks>
[MemoryDiagnoser]
public class ReadinessBenchmarks
{
    private Organisation _organisation = null!;

    [GlobalSetup]
    public void Setup() => _organisation = LargeMunicipality.Create();

    [Benchmark(Baseline = true, Description = "LINQ over the public API")]
    public object Linq() => LinqReadiness.Compute(_organisation);

    [Benchmark(Description = "Organisation.GetReadiness")]
    public int Library()
    {
        var readiness = _organisation.ComputeReadiness();
        var details = 0;
        foreach (var unit in readiness.Units)
        {
            details += unit.Themes.Length + unit.Blocking.Length;
        }

        return details;
    }
}
