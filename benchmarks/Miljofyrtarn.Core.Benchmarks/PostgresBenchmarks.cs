using BenchmarkDotNet.Attributes;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Postgres;
using Miljofyrtarn.Storage.Sqlite;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace Miljofyrtarn.Core.Benchmarks;

/// <summary>The PostgreSQL server for the benchmarks: MILJOFYRTARN_POSTGRES, as for the tests (tools/postgres.sh starts one).</summary>
internal static class BenchmarkServer
{
    public static string ConnectionString => Environment.GetEnvironmentVariable("MILJOFYRTARN_POSTGRES") is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException("The PostgreSQL benchmarks need a server: run eval \"$(tools/postgres.sh start)\" first, which exports MILJOFYRTARN_POSTGRES.");

    public static string NewSchema() => $"bench_{Guid.NewGuid():N}";

    public static void Drop(string schema)
    {
        using var source = NpgsqlDataSource.Create(ConnectionString);
        using var command = source.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
        command.ExecuteNonQuery();
    }

    /// <summary>Appends the first <paramref name="count"/> events to a new stream in batches.</summary>
    public static async Task<long> AppendToNewStreamAsync(IEventStore store, List<LifecycleEvent> events, int count, int batch)
    {
        var stream = Guid.NewGuid().ToString("N");
        long version = 0;
        for (var i = 0; i < count; i += batch)
        {
            version = await store.AppendAsync(stream, version, events.GetRange(i, batch));
        }

        return version;
    }

    public static string NewSqlitePath() => Path.Combine(Path.GetTempPath(), $"mft-bench-{Guid.NewGuid():N}.db");

    public static void DeleteSqlite(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>
/// Append throughput from one writer: 2,000 events in batches of 1, or 10,000 in batches of 100, each run to a new
/// stream, PostgreSQL (local server, synchronous_commit on) against SQLite (WAL, synchronous=FULL). Events per second
/// is the count divided by the time. Target: PostgreSQL at least 20,000 events/s with batches of 100.
/// </summary>
[MemoryDiagnoser]
public class PostgresAppendBenchmarks
{
    private List<LifecycleEvent> _events = [];
    private PostgresEventStore _postgres = null!;
    private SqliteEventStore _sqlite = null!;
    private string _schema = "";
    private string _path = "";

    [Params(1, 100)]
    public int Batch { get; set; }

    private int Count => Batch == 1 ? 2_000 : 10_000;

    [GlobalSetup]
    public void Setup()
    {
        _events = [.. BenchmarkScenarios.LongHistory(Count).History.Take(Count)];
        _schema = BenchmarkServer.NewSchema();
        _path = BenchmarkServer.NewSqlitePath();
        _postgres = PostgresEventStore.ConnectAsync(BenchmarkServer.ConnectionString, _schema).GetAwaiter().GetResult();
        _sqlite = SqliteEventStore.OpenAsync(_path).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _postgres.Dispose();
        _sqlite.Dispose();
        BenchmarkServer.Drop(_schema);
        BenchmarkServer.DeleteSqlite(_path);
    }

    [Benchmark(Baseline = true, Description = "SQLite: append to a new stream")]
    public Task<long> Sqlite() => AppendAsync(_sqlite);

    [Benchmark(Description = "PostgreSQL: append to a new stream")]
    public Task<long> Postgres() => AppendAsync(_postgres);

    private Task<long> AppendAsync(IEventStore store) => BenchmarkServer.AppendToNewStreamAsync(store, _events, Count, Batch);
}

/// <summary>
/// Eight writers on eight streams against one writer, on PostgreSQL: each writer appends 1,000 events (batches of 1)
/// or 10,000 (batches of 100) to its own stream. The throughput multiple is 8 ÷ the ratio. Target: at least 3×.
/// </summary>
[MemoryDiagnoser]
public class PostgresWritersBenchmarks
{
    private List<LifecycleEvent> _events = [];
    private PostgresEventStore[] _stores = [];
    private string _schema = "";

    [Params(1, 100)]
    public int Batch { get; set; }

    private int Count => Batch == 1 ? 1_000 : 10_000;

    [GlobalSetup]
    public void Setup()
    {
        _events = [.. BenchmarkScenarios.LongHistory(Count).History.Take(Count)];
        _schema = BenchmarkServer.NewSchema();
        // Eight writers as eight processes would be: each with its own data source and pool.
        _stores = [.. Enumerable.Range(0, 8).Select(_ => PostgresEventStore.ConnectAsync(BenchmarkServer.ConnectionString, _schema).GetAwaiter().GetResult())];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        BenchmarkServer.Drop(_schema);
    }

    [Benchmark(Baseline = true, Description = "PostgreSQL: one writer")]
    public Task<long> OneWriter() => AppendAsync(_stores[0]);

    [Benchmark(Description = "PostgreSQL: eight writers on eight streams, eight times the events")]
    public async Task<long> EightWriters() => (await Task.WhenAll(_stores.Select(store => Task.Run(() => AppendAsync(store))))).Sum();

    private Task<long> AppendAsync(IEventStore store) => BenchmarkServer.AppendToNewStreamAsync(store, _events, Count, Batch);
}

/// <summary>
/// Replaying a 10,000-event stream: read with the hash chain verified, then the lifecycle rebuilt; PostgreSQL against
/// SQLite. Target: PostgreSQL under 100 ms.
/// </summary>
[MemoryDiagnoser]
public class PostgresReplayBenchmarks
{
    private const int Events = 10_000;
    private PostgresEventStore _postgres = null!;
    private SqliteEventStore _sqlite = null!;
    private CriteriaCatalog _catalog = null!;
    private readonly IClock _clock = new FakeClock(Instant.FromUtc(2030, 1, 1, 0, 0));
    private string _schema = "";
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        var lifecycle = BenchmarkScenarios.LongHistory(Events);
        _catalog = lifecycle.Organisation.Catalog;
        List<LifecycleEvent> events = [.. lifecycle.History.Take(Events)];
        _schema = BenchmarkServer.NewSchema();
        _path = BenchmarkServer.NewSqlitePath();
        _postgres = PostgresEventStore.ConnectAsync(BenchmarkServer.ConnectionString, _schema).GetAwaiter().GetResult();
        _sqlite = SqliteEventStore.OpenAsync(_path).GetAwaiter().GetResult();
        for (var i = 0; i < Events; i += 1_000)
        {
            _postgres.AppendAsync("heim", i, events.GetRange(i, 1_000)).GetAwaiter().GetResult();
            _sqlite.AppendAsync("heim", i, events.GetRange(i, 1_000)).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _postgres.Dispose();
        _sqlite.Dispose();
        BenchmarkServer.Drop(_schema);
        BenchmarkServer.DeleteSqlite(_path);
    }

    [Benchmark(Baseline = true, Description = "SQLite: load a 10,000-event stream (read, verify, replay)")]
    public Task<OrganisationLifecycle> Sqlite() => _sqlite.LoadAsync("heim", _catalog, _clock);

    [Benchmark(Description = "PostgreSQL: load a 10,000-event stream (read, verify, replay)")]
    public Task<OrganisationLifecycle> Postgres() => _postgres.LoadAsync("heim", _catalog, _clock);
}
