using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;

namespace Miljofyrtarn.Core.Storage;

/// <summary>
/// What every <see cref="IEventStore"/> does the same way, in one place for the stores of this library and for a third
/// party's: the checks on an append, the stored form of an event (its JSON, the input of the chain), and the hash chain
/// over a stream. A store keeps, for each event, its stream, its sequence, its payload and its hash; the rest follows
/// from these calls, and every store then refuses the same things with the same codes.
/// </summary>
/// <remarks>
/// <para>
/// Appending: <see cref="CheckAppend"/>, then <see cref="Encode"/> each event and <see cref="Chain"/> its hash from the
/// hash of the event before it (<see cref="HistoryChain.Genesis"/> for the first); a stream that moved on is
/// <see cref="Conflict"/>. Reading: <see cref="VerifyRun"/> over the stored payloads and hashes (or
/// <see cref="VerifyLink"/> for one event, as a feed does), then <see cref="Decode"/>; a broken chain is
/// <see cref="Tampered"/>. The SQLite and PostgreSQL stores are built this way.
/// </para>
/// <para>Thread-safe (static, stateless).</para>
/// </remarks>
public static class StoredEvents
{
    /// <summary>Checks an append before anything is written: a stream name, at least one event, numbered from the expected version without gaps.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="expectedVersion">The expected version.</param>
    /// <param name="events">The events.</param>
    /// <exception cref="MiljofyrtarnException">A problem, coded.</exception>
    public static void CheckAppend(string stream, long expectedVersion, IReadOnlyList<LifecycleEvent> events) => EventStoreRules.CheckAppend(stream, expectedVersion, events);

    /// <summary>The refusal of an append at a version that is no longer the stream's (<see cref="ErrorCodes.ConcurrencyConflict"/>).</summary>
    /// <param name="expected">The version the caller expected.</param>
    /// <param name="actual">The stream's version.</param>
    /// <returns>The exception to throw.</returns>
    public static MiljofyrtarnException Conflict(long expected, long actual) => EventStoreRules.Conflict(expected, actual);

    /// <summary>An event's stored form: its JSON as UTF-8, exactly the bytes the chain hashes. Store these bytes unchanged.</summary>
    /// <param name="event">The event.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// The event cannot be written (a blank actor, a sequence below 1), or its JSON is larger than
    /// <see cref="Limits.EventBytes"/> (<see cref="ErrorCodes.DocumentTooLarge"/>).
    /// </exception>
    public static byte[] Encode(LifecycleEvent @event)
    {
        var payload = HistoryJson.WriteEvent(@event);
        return payload.Length <= Limits.EventBytes
            ? payload
            : throw Problems.Single(ErrorCodes.DocumentTooLarge, Limits.EventBytes);
    }

    /// <summary>An event from its stored form, read as strictly as a history document.</summary>
    /// <param name="payload">The payload <see cref="Encode"/> wrote.</param>
    /// <returns>The event.</returns>
    /// <exception cref="MiljofyrtarnException">The payload is not a valid event; every problem, coded.</exception>
    public static LifecycleEvent Decode(ReadOnlyMemory<byte> payload) => HistoryJson.ReadEvent(payload);

    /// <summary>An event's hash in its stream: SHA-256 over the hash of the event before it and the event's payload.</summary>
    /// <param name="previousHash">The stored hash of the event before, or <see cref="HistoryChain.Genesis"/> for the first event.</param>
    /// <param name="payload">The event's payload, as <see cref="Encode"/> wrote it.</param>
    /// <returns>The 32-byte hash.</returns>
    public static byte[] Chain(ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> payload) => HistoryChain.Hash(previousHash, payload);

    /// <summary>
    /// Checks a run of consecutive stored events against the chain: each hash must be <see cref="Chain"/> over the stored
    /// hash before it and the event's payload. A long run is checked in parallel.
    /// </summary>
    /// <param name="firstSequence">The sequence of the run's first event.</param>
    /// <param name="previousHash">The hash the first event chains from (<see cref="HistoryChain.Genesis"/> for a stream's first event).</param>
    /// <param name="payloads">Each event's stored payload, in order.</param>
    /// <param name="hashes">Each event's stored hash, in the same order.</param>
    /// <exception cref="MiljofyrtarnException">A link does not hold (<see cref="ErrorCodes.TamperedHistory"/>), naming the first event whose hash does not match.</exception>
    public static void VerifyRun(long firstSequence, ReadOnlySpan<byte> previousHash, IReadOnlyList<byte[]> payloads, IReadOnlyList<byte[]> hashes) =>
        HistoryChain.VerifyRange(firstSequence, previousHash, payloads, hashes);

    /// <summary>Checks one event's link on its own, as a feed does, which reads events of many streams side by side.</summary>
    /// <param name="sequence">The event's sequence in its stream.</param>
    /// <param name="previousHash">The stored hash of event <paramref name="sequence"/> − 1; null when that event is missing (ignored for the first event).</param>
    /// <param name="payload">The event's stored payload.</param>
    /// <param name="storedHash">The event's stored hash.</param>
    /// <exception cref="MiljofyrtarnException">The link does not hold, or the event before is missing (<see cref="ErrorCodes.TamperedHistory"/>).</exception>
    public static void VerifyLink(long sequence, byte[]? previousHash, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> storedHash) =>
        EventStoreRules.CheckLink(sequence, previousHash, payload, storedHash);

    /// <summary>
    /// Checks the order of a feed page as it is read: positions run 1, 2, 3, … without gaps, so each must be the one
    /// before it plus one (the first, the position read after plus one). A reader that resumes from its last position
    /// can then never loop, and a row deleted or renumbered in the middle of the feed is found.
    /// </summary>
    /// <param name="store">The store, named in the error (a file, or a server and schema; never a password).</param>
    /// <param name="previousPosition">The position before: the one read after, or the page's previous event's.</param>
    /// <param name="position">The event's position.</param>
    /// <exception cref="MiljofyrtarnException">The position does not follow the one before (<see cref="ErrorCodes.FeedOutOfOrder"/>).</exception>
    public static void CheckFeedOrder(string store, long previousPosition, long position)
    {
        if (position != previousPosition + 1)
        {
            throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.FeedOutOfOrder, [store, position.ToString(System.Globalization.CultureInfo.InvariantCulture), previousPosition.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }
    }

    /// <summary>The refusal of a stream whose chain breaks at an event (<see cref="ErrorCodes.TamperedHistory"/>), for a store's own checks (a sequence out of place, a missing row).</summary>
    /// <param name="sequence">The first event that does not hold.</param>
    /// <returns>The exception to throw.</returns>
    public static MiljofyrtarnException Tampered(long sequence) => HistoryChain.Broken(sequence);
}
