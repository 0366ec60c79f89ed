using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Core.Storage;

/// <summary>
/// A stream's latest snapshot as a store keeps it: the state after the event at <see cref="Version"/>, as a snapshot
/// document (<see cref="Interchange.SnapshotJson"/>). A snapshot is a cache of the history, never a replacement: the
/// events stay, and a full verification (<see cref="LifecycleRepository.VerifyAsync"/>) replays them and compares.
/// </summary>
/// <remarks>Immutable; the document is the snapshot's own copy.</remarks>
public sealed class StoredSnapshot
{
    private readonly byte[] _document;

    /// <summary>Creates a stored snapshot.</summary>
    /// <param name="version">The version (event sequence) whose state the document holds, at least 1.</param>
    /// <param name="document">The snapshot document (UTF-8 JSON); copied.</param>
    /// <exception cref="MiljofyrtarnException">
    /// The version is below 1 or the document is empty (<see cref="ErrorCodes.NumberOutOfRange"/>,
    /// <see cref="ErrorCodes.MissingProperty"/>), or it is larger than the snapshot reader takes by default
    /// (<see cref="Interchange.InterchangeOptions.MaxBytes"/>, 64 MiB: <see cref="ErrorCodes.DocumentTooLarge"/>), so that
    /// what a store keeps always reads back.
    /// </exception>
    public StoredSnapshot(long version, ReadOnlySpan<byte> document)
    {
        if (version < 1)
        {
            throw Problems.Single(ErrorCodes.NumberOutOfRange, nameof(version), version, 1, long.MaxValue);
        }

        if (document.IsEmpty)
        {
            throw Problems.Single(ErrorCodes.MissingProperty, nameof(document));
        }

        if (document.Length > Interchange.InterchangeOptions.Default.MaxBytes)
        {
            throw Problems.Single(ErrorCodes.DocumentTooLarge, Interchange.InterchangeOptions.Default.MaxBytes);
        }

        Version = version;
        _document = document.ToArray();
    }

    /// <summary>The version whose state the document holds.</summary>
    public long Version { get; }

    /// <summary>The snapshot document (UTF-8 JSON).</summary>
    public ReadOnlyMemory<byte> Document => _document;
}

/// <summary>
/// What every store that keeps snapshots does the same way (see <see cref="IEventStore.WriteSnapshotAsync"/>): the
/// checks before a snapshot is written, and the digest that binds it to its stream, its version and the hash chain,
/// checked when it is read back.
/// </summary>
/// <remarks>
/// A store keeps, per stream, one snapshot: its version, the chain head it was written against (the stored hash of the
/// event at that version), its digest (<see cref="Digest"/>) and its document. Reading it back, the store hands it out
/// only through <see cref="Verified"/>, which refuses a snapshot whose chain head is not the stored hash of its event
/// (events rewritten since, or the snapshot moved) or whose digest does not cover what it holds.
/// Thread-safe (static, stateless).
/// </remarks>
public static class StoredSnapshots
{
    /// <summary>Checks a snapshot before it is written: a valid stream name.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <exception cref="MiljofyrtarnException">The stream's name is blank, too long or not valid text; coded.</exception>
    public static void CheckWrite(string stream, StoredSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        EventStoreRules.CheckStreamName(stream);
    }

    /// <summary>
    /// The digest a store keeps with a snapshot: SHA-256 over the stream's name, the version, the chain head and the
    /// document, so that none of them can be changed or moved to another stream without the digest failing.
    /// </summary>
    /// <param name="stream">The stream.</param>
    /// <param name="version">The snapshot's version.</param>
    /// <param name="chainHead">The stored hash of the event at that version.</param>
    /// <param name="document">The snapshot document.</param>
    /// <returns>The 32-byte digest.</returns>
    public static byte[] Digest(string stream, long version, ReadOnlySpan<byte> chainHead, ReadOnlySpan<byte> document)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var name = Encoding.UTF8.GetBytes(stream);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(number, name.Length);
        hash.AppendData(number[..4]);
        hash.AppendData(name);
        BinaryPrimitives.WriteInt64BigEndian(number, version);
        hash.AppendData(number);
        hash.AppendData(chainHead);
        hash.AppendData(document);
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// A snapshot read back from a store, checked: its chain head must be the stored hash of the event at its version,
    /// and its digest must cover its stream, version, chain head and document.
    /// </summary>
    /// <param name="stream">The stream.</param>
    /// <param name="version">The stored version.</param>
    /// <param name="chainHead">The stored chain head.</param>
    /// <param name="eventHash">The stored hash of the event at that version; null when there is no such event.</param>
    /// <param name="digest">The stored digest.</param>
    /// <param name="document">The stored document.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="MiljofyrtarnException">Any check fails (<see cref="ErrorCodes.SnapshotMismatch"/>, naming the stream, the version and the check).</exception>
    public static StoredSnapshot Verified(string stream, long version, ReadOnlySpan<byte> chainHead, byte[]? eventHash, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> document)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (version < 1 || eventHash is null || !chainHead.SequenceEqual(eventHash))
        {
            throw Mismatch(stream, version, "ChainHead");
        }

        if (!CryptographicOperations.FixedTimeEquals(Digest(stream, version, chainHead, document), digest) || document.IsEmpty)
        {
            throw Mismatch(stream, version, "Digest");
        }

        return new StoredSnapshot(version, document);
    }

    /// <summary>The refusal of a snapshot that does not match its history (<see cref="ErrorCodes.SnapshotMismatch"/>).</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="version">The snapshot's version.</param>
    /// <param name="check">The check that failed: <c>ChainHead</c>, <c>Digest</c>, <c>Version</c> or <c>State</c>.</param>
    /// <returns>The exception to throw.</returns>
    public static MiljofyrtarnException Mismatch(string stream, long version, string check) =>
        Problems.Single(ErrorCodes.SnapshotMismatch, stream, version.ToString(CultureInfo.InvariantCulture), check);
}
