using System.Collections.Concurrent;
using System.Diagnostics;
using FluentAssertions;
using Xunit;

namespace Miljofyrtarn.Storage.Postgres.Tests;

/// <summary>Concurrent writers against the real server, each with its own data source (its own pool), as separate processes would be.</summary>
public sealed class ConcurrentWritersTest : SchemaScopedTest
{
    private async Task<PostgresEventStore[]> StoresAsync(int count)
    {
        var stores = new PostgresEventStore[count];
        for (var i = 0; i < count; i++)
        {
            stores[i] = await OwnStoreAsync();
        }

        return stores;
    }

    [Fact]
    public async Task EightWritersOnOneStreamForThirtySeconds_ExactlyOneWinsEachVersion_NoGapsNoDuplicates()
    {
        var stores = await StoresAsync(8);
        await stores[0].AppendAsync("one", 0, [Writers.First], Ct);
        var wins = new ConcurrentDictionary<long, string>();
        var conflicts = 0L;
        var until = Stopwatch.StartNew();

        await Task.WhenAll(stores.Select((store, w) => Task.Run(async () =>
        {
            for (var attempt = 0; until.Elapsed < TimeSpan.FromSeconds(30); attempt++)
            {
                var actor = $"writer-{w}-{attempt}";
                var (won, version) = await Writers.TryAppendAsync(store, "one", actor, Ct);
                if (won)
                {
                    wins.TryAdd(version, actor).Should().BeTrue($"version {version} was won twice");
                }
                else
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        }, Ct)));

        var events = await stores[0].ReadAsync("one", cancellationToken: Ct);
        events.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), "no gaps and no duplicates");
        events.Skip(1).Select(e => (e.Sequence, e.Actor)).Should().Equal(wins.OrderBy(w => w.Key).Select(w => (w.Key, w.Value)), "each version holds its one winner's event");
        wins.Count.Should().BeGreaterThan(100);
        conflicts.Should().BeGreaterThan(0, "eight writers on one stream must collide");
    }

    [Fact]
    public async Task EightWritersOnEightStreams_AllMakeProgress_AtTheSameTime()
    {
        var stores = await StoresAsync(8);
        var appended = new ConcurrentBag<(int Writer, TimeSpan At)>();
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(stores.Select((store, w) => Task.Run(async () =>
        {
            var version = await store.AppendAsync($"s{w}", 0, [Writers.First], Ct);
            while (clock.Elapsed < TimeSpan.FromSeconds(6))
            {
                version = await store.AppendAsync($"s{w}", version, [Writers.Event(version + 1, $"writer-{w}")], Ct);
                appended.Add((w, clock.Elapsed));
            }
        }, Ct)));

        // In every two seconds of the run, every writer appended: none waited for the others to finish. (Windows of two
        // seconds, so a writer that the machine's other work starves for a moment does not fail the test.)
        for (var window = 0; window < 3; window++)
        {
            var (from, to) = (TimeSpan.FromSeconds(2 * window), TimeSpan.FromSeconds(2 * (window + 1)));
            var inWindow = appended.Where(a => a.At >= from && a.At < to).Select(a => a.Writer).ToHashSet();
            inWindow.Should().HaveCount(8, $"all eight writers appended between {from.TotalSeconds} and {to.TotalSeconds} seconds");
        }

        for (var w = 0; w < stores.Length; w++)
        {
            (await stores[0].GetVersionAsync($"s{w}", Ct)).Should().Be(appended.Count(a => a.Writer == w) + 1);
        }
    }
}
