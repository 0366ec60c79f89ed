using Miljofyrtarn.Testing;

namespace Miljofyrtarn.Storage.Tests;

/// <summary>
/// The contract suite every store passes, from the <c>Miljofyrtarn.Testing</c> package (<see cref="EventStoreContract"/>),
/// under the name the store tests of this repository use.
/// </summary>
public abstract class EventStoreContractTest : EventStoreContract;
