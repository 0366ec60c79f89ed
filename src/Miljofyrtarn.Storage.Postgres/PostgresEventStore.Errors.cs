using System.Net.Sockets;
using Miljofyrtarn.Core.Diagnostics;
using Npgsql;

namespace Miljofyrtarn.Storage.Postgres;

/// <summary>How failures of the server and the connection become the store's codes.</summary>
public sealed partial class PostgresEventStore
{
    /// <summary>Runs an operation; a failure of the server or the connection becomes a coded error naming the server and schema.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (NpgsqlException exception)
        {
            throw new MiljofyrtarnException([new Diagnostic(Map(exception), [_name])], exception);
        }
        catch (Exception exception) when (exception is SocketException or IOException or TimeoutException)
        {
            throw new MiljofyrtarnException([new Diagnostic(ErrorCodes.StoreUnavailable, [_name])], exception);
        }
        catch (Exception exception) when (exception is InvalidCastException or FormatException or OverflowException)
        {
            // A value of another type than the store's tables declare: a column was altered outside the library.
            throw new MiljofyrtarnException([new Diagnostic(ErrorCodes.StoreCorrupt, [_name])], exception);
        }
    }

    private Task Guard(Func<Task> operation) => Guard(async () =>
    {
        await operation().ConfigureAwait(false);
        return true;
    });

    /// <summary>PostgreSQL's error classes to the store's codes; a lost connection, a timeout or a server shutting down is <see cref="ErrorCodes.StoreUnavailable"/>.</summary>
    internal static string Map(NpgsqlException exception) => (exception as PostgresException)?.SqlState switch
    {
        PostgresErrorCodes.DiskFull => ErrorCodes.StoreFull,
        PostgresErrorCodes.ReadOnlySqlTransaction => ErrorCodes.StoreReadOnly,
        PostgresErrorCodes.DataCorrupted or PostgresErrorCodes.IndexCorrupted or PostgresErrorCodes.UndefinedTable
            or PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.UndefinedFunction => ErrorCodes.StoreCorrupt,
        _ => ErrorCodes.StoreUnavailable,
    };

    /// <summary>The server, database and schema, for messages: never the password.</summary>
    private static string DescribeServer(string connectionString, string schema)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var host = string.IsNullOrEmpty(builder.Host) ? "localhost" : builder.Host;
        return $"postgresql://{host}:{builder.Port}/{builder.Database ?? builder.Username} ({schema})";
    }
}
