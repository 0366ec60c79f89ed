using System.Globalization;
using System.Security.Cryptography;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;

namespace Miljofyrtarn.Core.Storage;

/// <summary>
/// The hash chain that makes a history tamper-evident. Each event's hash is SHA-256 over the previous event's hash
/// followed by the event's JSON as <see cref="StoredEvents.Encode"/> writes it; the first event chains from 32 zero
/// bytes. Changing, deleting, inserting or reordering any event changes the hash of that event and of every one after
/// it, so the first bad event is found by recomputing the chain. The last hash, the <em>chain head</em>, summarises the
/// whole history: an auditor who keeps a copy of it elsewhere can later prove that nothing before it was altered,
/// including the removal of events at the end, which no chain can detect on its own.
/// </summary>
/// <remarks>Thread-safe (static, stateless). A store computes and checks the chain through <see cref="StoredEvents"/>.</remarks>
public static class HistoryChain
{
    /// <summary>The length of a hash in bytes (SHA-256).</summary>
    public const int HashLength = 32;

    /// <summary>The hash the first event chains from: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> Genesis => GenesisBytes;

    private static readonly byte[] GenesisBytes = new byte[HashLength];

    /// <summary>The hash of one event: SHA-256 over the previous hash and the event's UTF-8 JSON.</summary>
    /// <param name="previous">The previous event's hash, or <see cref="Genesis"/> for the first event.</param>
    /// <param name="eventUtf8">The event's JSON, exactly as <see cref="StoredEvents.Encode"/> wrote it.</param>
    /// <param name="destination">Where the 32-byte hash is written.</param>
    internal static void Hash(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> eventUtf8, Span<byte> destination)
    {
        // One-shot hashing of previous ‖ event in a pooled buffer: several times faster than an incremental hash per event.
        var length = previous.Length + eventUtf8.Length;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            previous.CopyTo(buffer);
            eventUtf8.CopyTo(buffer.AsSpan(previous.Length));
            SHA256.HashData(buffer.AsSpan(0, length), destination);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The hash of one event, as a new array.</summary>
    /// <param name="previous">The previous event's hash, or <see cref="Genesis"/>.</param>
    /// <param name="eventUtf8">The event's JSON.</param>
    /// <returns>The 32-byte hash.</returns>
    internal static byte[] Hash(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> eventUtf8)
    {
        var result = new byte[HashLength];
        Hash(previous, eventUtf8, result);
        return result;
    }

    /// <summary>The chain head of a history: the hash of its last event (lowercase hexadecimal), or of <see cref="Genesis"/> for none.</summary>
    /// <param name="events">The events, in order from the first.</param>
    /// <returns>The chain head, 64 hexadecimal digits.</returns>
    public static string ComputeHead(IEnumerable<LifecycleEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        Span<byte> hash = stackalloc byte[HashLength];
        foreach (var @event in events)
        {
            Hash(hash, HistoryJson.WriteEvent(@event), hash);
        }

        return ToHex(hash);
    }

    /// <summary>A hash as lowercase hexadecimal.</summary>
    /// <param name="hash">The hash.</param>
    /// <returns>The text.</returns>
    public static string ToHex(ReadOnlySpan<byte> hash) =>
#if NET9_0_OR_GREATER
        Convert.ToHexStringLower(hash);
#else
        Convert.ToHexString(hash).ToLowerInvariant();
#endif

    /// <summary>The error for a chain that breaks at an event.</summary>
    /// <param name="sequence">The first event whose hash does not match.</param>
    /// <returns>The exception to throw (<see cref="ErrorCodes.TamperedHistory"/>).</returns>
    internal static MiljofyrtarnException Broken(long sequence) =>
        new(new Diagnostic(ErrorCodes.TamperedHistory, [sequence.ToString(CultureInfo.InvariantCulture)]));

    /// <summary>Checks one stored event against the chain: its sequence follows the previous one and its hash matches.</summary>
    /// <param name="expectedSequence">The sequence the event must have.</param>
    /// <param name="sequence">The stored sequence.</param>
    /// <param name="previous">The previous hash; updated to this event's hash.</param>
    /// <param name="eventUtf8">The stored JSON.</param>
    /// <param name="storedHash">The stored hash.</param>
    /// <exception cref="MiljofyrtarnException">The chain breaks here (<see cref="ErrorCodes.TamperedHistory"/>).</exception>
    internal static void Verify(long expectedSequence, long sequence, Span<byte> previous, ReadOnlySpan<byte> eventUtf8, ReadOnlySpan<byte> storedHash)
    {
        Span<byte> computed = stackalloc byte[HashLength];
        Hash(previous, eventUtf8, computed);
        if (sequence != expectedSequence || !computed.SequenceEqual(storedHash))
        {
            throw Broken(Math.Min(sequence, expectedSequence));
        }

        computed.CopyTo(previous);
    }

    /// <summary>
    /// Checks a run of consecutive stored events against the chain: each event's hash must be SHA-256 over the stored
    /// hash before it and its JSON. A long run is checked in parallel, in as many slices as there are processors: every
    /// link can be checked on its own, because a chain whose every link holds is the chain recomputed from the start.
    /// </summary>
    /// <param name="firstSequence">The sequence of the first event of the run.</param>
    /// <param name="previous">The hash the first event chains from (<see cref="Genesis"/> for the first event of a history).</param>
    /// <param name="payloads">Each event's stored JSON, in order.</param>
    /// <param name="hashes">Each event's stored hash, in the same order.</param>
    /// <exception cref="MiljofyrtarnException">
    /// A link does not hold (<see cref="ErrorCodes.TamperedHistory"/>), naming the first event whose hash does not match.
    /// </exception>
    internal static void VerifyRange(long firstSequence, ReadOnlySpan<byte> previous, IReadOnlyList<byte[]> payloads, IReadOnlyList<byte[]> hashes)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        ArgumentNullException.ThrowIfNull(hashes);
        var count = Math.Min(payloads.Count, hashes.Count);
        var start = previous.ToArray();
        var slices = Math.Clamp(count / SliceSize, 1, Environment.ProcessorCount);
        int firstBad;
        if (slices == 1)
        {
            firstBad = FirstBadLink(start, payloads, hashes, 0, count);
        }
        else
        {
            var found = new int[slices];
            Parallel.For(0, slices, slice => found[slice] = FirstBadLink(start, payloads, hashes, (int)((long)count * slice / slices), (int)((long)count * (slice + 1) / slices)));
            firstBad = found.Min();
        }

        firstBad = Math.Min(firstBad, count);
        if (firstBad < count || payloads.Count != hashes.Count)
        {
            throw Broken(firstSequence + firstBad);
        }
    }

