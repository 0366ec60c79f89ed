using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Storage;

namespace Miljofyrtarn.Storage.Sqlite;

/// <summary>The store's tables and their upgrades, step by step, by <c>PRAGMA user_version</c>.</summary>
public sealed partial class SqliteEventStore
{
    /// <summary>Creates the tables of a new file and upgrades older ones, step by step; refuses a newer file.</summary>
    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var current = Convert.ToInt32(await ScalarAsync(connection, transaction, "PRAGMA user_version", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (current > SchemaVersion)
        {
            throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.UnsupportedSchemaVersion, [Text(current), Text(SchemaVersion)]));
        }

        if (current < 1)
        {
            await ExecuteAsync(connection, transaction, """
                CREATE TABLE IF NOT EXISTS mft_events (
                    stream      TEXT    NOT NULL,
                    sequence    INTEGER NOT NULL CHECK (sequence > 0),
                    type        TEXT    NOT NULL,
                    occurred_at TEXT    NOT NULL,
                    payload     TEXT    NOT NULL,
                    PRIMARY KEY (stream, sequence)
                ) WITHOUT ROWID;
                PRAGMA user_version = 1;
                """, cancellationToken).ConfigureAwait(false);
        }

        if (current < 2)
        {
            await UpgradeToHashChainAsync(connection, transaction, freshFile: current < 1, cancellationToken).ConfigureAwait(false);
        }

