using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Sqlite;
using NodaTime.Testing;

namespace Miljofyrtarn.Core.Benchmarks;

/// <summary>
/// The cost of the hash chain in the SQLite store: appending 10,000 events in batches of 100 and reading them back,
/// with every event hashed and every read verified (the store), against the same SQL without hashes or verification
/// (the version 1 store's work). Target: at most 1.15× the unverified time.
/// </summary>
[MemoryDiagnoser]
public class HashChainStoreBenchmarks
{
    private const int Events = 10_000;
    private const int Batch = 100;
    private List<LifecycleEvent> _events = [];

    [GlobalSetup]
    public void Setup() => _events = [.. BenchmarkScenarios.LongHistory(Events).History.Take(Events)];

    [Benchmark(Baseline = true, Description = "Unverified: 10,000 events appended (batches of 100) and read, no hashes")]
    public async Task<int> Unverified() => await WithFile(async path =>
    {
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=True"))
        {
            await connection.OpenAsync();
            await Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE mft_events (stream TEXT NOT NULL, sequence INTEGER NOT NULL, type TEXT NOT NULL, occurred_at TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (stream, sequence)) WITHOUT ROWID;");
        }

        for (var i = 0; i < Events; i += Batch)
        {
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=True");
            await connection.OpenAsync();
            await Execute(connection, "PRAGMA synchronous = FULL");
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using (var version = connection.CreateCommand())
            {
                version.Transaction = transaction;
                version.CommandText = "SELECT sequence FROM mft_events WHERE stream = 'bench' ORDER BY sequence DESC LIMIT 1";
                await version.ExecuteScalarAsync();
            }

            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO mft_events VALUES ('bench', $n, $t, $at, $p)";
            var (n, t, at, p) = (insert.Parameters.Add("$n", SqliteType.Integer), insert.Parameters.Add("$t", SqliteType.Text), insert.Parameters.Add("$at", SqliteType.Text), insert.Parameters.Add("$p", SqliteType.Text));
            foreach (var e in _events.GetRange(i, Batch))
            {
                (n.Value, t.Value, at.Value, p.Value) = (e.Sequence, e.GetType().Name, e.OccurredAt.ToString(), Encoding.UTF8.GetString(HistoryJson.WriteEvent(e)));
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        await using var reader = new SqliteConnection($"Data Source={path};Pooling=True");
        await reader.OpenAsync();
        await using var select = reader.CreateCommand();
        select.CommandText = "SELECT payload FROM mft_events WHERE stream = 'bench' ORDER BY sequence";
        var events = new List<LifecycleEvent>();
        await using var rows = await select.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            events.Add(HistoryJson.ReadEvent(Encoding.UTF8.GetBytes(rows.GetString(0))));
        }

        return events.Count;
    });

    [Benchmark(Description = "SqliteEventStore: the same with the hash chain written and verified")]
    public async Task<int> Verified() => await WithFile(async path =>
    {
        var store = await SqliteEventStore.OpenAsync(path);
        for (var i = 0; i < Events; i += Batch)
        {
            await store.AppendAsync("bench", i, _events.GetRange(i, Batch));
        }

        return (await store.ReadAsync("bench")).Count;
    });

    private static async Task<int> WithFile(Func<string, Task<int>> run)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mft-bench-{Guid.NewGuid():N}.db");
        try
        {
            return await run(path);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// Replaying 100,000 stored events with the chain verified first (<see cref="HistoryChain.VerifyRange"/>, as the stores
/// do: every stored link checked, in parallel slices), against replaying the same events unverified. Target: verified
/// replay under 50 ms.
/// </summary>
[MemoryDiagnoser]
public class VerifiedReplayBenchmarks
{
    private const int Events = 100_000;
    private List<LifecycleEvent> _events = [];
    private byte[][] _payloads = [];
    private byte[][] _hashes = [];
    private CriteriaCatalog _catalog = null!;

    [GlobalSetup]
    public void Setup()
    {
        var lifecycle = BenchmarkScenarios.LongHistory(Events);
        _catalog = lifecycle.Organisation.Catalog;
        _events = [.. lifecycle.History.Take(Events)];
        _payloads = [.. _events.Select(HistoryJson.WriteEvent)];
        _hashes = new byte[_payloads.Length][];
        var previous = HistoryChain.Genesis.ToArray();
        for (var i = 0; i < _payloads.Length; i++)
        {
            _hashes[i] = previous = HistoryChain.Hash(previous, _payloads[i]);
        }
    }

    [Benchmark(Baseline = true, Description = "Replay of 100,000 events, unverified")]
    public long Unverified() => OrganisationLifecycle.Replay(_catalog, _events, new FakeClock(_events[^1].OccurredAt)).Version;

    [Benchmark(Description = "Chain of 100,000 stored events verified, then replayed")]
    public long Verified()
    {
        HistoryChain.VerifyRange(1, HistoryChain.Genesis, _payloads, _hashes);
        return OrganisationLifecycle.Replay(_catalog, _events, new FakeClock(_events[^1].OccurredAt)).Version;
    }
}
