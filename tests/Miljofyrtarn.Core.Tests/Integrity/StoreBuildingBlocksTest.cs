using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Testing;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Integrity;

/// <summary>
/// What every store is built from (<see cref="StoredEvents"/>, <see cref="StoredSnapshots"/>, <see cref="EventStoreRules"/>),
/// checked here directly: the SQLite and PostgreSQL stores use them, and their own tests run outside this assembly.
/// </summary>
public sealed class StoreBuildingBlocksTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly OrganisationLifecycle Three = EventStoreContract.Lifecycle(2);

    private static (byte[][] Payloads, byte[][] Hashes) Chained(IReadOnlyList<LifecycleEvent> events)
    {
        var payloads = events.Select(StoredEvents.Encode).ToArray();
        var hashes = new byte[payloads.Length][];
        var previous = HistoryChain.Genesis.ToArray();
        for (var i = 0; i < payloads.Length; i++)
        {
            previous = hashes[i] = StoredEvents.Chain(previous, payloads[i]);
        }

        return (payloads, hashes);
    }

    [Fact]
    public void AnEvent_EncodesAndDecodesToItself_AndChainsToTheHistorysHead()
    {
        var (payloads, hashes) = Chained(Three.History);

        payloads.Select(p => StoredEvents.Decode(p)).Should().Equal(Three.History);
        HistoryChain.ToHex(hashes[^1]).Should().Be(HistoryChain.ComputeHead(Three.History));
        hashes.Should().OnlyContain(h => h.Length == 32);
        StoredEvents.VerifyRun(1, HistoryChain.Genesis, payloads, hashes);
        StoredEvents.VerifyRun(2, hashes[0], payloads[1..], hashes[1..]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void ARunWithAChangedEvent_IsTamperedHistory_NamingIt(int changed)
    {
        var (payloads, hashes) = Chained(Three.History);
        payloads[changed] = [.. payloads[changed]];
        payloads[changed][^2] ^= 1;

        var refused = FluentActions.Invoking(() => StoredEvents.VerifyRun(1, HistoryChain.Genesis, payloads, hashes)).Should().Throw<MiljofyrtarnException>().Which;
        refused.Code.Should().Be(ErrorCodes.TamperedHistory);
        refused.Diagnostics[0].Arguments[0].Should().Be((changed + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void OneLink_IsCheckedOnItsOwn_AsAFeedDoes()
    {
        var (payloads, hashes) = Chained(Three.History);

        StoredEvents.VerifyLink(1, null, payloads[0], hashes[0]);
        StoredEvents.VerifyLink(2, hashes[0], payloads[1], hashes[1]);
        FluentActions.Invoking(() => StoredEvents.VerifyLink(2, null, payloads[1], hashes[1])).Should().Throw<MiljofyrtarnException>()
            .Which.Diagnostics[0].Arguments[0].Should().Be("1", "the event before is missing");
        FluentActions.Invoking(() => StoredEvents.VerifyLink(3, hashes[0], payloads[2], hashes[2])).Should().Throw<MiljofyrtarnException>()
            .Which.Diagnostics[0].Arguments[0].Should().Be("3");
        FluentActions.Invoking(() => StoredEvents.VerifyLink(1, null, payloads[0], hashes[1])).Should().Throw<MiljofyrtarnException>()
            .Which.Code.Should().Be(ErrorCodes.TamperedHistory);
    }

    [Fact]
    public void TheFeedsOrder_MustRunWithoutGaps()
    {
        StoredEvents.CheckFeedOrder("store", 0, 1);
        StoredEvents.CheckFeedOrder("store", 41, 42);
        foreach (var (previous, position) in new[] { (0L, 2L), (5L, 5L), (5L, 4L) })
        {
            var refused = FluentActions.Invoking(() => StoredEvents.CheckFeedOrder("store", previous, position)).Should().Throw<MiljofyrtarnException>().Which;
            refused.Code.Should().Be(ErrorCodes.FeedOutOfOrder);
            refused.Diagnostics[0].Arguments.Should().Equal("store", position.ToString(System.Globalization.CultureInfo.InvariantCulture), previous.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void AStoresOwnRefusals_AreCoded()
    {
        StoredEvents.Tampered(7).Code.Should().Be(ErrorCodes.TamperedHistory);
        StoredEvents.Tampered(7).Diagnostics[0].Arguments[0].Should().Be("7");
        var conflict = StoredEvents.Conflict(3, 5);
        conflict.Code.Should().Be(ErrorCodes.ConcurrencyConflict);
        conflict.Diagnostics[0].Arguments.Should().Equal("3", "5");
    }

    [Fact]
    public void AnAppend_IsCheckedBeforeAnythingIsWritten()
    {
        StoredEvents.CheckAppend("s", 0, Three.History);
        StoredEvents.CheckAppend("s", 1, [.. Three.History.Skip(1)]);

        Arguments(() => StoredEvents.CheckAppend(" ", 0, Three.History), ErrorCodes.BlankText).Should().Equal("stream");
        Arguments(() => StoredEvents.CheckAppend(new string('s', Limits.StreamNameLength + 1), 0, Three.History), ErrorCodes.TextTooLong).Should().Equal("stream", "257", "256");
        StoredEvents.CheckAppend(new string('s', Limits.StreamNameLength), 0, Three.History);
        Arguments(() => StoredEvents.CheckAppend("st\u0001", 0, Three.History), ErrorCodes.InvalidText).Should().Equal("stream", "U+0001", "3");
        Arguments(() => StoredEvents.CheckAppend("s", -1, Three.History), ErrorCodes.InvalidValue).Should().Equal("-1", "≥ 0");
        Arguments(() => StoredEvents.CheckAppend("s", 0, []), ErrorCodes.MissingProperty).Should().Equal("events");
        Arguments(() => StoredEvents.CheckAppend("s", 1, Three.History), ErrorCodes.InvalidValue).Should().Equal("1", "2");
        var gap = FluentActions.Invoking(() => StoredEvents.CheckAppend("s", 0, [Three.History[0], Three.History[2], Three.History[2]])).Should().Throw<MiljofyrtarnException>().Which;
        gap.Diagnostics.Should().ContainSingle("the first event out of place is named, once").Which.Arguments.Should().Equal("3", "2");
        FluentActions.Invoking(() => StoredEvents.CheckAppend("s", 0, [null!])).Should().Throw<ArgumentNullException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(EventStoreRules.MaxPageSize + 1)]
    public void APageOrFeedReadOutOfRange_IsRefused_NamingTheValue(int maxCount)
    {
        var refused = FluentActions.Invoking(() => EventStoreRules.CheckPageSize(maxCount)).Should().Throw<MiljofyrtarnException>().Which;
        refused.Code.Should().Be(ErrorCodes.NumberOutOfRange);
        refused.Diagnostics[0].Arguments.Should().Equal("maxCount", maxCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", EventStoreRules.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Code(() => EventStoreRules.CheckFeedRead(0, maxCount)).Should().Be(ErrorCodes.NumberOutOfRange);
        Code(() => EventStoreRules.CheckFeedRead(-1, 1)).Should().Be(ErrorCodes.NumberOutOfRange);
        EventStoreRules.CheckPageSize(1);
        EventStoreRules.CheckPageSize(EventStoreRules.MaxPageSize);
        EventStoreRules.CheckFeedRead(0, 1);
    }

    [Fact]
    public void ASnapshotsDigest_CoversItsStream_Version_ChainHead_AndDocument()
    {
        byte[] head = [.. Enumerable.Repeat((byte)7, 32)];
        var digest = StoredSnapshots.Digest("s", 3, head, "{}"u8);

        digest.Should().HaveCount(32);
        StoredSnapshots.Digest("s", 3, head, "{}"u8).Should().Equal(digest, "the same input gives the same digest");
        StoredSnapshots.Digest("t", 3, head, "{}"u8).Should().NotEqual(digest);
        StoredSnapshots.Digest("s", 4, head, "{}"u8).Should().NotEqual(digest);
        StoredSnapshots.Digest("s", 3, [.. Enumerable.Repeat((byte)8, 32)], "{}"u8).Should().NotEqual(digest);
        StoredSnapshots.Digest("s", 3, head, "{ }"u8).Should().NotEqual(digest);
        StoredSnapshots.Digest("s3", 1, head, "{}"u8).Should().NotEqual(StoredSnapshots.Digest("s", 31, head, "{}"u8), "the name's length is hashed, so no two fields run together");

        var read = StoredSnapshots.Verified("s", 3, head, head, digest, "{}"u8);
        read.Version.Should().Be(3);
        read.Document.ToArray().Should().Equal("{}"u8.ToArray());
        Check(() => StoredSnapshots.Verified("s", 3, head, null, digest, "{}"u8)).Should().Be("ChainHead");
        Check(() => StoredSnapshots.Verified("s", 3, head, [.. Enumerable.Repeat((byte)8, 32)], digest, "{}"u8)).Should().Be("ChainHead");
        Check(() => StoredSnapshots.Verified("s", 0, head, head, digest, "{}"u8)).Should().Be("ChainHead");
        Check(() => StoredSnapshots.Verified("s", 3, head, head, digest, "{ }"u8)).Should().Be("Digest");
        Check(() => StoredSnapshots.Verified("t", 3, head, head, digest, "{}"u8)).Should().Be("Digest");
        Check(() => StoredSnapshots.Verified("s", 3, head, head, StoredSnapshots.Digest("s", 3, head, []), [])).Should().Be("Digest");
    }

    [Fact]
    public void AStoredSnapshot_IsAtLeastVersion1_WithADocument_KeptAsItsOwnCopy()
    {
        byte[] document = [.. "{}"u8];
        var snapshot = new StoredSnapshot(1, document);
        document[0] = (byte)'[';

        snapshot.Document.ToArray().Should().Equal("{}"u8.ToArray());
        Code(() => new StoredSnapshot(0, "{}"u8)).Should().Be(ErrorCodes.NumberOutOfRange);
        Code(() => new StoredSnapshot(1, [])).Should().Be(ErrorCodes.MissingProperty);
        Code(() => new StoredSnapshot(1, new byte[Core.Interchange.InterchangeOptions.Default.MaxBytes + 1])).Should().Be(ErrorCodes.DocumentTooLarge);
        new StoredSnapshot(1, new byte[Core.Interchange.InterchangeOptions.Default.MaxBytes]).Document.Length.Should().Be(Core.Interchange.InterchangeOptions.Default.MaxBytes);
        Code(() => StoredSnapshots.CheckWrite(" ", snapshot)).Should().Be(ErrorCodes.BlankText);
        StoredSnapshots.CheckWrite("s", snapshot);
        FluentActions.Invoking(() => StoredSnapshots.CheckWrite("s", null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public async Task AStoreThatKeepsNoSnapshots_SaysSo_AndLoadsReplayAsBefore()
    {
        IEventStore store = new PlainStore(new InMemoryEventStore());
        await store.SaveAsync("964123454", Three, 0, Ct);

        (await store.WriteSnapshotAsync("964123454", new StoredSnapshot(1, "{}"u8), Ct)).Should().BeFalse();
        (await store.ReadSnapshotAsync("964123454", Ct)).Should().BeNull();
        var clock = new FakeClock(Instant.FromUtc(2024, 2, 1, 8, 0));
        var loaded = await new LifecycleRepository(store, CriteriaCatalog.LoadDefault(), clock).GetAsync("964123454", Ct);
        loaded.Version.Should().Be(3);
        (await store.LoadAsync("964123454", CriteriaCatalog.LoadDefault(), clock, cancellationToken: Ct)).History.Should().Equal(Three.History);
        (await FluentActions.Awaiting(() => store.LoadAsync("unknown", CriteriaCatalog.LoadDefault(), clock, cancellationToken: Ct)).Should().ThrowAsync<MiljofyrtarnException>())
            .Which.Code.Should().Be(ErrorCodes.StreamNotFound);
        (await store.SaveAsync("964123454", loaded, 3, Ct)).Should().Be(3, "nothing new to save");
    }

    private static string Code(Action act) => FluentActions.Invoking(act).Should().Throw<MiljofyrtarnException>().Which.Code;

    private static IReadOnlyList<string> Arguments(Action act, string code)
    {
        var refused = FluentActions.Invoking(act).Should().Throw<MiljofyrtarnException>().Which;
        refused.Code.Should().Be(code);
        return refused.Diagnostics[0].Arguments;
    }

    private static string Check(Action act)
    {
        var refused = FluentActions.Invoking(act).Should().Throw<MiljofyrtarnException>().Which;
        refused.Code.Should().Be(ErrorCodes.SnapshotMismatch);
        return refused.Diagnostics[0].Arguments[2];
    }

    /// <summary>A store of a third party written before snapshots: only the members it had to implement.</summary>
    private sealed class PlainStore(IEventStore inner) : IEventStore
    {
        public Task<long> AppendAsync(string stream, long expectedVersion, IReadOnlyList<LifecycleEvent> events, CancellationToken cancellationToken = default) => inner.AppendAsync(stream, expectedVersion, events, cancellationToken);

        public Task<IReadOnlyList<LifecycleEvent>> ReadAsync(string stream, long afterVersion = 0, CancellationToken cancellationToken = default) => inner.ReadAsync(stream, afterVersion, cancellationToken);

        public Task<long> GetVersionAsync(string stream, CancellationToken cancellationToken = default) => inner.GetVersionAsync(stream, cancellationToken);

        public Task<HistoryVerification> VerifyAsync(string stream, CancellationToken cancellationToken = default) => inner.VerifyAsync(stream, cancellationToken);

        public Task<IReadOnlyList<LifecycleEvent>> ReadPageAsync(string stream, long afterVersion, int maxCount, CancellationToken cancellationToken = default) => inner.ReadPageAsync(stream, afterVersion, maxCount, cancellationToken);

        public Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string? after, int maxCount, CancellationToken cancellationToken = default) => inner.ListStreamsAsync(after, maxCount, cancellationToken);

        public Task<IReadOnlyList<FeedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default) => inner.ReadAllAsync(afterPosition, maxCount, cancellationToken);
    }
}
