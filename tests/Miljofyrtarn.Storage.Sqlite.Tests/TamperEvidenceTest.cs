using System.Globalization;
using System.Text;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;
using NodaTime;
using NodaTime.Testing;
using Miljofyrtarn.Storage.Tests;
using Xunit;

namespace Miljofyrtarn.Storage.Sqlite.Tests;

/// <summary>The SQLite store's history is tamper-evident: every change to a stored event is found and named.</summary>
public sealed class TamperEvidenceTest : SqliteFileTest
{
    private const string Stream = "964123454";

    private async Task<(SqliteEventStore Store, OrganisationLifecycle Lifecycle)> StoredAsync()
    {
        var store = await SqliteEventStore.OpenAsync(FilePath, Ct);
        var lifecycle = EventStoreContractTest.Lifecycle(11);
        await store.SaveAsync(Stream, lifecycle, 0, Ct);
        return (store, lifecycle);
    }

    private static async Task<string> FirstBadEventAsync(SqliteEventStore store)
    {
        var read = await FluentActions.Awaiting(() => store.ReadAsync(Stream, cancellationToken: Ct)).Should().ThrowAsync<MiljofyrtarnException>();
        var verify = await FluentActions.Awaiting(() => store.VerifyAsync(Stream, Ct)).Should().ThrowAsync<MiljofyrtarnException>();
        read.Which.Code.Should().Be(ErrorCodes.TamperedHistory);
        verify.Which.Diagnostics.Should().Equal(read.Which.Diagnostics);
        return read.Which.Diagnostics[0].Arguments[0];
    }

    [Fact]
    public async Task AnUntouchedFile_Verifies_AndItsHeadIsTheHistorysChainHead()
    {
        var (store, lifecycle) = await StoredAsync();

        var verification = await store.VerifyAsync(Stream, Ct);

        verification.Should().Be(new HistoryVerification(12, HistoryChain.ComputeHead(lifecycle.History), 0));
        verification.IsFullyVerified.Should().BeTrue();
        (await store.ReadAsync(Stream, 7, Ct)).Select(e => e.Sequence).Should().Equal(8, 9, 10, 11, 12);
    }

    [Fact]
    public async Task AnOverwrittenEvent_IsFound_AndNamed()
    {
        var (store, _) = await StoredAsync();
        await ExecuteAsync("UPDATE mft_events SET payload = replace(payload, '\"actor\":\"tester\"', '\"actor\":\"mallory\"') WHERE sequence = 5");

        (await FirstBadEventAsync(store)).Should().Be("5");
    }

    [Fact]
    public async Task OneByteOverwrittenInTheFile_IsFoundOrLeavesTheEventsUnchanged()
    {
        var (store, _) = await StoredAsync();
        await ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        SqliteConnection.ClearAllPools();
        var original = await File.ReadAllBytesAsync(FilePath, Ct);
        var actor = Encoding.UTF8.GetBytes("\"actor\":\"tester\"");
        var detected = 0;
        for (var at = original.AsSpan().IndexOf(actor); at >= 0; at = Next(original, actor, at))
        {
            // One byte of one actor changed: the read either refuses it, or the byte was in a page no longer in use.
            var bytes = (byte[])original.Clone();
            bytes[at + 10] = (byte)'T';
            SqliteConnection.ClearAllPools();
            await File.WriteAllBytesAsync(FilePath, bytes, Ct);
            try
            {
                var events = await store.ReadAsync(Stream, cancellationToken: Ct);
                events.Should().OnlyContain(e => e.Actor == "tester", "a change the store reads back unnoticed is the worst failure");
            }
            catch (MiljofyrtarnException exception)
            {
                exception.Code.Should().BeOneOf(ErrorCodes.TamperedHistory, ErrorCodes.StoreCorrupt);
                detected++;
            }
        }

        detected.Should().BePositive("the live copy of some event was changed");
    }

    private static int Next(byte[] bytes, byte[] pattern, int after)
    {
        var next = bytes.AsSpan(after + 1).IndexOf(pattern);
        return next < 0 ? -1 : after + 1 + next;
    }

    [Fact]
    public async Task ADeletedEvent_IsFound_AndNamed()
    {
        var (store, _) = await StoredAsync();
        await ExecuteAsync("DELETE FROM mft_events WHERE sequence = 6");

        (await FirstBadEventAsync(store)).Should().Be("6");
    }

