using FluentAssertions;
using Miljofyrtarn.Core.Lifecycle;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Lifecycle;

/// <summary>
/// The event log keeps appended events in a linked list until <see cref="EventLog.All"/> is asked for, then appends to
/// that list (issue 16): whichever way a log was built, it lists the same events and finds the same events after a version.
/// </summary>
public class EventLogTest
{
    private static readonly IReadOnlyList<LifecycleEvent> Events = HeimLifecycle.WithCertifiedHeadquarters(HeimLifecycle.Clock()).History;

    [Theory]
    [InlineData(0, -1)] // all appended, the list never asked for
    [InlineData(0, 5)] // the list asked for after five events, then appended to
    [InlineData(7, -1)] // replayed from seven events, then appended
    [InlineData(7, 10)] // replayed, appended, listed, appended again
    public void EveryWayOfBuilding_ListsTheSameEvents_AndFindsTheSameAfterAVersion(int replayed, int listAfter)
    {
        var log = replayed == 0 ? EventLog.Of(Events[0]) : EventLog.Replayed([.. Events.Take(replayed)]);
        for (var i = Math.Max(replayed, 1); i < Events.Count; i++)
        {
            if (i == listAfter)
            {
                log.All.Should().Equal(Events.Take(i));
            }

            log = log.Add(Events[i]);
        }

        log.Count.Should().Be(Events.Count);
        for (var version = 0L; version <= Events.Count + 1; version++)
        {
            log.After(version).Should().Equal(Events.Where(e => e.Sequence > version), "after version {0}", version);
        }

        log.All.Should().Equal(Events);
        log.All.Should().BeSameAs(log.All, "listed once, then kept");
    }
}
