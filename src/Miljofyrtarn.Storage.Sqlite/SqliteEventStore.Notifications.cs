using Miljofyrtarn.Core.Storage;
using NodaTime;

namespace Miljofyrtarn.Storage.Sqlite;

/// <summary>
/// The notification ledger (<see cref="INotificationLedger"/>) in <c>mft_notifications</c>: the key is the primary key,
/// and a claim is one upsert that takes the row only when it is new, or unsent with a lapsed lease, so of two hosts
/// claiming at once exactly one changes the row. Instants are stored as Unix milliseconds.
/// </summary>
public sealed partial class SqliteEventStore
{
    /// <inheritdoc />
    public Task<bool> TryClaimAsync(string key, string claimant, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        NotificationLedgerRules.CheckClaim(key, claimant, lease);
        return Guard(async () =>
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var claim = connection.CreateCommand();
            claim.CommandText = """
                INSERT INTO mft_notifications (key, claimant, claimed_until, sent_at) VALUES ($key, $claimant, $until, NULL)
                ON CONFLICT (key) DO UPDATE SET claimant = excluded.claimant, claimed_until = excluded.claimed_until
                WHERE mft_notifications.sent_at IS NULL AND mft_notifications.claimed_until <= $now
                """;
            claim.Parameters.AddWithValue("$key", key);
            claim.Parameters.AddWithValue("$claimant", claimant);
            claim.Parameters.AddWithValue("$until", (now + lease).ToUnixTimeMilliseconds());
            claim.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            return await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        });
    }

    /// <inheritdoc />
    public Task<bool> MarkSentAsync(string key, string claimant, Instant sentAt, CancellationToken cancellationToken = default)
    {
        NotificationLedgerRules.CheckClaim(key, claimant);
        return LedgerWriteAsync(
            "UPDATE mft_notifications SET sent_at = $sent WHERE key = $key AND claimant = $claimant AND sent_at IS NULL",
            key, claimant, sentAt, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(string key, string claimant, CancellationToken cancellationToken = default)
    {
        NotificationLedgerRules.CheckClaim(key, claimant);
        return LedgerWriteAsync("DELETE FROM mft_notifications WHERE key = $key AND claimant = $claimant AND sent_at IS NULL", key, claimant, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<NotificationLedgerEntry?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        NotificationLedgerRules.CheckKey(key);
        return Guard(async () =>
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var find = connection.CreateCommand();
            find.CommandText = "SELECT claimant, claimed_until, sent_at, rowid FROM mft_notifications WHERE key = $key";
            find.Parameters.AddWithValue("$key", key);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var row = reader.GetFieldType(3) == typeof(long) ? reader.GetInt64(3) : 0;
            var claimant = Text(reader, 0, "claimant", row);
            var until = Instant.FromUnixTimeMilliseconds(Integer(reader, 1, "claimed_until", row));
            Instant? sent = reader.IsDBNull(2) ? null : Instant.FromUnixTimeMilliseconds(Integer(reader, 2, "sent_at", row));
            return new NotificationLedgerEntry(key, claimant, until, sent);
        });
    }

    private Task<bool> LedgerWriteAsync(string sql, string key, string claimant, Instant? sentAt, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var write = connection.CreateCommand();
        write.CommandText = sql;
        write.Parameters.AddWithValue("$key", key);
        write.Parameters.AddWithValue("$claimant", claimant);
        if (sentAt is { } sent)
        {
            write.Parameters.AddWithValue("$sent", sent.ToUnixTimeMilliseconds());
        }

        return await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    });
}
