using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Catalog.Json;

namespace Miljofyrtarn.Core.Benchmarks;

/// <summary>
/// Loading the embedded catalog (guard pass, source-generated deserialisation, full validation, immutable
/// catalog with frozen lookups) against the plain source-generated deserialisation of the same bytes
/// into DTOs, which validates nothing. Target: within 1.5× of the baseline.
/// </summary>
[MemoryDiagnoser]
public class CatalogLoadBenchmarks
{
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup() => _json = CriteriaCatalog.ReadEmbeddedBytes();

    [Benchmark(Baseline = true, Description = "JsonSerializer.Deserialize into DTOs")]
    public object? PlainDeserialize() => JsonSerializer.Deserialize(_json, CatalogJsonContext.Default.CatalogDocument);

    [Benchmark(Description = "CriteriaCatalog.Load (validated)")]
    public CriteriaCatalog Load() => CriteriaCatalog.Load(_json);
}

/// <summary>
/// Resolving a criterion by ID: the catalog's frozen dictionary against a LINQ scan of the criteria.
/// Target: allocation-free.
/// </summary>
[MemoryDiagnoser]
public class CatalogLookupBenchmarks
{
    private CriteriaCatalog _catalog = null!;
    private int[] _ids = [];

    [GlobalSetup]
    public void Setup()
    {
        _catalog = CriteriaCatalog.LoadDefault();
        _ids = _catalog.Criteria.Select(c => c.Id).Reverse().ToArray();
    }

    [Benchmark(Baseline = true, Description = "LINQ scan (First)")]
    public int LinqScan()
    {
        var sum = 0;
        foreach (var id in _ids)
        {
            sum += _catalog.Criteria.First(c => c.Id == id).Ordinal;
        }

        return sum;
    }

    [Benchmark(Description = "TryGetCriterion")]
    public int Lookup()
    {
        var sum = 0;
        foreach (var id in _ids)
        {
            if (_catalog.TryGetCriterion(id, out var criterion))
            {
                sum += criterion.Ordinal;
            }
        }

        return sum;
    }
}
