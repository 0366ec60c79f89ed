using Microsoft.Data.Sqlite;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Storage;

namespace Miljofyrtarn.Storage.Sqlite;

/// <summary>
/// Snapshots: one per stream in <c>mft_snapshots</c>, bound by its digest to its stream, its version and the stored
/// hash of the event at that version (<see cref="StoredSnapshots"/>).
/// </summary>
public sealed partial class SqliteEventStore
{
    /// <inheritdoc />
    public Task<bool> WriteSnapshotAsync(string stream, StoredSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        StoredSnapshots.CheckWrite(stream, snapshot);
        return Guard(async () =>
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var head = connection.CreateCommand();
            head.Transaction = transaction;
            head.CommandText = "SELECT hash, (SELECT MAX(sequence) FROM mft_events WHERE stream = $stream) FROM mft_events WHERE stream = $stream AND sequence = $version";
            head.Parameters.AddWithValue("$stream", stream);
            head.Parameters.AddWithValue("$version", snapshot.Version);
            byte[]? chainHead = null;
            await using (var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    chainHead = Hash(reader, 0, snapshot.Version);
                }
            }

            if (chainHead is null)
            {
                var version = (await HeadAsync(connection, transaction, stream, cancellationToken).ConfigureAwait(false)).Version;
                throw Problems(ErrorCodes.NumberOutOfRange, "version", Text(snapshot.Version), "1", Text(version));
            }

            await using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO mft_snapshots (stream, version, chain_head, digest, document) VALUES ($stream, $version, $head, $digest, $document)
                ON CONFLICT (stream) DO UPDATE SET version = excluded.version, chain_head = excluded.chain_head, digest = excluded.digest, document = excluded.document
                WHERE excluded.version > mft_snapshots.version
                """;
            upsert.Parameters.AddWithValue("$stream", stream);
            upsert.Parameters.AddWithValue("$version", snapshot.Version);
            upsert.Parameters.Add("$head", SqliteType.Blob).Value = chainHead;
            upsert.Parameters.Add("$digest", SqliteType.Blob).Value = StoredSnapshots.Digest(stream, snapshot.Version, chainHead, snapshot.Document.Span);
            upsert.Parameters.Add("$document", SqliteType.Blob).Value = snapshot.Document.ToArray();
            var written = await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return written;
        });
    }

    /// <inheritdoc />
    public Task<StoredSnapshot?> ReadSnapshotAsync(string stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        RefuseUnverified(stream);
        return Guard(async () =>
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT s.version, s.chain_head, s.digest, s.document, e.hash
                FROM mft_snapshots s LEFT JOIN mft_events e ON e.stream = s.stream AND e.sequence = s.version
                WHERE s.stream = $stream
                """;
            command.Parameters.AddWithValue("$stream", stream);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var version = Integer(reader, 0, "version", 0);
            return (StoredSnapshot?)StoredSnapshots.Verified(
                stream, version, Blob(reader, 1, "chain_head", version), Hash(reader, 4, version), Blob(reader, 2, "digest", version), Blob(reader, 3, "document", version));
        });
    }

    /// <summary>A BLOB value of the snapshots table.</summary>
    private byte[] Blob(SqliteDataReader reader, int ordinal, string column, long row) =>
        !reader.IsDBNull(ordinal) && reader.GetFieldType(ordinal) == typeof(byte[]) ? (byte[])reader.GetValue(ordinal) : throw CorruptValue(column, row);

    private static MiljofyrtarnException Problems(string code, params string[] arguments) => new(new Diagnostic(code, arguments));
}
