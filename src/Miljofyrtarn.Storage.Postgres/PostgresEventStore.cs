using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Miljofyrtarn.Storage.Postgres;

/// <summary>
/// An <see cref="IEventStore"/> on a PostgreSQL server, for hosts that run several processes or serve many
/// organisations. Each append is one statement, so it is stored whole or not at all; the primary key
/// (stream, sequence) makes a race impossible to win twice, and the loser gets <see cref="ErrorCodes.ConcurrencyConflict"/>
/// as from every store. Events are kept as <c>jsonb</c> in the library's own event JSON (<see cref="StoredEvents.Encode"/>),
/// with their type, instant, actor, the writing transaction and their <see cref="HistoryChain"/> hash; every read checks
/// the chain. The store creates and upgrades its own tables in a schema of the host's choosing.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe, and safe to share between processes and servers. The connection comes from an
/// <see cref="NpgsqlDataSource"/>: pooling, TLS, credentials and timeouts stay the host's. A failure of the server or
/// the connection surfaces as a coded <see cref="MiljofyrtarnException"/> (<see cref="ErrorCodes.StoreUnavailable"/>,
/// <see cref="ErrorCodes.StoreReadOnly"/>, <see cref="ErrorCodes.StoreFull"/>, <see cref="ErrorCodes.StoreCorrupt"/>)
/// naming the server and schema, with Npgsql's exception inside. After a lost connection an append may or may not have
/// been stored; retrying it is safe: if it was stored, the retry is refused as a conflict and never stored twice.
/// </para>
/// <para>
/// Each event is kept twice in its row: <c>body</c>, the JSON exactly as written, which the hash chain covers and every
/// read uses, and <c>payload</c>, the same event as <c>jsonb</c> (PostgreSQL orders its keys and drops spaces) derived
/// from it at insert, for the host's own queries. So a read verifies the bytes that were hashed, as the SQLite store
/// does, and a later version of the library that writes events differently still verifies old ones.
/// </para>
/// </remarks>
public sealed partial class PostgresEventStore : IEventStore, INotificationLedger, IDisposable, IAsyncDisposable
{
    /// <summary>The version of the store's own tables: 2 adds the snapshots, 3 the notification ledger.</summary>
    public const int SchemaVersion = 3;

