using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Testing;

namespace Miljofyrtarn.Core.Tests.Integrity;

/// <summary>The notification ledger's contract (<see cref="NotificationLedgerContract"/>), for the core's own in-memory store.</summary>
public sealed class InMemoryLedgerContractTest : NotificationLedgerContract
{
    private readonly InMemoryEventStore _store = new();

    protected override Task<INotificationLedger> CreateAsync() => Task.FromResult<INotificationLedger>(_store);
}
