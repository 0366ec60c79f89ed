using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;

namespace Miljofyrtarn.Core.Storage;

/// <summary>
/// An <see cref="IEventStore"/> in memory, for tests and small hosts. Events are kept in their JSON form with their
/// chain hashes, so what is read back is a verified copy, exactly as from a database.
/// </summary>
/// <remarks>Thread-safe: appends are serialised, so the feed's positions follow the order of the appends.</remarks>
public sealed partial class InMemoryEventStore : IEventStore, INotificationLedger
{
    private readonly Dictionary<string, List<(byte[] Payload, byte[] Hash)>> _streams = new(StringComparer.Ordinal);
    private readonly List<(string Stream, int Index)> _feed = [];
    private readonly Dictionary<string, (long Version, byte[] ChainHead, byte[] Digest, byte[] Document)> _snapshots = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <inheritdoc />
    public Task<long> AppendAsync(string stream, long expectedVersion, IReadOnlyList<LifecycleEvent> events, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckAppend(stream, expectedVersion, events);
        cancellationToken.ThrowIfCancellationRequested();
        var payloads = events.Select(StoredEvents.Encode).ToList();
        lock (_gate)
        {
            if (!_streams.TryGetValue(stream, out var list))
            {
                _streams[stream] = list = [];
            }

            if (list.Count != expectedVersion)
            {
                throw EventStoreRules.Conflict(expectedVersion, list.Count);
            }

            var previous = list.Count == 0 ? HistoryChain.Genesis.ToArray() : list[^1].Hash;
            foreach (var payload in payloads)
            {
                previous = HistoryChain.Hash(previous, payload);
                _feed.Add((stream, list.Count));
                list.Add((payload, previous));
            }

            return Task.FromResult((long)list.Count);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LifecycleEvent>> ReadAsync(string stream, long afterVersion = 0, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(stream, afterVersion, int.MaxValue));

    /// <inheritdoc />
    public Task<IReadOnlyList<LifecycleEvent>> ReadPageAsync(string stream, long afterVersion, int maxCount, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckPageSize(maxCount);
        return Task.FromResult(Read(stream, afterVersion, maxCount));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string? after, int maxCount, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckPageSize(maxCount);
        lock (_gate)
        {
            IReadOnlyList<StreamSummary> page = [.. _streams
                .Where(s => s.Value.Count > 0 && (after is null || string.CompareOrdinal(s.Key, after) > 0))
                .OrderBy(s => s.Key, StringComparer.Ordinal)
                .Take(maxCount)
                .Select(s => new StreamSummary(s.Key, s.Value.Count))];
            return Task.FromResult(page);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FeedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckFeedRead(afterPosition, maxCount);
        var rows = new List<(long Position, string Stream, int Index, byte[] Payload, byte[] Hash, byte[]? Previous)>();
        lock (_gate)
        {
            for (var position = afterPosition; position < _feed.Count && rows.Count < maxCount; position++)
            {
                var (stream, index) = _feed[(int)position];
                var list = _streams[stream];
                rows.Add((position + 1, stream, index, list[index].Payload, list[index].Hash, index == 0 ? null : list[index - 1].Hash));
            }
        }

        var events = new List<FeedEvent>(rows.Count);
        foreach (var row in rows)
        {
            EventStoreRules.CheckLink(row.Index + 1, row.Previous, row.Payload, row.Hash);
            events.Add(new FeedEvent(row.Position, row.Stream, HistoryJson.ReadEvent(row.Payload)));
        }

        return Task.FromResult<IReadOnlyList<FeedEvent>>(events);
    }

    private IReadOnlyList<LifecycleEvent> Read(string stream, long afterVersion, int maxCount)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Only the rows read are copied (with the one before, whose hash the run chains from), so a read of the few
        // events after a cached version does not cost the whole stream.
        (byte[] Payload, byte[] Hash)[] rows;
        byte[] previous;
        int start;
        lock (_gate)
        {
            var list = _streams.GetValueOrDefault(stream) ?? [];
            start = (int)Math.Clamp(afterVersion, 0, list.Count);
            rows = [.. list.GetRange(start, (int)Math.Min(maxCount, list.Count - start))];
            previous = start == 0 ? HistoryChain.Genesis.ToArray() : list[start - 1].Hash;
        }

        var run = rows.AsSpan();
        HistoryChain.VerifyRange(start + 1, previous, Payloads(run), Hashes(run));
        var events = new List<LifecycleEvent>(run.Length);
        foreach (var (payload, _) in run)
        {
            events.Add(HistoryJson.ReadEvent(payload));
        }

        return events;
    }

    /// <inheritdoc />
    public Task<long> GetVersionAsync(string stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        lock (_gate)
        {
            return Task.FromResult(_streams.TryGetValue(stream, out var list) ? (long)list.Count : 0);
        }
    }

    /// <inheritdoc />
    public Task<HistoryVerification> VerifyAsync(string stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var rows = Rows(stream);
        HistoryChain.VerifyRange(1, HistoryChain.Genesis, Payloads(rows), Hashes(rows));
        return Task.FromResult(new HistoryVerification(rows.Length, HistoryChain.ToHex(rows.Length == 0 ? HistoryChain.Genesis : rows[^1].Hash), 0));
    }

    /// <inheritdoc />
    public Task<bool> WriteSnapshotAsync(string stream, StoredSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        StoredSnapshots.CheckWrite(stream, snapshot);
        lock (_gate)
        {
            var count = _streams.TryGetValue(stream, out var list) ? list.Count : 0;
            if (snapshot.Version > count)
            {
                throw Diagnostics.Problems.Single(Diagnostics.ErrorCodes.NumberOutOfRange, "version", snapshot.Version, 1, count);
            }

            if (_snapshots.TryGetValue(stream, out var kept) && kept.Version >= snapshot.Version)
            {
                return Task.FromResult(false);
            }

            var head = list![(int)snapshot.Version - 1].Hash;
            var document = snapshot.Document.ToArray();
            _snapshots[stream] = (snapshot.Version, head, StoredSnapshots.Digest(stream, snapshot.Version, head, document), document);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<StoredSnapshot?> ReadSnapshotAsync(string stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        lock (_gate)
        {
            if (!_snapshots.TryGetValue(stream, out var kept))
            {
                return Task.FromResult<StoredSnapshot?>(null);
            }

            var eventHash = _streams.TryGetValue(stream, out var list) && kept.Version <= list.Count ? list[(int)kept.Version - 1].Hash : null;
            return Task.FromResult<StoredSnapshot?>(StoredSnapshots.Verified(stream, kept.Version, kept.ChainHead, eventHash, kept.Digest, kept.Document));
        }
    }

    private static byte[][] Payloads(ReadOnlySpan<(byte[] Payload, byte[] Hash)> rows)
    {
        var payloads = new byte[rows.Length][];
        for (var i = 0; i < rows.Length; i++)
        {
            payloads[i] = rows[i].Payload;
        }

        return payloads;
    }

    private static byte[][] Hashes(ReadOnlySpan<(byte[] Payload, byte[] Hash)> rows)
    {
        var hashes = new byte[rows.Length][];
        for (var i = 0; i < rows.Length; i++)
        {
            hashes[i] = rows[i].Hash;
        }

        return hashes;
    }

    private (byte[] Payload, byte[] Hash)[] Rows(string stream)
    {
        lock (_gate)
        {
            return _streams.TryGetValue(stream, out var list) ? [.. list] : [];
        }
    }
}