    /// <summary>The schema the store uses unless told otherwise.</summary>
    public const string DefaultSchema = "miljofyrtarn";

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly string _schema;
    private readonly string _name;
    private readonly Sql _sql;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Version, byte[] Hash)> _heads = new(StringComparer.Ordinal);
    private int _disposed;

    private PostgresEventStore(NpgsqlDataSource dataSource, bool ownsDataSource, string schema)
    {
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _schema = schema;
        _name = DescribeServer(dataSource.ConnectionString, schema);
        _sql = new Sql(schema);
    }

    /// <summary>Opens the store on a data source the host owns, creating or upgrading its tables in the schema.</summary>
    /// <param name="dataSource">The host's data source; the store does not dispose it.</param>
    /// <param name="schema">The schema for the store's tables; <see cref="DefaultSchema"/> when null. Lower-case letters, digits and underscores.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>The store.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// The schema name is not a plain identifier (<see cref="ErrorCodes.InvalidSchemaName"/>), the tables were made by a
    /// newer version of the store (<see cref="ErrorCodes.UnsupportedSchemaVersion"/>), or the server cannot be used
    /// (<see cref="ErrorCodes.StoreUnavailable"/> and the other store codes).
    /// </exception>
    public static Task<PostgresEventStore> OpenAsync(NpgsqlDataSource dataSource, string? schema = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return OpenCoreAsync(dataSource, ownsDataSource: false, schema, cancellationToken);
    }

    /// <summary>
    /// Opens the store with a connection string, creating or upgrading its tables in the schema. The store builds its
    /// own data source (pooled) and disposes it with itself; a host that shares a data source uses
    /// <see cref="OpenAsync(NpgsqlDataSource, string?, CancellationToken)"/>.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string, for example <c>Host=/run/postgresql;Database=miljofyrtarn;Username=app</c>.</param>
    /// <param name="schema">The schema for the store's tables; <see cref="DefaultSchema"/> when null.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException">The connection string is blank or not a connection string.</exception>
    /// <exception cref="MiljofyrtarnException">As for <see cref="OpenAsync(NpgsqlDataSource, string?, CancellationToken)"/>.</exception>
    public static Task<PostgresEventStore> ConnectAsync(string connectionString, string? schema = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return OpenCoreAsync(NpgsqlDataSource.Create(connectionString), ownsDataSource: true, schema, cancellationToken);
    }

    private static async Task<PostgresEventStore> OpenCoreAsync(NpgsqlDataSource dataSource, bool ownsDataSource, string? schema, CancellationToken cancellationToken)
    {
        schema ??= DefaultSchema;
        if (!IsPlainIdentifier(schema))
        {
            if (ownsDataSource)
            {
                await dataSource.DisposeAsync().ConfigureAwait(false);
            }

            throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.InvalidSchemaName, [schema]));
        }

        var store = new PostgresEventStore(dataSource, ownsDataSource, schema);
        try
        {
            await store.Guard(() => store.MigrateAsync(cancellationToken)).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The schema holding the store's tables.</summary>
    public string Schema => _schema;

    /// <inheritdoc />
    public Task<long> AppendAsync(string stream, long expectedVersion, IReadOnlyList<LifecycleEvent> events, CancellationToken cancellationToken = default)
    {
        StoredEvents.CheckAppend(stream, expectedVersion, events);
        var payloads = new byte[events.Count][];
        for (var i = 0; i < events.Count; i++)
        {
            payloads[i] = StoredEvents.Encode(events[i]);
        }

        return Guard(() => AppendCoreAsync(stream, expectedVersion, events, payloads, cancellationToken));
    }

    private async Task<long> AppendCoreAsync(string stream, long expectedVersion, IReadOnlyList<LifecycleEvent> events, byte[][] payloads, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // The head this store last wrote or read saves a round trip; the insert checks it is still the stored head.
        if (_heads.TryGetValue(stream, out var known) && known.Version == expectedVersion
            && await InsertAsync(connection, stream, expectedVersion, known.Hash, events, payloads, cancellationToken).ConfigureAwait(false))
        {
            return expectedVersion + events.Count;
        }

        var (current, previous) = await HeadAsync(connection, stream, cancellationToken).ConfigureAwait(false);
        if (current != expectedVersion)
        {
            throw StoredEvents.Conflict(expectedVersion, current);
        }

        if (!await InsertAsync(connection, stream, expectedVersion, previous, events, payloads, cancellationToken).ConfigureAwait(false))
        {
            // The head changed between the two statements (a writer appended and the events were removed again).
            throw StoredEvents.Conflict(expectedVersion, (await HeadAsync(connection, stream, cancellationToken).ConfigureAwait(false)).Version);
        }

        return expectedVersion + events.Count;
    }

    /// <summary>
    /// Inserts the events in one statement, chained from <paramref name="previous"/>, if the stream's event
    /// <paramref name="expectedVersion"/> is still stored with that hash. PostgreSQL stores all the rows or none; a writer
    /// that appended the same sequence first wins on the primary key, and this one is refused as a conflict.
    /// </summary>
    /// <returns>False when the stored head is not the one given (nothing was written).</returns>
    private async Task<bool> InsertAsync(NpgsqlConnection connection, string stream, long expectedVersion, byte[] previous, IReadOnlyList<LifecycleEvent> events, byte[][] payloads, CancellationToken cancellationToken)
    {
        var count = events.Count;
        var (sequences, types, instants, actors, hashes) = (new long[count], new string[count], new DateTime[count], new string[count], new byte[count][]);
        var chained = previous;
        for (var i = 0; i < count; i++)
        {
            chained = StoredEvents.Chain(chained, payloads[i]);
            sequences[i] = events[i].Sequence;
            types[i] = events[i].GetType().Name;
            instants[i] = events[i].OccurredAt.ToDateTimeUtc();
            actors[i] = events[i].Actor;
            hashes[i] = chained;
        }

        await using var insert = new NpgsqlCommand(_sql.Insert, connection);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream, NpgsqlDbType = NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = sequences, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = instants, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = actors, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        insert.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = hashes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expectedVersion });
        insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = previous });
        int inserted;
        try
        {
            await insert.PrepareAsync(cancellationToken).ConfigureAwait(false);
            inserted = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            _heads.TryRemove(stream, out _);
            var actual = (await HeadAsync(connection, stream, cancellationToken).ConfigureAwait(false)).Version;
            throw new MiljofyrtarnException([StoredEvents.Conflict(expectedVersion, actual).Diagnostics[0]], exception);
        }

        if (inserted == 0)
        {
            _heads.TryRemove(stream, out _);
            return false;
        }

        Remember(stream, expectedVersion + count, chained);
        return true;
    }

    /// <summary>Remembers a stream's head as this store last saw it; bounded, so a host with many streams does not grow without end.</summary>
    private void Remember(string stream, long version, byte[] hash)
    {
        if (_heads.Count >= MaxKnownHeads)
        {
            _heads.Clear();
        }

        _heads.AddOrUpdate(stream, (version, hash), (_, old) => old.Version >= version ? old : (version, hash));
    }

    private const int MaxKnownHeads = 10_000;

    /// <inheritdoc />
    public Task<long> GetVersionAsync(string stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Guard(async () =>
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return (await HeadAsync(connection, stream, cancellationToken).ConfigureAwait(false)).Version;
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string? after, int maxCount, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckPageSize(maxCount);
        return Guard(async () =>
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(_sql.ListStreams, connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = after ?? string.Empty });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
            var streams = new List<StreamSummary>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                streams.Add(new StreamSummary(reader.GetString(0), reader.GetInt64(1)));
            }

            return (IReadOnlyList<StreamSummary>)streams;
        });
    }

    /// <summary>The stream's version and the hash of its last event (the genesis hash for an empty stream).</summary>
    private async Task<(long Version, byte[] Hash)> HeadAsync(NpgsqlConnection connection, string stream, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_sql.Head, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream });
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1))
            : (0, HistoryChain.Genesis.ToArray());
    }

    /// <summary>Releases the data source if the store built it from a connection string; a host's own data source is left open. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    /// <summary>Releases the data source if the store built it from a connection string. Idempotent.</summary>
    /// <returns>A task that completes when the data source is released.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _dataSource.OpenConnectionAsync(cancellationToken);
    }
}
