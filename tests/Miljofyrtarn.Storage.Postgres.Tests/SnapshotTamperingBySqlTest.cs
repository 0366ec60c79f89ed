using Miljofyrtarn.Storage.Tests;
using Xunit;

namespace Miljofyrtarn.Storage.Postgres.Tests;

/// <summary>Snapshots edited through SQL on a real server (issue 32): each edit is refused and named, a forgery is found by the full verification.</summary>
public sealed class SnapshotTamperingBySqlTest : SchemaScopedTest
{
    private string Snapshots => $"\"{Schema}\".mft_snapshots";

    private string Events => $"\"{Schema}\".mft_events";

    [Theory]
    [InlineData("UPDATE {0} SET document = convert_to(replace(convert_from(document, 'UTF8'), 'tester', 'someone'), 'UTF8')", "Digest")]
    [InlineData("UPDATE {0} SET version = 7", "ChainHead")]
    [InlineData("UPDATE {0} SET chain_head = decode(repeat('00', 32), 'hex')", "ChainHead")]
    public async Task AnEditedSnapshot_IsRefused_NamingTheCheck(string sql, string check)
    {
        var store = await StoreAsync();
        await SnapshotTampering.StoreAsync(store, Ct);
        await PostgresServer.ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, Snapshots));
        await SnapshotTampering.ShouldBeRefusedAsync(store, SnapshotTampering.Stream, check, Ct);
    }

    [Fact]
    public async Task ASnapshotMovedToAStreamWithTheSameEvents_IsRefused_ItsDigestNamesItsStream()
    {
        var store = await StoreAsync();
        await SnapshotTampering.StoreAsync(store, Ct);
        await PostgresServer.ExecuteAsync($"""
            INSERT INTO {Events} (stream, sequence, type, occurred_at, actor, body, payload, hash)
                SELECT 'other', sequence, type, occurred_at, actor, body, payload, hash FROM {Events};
            UPDATE {Snapshots} SET stream = 'other';
            """);
        await SnapshotTampering.ShouldBeRefusedAsync(store, "other", "Digest", Ct);
    }

    [Fact]
    public async Task AForgedSnapshotWithARecomputedDigest_IsFoundByTheFullVerification()
    {
        var store = await StoreAsync();
        var stored = await SnapshotTampering.StoreAsync(store, Ct);
        var (document, digest) = SnapshotTampering.Forgery(stored);
        await PostgresServer.ExecuteAsync($"UPDATE {Snapshots} SET document = decode('{Convert.ToHexString(document)}', 'hex'), digest = decode('{Convert.ToHexString(digest)}', 'hex')");
        await SnapshotTampering.ForgeryShouldBeFoundByTheFullVerificationAsync(store, Ct);
    }
}
