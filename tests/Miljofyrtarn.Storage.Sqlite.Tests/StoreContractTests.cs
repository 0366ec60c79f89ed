using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Tests;
using Xunit;

namespace Miljofyrtarn.Storage.Sqlite.Tests;

public sealed class SqliteEventStoreTest : EventStoreContractTest, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mft-{Guid.NewGuid():N}.db");

    protected override async Task<IEventStore> CreateAsync() => await SqliteEventStore.OpenAsync(_path, Ct);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Opening_CreatesTheSchema_AndReopeningKeepsTheEvents()
    {
        var store = await SqliteEventStore.OpenAsync(_path, Ct);
        await store.SaveAsync("s", Lifecycle(3), 0, Ct);

        var reopened = await SqliteEventStore.OpenAsync(_path, Ct);

        (await reopened.GetVersionAsync("s", Ct)).Should().Be(4);
        await reopened.SaveAsync("a", Lifecycle(0), 0, Ct);
        (await reopened.ListStreamsAsync(null, 10, Ct)).Should().Equal(new StreamSummary("a", 1), new StreamSummary("s", 4));
    }

    [Fact]
    public async Task EachEvent_IsStoredAsTheExactJsonText_ReadableByTheHostsOwnQueries()
    {
        var store = await SqliteEventStore.OpenAsync(_path, Ct);
        var lifecycle = Lifecycle(2);
        await store.SaveAsync("s", lifecycle, 0, Ct);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(payload), payload, json_valid(payload) FROM mft_events WHERE stream = 's' ORDER BY sequence";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var i = 0;
        while (await reader.ReadAsync(Ct))
        {
            reader.GetString(0).Should().Be("text", "the payload column holds JSON text, as it always has, not a blob");
            reader.GetString(1).Should().Be(System.Text.Encoding.UTF8.GetString(StoredEvents.Encode(lifecycle.History[i])));
            reader.GetInt64(2).Should().Be(1, "SQLite's JSON functions read it");
            i++;
        }

        i.Should().Be(lifecycle.History.Count);
    }

    [Fact]
    public async Task AFileFromANewerStore_IsRefused()
    {
        await SqliteEventStore.OpenAsync(_path, Ct);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_path}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 9";
            await command.ExecuteNonQueryAsync(Ct);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        (await FluentActions.Invoking(() => SqliteEventStore.OpenAsync(_path, Ct)).Should().ThrowAsync<MiljofyrtarnException>())
            .Which.Code.Should().Be(ErrorCodes.UnsupportedSchemaVersion);
    }
}
