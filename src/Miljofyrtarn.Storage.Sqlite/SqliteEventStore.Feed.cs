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
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var payload = reader.GetFieldValue<byte[]>(3);
                StoredEvents.VerifyLink(reader.GetInt64(2), reader.IsDBNull(5) ? null : (byte[])reader.GetValue(5), payload, reader.IsDBNull(4) ? [] : (byte[])reader.GetValue(4));
                events.Add(new FeedEvent(reader.GetInt64(0), reader.GetString(1), StoredEvents.Decode(payload)));
            }

            return (IReadOnlyList<FeedEvent>)events;
        });
    }

    /// <summary>The highest position in the feed, 0 for an empty store.</summary>
    private static async Task<long> LastPositionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(position), 0) FROM mft_events", cancellationToken).ConfigureAwait(false) is long last ? last : 0;
}
