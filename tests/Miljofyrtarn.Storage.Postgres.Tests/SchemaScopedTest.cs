using Miljofyrtarn.Storage.Tests;
using Npgsql;
using Xunit;

namespace Miljofyrtarn.Storage.Postgres.Tests;

/// <summary>A test with a schema of its own on the shared server, dropped afterwards with the data sources it opened.</summary>
public abstract class SchemaScopedTest : IAsyncLifetime
{
    private readonly List<NpgsqlDataSource> _sources = [];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The test's schema.</summary>
    protected string Schema { get; } = PostgresServer.NewSchema();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources)
        {
            await source.DisposeAsync();
        }

        await PostgresServer.DropAsync(Schema);
        GC.SuppressFinalize(this);
    }

    /// <summary>The store on the test's schema through the shared data source.</summary>
    protected Task<PostgresEventStore> StoreAsync() => PostgresEventStore.OpenAsync(PostgresServer.DataSource, Schema, Ct);

    /// <summary>The store on the test's schema through a data source of its own (its own pool), as a separate process would have it.</summary>
    protected async Task<PostgresEventStore> OwnStoreAsync(string applicationName = "mft-test")
    {
        var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { ApplicationName = applicationName }.ConnectionString);
        _sources.Add(source);
        return await PostgresEventStore.OpenAsync(source, Schema, Ct);
    }
}
