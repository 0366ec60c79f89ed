using System.Collections.Concurrent;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;

namespace Miljofyrtarn.Core.Storage;

/// <summary>Loads that do not cost the whole history: the kept latest states, the store's snapshots, and the full verification.</summary>
public sealed partial class LifecycleRepository
{
    private readonly ConcurrentDictionary<string, OrganisationLifecycle> _kept = new(StringComparer.Ordinal);

    /// <summary>
    /// Proves an organisation's whole history: verifies the hash chain from its first event (<see cref="IEventStore.VerifyAsync"/>),
    /// replays every event by the rules, and checks that the store's snapshot, if it keeps one, holds exactly the state
    /// the events replay to at its version. The everyday loads trust a snapshot whose digest and chain head hold; this
    /// is the audit that does not.
    /// </summary>
    /// <param name="organisation">The organisation number (the stream).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The verification of the chain: the number of events and the chain head.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// There is no such organisation (<see cref="ErrorCodes.StreamNotFound"/>), an event was tampered with
    /// (<see cref="ErrorCodes.TamperedHistory"/>), the history is invalid, or the snapshot does not match it
    /// (<see cref="ErrorCodes.SnapshotMismatch"/>).
    /// </exception>
    public async Task<HistoryVerification> VerifyAsync(string organisation, CancellationToken cancellationToken = default)
    {
        CheckStream(organisation);
        var verification = await Store.VerifyAsync(organisation, cancellationToken).ConfigureAwait(false);
        var events = await Store.ReadAsync(organisation, 0, cancellationToken).ConfigureAwait(false);
        if (events.Count == 0)
        {
            throw Problems.Single(ErrorCodes.StreamNotFound, organisation);
        }

        CheckBinding(organisation, events[0]);
        var snapshot = await Store.ReadSnapshotAsync(organisation, cancellationToken).ConfigureAwait(false);
        if (snapshot is null || snapshot.Version > events.Count)
        {
            OrganisationLifecycle.Replay(Catalog, events, Clock, Rules);
            return verification;
        }

        var atSnapshot = OrganisationLifecycle.Replay(Catalog, events.Take((int)snapshot.Version), Clock, Rules);
        if (!SnapshotJson.Write(atSnapshot).AsSpan().SequenceEqual(Canonical(organisation, snapshot)))
        {
            throw StoredSnapshots.Mismatch(organisation, snapshot.Version, "State");
        }

        atSnapshot.Advance([.. events.Skip((int)snapshot.Version)]);
        return verification;
    }

    /// <summary>The lifecycle from the kept state, else from the store's snapshot, else from the first event; null when the stream is empty.</summary>
    private async Task<OrganisationLifecycle?> LoadAsync(string organisation, CancellationToken cancellationToken)
    {
        if (_kept.TryGetValue(organisation, out var kept))
        {
            var newer = await Store.ReadAsync(organisation, kept.Version, cancellationToken).ConfigureAwait(false);
            return newer.Count == 0 ? kept : await AdvancedAsync(organisation, kept, newer, cancellationToken).ConfigureAwait(false);
        }

        if (Options.SnapshotEvery > 0 && await FromSnapshotAsync(organisation, cancellationToken).ConfigureAwait(false) is { } restored)
        {
            var newer = await Store.ReadAsync(organisation, restored.Version, cancellationToken).ConfigureAwait(false);
            return newer.Count == 0 ? restored : await AdvancedAsync(organisation, restored, newer, cancellationToken).ConfigureAwait(false);
        }

        var events = await Store.ReadAsync(organisation, 0, cancellationToken).ConfigureAwait(false);
        if (events.Count == 0)
        {
            return null;
        }

        CheckBinding(organisation, events[0]);
        var lifecycle = OrganisationLifecycle.Replay(Catalog, events, Clock, Rules);
        if (Options.SnapshotEvery > 0 && events.Count >= Options.SnapshotEvery)
        {
            await TrySnapshotAsync(organisation, lifecycle, cancellationToken).ConfigureAwait(false);
        }

        return lifecycle;
    }

