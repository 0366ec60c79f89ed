using BenchmarkDotNet.Attributes;

namespace Miljofyrtarn.Core.Benchmarks.Load;

/// <summary>
/// Issue 32's readiness target over a real Kestrel host (<see cref="LoadHost"/>): <c>GET …/readiness</c> of an
/// organisation with 2,000 events in its stream against the same request for one with 20 (the baseline), on SQLite and
/// PostgreSQL. Each invocation sends <see cref="Concurrent"/> requests at once over HTTP/1.1 on 127.0.0.1, so the mean is
/// the time per request under that load, and the ratio is the inverse of the ratio of requests per second. Target: ratio
/// at most 1.25 (2,000 events at least 0.8× the requests per second of 20). The host keeps each organisation's latest
/// state and the store a snapshot every 100 events, so the history behind a state should not matter.
/// </summary>
[MemoryDiagnoser]
public class HostLoadBenchmarks
{
    private const int Concurrent = 32;

    private LoadHost _host = null!;

    [Params(LoadStore.Sqlite, LoadStore.Postgres)]
    public LoadStore Store { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _host = LoadHost.StartAsync(Store).GetAwaiter().GetResult();
        // First requests load each organisation once (from the snapshot or the events); every later one is the steady state.
        Readiness(LoadHost.Small).GetAwaiter().GetResult();
        Readiness(LoadHost.Large).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Concurrent, Description = "GET readiness, 20 events")]
    public Task<int> TwentyEvents() => Readiness(LoadHost.Small);

    [Benchmark(OperationsPerInvoke = Concurrent, Description = "GET readiness, 2,000 events")]
    public Task<int> TwoThousandEvents() => Readiness(LoadHost.Large);

    private async Task<int> Readiness(string organisation)
    {
        var lengths = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(async _ =>
        {
            using var response = await _host.Client.GetAsync($"/api/organisations/{organisation}/readiness");
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadAsByteArrayAsync()).Length;
        }));
        return lengths.Sum();
    }
}
