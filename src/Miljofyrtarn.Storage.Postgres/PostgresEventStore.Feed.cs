using System.Diagnostics;
using Miljofyrtarn.Core.Storage;
using Npgsql;

namespace Miljofyrtarn.Storage.Postgres;

/// <summary>
/// The global feed, safe under concurrent writers. Positions are not taken from a sequence at insert time: with
/// several writers, a transaction that took position 11 can commit after one that took 12, and a reader that had
/// already passed 12 would skip 11 for ever. Instead every event records the ID of the transaction that wrote it, and
/// positions are handed out after commit, by the reader, in transaction order, to the events of transactions older
/// than every transaction still running (below the snapshot's <c>xmin</c>). Everything numbered is committed and
/// nothing can later commit before it, so positions are gapless and final, and no reader skips or repeats an event.
/// </summary>
/// <remarks>
/// A reader therefore needs permission to update the events table. An event enters the feed once every transaction
/// that started writing before it has ended. When committed events wait only for such a transaction (usually another
/// append, which takes a millisecond), a read waits for it, up to two seconds, so a reader sees what was committed
/// before it asked, its own appends included. A write transaction on the same server (in any database) that stays open
/// longer holds the feed back until it ends: events are never lost or reordered, only delayed.
/// </remarks>
public sealed partial class PostgresEventStore
{
    /// <summary>The most events numbered in one turn.</summary>
    private const int NumberingBatch = 10_000;

    /// <summary>How long a read waits for older transactions to end before it returns without the events committed after them.</summary>
    private static readonly TimeSpan MaxWaitForOlderTransactions = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public Task<IReadOnlyList<FeedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckFeedRead(afterPosition, maxCount);
        return Guard(async () =>
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var events = await ReadNumberedAsync(connection, afterPosition, maxCount, cancellationToken).ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            var pause = 1;
            while (events.Count < maxCount)
            {
                var (numbered, waiting) = await NumberPendingAsync(connection, cancellationToken).ConfigureAwait(false);
                if (numbered > 0)
                {
                    var after = events.Count == 0 ? afterPosition : events[^1].Position;
                    events.AddRange(await ReadNumberedAsync(connection, after, maxCount - events.Count, cancellationToken).ConfigureAwait(false));
                    continue;
                }

                // Committed events wait for an older transaction that is still running (usually another append, done
                // in a millisecond): wait for it, so a reader sees what was committed before it asked, within a limit.
                if (!waiting || Stopwatch.GetElapsedTime(started) > MaxWaitForOlderTransactions)
                {
                    break;
                }

                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                pause = Math.Min(pause * 2, 50);
            }

            return (IReadOnlyList<FeedEvent>)events;
        });
    }

    private async Task<List<FeedEvent>> ReadNumberedAsync(NpgsqlConnection connection, long afterPosition, int maxCount, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_sql.ReadFeed, connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterPosition });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(long Position, string Stream, byte[]? Previous, byte[] Hash)>(Math.Min(maxCount, 1024));
        var (sequences, stored) = (new List<long>(), new List<byte[]>());
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                sequences.Add(reader.GetInt64(2));
                stored.Add(reader.GetFieldValue<byte[]>(3));
                var position = reader.GetInt64(0);
                StoredEvents.CheckFeedOrder(_name, rows.Count == 0 ? afterPosition : rows[^1].Position, position);
                rows.Add((position, reader.GetString(1), reader.IsDBNull(5) ? null : reader.GetFieldValue<byte[]>(5), reader.IsDBNull(4) ? [] : reader.GetFieldValue<byte[]>(4)));
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            StoredEvents.VerifyLink(sequences[i], rows[i].Previous, stored[i], rows[i].Hash);
        }

        var decoded = Decode(sequences, stored);
        var events = new List<FeedEvent>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            events.Add(new FeedEvent(rows[i].Position, rows[i].Stream, decoded[i]));
        }

        return events;
    }

    /// <summary>
    /// Numbers the next events of finished transactions, in one short transaction. Returns how many, and whether
    /// committed events remain un-numbered because an older transaction is still running.
    /// </summary>
    private async Task<(long Numbered, bool Waiting)> NumberPendingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var probe = new NpgsqlCommand(_sql.HasPending, connection))
        {
            if (await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return (0, false);
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Two statements, so the numbering's snapshot is taken after the lock: it sees what the numberer before numbered.
        await using (var lockFeed = new NpgsqlCommand(_sql.LockFeed, connection, transaction))
        {
            await lockFeed.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var number = new NpgsqlCommand(_sql.NumberPending, connection, transaction);
        number.Parameters.Add(new NpgsqlParameter<int> { TypedValue = NumberingBatch });
        long count;
        bool waiting;
        await using (var reader = await number.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (count, waiting) = (reader.GetInt64(0), reader.GetBoolean(1));
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (count, waiting);
    }
}