        if (current < 3)
        {
            await UpgradeToFeedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        if (current < 4)
        {
            await ExecuteAsync(connection, transaction, """
                CREATE TABLE mft_snapshots (
                    stream     TEXT    NOT NULL PRIMARY KEY,
                    version    INTEGER NOT NULL CHECK (version > 0),
                    chain_head BLOB    NOT NULL,
                    digest     BLOB    NOT NULL,
                    document   BLOB    NOT NULL
                ) WITHOUT ROWID;
                PRAGMA user_version = 4;
                """, cancellationToken).ConfigureAwait(false);
        }

        if (current < 5)
        {
            // The notification ledger: not part of any stream's history, so not chained; a row says only whether a
            // notification was claimed or sent, and an edit could at worst send one again or hold one back.
            await ExecuteAsync(connection, transaction, """
                CREATE TABLE mft_notifications (
                    key           TEXT    NOT NULL PRIMARY KEY,
                    claimant      TEXT    NOT NULL,
                    claimed_until INTEGER NOT NULL,
                    sent_at       INTEGER
                );
                PRAGMA user_version = 5;
                """, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Version 2: every event gets its chain hash. Events already in a version 1 file are chained now, and the stream
    /// records up to which event that was done, since their integrity before the upgrade cannot be proven.
    /// </summary>
    private static async Task UpgradeToHashChainAsync(SqliteConnection connection, SqliteTransaction transaction, bool freshFile, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, """
            ALTER TABLE mft_events ADD COLUMN hash BLOB;
            CREATE TABLE mft_chain_upgrades (
                stream           TEXT    NOT NULL PRIMARY KEY,
                through_sequence INTEGER NOT NULL,
                upgraded_at      TEXT    NOT NULL
            ) WITHOUT ROWID;
            """, cancellationToken).ConfigureAwait(false);
        if (!freshFile)
        {
            var rows = new List<(string Stream, long Sequence, string Payload)>();
            await using (var select = connection.CreateCommand())
            {
                select.Transaction = transaction;
                select.CommandText = "SELECT stream, sequence, payload FROM mft_events ORDER BY stream, sequence";
                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
                }
            }

            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE mft_events SET hash = $hash WHERE stream = $stream AND sequence = $sequence";
            var pHash = update.Parameters.Add("$hash", SqliteType.Blob);
            var pStream = update.Parameters.Add("$stream", SqliteType.Text);
            var pSequence = update.Parameters.Add("$sequence", SqliteType.Integer);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO mft_chain_upgrades (stream, through_sequence, upgraded_at) VALUES ($stream, $through, $at)";
            var rStream = record.Parameters.Add("$stream", SqliteType.Text);
            var rThrough = record.Parameters.Add("$through", SqliteType.Integer);
            record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            byte[] previous = [];
            string? stream = null;
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Stream != stream)
                {
                    stream = rows[i].Stream;
                    previous = HistoryChain.Genesis.ToArray();
                }

                previous = StoredEvents.Chain(previous, System.Text.Encoding.UTF8.GetBytes(rows[i].Payload));
                (pHash.Value, pStream.Value, pSequence.Value) = (previous, rows[i].Stream, rows[i].Sequence);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                if (i == rows.Count - 1 || rows[i + 1].Stream != stream)
                {
                    (rStream.Value, rThrough.Value) = (stream, rows[i].Sequence);
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await ExecuteAsync(connection, transaction, "PRAGMA user_version = 2", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Version 3: every event gets its position in the global feed. Events already in the file are numbered in the order
    /// they were recorded (their instants, then stream and sequence), each stream's positions following its sequence,
    /// since the order of earlier commits was not kept.
    /// </summary>
    private static async Task UpgradeToFeedAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, "ALTER TABLE mft_events ADD COLUMN position INTEGER", cancellationToken).ConfigureAwait(false);
        var rows = new List<(string Stream, long Sequence, NodaTime.Instant At)>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT stream, sequence, occurred_at FROM mft_events";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var at = NodaTime.Text.InstantPattern.ExtendedIso.Parse(reader.GetString(2));
                rows.Add((reader.GetString(0), reader.GetInt64(1), at.Success ? at.Value : NodaTime.Instant.MinValue));
            }
        }

        // Positions in recording order; then, within each stream, its positions go to its events in sequence order.
        var byTime = rows.OrderBy(r => r.At).ThenBy(r => r.Stream, StringComparer.Ordinal).ThenBy(r => r.Sequence).ToList();
        var positions = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        for (var i = 0; i < byTime.Count; i++)
        {
            if (!positions.TryGetValue(byTime[i].Stream, out var list))
            {
                positions[byTime[i].Stream] = list = [];
            }

            list.Add(i + 1);
        }

        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE mft_events SET position = $position WHERE stream = $stream AND sequence = $sequence";
        var pPosition = update.Parameters.Add("$position", SqliteType.Integer);
        var pStream = update.Parameters.Add("$stream", SqliteType.Text);
        var pSequence = update.Parameters.Add("$sequence", SqliteType.Integer);
        foreach (var stream in rows.GroupBy(r => r.Stream, StringComparer.Ordinal))
        {
            var sequences = stream.Select(r => r.Sequence).Order().ToList();
            for (var i = 0; i < sequences.Count; i++)
            {
                (pPosition.Value, pStream.Value, pSequence.Value) = (positions[stream.Key][i], stream.Key, sequences[i]);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await ExecuteAsync(connection, transaction, """
            CREATE UNIQUE INDEX mft_events_position ON mft_events (position);
            PRAGMA user_version = 3;
            """, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Events 1 to this one of the stream were chained at the upgrade to version 2; 0 when none were.</summary>
    private async Task<long> UnverifiedThroughAsync(string stream, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT through_sequence FROM mft_chain_upgrades WHERE stream = $stream";
        command.Parameters.AddWithValue("$stream", stream);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) switch
        {
            null or DBNull => 0,
            long through => through,
            _ => throw CorruptValue("through_sequence", 0),
        };
    }

    /// <summary>The streams chained at the upgrade to version 2, each with the last event chained then; fixed once the file is open.</summary>
    private async Task<FrozenDictionary<string, long>> PartlyVerifiedStreamsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT stream, through_sequence FROM mft_chain_upgrades";
        var streams = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            streams[Text(reader, 0, "stream", streams.Count + 1)] = Integer(reader, 1, "through_sequence", streams.Count + 1);
        }

        return streams.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Refuses to read a partly verified stream unless the options allow it (<see cref="ErrorCodes.UnverifiedHistory"/>).</summary>
    private void RefuseUnverified(string stream)
    {
        if (!_options.AllowUnverifiedHistory && _partlyVerified.TryGetValue(stream, out var through))
        {
            throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.UnverifiedHistory, [Text(through)]));
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
