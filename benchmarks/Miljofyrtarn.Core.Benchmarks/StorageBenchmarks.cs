using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Core.Testing;
using Miljofyrtarn.Storage.Sqlite;
using NodaTime;
using NodaTime.Testing;

namespace Miljofyrtarn.Core.Benchmarks;

/// <summary>
/// Writing and reading the snapshot of the large municipality (1 HK + 200 UEs, 1,000 criteria, about half assessed):
/// <see cref="SnapshotJson"/> against raw source-generated System.Text.Json of plain DTOs of the same JSON
/// (<see cref="PlainSnapshot"/>), which neither maps, checks nor rebuilds anything. Target: within 1.3×.
/// </summary>
[MemoryDiagnoser]
public class SnapshotBenchmarks
{
    private OrganisationLifecycle _lifecycle = null!;
    private PlainSnapshot _plain = null!;
    private CriteriaCatalog _catalog = null!;
    private IClock _clock = null!;

    [GlobalSetup]
    public void Setup()
    {
        var organisation = LargeMunicipality.Create();
        _catalog = organisation.Catalog;
        _clock = new FakeClock(Instant.FromUtc(2024, 6, 1, 8, 0));
        var state = new LifecycleState(organisation, [.. organisation.AllUnits.Select(u => UnitLifecycle.New(u.Id))], null, Instant.FromUtc(2024, 3, 1, 9, 0), 1);
        _lifecycle = OrganisationLifecycle.Restore(state, _clock, SchemeRuleBook.Default);
        _plain = JsonSerializer.Deserialize(SnapshotJson.Write(_lifecycle), PlainSnapshotContext.WithNodaTime.PlainSnapshot)!;
    }

    [Benchmark(Baseline = true, Description = "Raw STJ source-gen: plain DTOs to JSON and back")]
    public PlainSnapshot? Raw()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(_plain, PlainSnapshotContext.WithNodaTime.PlainSnapshot);
        return JsonSerializer.Deserialize(json, PlainSnapshotContext.WithNodaTime.PlainSnapshot);
    }

    [Benchmark(Description = "SnapshotJson.Write + Read (checked, rebuilt)")]
    public OrganisationLifecycle RoundTrip() => SnapshotJson.Read(SnapshotJson.Write(_lifecycle), _catalog, _clock);
}

/// <summary>
/// Appending 10,000 events in batches of 100 to a new store and reading them back: SQLite (one file, WAL,
/// synchronous=FULL) against the in-memory store. The result to report is events per second.
/// </summary>
[MemoryDiagnoser]
public class EventStoreBenchmarks
{
    private const int Events = 10_000;
    private const int Batch = 100;
    private List<LifecycleEvent> _events = [];

    [GlobalSetup]
    public void Setup() => _events = [.. BenchmarkScenarios.LongHistory(Events).History.Take(Events)];

    [Benchmark(Baseline = true, Description = "InMemoryEventStore: 10,000 events, batches of 100, read back")]
    public async Task<int> InMemory() => await AppendAndRead(new InMemoryEventStore());

    [Benchmark(Description = "SqliteEventStore: 10,000 events, batches of 100, read back")]
    public async Task<int> Sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mft-bench-{Guid.NewGuid():N}.db");
        try
        {
            return await AppendAndRead(await SqliteEventStore.OpenAsync(path));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private async Task<int> AppendAndRead(IEventStore store)
    {
        for (var i = 0; i < Events; i += Batch)
        {
            await store.AppendAsync("bench", i, _events.GetRange(i, Batch));
        }

        return (await store.ReadAsync("bench")).Count;
    }
}
