using System.Collections.Concurrent;
using System.Diagnostics;
using FluentAssertions;
using Xunit;
using static Miljofyrtarn.AspNetCore.Tests.HeimScenario;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>Issue 32: the documented <c>miljofyrtarn.command</c> activity was never emitted.</summary>
public sealed class CommandActivityTest
{
    [Fact]
    public async Task EachChange_IsAnActivity_WithItsActionAndVersion_OrTheCodeThatRefusedIt()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MiljofyrtarnTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);

        await OkAsync(api.ActAsync(new { action = "openMapping", unit = Raadhuset }));
        using var refused = await api.ActAsync(new { action = "deliver", unit = Barnehage }, user: BarnehageLeader);

        var commands = stopped.Where(a => a.OperationName == "miljofyrtarn.command" && (string?)a.GetTagItem("miljofyrtarn.organisation") == TestApi.Number).ToList();
        var opened = commands.Single(a => (string?)a.GetTagItem("miljofyrtarn.action") == "openMapping");
        opened.Status.Should().Be(ActivityStatusCode.Unset);
        opened.GetTagItem("miljofyrtarn.version").Should().NotBeNull();
        var delivered = commands.Single(a => (string?)a.GetTagItem("miljofyrtarn.action") == "deliver");
        delivered.Status.Should().Be(ActivityStatusCode.Error);
        delivered.GetTagItem("error.type").Should().Be("MFT0311", "delivering is not possible in the kindergarten's state");
    }
}
