using Microsoft.Data.Sqlite;
using Miljofyrtarn.Core.Storage;

namespace Miljofyrtarn.Storage.Sqlite;

/// <summary>The global feed: every event with its position, in commit order.</summary>
public sealed partial class SqliteEventStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Each append takes SQLite's write lock before it reads the last position, so positions are handed out in commit
    /// order and a reader can never see a later position before an earlier one. Each event is verified against the
    /// stored hash of the event before it in its stream.
    /// </remarks>
    public Task<IReadOnlyList<FeedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckFeedRead(afterPosition, maxCount);
        return Guard(async () =>
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT e.position, e.stream, e.sequence, e.payload, e.hash, p.hash
                FROM mft_events e LEFT JOIN mft_events p ON p.stream = e.stream AND p.sequence = e.sequence - 1
                WHERE e.position > $after ORDER BY e.position LIMIT $limit
                """;
            command.Parameters.AddWithValue("$after", afterPosition);
            command.Parameters.AddWithValue("$limit", maxCount);
            var events = new List<FeedEvent>(Math.Min(maxCount, 1024));
            var last = afterPosition;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var position = Integer(reader, 0, "position", last + 1);
                    StoredEvents.CheckFeedOrder(_path, last, position);
                    var sequence = Integer(reader, 2, "sequence", position);
                    var payload = Payload(reader, 3, position);
                    StoredEvents.VerifyLink(sequence, Hash(reader, 5, position), payload, Hash(reader, 4, position) ?? []);
                    var stream = Text(reader, 1, "stream", position);
                    RefuseUnverified(stream);
                    events.Add(new FeedEvent(position, stream, StoredEvents.Decode(payload)));
                    last = position;
                }
            }

            // At the feed's end, a row without a position would be skipped for ever: refuse it instead.
            if (events.Count < maxCount && await ScalarAsync(connection, null, "SELECT EXISTS (SELECT 1 FROM mft_events WHERE position IS NULL)", cancellationToken).ConfigureAwait(false) is not 0L)
            {
                throw CorruptValue("position", last + 1);
            }

            return (IReadOnlyList<FeedEvent>)events;
        });
    }

    /// <summary>The highest position in the feed, 0 for an empty store.</summary>
    private async Task<long> LastPositionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(position), 0) FROM mft_events", cancellationToken).ConfigureAwait(false) is long last
            ? last
            : throw CorruptValue("position", 0); // MAX of a column is text when any value in it is text
}
