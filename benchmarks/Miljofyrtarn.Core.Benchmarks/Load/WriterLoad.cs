using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Miljofyrtarn.Core.Lifecycle;

namespace Miljofyrtarn.Core.Benchmarks.Load;

/// <summary>
/// Issue 32's writer target, a load runner rather than a BenchmarkDotNet class (it checks outcomes, not only time):
/// 16 writers on the 16 units of one organisation, each sending assessments of its own unit without <c>If-Match</c>
/// as fast as answers come, over a real Kestrel host on SQLite and PostgreSQL. It reports the statuses (409 must not
/// occur), requests per second, the 50th and 99th latency percentiles, and checks the store afterwards: every
/// acknowledged write stored exactly once, the stream gapless. Run:
/// <c>dotnet run -c Release --project benchmarks/Miljofyrtarn.Core.Benchmarks -- load [seconds] [smoke]</c>.
/// </summary>
internal static class WriterLoad
{
    public const int Writers = LoadHost.Units;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var smoke = args.Contains("smoke"); // CI: the outcomes are checked, the rate (meaningless in 2 s on a busy machine) only reported
        Console.WriteLine($"16 writers on 16 units of one organisation, without If-Match, {seconds} s per store; readiness of 20 and 2,000 events under 32 concurrent requests, {seconds} s each.");
        Console.WriteLine();
        Console.WriteLine("| Store | Writes acknowledged | 409 | Other failures | Writes/s | p50 ms | p99 ms | Stored once, gapless | Readiness/s at 20 | at 2,000 | Ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|");
        var failed = false;
        foreach (var store in new[] { LoadStore.Sqlite, LoadStore.Postgres })
        {
            await using var host = await LoadHost.StartAsync(store);
            // Readiness first (after a warm-up of both): the writers then add thousands of events to the small organisation.
            await ReadinessRateAsync(host, LoadHost.Small, TimeSpan.FromSeconds(2));
            await ReadinessRateAsync(host, LoadHost.Large, TimeSpan.FromSeconds(2));
            var small = await ReadinessRateAsync(host, LoadHost.Small, TimeSpan.FromSeconds(seconds));
            var large = await ReadinessRateAsync(host, LoadHost.Large, TimeSpan.FromSeconds(seconds));
            var writes = await WriteAsync(host, TimeSpan.FromSeconds(seconds));
            var stored = await CheckStoredAsync(host, writes.Acknowledged);
            var ratio = large / small;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {store} | {writes.Acknowledged.Count} | {writes.Conflicts} | {writes.Failures} | {writes.Acknowledged.Count / writes.Elapsed.TotalSeconds:F0} | {Percentile(writes.Latencies, 0.50):F1} | {Percentile(writes.Latencies, 0.99):F1} | {(stored ? "yes" : "NO")} | {small:F0} | {large:F0} | {ratio:F2} |"));
            failed |= writes.Conflicts > 0 || writes.Failures > 0 || !stored || (ratio < 0.8 && !smoke);
        }

        Console.WriteLine();
        Console.WriteLine(failed ? "A target was missed: 409s, failures, a write not stored once, or readiness at 2,000 events below 0.8× of 20." : "Every target met.");
        return failed ? 1 : 0;
    }

    private sealed record Writes(List<string> Acknowledged, int Conflicts, int Failures, List<double> Latencies, TimeSpan Elapsed);

    private static async Task<Writes> WriteAsync(LoadHost host, TimeSpan duration)
    {
        var acknowledged = new List<string>();
        var latencies = new List<double>();
        var (conflicts, failures) = (0, 0);
        var criteria = await UnitCriteriaAsync(host);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(async writer =>
        {
            var unit = LoadHost.UnitOf(writer).Value;
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                var comment = $"skribent {writer} nr. {i}";
                var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["action"] = "recordAssessment", ["unit"] = unit, ["criterion"] = criteria[writer][i % criteria[writer].Length], ["status"] = i % 2 == 0 ? "inProgress" : "fulfilled", ["comment"] = comment });
                var started = Stopwatch.GetTimestamp();
                using var response = await host.Client.PostAsync($"/api/organisations/{LoadHost.Small}/actions", new StringContent(body, Encoding.UTF8, "application/json"));
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (acknowledged)
                {
                    latencies.Add(elapsed);
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Add(comment);
                    }
                    else if (response.StatusCode == HttpStatusCode.Conflict)
                    {
                        conflicts++;
                    }
                    else
                    {
                        failures++;
                    }
                }
            }
        }));
        return new Writes(acknowledged, conflicts, failures, latencies, clock.Elapsed);
    }

    /// <summary>For each writer, criteria its unit fulfils itself, so each writer changes only its own unit.</summary>
    private static async Task<int[][]> UnitCriteriaAsync(LoadHost host)
    {
        var criteria = new int[Writers][];
        for (var writer = 0; writer < Writers; writer++)
        {
            using var document = JsonDocument.Parse(await host.Client.GetStringAsync($"/api/organisations/{LoadHost.Small}/units/{LoadHost.UnitOf(writer).Value}/resolution"));
            var all = document.RootElement.GetProperty("criteria").EnumerateArray().ToList();
            criteria[writer] = [.. all.Where(c => c.GetProperty("fulfilledBy").GetString() == "unit").Select(c => c.GetProperty("id").GetInt32()).Take(20)];
            if (criteria[writer].Length == 0)
            {
                throw new InvalidOperationException($"Unit {LoadHost.UnitOf(writer).Value} fulfils no criterion itself: {string.Join(", ", all.Select(c => c.GetProperty("fulfilledBy").GetString()).Distinct())}.");
            }
        }

        return criteria;
    }

    /// <summary>Every acknowledged write is in the stream exactly once, and the stream runs 1, 2, 3, … (read verified by the chain).</summary>
    private static async Task<bool> CheckStoredAsync(LoadHost host, List<string> acknowledged)
    {
        var events = await host.Store.ReadAsync(LoadHost.Small);
        var gapless = events.Select((e, i) => e.Sequence == i + 1).All(ok => ok);
        var comments = events.OfType<AssessmentRecorded>().Select(e => e.Assessment.Comment).Where(c => c is not null && c.StartsWith("skribent ", StringComparison.Ordinal)).ToList();
        return gapless && comments.Count == acknowledged.Count && comments.Order(StringComparer.Ordinal).SequenceEqual(acknowledged.Order(StringComparer.Ordinal));
    }

    private static async Task<double> ReadinessRateAsync(LoadHost host, string organisation, TimeSpan duration)
    {
        var count = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                using var response = await host.Client.GetAsync($"/api/organisations/{organisation}/readiness");
                response.EnsureSuccessStatusCode();
                Interlocked.Increment(ref count);
            }
        }));
        return count / clock.Elapsed.TotalSeconds;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
