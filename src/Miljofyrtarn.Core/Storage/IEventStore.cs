using System.Globalization;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using NodaTime;

namespace Miljofyrtarn.Core.Storage;

/// <summary>
/// Where an organisation's events are kept: one stream per organisation, events numbered 1, 2, 3, …. A host implements
/// it for its own database; the library ships <see cref="InMemoryEventStore"/> and, in Miljofyrtarn.Storage.Sqlite, a
/// SQLite store.
/// </summary>
/// <remarks>
/// Implementations must append atomically (all events of a call or none), refuse an append at an expected version that
/// is no longer current (<see cref="ErrorCodes.ConcurrencyConflict"/>), never store an event twice, and return events
/// in order. <see cref="EventStoreRules"/> holds the checks every implementation runs; <see cref="LifecycleRepository"/> (or the
/// extension methods in <see cref="EventStoreExtensions"/>) loads and saves lifecycles over any store.
/// </remarks>
public interface IEventStore
{
    /// <summary>Appends events to a stream, atomically, if the stream is at the expected version.</summary>
    /// <param name="stream">The stream, for example the organisation number.</param>
    /// <param name="expectedVersion">The version the caller read (0 for a new stream).</param>
    /// <param name="events">The events, numbered from <paramref name="expectedVersion"/> + 1 without gaps.</param>
    /// <param name="cancellationToken">Cancels the append; nothing is written then.</param>
    /// <returns>The stream's new version.</returns>
    /// <exception cref="MiljofyrtarnException">The stream has moved on (<see cref="ErrorCodes.ConcurrencyConflict"/>), or the events are not numbered from the expected version.</exception>
    Task<long> AppendAsync(string stream, long expectedVersion, IReadOnlyList<LifecycleEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Reads a stream's events in order, after a version.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="afterVersion">Only events with a higher sequence number; 0 for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events, in order; empty for an unknown stream.</returns>
    /// <exception cref="MiljofyrtarnException">An event read was changed, deleted, inserted or moved (<see cref="ErrorCodes.TamperedHistory"/>).</exception>
    Task<IReadOnlyList<LifecycleEvent>> ReadAsync(string stream, long afterVersion = 0, CancellationToken cancellationToken = default);

    /// <summary>The stream's version: the sequence number of its last event, 0 when it has none.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The version.</returns>
    Task<long> GetVersionAsync(string stream, CancellationToken cancellationToken = default);

    /// <summary>
    /// Verifies a stream's whole hash chain (see <see cref="HistoryChain"/>) and returns its head, so an auditor can
    /// compare it with a copy kept elsewhere. <see cref="ReadAsync"/> verifies the events it reads in the same way.
    /// </summary>
    /// <param name="stream">The stream.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The number of events, the chain head, and how much was chained only at an upgrade.</returns>
    /// <exception cref="MiljofyrtarnException">An event was changed, deleted, inserted or moved (<see cref="ErrorCodes.TamperedHistory"/>, naming the first bad event).</exception>
    Task<HistoryVerification> VerifyAsync(string stream, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of a stream's events in order: at most <paramref name="maxCount"/> events after a version, verified like <see cref="ReadAsync"/>.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="afterVersion">Only events with a higher sequence number; 0 from the start. The next page starts after the last event's sequence.</param>
    /// <param name="maxCount">The most events to return, 1 to 10,000.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events, in order; fewer than <paramref name="maxCount"/> (or none) at the end of the stream.</returns>
    /// <exception cref="MiljofyrtarnException">The page size is outside 1 to 10,000 (<see cref="ErrorCodes.NumberOutOfRange"/>), or an event read was tampered with (<see cref="ErrorCodes.TamperedHistory"/>).</exception>
    Task<IReadOnlyList<LifecycleEvent>> ReadPageAsync(string stream, long afterVersion, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Lists streams in ordinal name order, one page at a time: at most <paramref name="maxCount"/> streams whose names come after <paramref name="after"/>.</summary>
    /// <param name="after">The last name of the previous page; null for the first page.</param>
    /// <param name="maxCount">The most streams to return, 1 to 10,000.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The streams with their versions; fewer than <paramref name="maxCount"/> on the last page.</returns>
    /// <exception cref="MiljofyrtarnException">The page size is outside 1 to 10,000 (<see cref="ErrorCodes.NumberOutOfRange"/>).</exception>
    Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string? after, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the global feed: every stream's events in commit order, at most <paramref name="maxCount"/> after a
    /// position. Positions number the feed 1, 2, 3, … without gaps; a host that builds a read model keeps the last
    /// position it processed and resumes after it. The feed never skips an event: one committed later never gets a
    /// position before one already read, even with concurrent writers (each store says how it ensures this).
    /// </summary>
    /// <param name="afterPosition">Only events after this position; 0 from the start.</param>
    /// <param name="maxCount">The most events to return, 1 to 10,000.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events with their positions and streams, in position order; fewer than <paramref name="maxCount"/> (or none) at the end of the feed.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// The position is negative or the page size outside 1 to 10,000 (<see cref="ErrorCodes.NumberOutOfRange"/>), or an
    /// event read does not match its stream's hash chain (<see cref="ErrorCodes.TamperedHistory"/>).
    /// </exception>
    Task<IReadOnlyList<FeedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps a snapshot of a stream, bound to the stored hash of the event at its version (see
    /// <see cref="StoredSnapshots"/>), in place of an older one. A store that keeps no snapshots returns false: loads then
    /// replay the whole stream, as before. The SQLite, PostgreSQL and in-memory stores keep them.
    /// </summary>
    /// <param name="stream">The stream.</param>
    /// <param name="snapshot">The snapshot; its version must be an event of the stream.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when it was kept; false when the store keeps no snapshots or already has one as new or newer.</returns>
    /// <exception cref="MiljofyrtarnException">The stream has no event at the snapshot's version (<see cref="ErrorCodes.NumberOutOfRange"/>), or the name is invalid.</exception>
    Task<bool> WriteSnapshotAsync(string stream, StoredSnapshot snapshot, CancellationToken cancellationToken = default) => Task.FromResult(false);

    /// <summary>
    /// Reads a stream's latest snapshot, checked against the hash chain (<see cref="StoredSnapshots.Verified"/>), or
    /// null when there is none (or the store keeps none). Load the events after its version with <see cref="ReadAsync"/>,
    /// which chains them from the same stored hash.
    /// </summary>
    /// <param name="stream">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot, or null.</returns>
    /// <exception cref="MiljofyrtarnException">The snapshot does not match the stored history (<see cref="ErrorCodes.SnapshotMismatch"/>).</exception>
    Task<StoredSnapshot?> ReadSnapshotAsync(string stream, CancellationToken cancellationToken = default) => Task.FromResult<StoredSnapshot?>(null);
}

/// <summary>An event in the global feed (<see cref="IEventStore.ReadAllAsync"/>): its position across all streams, its stream, and the event.</summary>
/// <param name="Position">The event's position in the feed, from 1, without gaps.</param>
/// <param name="Stream">The stream it belongs to, for example the organisation number.</param>
/// <param name="Event">The event; its <see cref="LifecycleEvent.Sequence"/> is its number in the stream.</param>
public sealed record FeedEvent(long Position, string Stream, LifecycleEvent Event);

/// <summary>A stream in a listing: its name and version (the sequence number of its last event).</summary>
/// <param name="Name">The stream's name, for example the organisation number.</param>
/// <param name="Version">The stream's version.</param>
public sealed record StreamSummary(string Name, long Version);

/// <summary>
/// The limits every <see cref="IEventStore"/> keeps (a page of 1 to <see cref="MaxPageSize"/>, a feed position of 0 or
/// more), for hosts that page through a store. What a store itself runs on an append and a read is <see cref="StoredEvents"/>.
/// </summary>
public static class EventStoreRules
{
    /// <summary>
    /// Checks an append before anything is written: a stream name of valid text within <see cref="Limits.StreamNameLength"/>,
    /// at least one event, numbered from the expected version without gaps, each within <see cref="Limits"/>.
    /// </summary>
    /// <param name="stream">The stream.</param>
    /// <param name="expectedVersion">The expected version.</param>
    /// <param name="events">The events.</param>
    /// <exception cref="MiljofyrtarnException">A problem, coded.</exception>
    internal static void CheckAppend(string stream, long expectedVersion, IReadOnlyList<LifecycleEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var problems = new Problems();
        AddStreamNameProblems(problems, stream);

        if (expectedVersion < 0)
        {
            problems.Add(ErrorCodes.InvalidValue, expectedVersion, "≥ 0");
        }

        if (events.Count == 0)
        {
            problems.Add(ErrorCodes.MissingProperty, "events");
        }

        for (var i = 0; i < events.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(events[i], nameof(events));
            if (events[i].Sequence != expectedVersion + i + 1)
            {
                problems.Add(ErrorCodes.InvalidValue, events[i].Sequence, (expectedVersion + i + 1).ToString(CultureInfo.InvariantCulture));
                break;
            }
        }

        problems.ThrowIfAny();
        foreach (var @event in events)
        {
            LimitCheck.Check(@event, null);
        }
    }

    /// <summary>Checks a stream's name: valid text, not blank, within <see cref="Limits.StreamNameLength"/>.</summary>
    /// <param name="stream">The name.</param>
    /// <exception cref="MiljofyrtarnException">It is not such a name; coded.</exception>
    internal static void CheckStreamName(string stream)
    {
        var problems = new Problems();
        AddStreamNameProblems(problems, stream);
        problems.ThrowIfAny();
    }

    private static void AddStreamNameProblems(Problems problems, string stream)
    {
        if (string.IsNullOrWhiteSpace(stream))
        {
            problems.Add(ErrorCodes.BlankText, "stream");
        }
        else if (stream.Length > Limits.StreamNameLength)
        {
            problems.Add(ErrorCodes.TextTooLong, "stream", stream.Length, Limits.StreamNameLength);
        }
        else if (TextRules.FirstInvalid(stream, multiline: false) is { } at)
        {
            problems.Add(ErrorCodes.InvalidText, "stream", TextRules.Describe(stream, at), at + 1);
        }
    }

    /// <summary>The error for an append at a version that is no longer current.</summary>
    /// <param name="expected">The version the caller expected.</param>
    /// <param name="actual">The stream's version.</param>
    /// <returns>The exception to throw.</returns>
    internal static MiljofyrtarnException Conflict(long expected, long actual) => Problems.Single(ErrorCodes.ConcurrencyConflict, expected, actual);

    /// <summary>Checks a page size: 1 to <see cref="MaxPageSize"/>.</summary>
    /// <param name="maxCount">The page size.</param>
    /// <exception cref="MiljofyrtarnException">It is out of range (<see cref="ErrorCodes.NumberOutOfRange"/>).</exception>
    public static void CheckPageSize(int maxCount)
    {
        if (maxCount is < 1 or > MaxPageSize)
        {
            throw Problems.Single(ErrorCodes.NumberOutOfRange, nameof(maxCount), maxCount, 1, MaxPageSize);
        }
    }

    /// <summary>The largest page a store returns at once.</summary>
    public const int MaxPageSize = 10_000;

    /// <summary>Checks a feed read: a position of 0 or more, and a page size of 1 to <see cref="MaxPageSize"/>.</summary>
    /// <param name="afterPosition">The position to read after.</param>
    /// <param name="maxCount">The page size.</param>
    /// <exception cref="MiljofyrtarnException">One is out of range (<see cref="ErrorCodes.NumberOutOfRange"/>).</exception>
    public static void CheckFeedRead(long afterPosition, int maxCount)
    {
        if (afterPosition < 0)
        {
            throw Problems.Single(ErrorCodes.NumberOutOfRange, nameof(afterPosition), afterPosition, 0, long.MaxValue);
        }

        CheckPageSize(maxCount);
    }

    /// <summary>
    /// Checks one link of a stream's hash chain on its own, as the feed does: the event's stored hash must be SHA-256
    /// over the stored hash of the event before it in its stream (<see cref="HistoryChain.Genesis"/> for the first) and
    /// its JSON.
    /// </summary>
    /// <param name="sequence">The event's sequence in its stream.</param>
    /// <param name="previousHash">The stored hash of event <paramref name="sequence"/> − 1; null when that event is missing (ignored for the first event).</param>
    /// <param name="eventUtf8">The event's JSON as <see cref="StoredEvents.Encode"/> wrote it.</param>
    /// <param name="storedHash">The event's stored hash.</param>
    /// <exception cref="MiljofyrtarnException">The link does not hold, or the event before is missing (<see cref="ErrorCodes.TamperedHistory"/>).</exception>
    internal static void CheckLink(long sequence, byte[]? previousHash, ReadOnlySpan<byte> eventUtf8, ReadOnlySpan<byte> storedHash)
    {
        if (sequence > 1 && previousHash is null)
        {
            throw HistoryChain.Broken(sequence - 1);
        }

        Span<byte> computed = stackalloc byte[HistoryChain.HashLength];
        HistoryChain.Hash(sequence == 1 ? HistoryChain.Genesis : previousHash, eventUtf8, computed);
        if (!computed.SequenceEqual(storedHash))
        {
            throw HistoryChain.Broken(sequence);
        }
    }
}

/// <summary>Loads and saves lifecycles over any <see cref="IEventStore"/>; <see cref="LifecycleRepository"/> bundles the same with its catalog and clock.</summary>
public static class EventStoreExtensions
{
    /// <summary>Loads an organisation's lifecycle from a store by replaying its stream.</summary>
    /// <param name="store">The store.</param>
    /// <param name="stream">The stream.</param>
    /// <param name="catalog">The catalog the history was recorded with.</param>
    /// <param name="clock">The clock for further actions.</param>
    /// <param name="rules">The rule book; the default when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// The store has no such stream (<see cref="ErrorCodes.StreamNotFound"/>), or its history is invalid
    /// (<see cref="ErrorCodes.CorruptHistory"/>, <see cref="ErrorCodes.TamperedHistory"/>).
    /// </exception>
    public static async Task<OrganisationLifecycle> LoadAsync(this IEventStore store, string stream, CriteriaCatalog catalog, IClock clock, SchemeRuleBook? rules = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var events = await store.ReadAsync(stream, 0, cancellationToken).ConfigureAwait(false);
        if (events.Count == 0)
        {
            throw Problems.Single(ErrorCodes.StreamNotFound, stream);
        }

        return OrganisationLifecycle.Replay(catalog, events, clock, rules);
    }

    /// <summary>
    /// Appends the events of a lifecycle that the store does not have yet: those after <paramref name="storedVersion"/>,
    /// the version the lifecycle was loaded at. Refused, and nothing written, if someone else appended in between.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="stream">The stream.</param>
    /// <param name="lifecycle">The lifecycle with new events.</param>
    /// <param name="storedVersion">The stream's version when the lifecycle was loaded.</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    /// <returns>The stream's new version.</returns>
    /// <exception cref="MiljofyrtarnException">A concurrency conflict.</exception>
    public static Task<long> SaveAsync(this IEventStore store, string stream, OrganisationLifecycle lifecycle, long storedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lifecycle);
        var events = lifecycle.EventsAfter(storedVersion);
        return events.Count == 0 ? Task.FromResult(storedVersion) : store.AppendAsync(stream, storedVersion, events, cancellationToken);
    }
}
