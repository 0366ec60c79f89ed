using Microsoft.Data.Sqlite;
using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Storage.Sqlite;

/// <summary>
/// Every value the store reads, type-checked: SQLite keeps whatever type a writer gave a value, whatever the column says,
/// so a file edited outside the library can hold a hash as text or a position as a word. Such a value is refused with
/// <see cref="ErrorCodes.CorruptStoredValue"/> naming the column and the row, never converted quietly (SQLite would
/// read the word as 0) and never an <see cref="InvalidCastException"/>.
/// </summary>
public sealed partial class SqliteEventStore
{
    /// <summary>
    /// Runs SQLite's own integrity check over the whole file (<c>PRAGMA integrity_check</c>): damage to its pages and
    /// indexes that reading the rows cannot see, such as an index entry that no longer matches its row, so that the feed
    /// skips an event. It reads every page, so run it as an audit (nightly, or before a backup), not on every request.
    /// </summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>A task that completes when the file is sound.</returns>
    /// <exception cref="MiljofyrtarnException">The file is damaged (<see cref="ErrorCodes.StoreCorrupt"/>, naming the file).</exception>
    public Task CheckIntegrityAsync(CancellationToken cancellationToken = default) => Guard(async () =>
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (await ScalarAsync(connection, null, "PRAGMA integrity_check(1)", cancellationToken).ConfigureAwait(false) is not "ok")
        {
            throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.StoreCorrupt, [_path]));
        }
    });

    /// <summary>An INTEGER value.</summary>
    private long Integer(SqliteDataReader reader, int ordinal, string column, long row) =>
        !reader.IsDBNull(ordinal) && reader.GetFieldType(ordinal) == typeof(long) ? reader.GetInt64(ordinal) : throw CorruptValue(column, row);

    /// <summary>A TEXT value.</summary>
    private string Text(SqliteDataReader reader, int ordinal, string column, long row) =>
        !reader.IsDBNull(ordinal) && reader.GetFieldType(ordinal) == typeof(string) ? reader.GetString(ordinal) : throw CorruptValue(column, row);

    /// <summary>An event's JSON: a TEXT value, as its UTF-8 bytes as stored, without a string between.</summary>
    private byte[] Payload(SqliteDataReader reader, int ordinal, long row) =>
        !reader.IsDBNull(ordinal) && reader.GetFieldType(ordinal) == typeof(string) ? reader.GetFieldValue<byte[]>(ordinal) : throw CorruptValue("payload", row);

    /// <summary>A hash: a BLOB value, or NULL (a missing hash, which the chain check refuses as tampering).</summary>
    private byte[]? Hash(SqliteDataReader reader, int ordinal, long row) =>
        reader.IsDBNull(ordinal) ? null
        : reader.GetFieldType(ordinal) == typeof(byte[]) ? (byte[])reader.GetValue(ordinal)
        : throw CorruptValue("hash", row);

    private MiljofyrtarnException CorruptValue(string column, long row) =>
        new(new Diagnostic(ErrorCodes.CorruptStoredValue, [_path, column, Text(row)]));
}
