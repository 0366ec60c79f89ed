using Miljofyrtarn.Storage.Tests;
using Xunit;

namespace Miljofyrtarn.Storage.Sqlite.Tests;

/// <summary>Snapshots edited by SQL in a real SQLite file (issue 32): each edit is refused and named, a forgery is found by the full verification.</summary>
public sealed class SnapshotTamperingTest : SqliteFileTest
{
    [Theory]
    [InlineData("UPDATE mft_snapshots SET document = CAST(replace(CAST(document AS TEXT), 'tester', 'someone') AS BLOB)", "Digest")]
    [InlineData("UPDATE mft_snapshots SET version = 7", "ChainHead")]
    [InlineData("UPDATE mft_snapshots SET chain_head = zeroblob(32)", "ChainHead")]
    public async Task AnEditedSnapshot_IsRefused_NamingTheCheck(string sql, string check)
    {
        await using var store = await SqliteEventStore.OpenAsync(FilePath, Ct);
        await SnapshotTampering.StoreAsync(store, Ct);
        await ExecuteAsync(sql);
        await SnapshotTampering.ShouldBeRefusedAsync(store, SnapshotTampering.Stream, check, Ct);
    }

    [Fact]
    public async Task ASnapshotMovedToAStreamWithTheSameEvents_IsRefused_ItsDigestNamesItsStream()
    {
        await using var store = await SqliteEventStore.OpenAsync(FilePath, Ct);
        await SnapshotTampering.StoreAsync(store, Ct);
        await ExecuteAsync("""
            INSERT INTO mft_events SELECT 'other', sequence, type, occurred_at, payload, hash, position + 1000 FROM mft_events;
            UPDATE mft_snapshots SET stream = 'other';
            """);
        await SnapshotTampering.ShouldBeRefusedAsync(store, "other", "Digest", Ct);
    }

    [Fact]
    public async Task AForgedSnapshotWithARecomputedDigest_IsFoundByTheFullVerification()
    {
        await using var store = await SqliteEventStore.OpenAsync(FilePath, Ct);
        var stored = await SnapshotTampering.StoreAsync(store, Ct);
        var (document, digest) = SnapshotTampering.Forgery(stored);
        await ExecuteAsync("UPDATE mft_snapshots SET document = $document, digest = $digest", ("$document", document), ("$digest", digest));
        await SnapshotTampering.ForgeryShouldBeFoundByTheFullVerificationAsync(store, Ct);
    }
}
