using System.Collections.Concurrent;
using System.Diagnostics;
using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Storage;
using Npgsql;
using Miljofyrtarn.Storage.Tests;
using Xunit;

namespace Miljofyrtarn.Storage.Postgres.Tests;

/// <summary>The feed while writers append, and appends while connections are cut.</summary>
public sealed class FeedUnderConcurrencyTest : SchemaScopedTest
{
    [Fact]
    public async Task ReadersTailingTheFeed_WhileEightWritersAppend_NeverSkipOrRepeatAnEvent()
    {
        var writers = new PostgresEventStore[8];
        for (var w = 0; w < writers.Length; w++)
        {
            writers[w] = await OwnStoreAsync();
        }

        var readers = new[] { await OwnStoreAsync(), await OwnStoreAsync() };
        var tails = readers.Select(_ => new List<FeedEvent>()).ToArray();
        var appended = new ConcurrentBag<(string Stream, long Sequence)>();
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        var writing = Task.WhenAll(writers.Select((store, w) => Task.Run(async () =>
        {
            var stream = $"s{w}";
            long version = 0;
            while (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                // Batches of 1 to 5 events, so transactions of different sizes interleave.
                var batch = Enumerable.Range(1, 1 + (int)(version % 5)).Select(i => version == 0 && i == 1 ? Writers.First : Writers.Event(version + i, $"writer-{w}")).ToList();
                version = await store.AppendAsync(stream, version, batch, Ct);
                foreach (var e in batch)
                {
                    appended.Add((stream, e.Sequence));
                }
            }
        }, Ct)));
        var tailing = readers.Select((store, r) => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var page = await store.ReadAllAsync(tails[r].Count == 0 ? 0 : tails[r][^1].Position, 1 + (r * 97), Ct);
                tails[r].AddRange(page);
                if (page.Count == 0)
                {
                    await Task.Delay(5, Ct);
                }
            }
        }, Ct)).ToArray();

        await writing;
        await stop.CancelAsync();
        await Task.WhenAll(tailing);
        for (var r = 0; r < readers.Length; r++)
        {
            for (IReadOnlyList<FeedEvent> page; (page = await readers[r].ReadAllAsync(tails[r].Count == 0 ? 0 : tails[r][^1].Position, 1000, Ct)).Count > 0;)
            {
                tails[r].AddRange(page);
            }
        }

        var everything = new List<FeedEvent>();
        for (IReadOnlyList<FeedEvent> page; (page = await readers[0].ReadAllAsync(everything.Count, 10_000, Ct)).Count > 0;)
        {
            everything.AddRange(page);
        }

        everything.Should().HaveCount(appended.Count);
        everything.Select(e => e.Position).Should().Equal(Enumerable.Range(1, everything.Count).Select(i => (long)i));
        everything.Select(e => (e.Stream, e.Event.Sequence)).Order().Should().Equal(appended.Order(), "the feed holds every appended event once");
        foreach (var stream in everything.GroupBy(e => e.Stream))
        {
            stream.Select(e => e.Event.Sequence).Should().Equal(Enumerable.Range(1, stream.Count()).Select(i => (long)i), $"stream {stream.Key} is in order in the feed");
        }

        foreach (var tail in tails)
        {
            tail.Select(e => (e.Position, e.Stream, e.Event.Sequence)).Should().Equal(everything.Select(e => (e.Position, e.Stream, e.Event.Sequence)), "a tailing reader saw exactly the final feed");
        }
    }

    [Fact]
    public async Task AppendsWhoseConnectionIsCut_FailWithACode_AndARetryIsNeverStoredTwice()
    {
        var store = await OwnStoreAsync("mft-cut");
        var acknowledged = new List<long>();
        var (unavailable, storedBeforeTheCut) = (0, 0);
        using var stop = new CancellationTokenSource();
        var cutter = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await PostgresServer.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'mft-cut'");
                await Task.Delay(Random.Shared.Next(1, 15), CancellationToken.None);
            }
        }, Ct);

        long version = 0;
        while (acknowledged.Count < 300)
        {
            var next = version == 0 ? Writers.First : Writers.Event(version + 1, "cut");
            try
            {
                version = await store.AppendAsync("s", version, [next], Ct);
                acknowledged.Add(version);
            }
            catch (MiljofyrtarnException lost) when (lost.Code == ErrorCodes.StoreUnavailable)
            {
                unavailable++;
                // Retry the same append until the server answers: stored now, or refused because it was stored before.
                while (true)
                {
                    try
                    {
                        version = await store.AppendAsync("s", version, [next], Ct);
                        acknowledged.Add(version);
                        break;
                    }
                    catch (MiljofyrtarnException again) when (again.Code == ErrorCodes.StoreUnavailable)
                    {
                    }
                    catch (MiljofyrtarnException conflict) when (conflict.Code == ErrorCodes.ConcurrencyConflict)
                    {
                        storedBeforeTheCut++;
                        version++;
                        acknowledged.Add(version);
                        break;
                    }
                }
            }
        }

        await stop.CancelAsync();
        await cutter;
        var events = await (await OwnStoreAsync()).ReadAsync("s", cancellationToken: Ct);

        unavailable.Should().BeGreaterThan(0, "connections were cut during appends");
        events.Select(e => e.Sequence).Should().Equal(acknowledged, "each append is stored once: none lost, none twice");
        events.Skip(1).Should().OnlyContain(e => e.Actor == "cut");
        TestContext.Current.SendDiagnosticMessage($"{unavailable} appends lost their connection; {storedBeforeTheCut} of them had been stored and their retry was a conflict.");
    }

    [Fact]
    public async Task EventsCommittedWhileAnOlderTransactionRuns_AreReadOnceItEnds_TheReaderWaitingForIt()
    {
        var store = await OwnStoreAsync();
        // An older write transaction, still open when the append commits: the append's events must not get positions
        // before it ends, or a transaction committing later could take lower ones.
        await using var older = await PostgresServer.DataSource.OpenConnectionAsync(Ct);
        await using var transaction = await older.BeginTransactionAsync(Ct);
        await using (var write = new NpgsqlCommand("CREATE TEMP TABLE older_writer (i int); INSERT INTO older_writer VALUES (1)", older, transaction))
        {
            await write.ExecuteNonQueryAsync(Ct);
        }

        await store.AppendAsync("s", 0, [Writers.First], Ct);
        var ending = Task.Run(async () =>
        {
            await Task.Delay(300, Ct);
            await transaction.CommitAsync(Ct);
        }, Ct);
        var clock = Stopwatch.StartNew();

        var feed = await store.ReadAllAsync(0, 10, Ct);

        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(250), "the read waited for the older transaction");
        feed.Select(e => (e.Position, e.Stream)).Should().Equal((1, "s"));
        await ending;
    }
}

