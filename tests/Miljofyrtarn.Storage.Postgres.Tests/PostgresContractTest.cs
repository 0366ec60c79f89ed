using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Tests;
using Xunit;

namespace Miljofyrtarn.Storage.Postgres.Tests;

/// <summary>The shared contract suite, against the PostgreSQL store: each test in a schema of its own.</summary>
public sealed class PostgresContractTest : EventStoreContractTest, IAsyncLifetime
{
    private readonly string _schema = PostgresServer.NewSchema();

    protected override async Task<IEventStore> CreateAsync() => await PostgresEventStore.OpenAsync(PostgresServer.DataSource, _schema, Ct);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await PostgresServer.DropAsync(_schema);
}
