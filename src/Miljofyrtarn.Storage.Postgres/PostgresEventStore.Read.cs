using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;
using Npgsql;

namespace Miljofyrtarn.Storage.Postgres;

/// <summary>Reading a stream: pages of events, each link of the hash chain checked on the way, decoded in parallel slices for long histories.</summary>
public sealed partial class PostgresEventStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<LifecycleEvent>> ReadAsync(string stream, long afterVersion = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Guard(async () => (IReadOnlyList<LifecycleEvent>)(await WalkAsync(stream, afterVersion, int.MaxValue, cancellationToken).ConfigureAwait(false)).Events);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LifecycleEvent>> ReadPageAsync(string stream, long afterVersion, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        EventStoreRules.CheckPageSize(maxCount);
        return Guard(async () => (IReadOnlyList<LifecycleEvent>)(await WalkAsync(stream, afterVersion, maxCount, cancellationToken).ConfigureAwait(false)).Events);
    }

    /// <inheritdoc />
    public Task<HistoryVerification> VerifyAsync(string stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Guard(async () =>
        {
            var (events, head) = await WalkAsync(stream, 0, int.MaxValue, cancellationToken).ConfigureAwait(false);
            return new HistoryVerification(events.Count, HistoryChain.ToHex(head), 0);
        });
    }

    /// <summary>
    /// Reads a stream's rows after a version in order and checks every link of the chain before handing any event on;
    /// reading from the middle chains from the stored hash of the event before.
    /// </summary>
    private async Task<(List<LifecycleEvent> Events, byte[] Head)> WalkAsync(string stream, long afterVersion, int maxCount, CancellationToken cancellationToken)
    {
        afterVersion = Math.Max(afterVersion, 0);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_sql.ReadStream, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterVersion });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterVersion > 0 ? (long)maxCount + 1 : maxCount });
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var previous = HistoryChain.Genesis.ToArray();
        var (sequences, stored, hashes) = (new List<long>(), new List<byte[]>(), new List<byte[]>());
        long? outOfPlace = null;
        var first = true;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var sequence = reader.GetInt64(0);
                if (first && afterVersion > 0)
                {
                    first = false;
                    if (sequence != afterVersion)
                    {
                        throw StoredEvents.Tampered(Math.Min(sequence, afterVersion));
                    }

                    previous = reader.GetFieldValue<byte[]>(2);
                    continue;
                }

                first = false;
                var expected = afterVersion + sequences.Count + 1;
                if (sequence != expected)
                {
                    outOfPlace = Math.Min(sequence, expected);
                    break;
                }

                sequences.Add(sequence);
                stored.Add(reader.GetFieldValue<byte[]>(1));
                hashes.Add(reader.GetFieldValue<byte[]>(2));
            }
        }

        StoredEvents.VerifyRun(afterVersion + 1, previous, stored, hashes);
        if (outOfPlace is { } outOfPlaceFirst)
        {
            throw StoredEvents.Tampered(outOfPlaceFirst);
        }

        var events = Decode(sequences, stored);
        if (maxCount == int.MaxValue && hashes.Count > 0)
        {
            Remember(stream, sequences[^1], hashes[^1]);
        }

        return ([.. events], hashes.Count == 0 ? previous : hashes[^1]);
    }

    /// <summary>
    /// Events from their stored JSON, whose hashes were checked. A row whose JSON is not a valid event (possible only
    /// if it was changed together with every hash after it) is reported there. A long run is decoded in parallel, one
    /// slice per processor; the first bad row is the one reported.
    /// </summary>
    private static LifecycleEvent[] Decode(IReadOnlyList<long> sequences, IReadOnlyList<byte[]> stored)
    {
        var count = stored.Count;
        var events = new LifecycleEvent[count];
        var slices = Math.Clamp(count / DecodeSliceSize, 1, Environment.ProcessorCount);
        var firstBad = new int[slices];
        if (slices == 1)
        {
            firstBad[0] = DecodeSlice(stored, events, 0, count);
        }
        else
        {
            Parallel.For(0, slices, slice => firstBad[slice] = DecodeSlice(stored, events, (int)((long)count * slice / slices), (int)((long)count * (slice + 1) / slices)));
        }

        var bad = firstBad.Min();
        return bad < count ? throw StoredEvents.Tampered(sequences[bad]) : events;
    }

    // Below this many events per slice, another thread costs more than it saves.
    private const int DecodeSliceSize = 1024;

    /// <summary>Decodes rows [from, to); returns the index of the first that is not a valid event, or <see cref="int.MaxValue"/>.</summary>
    private static int DecodeSlice(IReadOnlyList<byte[]> stored, LifecycleEvent[] events, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            try
            {
                events[i] = StoredEvents.Decode(stored[i]);
            }
            catch (MiljofyrtarnException)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