    /// <summary>A state moved on by the events after it, each checked as in a replay; snapshotted when many were read.</summary>
    private async Task<OrganisationLifecycle> AdvancedAsync(string organisation, OrganisationLifecycle from, IReadOnlyList<LifecycleEvent> newer, CancellationToken cancellationToken)
    {
        var advanced = from.Advance(newer);
        if (Options.SnapshotEvery > 0 && newer.Count >= Options.SnapshotEvery)
        {
            await TrySnapshotAsync(organisation, advanced, cancellationToken).ConfigureAwait(false);
        }

        return advanced;
    }

    /// <summary>
    /// The store's latest snapshot as a lifecycle, or null when there is none or it is in a snapshot format this
    /// library no longer reads (the events are replayed then, and a new snapshot written).
    /// </summary>
    private async Task<OrganisationLifecycle?> FromSnapshotAsync(string organisation, CancellationToken cancellationToken)
    {
        var snapshot = await Store.ReadSnapshotAsync(organisation, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return null;
        }

        OrganisationLifecycle lifecycle;
        try
        {
            lifecycle = SnapshotJson.Read(snapshot.Document, Catalog, Clock, Rules);
        }
        catch (MiljofyrtarnException outdated) when (outdated.Code == ErrorCodes.UnsupportedSchemaVersion)
        {
            return null;
        }

        if (lifecycle.Organisation.Number.Value != organisation)
        {
            throw Problems.Single(ErrorCodes.HistoryBindingMismatch, "stream", organisation, lifecycle.Organisation.Number.Value);
        }

        return lifecycle.Version == snapshot.Version ? lifecycle : throw StoredSnapshots.Mismatch(organisation, snapshot.Version, "Version");
    }

    /// <summary>Saves a lifecycle's new events; then keeps its state, and writes a snapshot when the save crossed a multiple of <see cref="LifecycleRepositoryOptions.SnapshotEvery"/>.</summary>
    private async Task<long> SavedAsync(string organisation, OrganisationLifecycle lifecycle, long loadedVersion, CancellationToken cancellationToken)
    {
        var version = await Store.SaveAsync(organisation, lifecycle, loadedVersion, cancellationToken).ConfigureAwait(false);
        if (version == lifecycle.Version)
        {
            Keep(organisation, lifecycle);
            var every = Options.SnapshotEvery;
            if (every > 0 && version / every > loadedVersion / every)
            {
                await TrySnapshotAsync(organisation, lifecycle, cancellationToken).ConfigureAwait(false);
            }
        }

        return version;
    }

    /// <summary>
    /// Writes a snapshot, as an optimisation only: the events are already saved, so a snapshot the store refuses or
    /// cannot take (a document over the reader's limit, a newer one already kept) is skipped, and loads read more events.
    /// </summary>
    private async Task TrySnapshotAsync(string organisation, OrganisationLifecycle lifecycle, CancellationToken cancellationToken)
    {
        try
        {
            await Store.WriteSnapshotAsync(organisation, new StoredSnapshot(lifecycle.Version, SnapshotJson.Write(lifecycle)), cancellationToken).ConfigureAwait(false);
        }
        catch (MiljofyrtarnException)
        {
            // Skipped on purpose: see the summary. The refusal changes nothing that is read.
        }
    }

    /// <summary>Keeps an organisation's latest state, without its history, making room by dropping another when full.</summary>
    private void Keep(string organisation, OrganisationLifecycle lifecycle)
    {
        var capacity = Options.CachedOrganisations;
        if (capacity == 0)
        {
            return;
        }

        if (_kept.Count >= capacity && !_kept.ContainsKey(organisation))
        {
            foreach (var other in _kept.Keys)
            {
                _kept.TryRemove(other, out _);
                break;
            }
        }

        _kept.AddOrUpdate(organisation, static (_, state) => state, static (_, old, state) => state.Version >= old.Version ? state : old, lifecycle.WithoutHistory());
    }

    /// <summary>The snapshot's document as this library writes it, for comparing states byte for byte.</summary>
    private byte[] Canonical(string organisation, StoredSnapshot snapshot)
    {
        var restored = SnapshotJson.Read(snapshot.Document, Catalog, Clock, Rules);
        return restored.Version == snapshot.Version ? SnapshotJson.Write(restored) : throw StoredSnapshots.Mismatch(organisation, snapshot.Version, "Version");
    }
}
