using FluentAssertions;
using Microsoft.Data.Sqlite;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Tests;
using Xunit;

namespace Miljofyrtarn.Storage.Sqlite.Tests;

/// <summary>
/// Issue 31, finding 5: SQLite keeps whatever type a writer gives a value, so a file edited by hand can hold a hash as
/// text or a position as a word. Every read refuses such a value with a code; the feed can never loop.
/// </summary>
public sealed class WrongStorageTypeTest : SqliteFileTest
{
    private const string Stream = "964123454";

    private async Task<SqliteEventStore> StoredAsync(string sql)
    {
        await using (var store = await SqliteEventStore.OpenAsync(FilePath, Ct))
        {
            await store.SaveAsync(Stream, EventStoreContractTest.Lifecycle(11), 0, Ct);
        }

        SqliteConnection.ClearAllPools();
        await ExecuteAsync(sql);
        return await SqliteEventStore.OpenAsync(FilePath, Ct);
    }

    private static async Task<Diagnostic> RefusedAsync(Func<Task> read) =>
        (await FluentActions.Awaiting(read).Should().ThrowAsync<MiljofyrtarnException>()).Which.Diagnostics[0];

    [Fact]
    public async Task AHashStoredAsText_IsACodedRefusal_ForLoadVerifyFeedAndOverview_NeverAnInvalidCast()
    {
        await using var store = await StoredAsync("UPDATE mft_events SET hash = hex(hash) WHERE sequence = 5");

        foreach (var read in new Func<Task>[]
        {
            () => store.ReadAsync(Stream, 0, Ct),
            () => store.VerifyAsync(Stream, Ct),
            () => store.ReadAllAsync(0, 100, Ct),
            () => new Miljofyrtarn.Core.ReadModels.MunicipalityOverview(Miljofyrtarn.Core.Catalog.CriteriaCatalog.LoadDefault(), NodaTime.SystemClock.Instance).CatchUpAsync(store, Ct),
        })
        {
            var refused = await RefusedAsync(read);
            refused.Code.Should().Be(ErrorCodes.CorruptStoredValue);
            refused.Arguments.Should().Equal(FilePath, "hash", "5");
        }
    }

    [Fact]
    public async Task APositionStoredAsText_StopsTheFeed_WithACode_InsteadOfRestartingItForEver()
    {
        await using var store = await StoredAsync("UPDATE mft_events SET position = 'sju' WHERE sequence = 7");

        // Text sorts after every number in SQLite, so the feed meets position 8 after 6, and stops there.
        var refused = await RefusedAsync(() => store.ReadAllAsync(0, 100, Ct));

        refused.Code.Should().Be(ErrorCodes.FeedOutOfOrder);
        refused.Arguments.Should().Equal(FilePath, "8", "6");
        (await RefusedAsync(() => store.ReadAllAsync(6, 100, Ct))).Code.Should().Be(ErrorCodes.FeedOutOfOrder, "a reader resuming after 6 is refused too, so it cannot loop");
        (await RefusedAsync(() => store.AppendAsync(Stream, 12, [EventStoreContractTest.Lifecycle(12).History[^1]], Ct))).Code
            .Should().Be(ErrorCodes.CorruptStoredValue, "no new position is handed out after a damaged one");
    }

    [Theory]
    [InlineData("UPDATE mft_events SET position = NULL WHERE sequence = 12", ErrorCodes.CorruptStoredValue)]
    [InlineData("UPDATE mft_events SET position = 100 WHERE sequence = 6", ErrorCodes.FeedOutOfOrder)]
    [InlineData("DELETE FROM mft_events WHERE sequence = 6", ErrorCodes.FeedOutOfOrder)]
    public async Task AFeedWithAGapOrAMissingPosition_IsRefused(string sql, string code)
    {
        await using var store = await StoredAsync(sql);

        (await RefusedAsync(() => store.ReadAllAsync(0, 100, Ct))).Code.Should().Be(code);
    }

    [Theory]
    [InlineData("UPDATE mft_events SET sequence = 'x' WHERE sequence = 12", "sequence", "12")]
    [InlineData("UPDATE mft_events SET payload = CAST(payload AS BLOB) WHERE sequence = 3", "payload", "3")]
    public async Task AColumnOfAnotherType_IsNamed_WithItsRow(string sql, string column, string row)
    {
        await using var store = await StoredAsync(sql);

        var refused = await RefusedAsync(() => store.ReadAsync(Stream, 0, Ct));
        refused.Code.Should().Be(ErrorCodes.CorruptStoredValue);
        refused.Arguments.Should().Equal(FilePath, column, row);
    }

