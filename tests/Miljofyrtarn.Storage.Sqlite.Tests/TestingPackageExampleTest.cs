using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Testing;

namespace Miljofyrtarn.Storage.Sqlite.Tests;

// The example of the Miljofyrtarn.Testing package's README, verbatim (PackageReadmeTest checks it): a store held to the
// contract. Here the in-memory store, so the example runs the whole suite as a store author's project would.
#region testing
public sealed class InMemoryStoreTest : EventStoreContract
{
    private readonly InMemoryEventStore _store = new();

    // Every call in one test reaches the same storage, as a second server would: here, the same store.
    protected override Task<IEventStore> CreateAsync() => Task.FromResult<IEventStore>(_store);
}
#endregion
