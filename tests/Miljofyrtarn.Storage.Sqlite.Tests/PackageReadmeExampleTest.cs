using FluentAssertions;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Tests;
using Xunit;

namespace Miljofyrtarn.Storage.Sqlite.Tests;

/// <summary>The example of the package's own README (src/Miljofyrtarn.Storage.Sqlite/README.md), verbatim, run.</summary>
public sealed class PackageReadmeExampleTest
{
    // The example is written as a host writes it, without the test's cancellation token.
#pragma warning disable xUnit1051
    [Fact]
    public async Task Example_Runs()
    {
        var lifecycle = EventStoreContractTest.Lifecycle(5);
        var (catalog, clock) = (lifecycle.Organisation.Catalog, lifecycle.Clock);
        var path = Path.Combine(Path.GetTempPath(), $"heim-{Guid.NewGuid():N}.db");
        #region sqlite
        await using var store = await SqliteEventStore.OpenAsync(path);
        await store.SaveAsync("964123454", lifecycle, storedVersion: 0);
        var loaded = await store.LoadAsync("964123454", catalog, clock);
        var audit = await store.VerifyAsync("964123454");
        Console.WriteLine($"{loaded.Version} hendelser, kjedehode {audit.ChainHead}");
        #endregion

        loaded.Version.Should().Be(lifecycle.Version);
        audit.ChainHead.Should().Be(HistoryChain.ComputeHead(lifecycle.History));
        await store.DisposeAsync();
        File.Delete(path);
    }
}
#pragma warning restore xUnit1051