    [Fact]
    public async Task AnInsertedEvent_IsFound_AndNamed()
    {
        var (store, _) = await StoredAsync();
        await ExecuteAsync("UPDATE mft_events SET sequence = sequence + 1000 WHERE sequence >= 4");
        await ExecuteAsync("UPDATE mft_events SET sequence = sequence - 999 WHERE sequence >= 1004");
        await ExecuteAsync("INSERT INTO mft_events (stream, sequence, type, occurred_at, payload, hash) SELECT stream, 4, type, occurred_at, payload, hash FROM mft_events WHERE sequence = 3");

        (await FirstBadEventAsync(store)).Should().Be("4");
    }

    [Fact]
    public async Task ReorderedEvents_AreFound_AtTheFirstMovedOne()
    {
        var (store, _) = await StoredAsync();
        await ExecuteAsync("UPDATE mft_events SET sequence = 1007 WHERE sequence = 7");
        await ExecuteAsync("UPDATE mft_events SET sequence = 7 WHERE sequence = 8");
        await ExecuteAsync("UPDATE mft_events SET sequence = 8 WHERE sequence = 1007");

        (await FirstBadEventAsync(store)).Should().Be("7");
    }

    [Fact]
    public async Task AVersion1File_IsUpgradedByTheMigration_AndSaysItsEventsWereChainedThen_ReadOnlyWhenAllowed()
    {
        var (_, events) = HistoryJson.Read(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "history.v1.json"), Ct), new InterchangeOptions { AllowUnverifiedHistory = true });
        await ExecuteAsync("""
            CREATE TABLE mft_events (stream TEXT NOT NULL, sequence INTEGER NOT NULL CHECK (sequence > 0), type TEXT NOT NULL,
                occurred_at TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (stream, sequence)) WITHOUT ROWID;
            PRAGMA user_version = 1;
            """);
        foreach (var e in events)
        {
            await ExecuteAsync(
                "INSERT INTO mft_events VALUES ($s, $n, $t, $at, $p)",
                ("$s", Stream), ("$n", e.Sequence), ("$t", e.GetType().Name), ("$at", e.OccurredAt.ToString()), ("$p", Encoding.UTF8.GetString(StoredEvents.Encode(e))));
        }

        SqliteConnection.ClearAllPools();
        using (var strict = await SqliteEventStore.OpenAsync(FilePath, Ct))
        {
            // By default the partly verified stream is refused, alone and in the feed; verifying it still reports.
            (await FluentActions.Awaiting(() => strict.ReadAsync(Stream, cancellationToken: Ct)).Should().ThrowAsync<MiljofyrtarnException>())
                .Which.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == ErrorCodes.UnverifiedHistory && d.Arguments[0] == events.Length.ToString(CultureInfo.InvariantCulture));
            (await FluentActions.Awaiting(() => strict.ReadPageAsync(Stream, 3, 2, Ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which.Code.Should().Be(ErrorCodes.UnverifiedHistory);
            (await FluentActions.Awaiting(() => strict.ReadAllAsync(0, 10, Ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which.Code.Should().Be(ErrorCodes.UnverifiedHistory);
            (await strict.VerifyAsync(Stream, Ct)).UnverifiedThrough.Should().Be(events.Length);
        }

        var store = await SqliteEventStore.OpenAsync(FilePath, new SqliteEventStoreOptions { AllowUnverifiedHistory = true }, Ct);
        var verification = await store.VerifyAsync(Stream, Ct);
        var read = await store.ReadAsync(Stream, cancellationToken: Ct);
        var lifecycle = OrganisationLifecycle.Replay(CriteriaCatalog.LoadDefault(), read, new FakeClock(Instant.FromUtc(2026, 3, 11, 8, 0)));
        var next = lifecycle.SubmitAnnualReport(new Core.Organisations.UnitId("heim-skole"), 2025, "miljo@heim.kommune.no");
        await store.SaveAsync(Stream, next, lifecycle.Version, Ct);

        verification.Should().Be(new HistoryVerification(events.Length, HistoryChain.ComputeHead(events), events.Length));
        verification.IsFullyVerified.Should().BeFalse("events stored before the upgrade were chained at the upgrade");
        (await store.VerifyAsync(Stream, Ct)).Should().Be(new HistoryVerification(events.Length + 1, HistoryChain.ComputeHead(next.History), events.Length));
    }

    [Fact]
    public async Task AnOlderFile_GetsFeedPositions_InTheOrderItsEventsWereRecorded_EachStreamInSequence()
    {
        var (_, events) = HistoryJson.Read(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "history.v1.json"), Ct), new InterchangeOptions { AllowUnverifiedHistory = true });
        await ExecuteAsync("""
            CREATE TABLE mft_events (stream TEXT NOT NULL, sequence INTEGER NOT NULL CHECK (sequence > 0), type TEXT NOT NULL,
                occurred_at TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (stream, sequence)) WITHOUT ROWID;
            PRAGMA user_version = 1;
            """);
        // Stream "b" is the same history recorded half a second after each of "a"'s events, so the two interleave.
        foreach (var (stream, shift) in new[] { ("b", Duration.FromMilliseconds(500)), ("a", Duration.Zero) })
        {
            foreach (var e in events)
            {
                var shifted = e with { OccurredAt = e.OccurredAt + shift };
                await ExecuteAsync(
                    "INSERT INTO mft_events VALUES ($s, $n, $t, $at, $p)",
                    ("$s", stream), ("$n", e.Sequence), ("$t", e.GetType().Name), ("$at", shifted.OccurredAt.ToString()), ("$p", Encoding.UTF8.GetString(StoredEvents.Encode(shifted))));
            }
        }

        SqliteConnection.ClearAllPools();
        var store = await SqliteEventStore.OpenAsync(FilePath, new SqliteEventStoreOptions { AllowUnverifiedHistory = true }, Ct);
        var feed = await store.ReadAllAsync(0, 1000, Ct);

        feed.Select(e => e.Position).Should().Equal(Enumerable.Range(1, events.Length * 2).Select(i => (long)i));
        feed.Select(e => e.Event.OccurredAt).Should().BeInAscendingOrder();
        feed.Where(e => e.Stream == "a").Select(e => e.Event.Sequence).Should().Equal(events.Select(e => e.Sequence));
        feed.Where(e => e.Stream == "b").Select(e => e.Event.Sequence).Should().Equal(events.Select(e => e.Sequence));
        feed[0].Stream.Should().Be("a");
        feed[1].Stream.Should().Be("b");
    }
}

/// <summary>Two organisations' streams swapped by hand in the SQLite file (issue 31, finding 4).</summary>
public sealed class StreamSwapInSqliteTest : SqliteFileTest
{
    [Fact]
    public async Task SwappedStreams_AreRefusedOnLoad_AndByTheKeptStatements()
    {
        var key = ChainStatementKey.Hmac(Encoding.UTF8.GetBytes("a host's secret of at least 32 bytes, from configuration"), "test");
        ChainStatement[] kept;
        using (var store = await SqliteEventStore.OpenAsync(FilePath, Ct))
        {
            kept = await StreamSwap.StoreBothAsync(store, key, Ct);
        }

        SqliteConnection.ClearAllPools();
        await ExecuteAsync($"""
            UPDATE mft_events SET stream = 'x' WHERE stream = '{StreamSwap.First}';
            UPDATE mft_events SET stream = '{StreamSwap.First}' WHERE stream = '{StreamSwap.Second}';
            UPDATE mft_events SET stream = '{StreamSwap.Second}' WHERE stream = 'x';
            """);

        SqliteConnection.ClearAllPools();
        using var reopened = await SqliteEventStore.OpenAsync(FilePath, Ct);
        await StreamSwap.ShouldBeRefusedAsync(reopened, kept, key, Ct);
    }
}

/// <summary>The widest organisation the limits allow, stored in a SQLite file and read back (issue 31).</summary>
public sealed class WidestOrganisationInSqliteTest : SqliteFileTest
{
    [Fact]
    public async Task ItIsReadBackUnchanged()
    {
        using var store = await SqliteEventStore.OpenAsync(FilePath, TestContext.Current.CancellationToken);
        await WidestOrganisationRoundTrip.ShouldReadBackAsync(store, TestContext.Current.CancellationToken);
    }
}