    [Theory]
    [InlineData("document", "'{}'")]
    [InlineData("digest", "'x'")]
    [InlineData("chain_head", "'abc'")]
    [InlineData("version", "'two'")]
    public async Task ASnapshotColumnOfAnotherType_IsNamed(string column, string value)
    {
        await using (var writer = await SqliteEventStore.OpenAsync(FilePath, Ct))
        {
            await writer.SaveAsync(Stream, EventStoreContractTest.Lifecycle(3), 0, Ct);
            (await writer.WriteSnapshotAsync(Stream, new StoredSnapshot(2, "{}"u8), Ct)).Should().BeTrue();
        }

        SqliteConnection.ClearAllPools();
        await ExecuteAsync($"UPDATE mft_snapshots SET {column} = {value}");

        await using var store = await SqliteEventStore.OpenAsync(FilePath, Ct);
        var refused = await RefusedAsync(() => store.ReadSnapshotAsync(Stream, Ct));
        refused.Code.Should().Be(ErrorCodes.CorruptStoredValue);
        refused.Arguments[1].Should().Be(column);
    }

    [Fact]
    public async Task ASequenceOfAnotherType_IsNamed_InTheListingAndTheVersion()
    {
        await using var store = await StoredAsync("UPDATE mft_events SET sequence = 'x' WHERE sequence = 12");

        (await RefusedAsync(() => store.ListStreamsAsync(null, 10, Ct))).Arguments.Should().Equal(FilePath, "sequence", "1");
        (await RefusedAsync(() => store.GetVersionAsync(Stream, Ct))).Arguments.Should().Equal(FilePath, "sequence", "0");
    }

    [Fact]
    public async Task BadArguments_AreRefusedBeforeAnythingIsRead()
    {
        await FluentActions.Awaiting(() => SqliteEventStore.OpenAsync(null!, Ct)).Should().ThrowExactlyAsync<ArgumentNullException>();
        await FluentActions.Awaiting(() => SqliteEventStore.OpenAsync("  ", Ct)).Should().ThrowExactlyAsync<ArgumentException>();
        await FluentActions.Awaiting(() => SqliteEventStore.OpenAsync(FilePath, null!, Ct)).Should().ThrowExactlyAsync<ArgumentNullException>();
        await using var store = await SqliteEventStore.OpenAsync(FilePath, Ct);
        await FluentActions.Awaiting(() => store.VerifyAsync(null!, Ct)).Should().ThrowExactlyAsync<ArgumentNullException>();
        await FluentActions.Awaiting(() => store.GetVersionAsync(null!, Ct)).Should().ThrowExactlyAsync<ArgumentNullException>();
        (await RefusedAsync(() => store.WriteSnapshotAsync(" ", new StoredSnapshot(1, "{}"u8), Ct))).Code.Should().Be(ErrorCodes.BlankText);
    }

    [Fact]
    public async Task AStoreDisposedAsynchronously_RefusesToRead()
    {
        var store = await SqliteEventStore.OpenAsync(FilePath, Ct);
        await store.DisposeAsync();

        await FluentActions.Awaiting(() => store.ReadAsync(Stream, 0, Ct)).Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public async Task TheListing_FromTheStart_IncludesEveryName_AndADisposedStore_RefusesToRead()
    {
        var store = await SqliteEventStore.OpenAsync(FilePath, Ct);
        await store.SaveAsync("0001", EventStoreContractTest.Lifecycle(0), 0, Ct);
        await store.SaveAsync(Stream, EventStoreContractTest.Lifecycle(0), 0, Ct);
        await store.SaveAsync("Ålesund", EventStoreContractTest.Lifecycle(0), 0, Ct);

        (await store.ListStreamsAsync(null, 10, Ct)).Select(s => s.Name).Should().Equal("0001", Stream, "Ålesund");

        await store.DisposeAsync();
        store.Dispose();
        await FluentActions.Awaiting(() => store.ReadAsync(Stream, 0, Ct)).Should().ThrowAsync<ObjectDisposedException>();
        await FluentActions.Awaiting(() => store.GetVersionAsync(Stream, Ct)).Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public async Task SQLitesOwnIntegrityCheck_PassesASoundFile()
    {
        // The store fuzz target (tests/Miljofyrtarn.Fuzz) shows it finding damaged indexes that reading the rows cannot see.
        await using var store = await StoredAsync("SELECT 1");

        await store.CheckIntegrityAsync(Ct);
    }
}
