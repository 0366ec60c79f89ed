using System.Globalization;
using System.Collections.Frozen;
using Microsoft.Data.Sqlite;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;

namespace Miljofyrtarn.Storage.Sqlite;

/// <summary>
/// An <see cref="IEventStore"/> in one SQLite file: the embedded default, no server. Each append is one
/// <c>BEGIN IMMEDIATE</c> transaction that checks the expected version and inserts the events; the primary key
/// (stream, sequence) makes a duplicate impossible. The database runs in WAL mode with <c>synchronous=FULL</c>, so an
/// acknowledged append survives the process being killed. Appends are serialised by SQLite's write lock, so the global
/// feed's positions are handed out in commit order. Every event is stored with its <see cref="HistoryChain"/>
/// hash, and every read verifies the chain, so a changed, deleted, inserted or reordered event is refused
/// (<see cref="ErrorCodes.TamperedHistory"/>). The store creates its tables and upgrades them.
/// </summary>
/// <remarks>
/// Thread-safe, and safe to use from several processes on the same file. Dispose it to release the file: its pooled
/// connections are closed (the last one checkpoints and removes the WAL), and later calls throw
/// <see cref="ObjectDisposedException"/>. Every failure of SQLite itself surfaces as a
/// coded <see cref="MiljofyrtarnException"/> naming the file (<see cref="ErrorCodes.StoreUnavailable"/>,
/// <see cref="ErrorCodes.StoreCorrupt"/>, <see cref="ErrorCodes.StoreReadOnly"/>, <see cref="ErrorCodes.StoreFull"/>)
/// with the <see cref="SqliteException"/> as the inner exception.
/// </remarks>
public sealed partial class SqliteEventStore : IEventStore, INotificationLedger, IDisposable, IAsyncDisposable
{
    /// <summary>The version of the store's own tables: 2 adds the hash chain, 3 the feed's positions, 4 the snapshots, 5 the notification ledger.</summary>
    public const int SchemaVersion = 5;

    private readonly string _connectionString;
    private readonly string _path;
    private readonly SqliteEventStoreOptions _options;
    private FrozenDictionary<string, long> _partlyVerified = FrozenDictionary<string, long>.Empty;
    private int _disposed;

    private SqliteEventStore(string path, string connectionString, SqliteEventStoreOptions options)
    {
        _path = path;
        _connectionString = connectionString;
        _options = options;
    }

    /// <summary>Opens (and if needed creates or upgrades) the store in a file.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>The store.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// The file was written by a newer version of the store (<see cref="ErrorCodes.UnsupportedSchemaVersion"/>), is an
    /// in-memory database (<see cref="ErrorCodes.InMemoryDatabaseNotSupported"/>), or cannot be opened as a store.
    /// </exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027", Justification = "OpenAsync(path, token) is the common call; the overload with options takes its token positionally, and no call is ambiguous.")]
    public static Task<SqliteEventStore> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        OpenAsync(path, SqliteEventStoreOptions.Default, cancellationToken);

