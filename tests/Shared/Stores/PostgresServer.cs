using System.Diagnostics;
using Npgsql;

namespace Miljofyrtarn.Storage.Tests;

/// <summary>
/// The PostgreSQL server the tests run against: the one <see cref="Variable"/> names, or else a throw-away cluster this
/// test run starts itself with <c>tools/postgres.sh</c> (Debian's postgresql installed when missing, as root; a Unix
/// socket in a temporary directory, no TCP port) and removes when the process exits. So the README's one test command
/// needs nothing started first. When no server can be had, every test here fails saying why: they are never skipped.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "MILJOFYRTARN_POSTGRES";

    private static readonly Lazy<string> Resolved = new(Resolve);

    private static readonly Lazy<NpgsqlDataSource> SharedDataSource = new(() => NpgsqlDataSource.Create(ConnectionString));

    /// <summary>The connection string from <see cref="Variable"/>, or of the cluster started for this run.</summary>
    /// <exception cref="InvalidOperationException">No server is named and none could be started: the message says why and what to do.</exception>
    public static string ConnectionString => Resolved.Value;

    private static string Resolve()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named)
        {
            return named;
        }

        var directory = Path.Combine(Path.GetTempPath(), $"miljofyrtarn-pg-run-{Guid.NewGuid():N}");
        string export;
        try
        {
            export = ToolAsync("start", directory).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server. None is named by the environment variable {Variable} (an Npgsql connection string), " +
                "and starting a throw-away one with tools/postgres.sh failed: " + exception.Message +
                " Install PostgreSQL (apt-get install -y postgresql), or start one yourself with eval \"$(tools/postgres.sh start)\" (see README, 'Three commands', and docs/storage.md).",
                exception);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => ToolAsync("destroy", directory).GetAwaiter().GetResult();
        var quoted = export.Trim();
        return quoted[(quoted.IndexOf('\'', StringComparison.Ordinal) + 1)..^1];
    }

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
