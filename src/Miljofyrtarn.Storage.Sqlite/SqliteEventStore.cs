using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;

namespace Miljofyrtarn.Storage.Sqlite;

/// <summary>
/// An <see cref="IEventStore"/> in one SQLite file: the embedded default, no server. Each append is one
/// <c>BEGIN IMMEDIATE</c> transaction that checks the expected version and inserts the events; the primary key
/// (stream, sequence) makes a duplicate impossible. The database runs in WAL mode with <c>synchronous=FULL</c>, so an
/// acknowledged append survives the process being killed. The store creates its tables and upgrades them.
/// </summary>
/// <remarks>Thread-safe, and safe to use from several processes on the same file.</remarks>
public sealed class SqliteEventStore : IEventStore
{
    /// <summary>The version of the store's own tables.</summary>
    public const int SchemaVersion = 1;

    private readonly string _connectionString;

    private SqliteEventStore(string connectionString) => _connectionString = connectionString;

    /// <summary>Opens (and if needed creates or upgrades) the store in a file.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>The store.</returns>
    /// <exception cref="MiljofyrtarnException">The file was written by a newer version of the store (<see cref="ErrorCodes.UnsupportedSchemaVersion"/>).</exception>
    public static async Task<SqliteEventStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
        var store = new SqliteEventStore(connectionString);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    /// <inheritdoc />
    public async Task<long> AppendAsync(string stream, long expectedVersion, IReadOnlyList<LifecycleEvent> events, CancellationToken cancellationToken = default)
    {
        EventStoreChecks.CheckAppend(stream, expectedVersion, events);
        var rows = events.Select(e => (e.Sequence, Type: e.GetType().Name, At: e.OccurredAt.ToString(), Payload: Encoding.UTF8.GetString(HistoryJson.WriteEvent(e)))).ToList();
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // BEGIN IMMEDIATE: the write lock is taken before the version is read, so two writers cannot both pass the check.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var current = await VersionAsync(connection, transaction, stream, cancellationToken).ConfigureAwait(false);
        if (current != expectedVersion)
        {
            throw EventStoreChecks.Conflict(expectedVersion, current);
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO mft_events (stream, sequence, type, occurred_at, payload) VALUES ($stream, $sequence, $type, $at, $payload)";
        var pStream = insert.Parameters.Add("$stream", SqliteType.Text);
        var pSequence = insert.Parameters.Add("$sequence", SqliteType.Integer);
        var pType = insert.Parameters.Add("$type", SqliteType.Text);
        var pAt = insert.Parameters.Add("$at", SqliteType.Text);
        var pPayload = insert.Parameters.Add("$payload", SqliteType.Text);
        pStream.Value = stream;
        foreach (var row in rows)
        {
            pSequence.Value = row.Sequence;
            pType.Value = row.Type;
            pAt.Value = row.At;
            pPayload.Value = row.Payload;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return expectedVersion + rows.Count;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LifecycleEvent>> ReadAsync(string stream, long afterVersion = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, payload FROM mft_events WHERE stream = $stream AND sequence > $after ORDER BY sequence";
        command.Parameters.AddWithValue("$stream", stream);
        command.Parameters.AddWithValue("$after", afterVersion);
        var events = new List<LifecycleEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var payload = reader.GetString(1);
            events.Add(HistoryJson.ReadEvent(Encoding.UTF8.GetBytes(payload)));
        }

        return events;
    }

    /// <inheritdoc />
    public async Task<long> GetVersionAsync(string stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await VersionAsync(connection, null, stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The streams in the file (one per organisation), in name order.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stream names.</returns>
    public async Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT stream FROM mft_events ORDER BY stream";
        var streams = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            streams.Add(reader.GetString(0));
        }

        return streams;
    }

    private static async Task<long> VersionAsync(SqliteConnection connection, SqliteTransaction? transaction, string stream, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(sequence), 0) FROM mft_events WHERE stream = $stream";
        command.Parameters.AddWithValue("$stream", stream);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Creates the tables of a new file and upgrades older ones, step by step; refuses a newer file.</summary>
    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var version = connection.CreateCommand();
        version.Transaction = transaction;
        version.CommandText = "PRAGMA user_version";
        var current = Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (current > SchemaVersion)
        {
            throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.UnsupportedSchemaVersion, [current.ToString(CultureInfo.InvariantCulture), SchemaVersion.ToString(CultureInfo.InvariantCulture)]));
        }

        if (current < 1)
        {
            await using var create = connection.CreateCommand();
            create.Transaction = transaction;
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS mft_events (
                    stream      TEXT    NOT NULL,
                    sequence    INTEGER NOT NULL CHECK (sequence > 0),
                    type        TEXT    NOT NULL,
                    occurred_at TEXT    NOT NULL,
                    payload     TEXT    NOT NULL,
                    PRIMARY KEY (stream, sequence)
                ) WITHOUT ROWID;
                PRAGMA user_version = 1;
                """;
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Later versions add their upgrade steps here: if (current < 2) { ... PRAGMA user_version = 2; }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL";
        await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
