using FluentAssertions;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Testing;
using NodaTime;
using NodaTime.Testing;

namespace Miljofyrtarn.Storage.Tests;

/// <summary>
/// Issue 32's snapshots edited outside the library, as a hostile insider would: a snapshot is a cache of the events, so
/// an edit is refused when it is read (its digest, its chain head), and a forgery with a recomputed digest is found by
/// the full verification, which replays the events and compares.
/// </summary>
internal static class SnapshotTampering
{
    public const string Stream = "964123454";

    private static readonly LifecycleRepositoryOptions EveryFour = new() { SnapshotEvery = 4, CachedOrganisations = 0 };

    private static FakeClock Clock() => new(Instant.FromUtc(2024, 1, 15, 8, 0)) { AutoAdvance = Duration.FromSeconds(1) };

    public static LifecycleRepository Repository(IEventStore store) => new(store, CriteriaCatalog.LoadDefault(), Clock(), null, EveryFour);

    /// <summary>Saves ten events through a repository that snapshots every four, as two saves: the store keeps a snapshot at version 8.</summary>
    public static async Task<OrganisationLifecycle> StoreAsync(IEventStore store, CancellationToken ct)
    {
        // Saved as 8 events (a snapshot at 8: the save crossed 4 and 8), then 2 more (no multiple crossed).
        var repository = Repository(store);
        await repository.SaveAsync(EventStoreContract.Lifecycle(7, Clock()), 0, ct);
        var lifecycle = EventStoreContract.Lifecycle(9, Clock());
        await repository.SaveAsync(lifecycle, 8, ct);
        (await store.ReadSnapshotAsync(Stream, ct))!.Version.Should().Be(8);
        return lifecycle;
    }

    /// <summary>
    /// A forged state at version 8 (the last assessment recorded as fulfilled instead), with the digest a forger who
    /// knows the algorithm recomputes over it and the real chain head.
    /// </summary>
    public static (byte[] Document, byte[] Digest) Forgery(OrganisationLifecycle stored)
    {
        var forged = EventStoreContract.Lifecycle(6, Clock());
        var hk = forged.Organisation.Headquarters.Id;
        forged = forged.RecordAssessment(hk, forged.Organisation.Resolve(hk).Criteria[6].Criterion.Id, FulfilmentStatus.Fulfilled, "tester", comment: "forged");
        forged.Version.Should().Be(8);
        var document = SnapshotJson.Write(forged);
        var head = Convert.FromHexString(HistoryChain.ComputeHead(stored.History.Take(8)));
        return (document, StoredSnapshots.Digest(Stream, 8, head, document));
    }

    /// <summary>After an edit: the store refuses the snapshot naming the failed check, and so does a load through the repository.</summary>
    public static async Task ShouldBeRefusedAsync(IEventStore store, string stream, string check, CancellationToken ct)
    {
        var refused = await FluentActions.Awaiting(() => store.ReadSnapshotAsync(stream, ct)).Should().ThrowAsync<MiljofyrtarnException>();
        refused.Which.Diagnostics.Should().ContainSingle().Which.Arguments.Should().Equal(stream, refused.Which.Diagnostics[0].Arguments[1], check);
        refused.Which.Code.Should().Be(ErrorCodes.SnapshotMismatch);
        refused.Which.Category.Should().Be(ErrorCategory.CorruptData);
        (await FluentActions.Awaiting(() => Repository(store).GetAsync(stream, ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which.Code.Should().Be(ErrorCodes.SnapshotMismatch);
    }

    /// <summary>After a forgery with a recomputed digest: the everyday load trusts it (documented), the full verification does not.</summary>
    public static async Task ForgeryShouldBeFoundByTheFullVerificationAsync(IEventStore store, CancellationToken ct)
    {
        (await Repository(store).GetAsync(Stream, ct)).Version.Should().Be(10);
        var refused = await FluentActions.Awaiting(() => Repository(store).VerifyAsync(Stream, ct)).Should().ThrowAsync<MiljofyrtarnException>();
        refused.Which.Code.Should().Be(ErrorCodes.SnapshotMismatch);
        refused.Which.Diagnostics[0].Arguments.Should().Equal(Stream, "8", "State");
        refused.Which.Message.Should().Contain("Øyeblikksbildet").And.Contain("tilstanden er ikke den hendelsene gir");
    }
}
