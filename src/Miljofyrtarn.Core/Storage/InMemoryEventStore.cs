using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;

namespace Miljofyrtarn.Core.Storage;

/// <summary>
/// An <see cref="IEventStore"/> in memory, for tests and small hosts. Events are kept in their JSON form, so what is
/// read back is a copy, exactly as from a database.
/// </summary>
/// <remarks>Thread-safe: appends to a stream are serialised.</remarks>
public sealed class InMemoryEventStore : IEventStore
{
    private readonly Dictionary<string, List<byte[]>> _streams = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <inheritdoc />
    public Task<long> AppendAsync(string stream, long expectedVersion, IReadOnlyList<LifecycleEvent> events, CancellationToken cancellationToken = default)
    {
        EventStoreChecks.CheckAppend(stream, expectedVersion, events);
        cancellationToken.ThrowIfCancellationRequested();
        var payloads = events.Select(HistoryJson.WriteEvent).ToList();
        lock (_gate)
        {
            if (!_streams.TryGetValue(stream, out var list))
            {
                _streams[stream] = list = [];
            }

            if (list.Count != expectedVersion)
            {
                throw EventStoreChecks.Conflict(expectedVersion, list.Count);
            }

            list.AddRange(payloads);
            return Task.FromResult((long)list.Count);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LifecycleEvent>> ReadAsync(string stream, long afterVersion = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[][] payloads;
        lock (_gate)
        {
            payloads = _streams.TryGetValue(stream, out var list) ? [.. list.Skip((int)Math.Min(afterVersion, list.Count))] : [];
        }

        IReadOnlyList<LifecycleEvent> events = [.. payloads.Select(p => HistoryJson.ReadEvent(p))];
        return Task.FromResult(events);
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
}
