using System.Globalization;
using Miljofyrtarn.Core.Diagnostics;
using Npgsql;

namespace Miljofyrtarn.Storage.Postgres;

/// <summary>The store's tables and their upgrades, numbered, recorded in <c>mft_schema</c>.</summary>
public sealed partial class PostgresEventStore
{
    /// <summary>The upgrades, in order: step <c>i</c> brings the schema from version <c>i</c> to <c>i + 1</c>.</summary>
    private string[] Migrations =>
    [
        $"""
        CREATE TABLE {_sql.Events} (
            stream         text        NOT NULL,
            sequence       bigint      NOT NULL CHECK (sequence > 0),
            type           text        NOT NULL,
            occurred_at    timestamptz NOT NULL,
            actor          text        NOT NULL,
            body           bytea       NOT NULL,
            payload        jsonb       NOT NULL,
            hash           bytea       NOT NULL CHECK (length(hash) = 32),
            transaction_id xid8        NOT NULL DEFAULT pg_current_xact_id(),
            position       bigint      UNIQUE,
            PRIMARY KEY (stream, sequence)
        );
        COMMENT ON TABLE {_sql.Events} IS 'Miljofyrtarn events: one stream per organisation; position is set by the feed after commit.';
        COMMENT ON COLUMN {_sql.Events}.body IS 'The event JSON exactly as written (UTF-8): what the hash chain covers and what reads use.';
        COMMENT ON COLUMN {_sql.Events}.payload IS 'The same event as jsonb, derived from body at insert, for queries.';
        CREATE INDEX mft_events_unnumbered ON {_sql.Events} (transaction_id, stream, sequence) WHERE position IS NULL;
        CREATE TABLE {_sql.Schema}.mft_feed (id int PRIMARY KEY CHECK (id = 1), last_position bigint NOT NULL);
        INSERT INTO {_sql.Schema}.mft_feed VALUES (1, 0);
        """,
        $"""
        CREATE TABLE {_sql.Snapshots} (
            stream     text   NOT NULL PRIMARY KEY,
            version    bigint NOT NULL CHECK (version > 0),
            chain_head bytea  NOT NULL CHECK (length(chain_head) = 32),
            digest     bytea  NOT NULL CHECK (length(digest) = 32),
            document   bytea  NOT NULL
        );
        COMMENT ON TABLE {_sql.Snapshots} IS 'Miljofyrtarn snapshots: the latest state of each stream, a cache of its events; digest binds stream, version, chain head and document.';
        """,
        $"""
        CREATE TABLE {_sql.Notifications} (
            key           text        NOT NULL PRIMARY KEY,
            claimant      text        NOT NULL,
            claimed_until timestamptz NOT NULL,
            sent_at       timestamptz
        );
        COMMENT ON TABLE {_sql.Notifications} IS 'Miljofyrtarn notification ledger: each notification key claimed for sending and, once sent, never sent again. Not part of any hash chain.';
        """,
    ];

    /// <summary>
    /// Creates the schema's tables or upgrades them step by step, in one transaction under an advisory lock, so two
    /// processes opening a new database at once do not both create it. A schema made by a newer store is refused. A
    /// schema that is up to date is only read, so a store opens on a read-only connection (a standby) too.
    /// </summary>
    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (await CurrentVersionAsync(connection, null, cancellationToken).ConfigureAwait(false) == SchemaVersion)
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock(hashtext('miljofyrtarn:{_schema}'))", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"""
            CREATE SCHEMA IF NOT EXISTS {_sql.Schema};
            CREATE TABLE IF NOT EXISTS {_sql.Schema}.mft_schema (
                version     int         NOT NULL PRIMARY KEY,
                upgraded_at timestamptz NOT NULL DEFAULT now()
            );
            """, cancellationToken).ConfigureAwait(false);
        var current = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var migrations = Migrations;
        for (var version = current; version < SchemaVersion; version++)
        {
            await ExecuteAsync(connection, transaction, migrations[version], cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"INSERT INTO {_sql.Schema}.mft_schema (version) VALUES ({version + 1})", cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The schema's version, 0 when it has no tables yet.</summary>
    /// <exception cref="MiljofyrtarnException">It is newer than this store (<see cref="ErrorCodes.UnsupportedSchemaVersion"/>).</exception>
    private async Task<int> CurrentVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand($"SELECT to_regclass('{_sql.Schema}.mft_schema') IS NOT NULL", connection, transaction))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return 0;
            }
        }

        await using var read = new NpgsqlCommand($"SELECT COALESCE(max(version), 0) FROM {_sql.Schema}.mft_schema", connection, transaction);
        var current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (current > SchemaVersion)
        {
            throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.UnsupportedSchemaVersion, [current.ToString(CultureInfo.InvariantCulture), SchemaVersion.ToString(CultureInfo.InvariantCulture)]));
        }

        return current;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks a schema name before it is used: lower-case letters a–z, digits and underscores, at most 63, not starting with a digit.</summary>
    /// <param name="schema">The schema name.</param>
    /// <exception cref="MiljofyrtarnException">It is not such a name (<see cref="ErrorCodes.InvalidSchemaName"/>), naming it.</exception>
    public static void CheckSchemaName(string schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (!IsPlainIdentifier(schema))
        {
            throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.InvalidSchemaName, [schema]));
        }
    }

    /// <summary>Lower-case letters, digits and underscores, up to 63 (PostgreSQL's limit), not starting with a digit: safe to write into SQL as a quoted identifier.</summary>
    private static bool IsPlainIdentifier(string name) =>
        name.Length is > 0 and <= 63 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
