using System.Diagnostics;
using System.Globalization;
using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;
using NodaTime.Testing;
using Miljofyrtarn.Storage.Tests;
using Xunit;

namespace Miljofyrtarn.Storage.Postgres.Tests;

/// <summary>A writer killed hard, and the server stopped and started again, in the middle of appends.</summary>
public sealed class KillAndRestartTest : SchemaScopedTest
{
    private static string WorkerPath()
    {
        // The worker is built next to this project with the same configuration: .../tests/<project>/bin/<config>/net10.0/
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var tests = here.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(tests, "Miljofyrtarn.Storage.Worker", "bin", here.Parent!.Name, here.Name, "Miljofyrtarn.Storage.Worker.dll");
    }

    [Fact]
    public async Task KillingTheWriterHard_LosesNoAcknowledgedEvent_LeavesNoPartialOne_AndTheStreamReplays()
    {
        File.Exists(WorkerPath()).Should().BeTrue(WorkerPath());
        await PostgresEventStore.OpenAsync(PostgresServer.DataSource, Schema, Ct);
        var start = new ProcessStartInfo("dotnet", [WorkerPath(), "postgres", PostgresServer.ConnectionString, Schema, "964123454"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var worker = Process.Start(start)!;
        long acknowledged = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (acknowledged < 300 && await worker.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            acknowledged = long.Parse(line["ack ".Length..], CultureInfo.InvariantCulture);
        }

        worker.Kill(entireProcessTree: true); // SIGKILL: no chance to finish or roll back anything
        await worker.WaitForExitAsync(timeout.Token);
        acknowledged.Should().BeGreaterThanOrEqualTo(300, "the worker acknowledged appends before it was killed");

        var store = await PostgresEventStore.OpenAsync(PostgresServer.DataSource, Schema, Ct);
        var events = await store.ReadAsync("964123454", cancellationToken: Ct);

        events.Count.Should().BeGreaterThanOrEqualTo((int)acknowledged, "every acknowledged event is stored");
        events.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), "no gaps and no partial event");
        OrganisationLifecycle.Replay(CriteriaCatalog.LoadDefault(), events, new FakeClock(events[^1].OccurredAt)).Version.Should().Be(events.Count);
        (await store.VerifyAsync("964123454", Ct)).Version.Should().Be(events.Count);
    }

    [Fact]
    public async Task TheServerStoppedAndStarted_InTheMiddleOfARun_IsReportedAsUnavailable_ThenWorksAgain_LosingNothing()
    {
        // A server of its own, so stopping it does not disturb the other tests.
        var directory = Path.Combine(Path.GetTempPath(), $"mft-restart-{Guid.NewGuid():N}");
        var export = await PostgresServer.ToolAsync("start", directory);
        var connectionString = export.Trim()[(export.IndexOf('\'', StringComparison.Ordinal) + 1)..^1] + ";Timeout=5";
        try
        {
            await using var store = await PostgresEventStore.ConnectAsync(connectionString, "mft", Ct);
            var acknowledged = new List<LifecycleEvent>();
            await AppendAsync(store, acknowledged, 50);

            await PostgresServer.ToolAsync("stop", directory);
            var whileDown = new List<MiljofyrtarnException>();
            for (var i = 0; i < 3; i++)
            {
                whileDown.Add((await FluentActions.Awaiting(() => AppendAsync(store, acknowledged, 1)).Should().ThrowAsync<MiljofyrtarnException>()).Which);
                whileDown.Add((await FluentActions.Awaiting(() => store.ReadAsync("s", cancellationToken: Ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which);
            }

            await PostgresServer.ToolAsync("start", directory);
            await AppendAsync(store, acknowledged, 50);

            whileDown.Should().OnlyContain(e => e.Code == ErrorCodes.StoreUnavailable && e.Category == ErrorCategory.Unavailable);
            (await store.ReadAsync("s", cancellationToken: Ct)).Should().Equal(acknowledged, "nothing acknowledged was lost and nothing else was stored");
            (await store.ReadAllAsync(0, 1000, Ct)).Select(e => e.Event).Should().Equal(acknowledged);
        }
        finally
        {
            await PostgresServer.ToolAsync("destroy", directory);
        }
    }

    private static async Task AppendAsync(IEventStore store, List<LifecycleEvent> acknowledged, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var next = acknowledged.Count == 0 ? Writers.First : Writers.Event(acknowledged.Count + 1, "restart");
            await store.AppendAsync("s", acknowledged.Count, [next], Ct);
            acknowledged.Add(next);
        }
    }
}
