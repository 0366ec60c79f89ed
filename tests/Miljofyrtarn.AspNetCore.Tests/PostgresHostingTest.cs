using System.Net;
using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Storage.Tests;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;
using static Miljofyrtarn.AspNetCore.Tests.HeimScenario;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>The hosting package on the PostgreSQL store: by connection string or the host's data source, with its health.</summary>
public sealed class PostgresHostingTest : IAsyncLifetime
{
    private readonly string _schema = PostgresServer.NewSchema();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await PostgresServer.DropAsync(_schema);

    [Fact]
    public async Task WithAConnectionString_HeimIsKeptAcrossHosts_AndTheStoreIsHealthy()
    {
        await using (var first = await TestApi.StartAsync(store: b => b.AddPostgresEventStore(PostgresServer.ConnectionString, _schema)))
        {
            await StartAsync(first);
        }

        await using var second = await TestApi.StartAsync(store: b => b.AddPostgresEventStore(PostgresServer.ConnectionString, _schema));
        (await second.GetJsonAsync($"/api/organisations/{TestApi.Number}"))["units"]!.AsArray().Should().HaveCount(2);
        using var health = await second.GetAsync("/health");
        health.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WithoutAConnectionString_TheHostsOwnDataSourceIsUsed()
    {
        await using var dataSource = NpgsqlDataSource.Create(PostgresServer.ConnectionString);
        await using var api = await TestApi.StartAsync(
            configure: builder => builder.Services.AddSingleton(dataSource),
            store: b => b.AddPostgresEventStore(schema: _schema));

        await StartAsync(api);

        (await PostgresServer.ScalarAsync<long>($"SELECT max(sequence) FROM \"{_schema}\".mft_events WHERE stream = '{TestApi.Number}'")).Should().BeGreaterThan(1);
    }

    [Fact]
    public async Task AServerThatDoesNotAnswer_IsUnhealthy_WithTheStoresCode()
    {
        await using var api = await TestApi.StartAsync(store: b => b.AddPostgresEventStore("Host=127.0.0.1;Port=1;Username=app;Database=mft;Timeout=2", _schema));

        using var health = await api.GetAsync("/health");

        health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Be("Unhealthy");
    }

    [Fact]
    public async Task AHostStartedBeforeItsDatabase_HealsByItself_WithoutARestart()
    {
        // Issue 32: the opener cached its failed task, so after PostgreSQL came up the host answered 503 until restarted.
        var directory = Path.Combine(Path.GetTempPath(), $"mft-late-{Guid.NewGuid():N}");
        var connectionString = $"Host={directory};Port=5432;Username=postgres;Database=postgres;Timeout=3";
        try
        {
            await using var api = await TestApi.StartAsync(store: b => b.AddPostgresEventStore(connectionString, _schema));
            using (var health = await api.GetAsync("/health"))
            {
                health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            }

            using (var list = await api.GetAsync("/api/organisations"))
            {
                list.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            }

            await PostgresServer.ToolAsync("start", directory);
            var since = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                using var health = await api.GetAsync("/health");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }

                since.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the host heals within 10 s of the database starting");
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }

            await StartAsync(api);
            (await api.GetJsonAsync($"/api/organisations/{TestApi.Number}"))["units"]!.AsArray().Should().HaveCount(2);
        }
        finally
        {
            await PostgresServer.ToolAsync("destroy", directory);
        }
    }

    [Fact]
    public void AnUnsafeSchemaName_IsRefusedWhenRegistered()
    {
        var builder = new ServiceCollection().AddMiljofyrtarn();

        FluentActions.Invoking(() => builder.AddPostgresEventStore(PostgresServer.ConnectionString, "Drop Table"))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.InvalidSchemaName);
    }
}
