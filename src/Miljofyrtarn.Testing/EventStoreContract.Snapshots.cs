using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Storage;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace Miljofyrtarn.Testing;

/// <summary>The contract's snapshots: kept one per stream, newest wins, bound to the event at their version.</summary>
public abstract partial class EventStoreContract
{
    /// <summary>A snapshot reads back as written; an older one does not replace it, a newer one does; none for an unknown stream.</summary>
    [Fact]
    public async Task ASnapshot_ReadsBack_AndOnlyANewerOneReplacesIt()
    {
        var store = await CreateAsync();
        var lifecycle = Lifecycle(5);
        await store.SaveAsync("s", lifecycle, 0, Ct);
        (await store.ReadSnapshotAsync("s", Ct)).Should().BeNull();

        (await store.WriteSnapshotAsync("s", new StoredSnapshot(3, "{\"at\":3}"u8), Ct)).Should().BeTrue();
        (await store.WriteSnapshotAsync("s", new StoredSnapshot(2, "{\"at\":2}"u8), Ct)).Should().BeFalse();
        (await store.WriteSnapshotAsync("s", new StoredSnapshot(3, "{\"at\":3}"u8), Ct)).Should().BeFalse();
        var kept = await store.ReadSnapshotAsync("s", Ct);
        kept!.Version.Should().Be(3);
        kept.Document.ToArray().Should().Equal("{\"at\":3}"u8.ToArray());

        (await store.WriteSnapshotAsync("s", new StoredSnapshot(5, "{\"at\":5}"u8), Ct)).Should().BeTrue();
        (await (await CreateAsync()).ReadSnapshotAsync("s", Ct))!.Version.Should().Be(5);
        (await store.ReadSnapshotAsync("unknown", Ct)).Should().BeNull();
    }

    /// <summary>A snapshot for an event the stream does not have is refused, naming the version, and nothing is kept; the events and the feed do not change.</summary>
    [Fact]
    public async Task ASnapshotBeyondTheStream_IsRefused_AndNothingChanges()
    {
        var store = await CreateAsync();
        var lifecycle = Lifecycle(2);
        await store.SaveAsync("s", lifecycle, 0, Ct);
        foreach (var stream in new[] { "s", "empty" })
        {
            var refused = await FluentActions.Awaiting(() => store.WriteSnapshotAsync(stream, new StoredSnapshot(4, "{}"u8), Ct)).Should().ThrowAsync<MiljofyrtarnException>();
            refused.Which.Code.Should().Be(ErrorCodes.NumberOutOfRange);
            refused.Which.Diagnostics[0].Arguments.Should().Equal("version", "4", "1", stream == "s" ? "3" : "0");
            (await store.ReadSnapshotAsync(stream, Ct)).Should().BeNull();
        }

        await FluentActions.Awaiting(() => store.WriteSnapshotAsync(" ", new StoredSnapshot(1, "{}"u8), Ct)).Should().ThrowAsync<MiljofyrtarnException>();
        (await store.ReadAsync("s", 0, Ct)).Should().Equal(lifecycle.History);
        (await store.ReadAllAsync(0, 100, Ct)).Should().HaveCount(3);
        (await store.ListStreamsAsync(null, 10, Ct)).Should().Equal(new StreamSummary("s", 3));
    }

    /// <summary>
    /// Through a repository that snapshots every 4 events and keeps no states: a load starts from the snapshot and reads
    /// only the events after it, and gives the state a full replay gives; the full verification passes.
    /// </summary>
    [Fact]
    public async Task TheRepository_LoadsFromTheSnapshot_ToTheStateAFullReplayGives()
    {
        var store = await CreateAsync();
        var catalog = CriteriaCatalog.LoadDefault();
        var clock = new FakeClock(Instant.FromUtc(2024, 1, 15, 8, 0)) { AutoAdvance = Duration.FromSeconds(1) };
        var options = new LifecycleRepositoryOptions { SnapshotEvery = 4, CachedOrganisations = 0 };
        var repository = new LifecycleRepository(store, catalog, clock, null, options);
        // A save that crosses a multiple of 4 writes a snapshot at the version it saved: 8 events, then 2 more (no snapshot).
        // Lifecycle(n) starts each on the same fake clock, so Lifecycle(7)'s events are the first 8 of Lifecycle(9)'s.
        await repository.SaveAsync(Lifecycle(7), 0, Ct);
        (await store.ReadSnapshotAsync("964123454", Ct))!.Version.Should().Be(8);
        var full = Lifecycle(9);
        await repository.SaveAsync(full, 8, Ct);
        (await store.ReadSnapshotAsync(LifecycleRepository.StreamOf(full), Ct))!.Version.Should().Be(8);

        var loaded = await new LifecycleRepository(await CreateAsync(), catalog, clock, null, options).GetAsync(LifecycleRepository.StreamOf(full), Ct);
        loaded.Version.Should().Be(10);
        loaded.History.Should().BeEmpty("a lifecycle loaded from a snapshot carries no history; the store has it");
        SnapshotJson.Write(loaded).Should().Equal(SnapshotJson.Write(full));
        (await repository.VerifyAsync(LifecycleRepository.StreamOf(full), Ct)).Version.Should().Be(10);
    }
}