    /// <summary>Opens (and if needed creates or upgrades) the store in a file, with options.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="options">What the store accepts; <see cref="SqliteEventStoreOptions.Default"/> refuses partly verified streams.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>The store.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// The file was written by a newer version of the store (<see cref="ErrorCodes.UnsupportedSchemaVersion"/>), is an
    /// in-memory database (<see cref="ErrorCodes.InMemoryDatabaseNotSupported"/>), or cannot be opened as a store.
    /// </exception>
    public static async Task<SqliteEventStore> OpenAsync(string path, SqliteEventStoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 };
        if (path.Trim() == ":memory:" || path.StartsWith("file::memory:", StringComparison.OrdinalIgnoreCase))
        {
            throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.InMemoryDatabaseNotSupported, [path]));
        }

        var store = new SqliteEventStore(path, builder.ToString(), options);
        await store.Guard(() => store.MigrateAsync(cancellationToken)).ConfigureAwait(false);
        store._partlyVerified = await store.Guard(() => store.PartlyVerifiedStreamsAsync(cancellationToken)).ConfigureAwait(false);
        return store;
    }

    /// <summary>The database file.</summary>
    public string Path => _path;

    /// <inheritdoc />
    public Task<long> AppendAsync(string stream, long expectedVersion, IReadOnlyList<LifecycleEvent> events, CancellationToken cancellationToken = default)
    {
        StoredEvents.CheckAppend(stream, expectedVersion, events);
        var payloads = events.Select(StoredEvents.Encode).ToList();
        return Guard(() => AppendCoreAsync(stream, expectedVersion, events, payloads, cancellationToken));
    }

    private async Task<long> AppendCoreAsync(string stream, long expectedVersion, IReadOnlyList<LifecycleEvent> events, List<byte[]> payloads, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // BEGIN IMMEDIATE: the write lock is taken before the version is read, so two writers cannot both pass the check.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var (current, previous) = await HeadAsync(connection, transaction, stream, cancellationToken).ConfigureAwait(false);
        if (current != expectedVersion)
        {
            throw StoredEvents.Conflict(expectedVersion, current);
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        // The payload is bound as the event's UTF-8 bytes and stored as TEXT by SQLite itself (CAST of a blob to text
        // takes the bytes as they are in the database's UTF-8): the same column and value as before, without a string
        // decoded from the bytes and encoded again.
        insert.CommandText = "INSERT INTO mft_events (stream, sequence, type, occurred_at, payload, hash, position) VALUES ($stream, $sequence, $type, $at, CAST($payload AS TEXT), $hash, $position)";
        var pStream = insert.Parameters.Add("$stream", SqliteType.Text);
        var pSequence = insert.Parameters.Add("$sequence", SqliteType.Integer);
        var pType = insert.Parameters.Add("$type", SqliteType.Text);
        var pAt = insert.Parameters.Add("$at", SqliteType.Text);
        var pPayload = insert.Parameters.Add("$payload", SqliteType.Blob);
        var pHash = insert.Parameters.Add("$hash", SqliteType.Blob);
        var pPosition = insert.Parameters.Add("$position", SqliteType.Integer);
        pStream.Value = stream;
        // The write lock is held, so positions follow commit order: no later commit can take a lower one.
        var lastPosition = await LastPositionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < events.Count; i++)
        {
            previous = StoredEvents.Chain(previous, payloads[i]);
            pSequence.Value = events[i].Sequence;
            pType.Value = events[i].GetType().Name;
            pAt.Value = events[i].OccurredAt.ToString();
            pPayload.Value = payloads[i];
            pHash.Value = previous;
            pPosition.Value = lastPosition + i + 1;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return expectedVersion + events.Count;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LifecycleEvent>> ReadAsync(string stream, long afterVersion = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        RefuseUnverified(stream);
        return Guard(async () =>
        {
            var events = new List<LifecycleEvent>();
            await WalkAsync(stream, afterVersion, (_, payload) => events.Add(StoredEvents.Decode(payload)), cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<LifecycleEvent>)events;
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LifecycleEvent>> ReadPageAsync(string stream, long afterVersion, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        EventStoreRules.CheckPageSize(maxCount);
        RefuseUnverified(stream);
        return Guard(async () =>
        {
            var events = new List<LifecycleEvent>(Math.Min(maxCount, 1024));
            await WalkAsync(stream, afterVersion, (_, payload) => events.Add(StoredEvents.Decode(payload)), cancellationToken, maxCount).ConfigureAwait(false);
            return (IReadOnlyList<LifecycleEvent>)events;
        });
    }

    /// <inheritdoc />
    public Task<HistoryVerification> VerifyAsync(string stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Guard(async () =>
        {
            long version = 0;
            var head = await WalkAsync(stream, 0, (sequence, _) => version = sequence, cancellationToken).ConfigureAwait(false);
            var unverified = await UnverifiedThroughAsync(stream, cancellationToken).ConfigureAwait(false);
            return new HistoryVerification(version, HistoryChain.ToHex(head), Math.Min(unverified, version));
        });
    }

    /// <summary>
    /// Reads a stream's rows after a version in order, verifying each against the chain before handing its JSON on.
    /// Reading from the middle chains from the stored hash of the event before; only <see cref="VerifyAsync"/> proves
    /// the whole stream from its first event.
    /// </summary>
    private async Task<byte[]> WalkAsync(string stream, long afterVersion, Action<long, byte[]> visit, CancellationToken cancellationToken, int maxCount = int.MaxValue)
    {
        afterVersion = Math.Max(afterVersion, 0);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, payload, hash FROM mft_events WHERE stream = $stream AND sequence >= $after ORDER BY sequence LIMIT $limit";
        command.Parameters.AddWithValue("$stream", stream);
        command.Parameters.AddWithValue("$after", afterVersion);
        command.Parameters.AddWithValue("$limit", afterVersion > 0 ? (long)maxCount + 1 : maxCount);
        var previous = HistoryChain.Genesis.ToArray();
        var (sequences, payloads, hashes) = (new List<long>(), new List<byte[]>(), new List<byte[]>());
        var first = true;
        long? outOfPlace = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var sequence = Integer(reader, 0, "sequence", afterVersion + sequences.Count + 1);
                var hash = Hash(reader, 2, sequence) ?? [];
                if (first && afterVersion > 0)
                {
                    first = false;
                    if (sequence != afterVersion)
                    {
                        throw StoredEvents.Tampered(Math.Min(sequence, afterVersion));
                    }

                    previous = hash;
                    continue;
                }

                first = false;
                var expected = afterVersion + sequences.Count + 1;
                if (sequence != expected)
                {
                    // A missing or inserted row: the chain breaks here, unless it already broke before.
                    outOfPlace = Math.Min(sequence, expected);
                    break;
                }

                sequences.Add(sequence);
                payloads.Add(Payload(reader, 1, sequence));
                hashes.Add(hash);
            }
        }

        // Every link is checked before any event is handed on; a long stream is checked in parallel.
        StoredEvents.VerifyRun(afterVersion + 1, previous, payloads, hashes);
        if (outOfPlace is { } sequenceOutOfPlace)
        {
            throw StoredEvents.Tampered(sequenceOutOfPlace);
        }

        for (var i = 0; i < payloads.Count; i++)
        {
            visit(sequences[i], payloads[i]);
        }

        return hashes.Count == 0 ? previous : hashes[^1];
    }

    /// <inheritdoc />
    public Task<long> GetVersionAsync(string stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Guard(async () =>
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return (await HeadAsync(connection, null, stream, cancellationToken).ConfigureAwait(false)).Version;
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string? after, int maxCount, CancellationToken cancellationToken = default)
    {
        EventStoreRules.CheckPageSize(maxCount);
        return Guard(async () =>
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT stream, MAX(sequence) FROM mft_events WHERE stream > $after GROUP BY stream ORDER BY stream LIMIT $limit";
            command.Parameters.AddWithValue("$after", after ?? string.Empty);
            command.Parameters.AddWithValue("$limit", maxCount);
            var streams = new List<StreamSummary>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var name = Text(reader, 0, "stream", streams.Count + 1);
                streams.Add(new StreamSummary(name, Integer(reader, 1, "sequence", streams.Count + 1)));
            }

            return (IReadOnlyList<StreamSummary>)streams;
        });
    }

    /// <summary>The stream's version and the hash of its last event (the genesis hash for an empty stream).</summary>
    private async Task<(long Version, byte[] Hash)> HeadAsync(SqliteConnection connection, SqliteTransaction? transaction, string stream, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT sequence, hash FROM mft_events WHERE stream = $stream ORDER BY sequence DESC LIMIT 1";
        command.Parameters.AddWithValue("$stream", stream);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return (0, HistoryChain.Genesis.ToArray());
        }

        var version = Integer(reader, 0, "sequence", 0);
        return (version, Hash(reader, 1, version) ?? []);
    }

    /// <summary>Releases the file: closes the store's pooled connections. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    /// <summary>Releases the file: closes the store's pooled connections. Idempotent.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs an operation; a failure of SQLite itself becomes a coded error naming the file.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (SqliteException exception)
        {
            throw Map(exception);
        }
    }

    private Task Guard(Func<Task> operation) => Guard(async () =>
    {
        await operation().ConfigureAwait(false);
        return true;
    });

    /// <summary>SQLite's primary result codes to the store's codes.</summary>
    private MiljofyrtarnException Map(SqliteException exception)
    {
        var code = (exception.SqliteErrorCode & 0xFF) switch
        {
            11 or 26 => ErrorCodes.StoreCorrupt, // SQLITE_CORRUPT, SQLITE_NOTADB
            8 => ErrorCodes.StoreReadOnly, // SQLITE_READONLY
            13 => ErrorCodes.StoreFull, // SQLITE_FULL
            // SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_IOERR, SQLITE_BUSY, ...: a file that exists but cannot be written
            // (a read-only mount, an immutable file) is read-only; otherwise the store cannot be reached.
            _ => File.Exists(_path) && !IsWritable(_path) ? ErrorCodes.StoreReadOnly : ErrorCodes.StoreUnavailable,
        };
        return new MiljofyrtarnException([new Diagnostic(code, [_path])], exception);
    }

    private static bool IsWritable(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
