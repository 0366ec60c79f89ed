using FluentAssertions;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using Miljofyrtarn.Core.Tests.Organisations;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Lifecycle;

/// <summary>
/// Replay builds its working state in place and freezes it at the end: what it returns is as immutable as any other
/// lifecycle, shares nothing changeable with another replay of the same events, and its history is complete.
/// </summary>
public class LeanReplayTest
{
    private static (List<LifecycleEvent> History, OrganisationLifecycle Lifecycle) Recorded()
    {
        var clock = Clock();
        var lifecycle = WithCertifiedHeadquarters(clock);
        SetDate(clock, 2024, 6, 3);
        lifecycle = Certify(lifecycle, Heim.Skole, "UE-1");
        return ([.. lifecycle.History], lifecycle);
    }

    private static int OwnCriterion(OrganisationLifecycle lifecycle, UnitId unit) =>
        lifecycle.Organisation.Resolve(unit).Criteria.First(c => c.FulfilledBy == ResponsibleParty.Unit).Criterion.Id;

    [Fact]
    public void AReplayedLifecycle_DoesNotChange_WhenActionsAreTakenOnIt()
    {
        var (history, recorded) = Recorded();
        var replayed = OrganisationLifecycle.Replay(CriteriaCatalog.LoadDefault(), history, recorded.Clock);
        var before = LifecycleFingerprint.Of(replayed);
        var criterion = OwnCriterion(replayed, Heim.Barnehage);

        var after = replayed.RecordAssessment(Heim.Barnehage, criterion, FulfilmentStatus.InProgress, ManagerOf(replayed, Heim.Barnehage), comment: "after replay");

        LifecycleFingerprint.Of(replayed).Should().Be(before, "the replayed state is frozen: a later action copies");
        replayed.Organisation.GetAssessment(Heim.Barnehage, criterion).Should().BeNull();
        after.Organisation.GetAssessment(Heim.Barnehage, criterion)!.Comment.Should().Be("after replay");
        after.History.Should().HaveCount(history.Count + 1);
        replayed.History.Should().Equal(history);
    }

    [Fact]
    public void TwoReplaysOfOneHistory_ShareNothingThatChanges()
    {
        var (history, recorded) = Recorded();
        var catalog = CriteriaCatalog.LoadDefault();
        var first = OrganisationLifecycle.Replay(catalog, history, recorded.Clock);
        var second = OrganisationLifecycle.Replay(catalog, history, recorded.Clock);
        var criterion = OwnCriterion(first, Heim.Skole);
        var fingerprint = LifecycleFingerprint.Of(second);

        var changed = first.RecordAssessment(Heim.Skole, criterion, FulfilmentStatus.NotStarted, ManagerOf(first, Heim.Skole), comment: "only here");
        OrganisationLifecycle.Replay(catalog, [.. changed.History], recorded.Clock);

        LifecycleFingerprint.Of(second).Should().Be(fingerprint);
        LifecycleFingerprint.Of(first).Should().Be(fingerprint);
    }

    [Fact]
    public void TheCallersList_ChangedAfterReplay_DoesNotChangeTheHistory()
    {
        var (history, recorded) = Recorded();
        var replayed = OrganisationLifecycle.Replay(CriteriaCatalog.LoadDefault(), history, recorded.Clock);
        var copy = history.ToList();

        history.Reverse();

        replayed.History.Should().Equal(copy);
    }

    [Fact]
    public void EventsAppendedAfterReplay_AreSavedAfterTheStoredVersion()
    {
        var (history, recorded) = Recorded();
        var replayed = OrganisationLifecycle.Replay(CriteriaCatalog.LoadDefault(), history, recorded.Clock);
        var criterion = OwnCriterion(replayed, Heim.Barnehage);
        var manager = ManagerOf(replayed, Heim.Barnehage);

        var next = replayed
            .RecordAssessment(Heim.Barnehage, criterion, FulfilmentStatus.InProgress, manager)
            .RecordAssessment(Heim.Barnehage, criterion, FulfilmentStatus.Fulfilled, manager);

        next.EventsAfter(history.Count - 1).Select(e => e.Sequence).Should().Equal(history.Count, history.Count + 1, history.Count + 2);
        next.History.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, history.Count + 2).Select(i => (long)i));
        next.EventsAfter(0).Should().Equal(next.History);
    }
}
