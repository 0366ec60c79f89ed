using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Tests;
using Miljofyrtarn.Testing;
using Xunit;

namespace Miljofyrtarn.Storage.Postgres.Tests;

/// <summary>The notification ledger's contract, against the PostgreSQL store: each test in a schema of its own, each ledger a store of its own, as two servers would be.</summary>
public sealed class PostgresLedgerContractTest : NotificationLedgerContract, IAsyncLifetime
{
    private readonly string _schema = PostgresServer.NewSchema();

    protected override async Task<INotificationLedger> CreateAsync() => await PostgresEventStore.OpenAsync(PostgresServer.DataSource, _schema, Ct);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await PostgresServer.DropAsync(_schema);
}