    // Below this many events per slice, starting another thread costs more than it saves.
    private const int SliceSize = 4096;

    /// <summary>The index of the first link in [from, to) that does not hold, or <see cref="int.MaxValue"/> when all do.</summary>
    private static int FirstBadLink(byte[] start, IReadOnlyList<byte[]> payloads, IReadOnlyList<byte[]> hashes, int from, int to)
    {
        // One incremental hash per slice: the one-shot API contends on a lock inside OpenSSL when called from two threads.
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> computed = stackalloc byte[HashLength];
        for (var i = from; i < to; i++)
        {
            sha.AppendData(i == 0 ? start : hashes[i - 1]);
            sha.AppendData(payloads[i]);
            sha.GetHashAndReset(computed);
            if (!computed.SequenceEqual(hashes[i]))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}

/// <summary>
/// The result of verifying a stream's hash chain: how many events, the chain head to compare with a copy kept
/// elsewhere, and how much of the history was chained only when it was upgraded from a format without hashes.
/// </summary>
/// <remarks>Immutable.</remarks>
/// <param name="Version">The number of events verified.</param>
/// <param name="ChainHead">The hash of the last event, 64 lowercase hexadecimal digits.</param>
/// <param name="UnverifiedThrough">
/// Events 1 to this one were stored without hashes (a version 1 file or document) and were chained when upgraded, so
/// their integrity before the upgrade is not proven; 0 when every event was hashed as it was appended.
/// </param>
public sealed record HistoryVerification(long Version, string ChainHead, long UnverifiedThrough)
{
    /// <summary>Whether every event was hashed as it was appended, so the whole history is proven unchanged.</summary>
    public bool IsFullyVerified => UnverifiedThrough == 0;
}
