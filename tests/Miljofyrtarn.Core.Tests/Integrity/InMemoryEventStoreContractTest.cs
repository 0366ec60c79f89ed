using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Testing;

namespace Miljofyrtarn.Core.Tests.Integrity;

/// <summary>The store contract every store passes (<see cref="EventStoreContract"/>), for the core's own in-memory store.</summary>
public sealed class InMemoryEventStoreContractTest : EventStoreContract
{
    private readonly InMemoryEventStore _store = new();

    protected override Task<IEventStore> CreateAsync() => Task.FromResult<IEventStore>(_store);
}
