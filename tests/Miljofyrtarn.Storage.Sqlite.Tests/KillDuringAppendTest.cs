using System.Diagnostics;
using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Lifecycle;
using NodaTime.Testing;
using Xunit;

namespace Miljofyrtarn.Storage.Sqlite.Tests;

public sealed class KillDuringAppendTest : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mft-kill-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static string WorkerPath()
    {
        // The worker is built next to this project with the same configuration: .../tests/<project>/bin/<config>/net10.0/
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        var tests = here.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(tests, "Miljofyrtarn.Storage.Worker", "bin", configuration, here.Name, "Miljofyrtarn.Storage.Worker.dll");
    }

    [Fact]
    public async Task KillingTheWriterHard_LosesNoAcknowledgedEvent_AndLeavesNoPartialOne()
    {
        File.Exists(WorkerPath()).Should().BeTrue(WorkerPath());
        var start = new ProcessStartInfo("dotnet", [WorkerPath(), _path, "964123454"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var worker = Process.Start(start)!;
        long acknowledged = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (acknowledged < 200 && await worker.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            acknowledged = long.Parse(line["ack ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        }

        worker.Kill(entireProcessTree: true);
        await worker.WaitForExitAsync(timeout.Token);
        acknowledged.Should().BeGreaterThanOrEqualTo(200, "the worker acknowledged appends before it was killed");

        var store = await SqliteEventStore.OpenAsync(_path, Ct);
        var events = await store.ReadAsync("964123454", cancellationToken: Ct);

        events.Count.Should().BeGreaterThanOrEqualTo((int)acknowledged, "every acknowledged event is in the file");
        events.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), "no gaps and no partial event");
        var replayed = OrganisationLifecycle.Replay(CriteriaCatalog.LoadDefault(), events, new FakeClock(events[^1].OccurredAt));
        replayed.Version.Should().Be(events.Count);
    }
}
