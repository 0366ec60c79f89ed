using Miljofyrtarn.Core.Storage;
using NodaTime;
using Npgsql;

namespace Miljofyrtarn.Storage.Postgres;

/// <summary>
/// The notification ledger (<see cref="INotificationLedger"/>) in <c>mft_notifications</c>: the key is the primary key,
/// and a claim is one <c>INSERT … ON CONFLICT DO UPDATE … WHERE</c> that takes the row only when it is new, or unsent
/// with a lapsed lease. PostgreSQL locks the conflicting row for the update, so of two servers claiming at once exactly
/// one changes it. Instants are <c>timestamptz</c> (microseconds).
/// </summary>
public sealed partial class PostgresEventStore
{
    /// <inheritdoc />
    public Task<bool> TryClaimAsync(string key, string claimant, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        NotificationLedgerRules.CheckClaim(key, claimant, lease);
        return LedgerWriteAsync($"""
            INSERT INTO {_sql.Notifications} AS n (key, claimant, claimed_until, sent_at) VALUES ($1, $2, $3, NULL)
            ON CONFLICT (key) DO UPDATE SET claimant = excluded.claimant, claimed_until = excluded.claimed_until
            WHERE n.sent_at IS NULL AND n.claimed_until <= $4
            """, key, claimant, [(now + lease).ToDateTimeUtc(), now.ToDateTimeUtc()], cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> MarkSentAsync(string key, string claimant, Instant sentAt, CancellationToken cancellationToken = default)
    {
        NotificationLedgerRules.CheckClaim(key, claimant);
        return LedgerWriteAsync(
            $"UPDATE {_sql.Notifications} SET sent_at = $3 WHERE key = $1 AND claimant = $2 AND sent_at IS NULL",
            key, claimant, [sentAt.ToDateTimeUtc()], cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(string key, string claimant, CancellationToken cancellationToken = default)
    {
        NotificationLedgerRules.CheckClaim(key, claimant);
        return LedgerWriteAsync($"DELETE FROM {_sql.Notifications} WHERE key = $1 AND claimant = $2 AND sent_at IS NULL", key, claimant, [], cancellationToken);
    }

    /// <inheritdoc />
    public Task<NotificationLedgerEntry?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        NotificationLedgerRules.CheckKey(key);
        return Guard(async () =>
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var find = new NpgsqlCommand($"SELECT claimant, claimed_until, sent_at FROM {_sql.Notifications} WHERE key = $1", connection);
            find.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
            await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            Instant? sent = reader.IsDBNull(2) ? null : Utc(reader.GetFieldValue<DateTime>(2));
            return new NotificationLedgerEntry(key, reader.GetString(0), Utc(reader.GetFieldValue<DateTime>(1)), sent);
        });
    }

    private static Instant Utc(DateTime value) => Instant.FromDateTimeUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private Task<bool> LedgerWriteAsync(string sql, string key, string claimant, DateTime[] instants, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var write = new NpgsqlCommand(sql, connection);
        write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = claimant });
        foreach (var instant in instants)
        {
            write.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = instant, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        }

        return await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    });
}
