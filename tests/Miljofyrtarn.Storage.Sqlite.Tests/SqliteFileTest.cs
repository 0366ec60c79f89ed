using Microsoft.Data.Sqlite;
using Xunit;

namespace Miljofyrtarn.Storage.Sqlite.Tests;

/// <summary>
/// A test with a SQLite file of its own in the temporary folder, edited by hand through SQL as a hostile insider would,
/// and removed afterwards with its WAL files.
/// </summary>
public abstract class SqliteFileTest : IDisposable
{
    /// <summary>The test's database file.</summary>
    protected string FilePath { get; } = Path.Combine(Path.GetTempPath(), $"mft-test-{Guid.NewGuid():N}.db");

    /// <summary>The running test's cancellation token.</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Closes the pooled connections and deletes the file.</summary>
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(FilePath + suffix);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Runs SQL on the file through a connection of its own, outside the store.</summary>
    protected async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(Ct);
    }
}
