using System.Text;
using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Tests;
using Xunit;

namespace Miljofyrtarn.Storage.Postgres.Tests;

/// <summary>
/// Issue 31's tampering through SQL on a real server, as a hostile insider with write access to the tables would do
/// it: every outcome is a coded refusal or, for the columns documented as unverified copies, no effect on what is read.
/// </summary>
public sealed class TamperingBySqlTest : SchemaScopedTest
{
    private string Events => $"\"{Schema}\".mft_events";

    [Fact]
    public async Task SwappedStreams_AreRefusedOnLoad_AndByTheKeptStatements()
    {
        var store = await StoreAsync();
        var key = ChainStatementKey.Hmac(Encoding.UTF8.GetBytes("a host's secret of at least 32 bytes, from configuration"), "test");
        var kept = await StreamSwap.StoreBothAsync(store, key, Ct);

        await PostgresServer.ExecuteAsync($"""
            UPDATE {Events} SET stream = 'x' WHERE stream = '{StreamSwap.First}';
            UPDATE {Events} SET stream = '{StreamSwap.First}' WHERE stream = '{StreamSwap.Second}';
            UPDATE {Events} SET stream = '{StreamSwap.Second}' WHERE stream = 'x';
            """);

        await StreamSwap.ShouldBeRefusedAsync(await StoreAsync(), kept, key, Ct);
    }

    [Fact]
    public async Task TheWidestOrganisationTheLimitsAllow_IsReadBackUnchanged() =>
        await WidestOrganisationRoundTrip.ShouldReadBackAsync(await StoreAsync(), Ct);

    [Fact]
    public async Task AnEditedBody_IsTamperedHistory_AtThatEvent()
    {
        var store = await StoreAsync();
        await store.SaveAsync(StreamSwap.First, EventStoreContractTest.Lifecycle(5), 0, Ct);

        await PostgresServer.ExecuteAsync($"UPDATE {Events} SET body = convert_to(replace(convert_from(body, 'UTF8'), 'tester', 'someone'), 'UTF8') WHERE sequence = 4");

        var refused = await FluentActions.Awaiting(() => store.ReadAsync(StreamSwap.First, 0, Ct)).Should().ThrowAsync<MiljofyrtarnException>();
        refused.Which.Code.Should().Be(ErrorCodes.TamperedHistory);
        refused.Which.Diagnostics[0].Arguments[0].Should().Be("4");
    }

    [Fact]
    public async Task EditedUnverifiedCopies_ActorAndPayload_ChangeNothingThatIsRead()
    {
        var store = await StoreAsync();
        var lifecycle = EventStoreContractTest.Lifecycle(3);
        await store.SaveAsync(StreamSwap.First, lifecycle, 0, Ct);

        await PostgresServer.ExecuteAsync($"UPDATE {Events} SET actor = 'mallory', payload = jsonb_set(payload, '{{actor}}', '\"mallory\"')");

        (await store.ReadAsync(StreamSwap.First, 0, Ct)).Should().Equal(lifecycle.History);
        (await store.VerifyAsync(StreamSwap.First, Ct)).ChainHead.Should().Be(HistoryChain.ComputeHead(lifecycle.History));
    }

    [Fact]
    public async Task AHashColumnOfAnotherType_IsRefusedAsCorruptData_NeverAnInvalidCast()
    {
        var store = await StoreAsync();
        await store.SaveAsync(StreamSwap.First, EventStoreContractTest.Lifecycle(2), 0, Ct);

        await PostgresServer.ExecuteAsync($"ALTER TABLE {Events} DROP CONSTRAINT IF EXISTS mft_events_hash_check; ALTER TABLE {Events} ALTER COLUMN hash TYPE text USING encode(hash, 'hex')");

        foreach (var read in new Func<Task>[]
        {
            () => store.ReadAsync(StreamSwap.First, 0, Ct),
            () => store.VerifyAsync(StreamSwap.First, Ct),
            () => store.ReadAllAsync(0, 10, Ct),
        })
        {
            // Npgsql reads the text's bytes, so the chain finds the hashes wrong (MFT0328); a type it cannot read at all is MFT0502.
            var refused = await FluentActions.Awaiting(read).Should().ThrowAsync<MiljofyrtarnException>();
            refused.Which.Code.Should().BeOneOf(ErrorCodes.TamperedHistory, ErrorCodes.StoreCorrupt);
            refused.Which.Category.Should().Be(ErrorCategory.CorruptData);
        }
    }

    [Fact]
    public async Task APositionColumnOfAnotherType_IsACodedCorruptStore()
    {
        var store = await StoreAsync();
        await store.SaveAsync(StreamSwap.First, EventStoreContractTest.Lifecycle(2), 0, Ct);

        await PostgresServer.ExecuteAsync($"ALTER TABLE {Events} ALTER COLUMN position TYPE text USING position::text");

        var refused = await FluentActions.Awaiting(() => store.ReadAllAsync(0, 10, Ct)).Should().ThrowAsync<MiljofyrtarnException>();
        refused.Which.Code.Should().Be(ErrorCodes.StoreCorrupt);
        refused.Which.InnerException.Should().NotBeNull("the cause is kept for the log, never shown");
    }

    [Fact]
    public async Task AFeedPositionMovedOutOfOrder_IsRefusedWithACode_SoNoReaderLoops()
    {
        var store = await StoreAsync();
        await store.SaveAsync(StreamSwap.First, EventStoreContractTest.Lifecycle(4), 0, Ct);
        (await store.ReadAllAsync(0, 10, Ct)).Should().HaveCount(5);

        await PostgresServer.ExecuteAsync($"UPDATE {Events} SET position = 40 WHERE position = 3");

        (await FluentActions.Awaiting(() => store.ReadAllAsync(0, 10, Ct)).Should().ThrowAsync<MiljofyrtarnException>())
            .Which.Code.Should().Be(ErrorCodes.FeedOutOfOrder);
    }
}
