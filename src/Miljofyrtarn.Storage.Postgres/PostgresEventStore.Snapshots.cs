using System.Globalization;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Storage;
using Npgsql;

namespace Miljofyrtarn.Storage.Postgres;

/// <summary>
/// Snapshots: one per stream in <c>mft_snapshots</c>, bound by its digest to its stream, its version and the stored
/// hash of the event at that version (<see cref="StoredSnapshots"/>). The write inserts only while that event still has
/// that hash, and replaces only an older snapshot, in one statement.
/// </summary>
public sealed partial class PostgresEventStore
{
    /// <inheritdoc />
    public Task<bool> WriteSnapshotAsync(string stream, StoredSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        StoredSnapshots.CheckWrite(stream, snapshot);
        return Guard(async () =>
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            byte[]? chainHead;
            await using (var head = new NpgsqlCommand(_sql.EventHash, connection))
            {
                head.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream });
                head.Parameters.Add(new NpgsqlParameter<long> { TypedValue = snapshot.Version });
                chainHead = await head.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
            }

            if (chainHead is null)
            {
                var version = (await HeadAsync(connection, stream, cancellationToken).ConfigureAwait(false)).Version;
                throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.NumberOutOfRange, ["version", Text(snapshot.Version), "1", Text(version)]));
            }

            await using var write = new NpgsqlCommand(_sql.WriteSnapshot, connection);
            write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream });
            write.Parameters.Add(new NpgsqlParameter<long> { TypedValue = snapshot.Version });
            write.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = chainHead });
            write.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = StoredSnapshots.Digest(stream, snapshot.Version, chainHead, snapshot.Document.Span) });
            write.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = snapshot.Document.ToArray() });
            return await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        });
    }

    /// <inheritdoc />
    public Task<StoredSnapshot?> ReadSnapshotAsync(string stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Guard(async () =>
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(_sql.ReadSnapshot, connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var version = reader.GetInt64(0);
            return (StoredSnapshot?)StoredSnapshots.Verified(
                stream, version, reader.GetFieldValue<byte[]>(1), reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4), reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<byte[]>(3));
        });
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
