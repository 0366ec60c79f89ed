using System.Diagnostics;
using Npgsql;

namespace Miljofyrtarn.Storage.Tests;

/// <summary>
/// The PostgreSQL server the tests run against, found through one environment variable. Without it every test here
/// fails with a message saying how to start one: they are never skipped.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "MILJOFYRTARN_POSTGRES";

    private static readonly Lazy<NpgsqlDataSource> SharedDataSource = new(() => NpgsqlDataSource.Create(ConnectionString));

    /// <summary>The connection string from <see cref="Variable"/>.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set: the message says how to start a server.</exception>
    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"The PostgreSQL tests need a server, found through the environment variable {Variable} (an Npgsql connection string). " +
            "Start a throw-away one from the repository root with: eval \"$(tools/postgres.sh start)\" — it installs PostgreSQL if needed, " +
            "starts it on a Unix socket in a temporary directory and exports the variable (see README, 'Three commands', and docs/storage.md).");

    /// <summary>One data source for the tests that do not need their own (a process's pool, as a host would have).</summary>
    public static NpgsqlDataSource DataSource => SharedDataSource.Value;

    /// <summary>A new schema name, so every test has its own tables.</summary>
    public static string NewSchema() => $"t_{Guid.NewGuid():N}";

    public static async Task DropAsync(string schema)
    {
        await using var command = DataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The repository's root, for tools/postgres.sh.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Miljofyrtarn.Core.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Miljofyrtarn.Core.sln) was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs tools/postgres.sh with arguments and returns its standard output.</summary>
    public static async Task<string> ToolAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot(), "tools", "postgres.sh"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tools/postgres.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
