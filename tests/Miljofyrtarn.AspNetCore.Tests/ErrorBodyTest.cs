using FluentAssertions;
using Xunit;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>
/// A store that fails answers every caller with its code, category and trace ID only: never a connection string, a path
/// of the machine, a socket, a stack trace or an exception's own text. Those go to the log.
/// </summary>
public sealed class ErrorBodyTest
{
    [Fact]
    public async Task AStoppedPostgresServer_IsAGenericProblem()
    {
        var socket = Directory.CreateTempSubdirectory("mft-stopped-pg-");
        try
        {
            // A server that is not running: its socket directory is there, its socket is not.
            var connection = $"Host={socket.FullName};Port=5432;Database=heim_secret_db;Username=heim_admin;Password=Hemmelig-Passord-42;Timeout=3";
            await using var api = await TestApi.StartAsync(store: b => b.AddPostgresEventStore(connection, schema: "heim_schema"));

            await ExpectGenericAsync(api, socket.FullName, "5432", "heim_secret_db", "heim_admin", "Hemmelig-Passord-42", "heim_schema", "Npgsql", ".s.PGSQL");
        }
        finally
        {
            socket.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AnUnreadableSqliteFile_IsAGenericProblem()
    {
        // Not a database at all (the tests may run as root, whom file permissions do not stop).
        var folder = Directory.CreateTempSubdirectory("mft-unreadable-");
        var path = Path.Combine(folder.FullName, "heim-hemmelig.db");
        await File.WriteAllBytesAsync(path, [.. Enumerable.Repeat((byte)0x5A, 4096)], TestContext.Current.CancellationToken);
        try
        {
            await using var api = await TestApi.StartAsync(store: b => b.AddSqliteEventStore($"Data Source={path}"));

            await ExpectGenericAsync(api, folder.FullName, "heim-hemmelig.db", "SQLite Error", "file is not a database");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ASqliteFileInAMissingFolder_IsAGenericProblem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mft-missing-{Guid.NewGuid():N}", "heim.db");
        await using var api = await TestApi.StartAsync(store: b => b.AddSqliteEventStore($"Data Source={path}"));

        await ExpectGenericAsync(api, Path.GetDirectoryName(path)!, "heim.db");
    }

    private static async Task ExpectGenericAsync(TestApi api, params string[] secrets)
    {
        foreach (var (method, path, body) in new (HttpMethod, string, string?)[]
        {
            (HttpMethod.Get, "/api/organisations", null),
            (HttpMethod.Get, $"/api/organisations/{TestApi.Number}", null),
            (HttpMethod.Post, "/api/organisations", HeimScenario.StartBody),
        })
        {
            using var response = method == HttpMethod.Get ? await api.GetAsync(path) : await api.PostAsync(path, body!);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            ((int)response.StatusCode).Should().BeOneOf([500, 503], $"{method} {path}: {text}");
            var problem = await TestApi.JsonOf(response);
            problem["code"]!.GetValue<string>().Should().StartWith("MFT05");
            problem["traceId"]!.GetValue<string>().Should().NotBeEmpty();
            problem["detail"].Should().BeNull();
            foreach (var secret in secrets.Concat(["Exception", "   at ", "Stack", "/tmp/", "Host="]))
            {
                text.Should().NotContain(secret, $"{method} {path} must not tell a caller where or how the data lives");
            }
        }
    }
}
