using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Tests.Docs;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Lifecycle;

public class OrganisationLifecycleReplayTest
{
    private static List<LifecycleEvent> History(out OrganisationLifecycle lifecycle)
    {
        var clock = Clock();
        lifecycle = WithCertifiedHeadquarters(clock);
        SetDate(clock, 2024, 6, 3);
        lifecycle = Certify(lifecycle, Heim.Skole, "UE-1");
        return [.. lifecycle.History];
    }

    private static MiljofyrtarnException ReplayFails(IEnumerable<LifecycleEvent> history, string code = ErrorCodes.CorruptHistory)
    {
        var exception = FluentActions.Invoking(() => OrganisationLifecycle.Replay(CriteriaCatalog.LoadDefault(), history, Clock())).Should().Throw<MiljofyrtarnException>().Which;
        exception.Code.Should().Be(code);
        return exception;
    }

    [Fact]
    public void Replay_RebuildsExactlyTheSameState()
    {
        var history = History(out var lifecycle);

        var replayed = OrganisationLifecycle.Replay(CriteriaCatalog.LoadDefault(), history, lifecycle.Clock);

        LifecycleFingerprint.Of(replayed).Should().Be(LifecycleFingerprint.Of(lifecycle));
        replayed.History.Should().Equal(history);
    }

    [Fact]
    public void Replay_ReorderedEvents_IsRefused()
    {
        var history = History(out _);
        (history[5], history[6]) = (history[6], history[5]);

        ReplayFails(history).Diagnostics[0].Arguments[0].Should().Be(history[5].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Replay_AGap_IsRefused()
    {
        var history = History(out _);
        history.RemoveAt(10);

        ReplayFails(history).Diagnostics[0].Arguments[0].Should().Be("12");
    }

    [Fact]
    public void Replay_RenumberedButWithoutTheDelivery_IsRefusedBecauseCertificationNeedsIt()
    {
        var history = History(out _);
        var delivery = history.FindIndex(e => e is MappingDelivered);
        history.RemoveAt(delivery);
        var renumbered = history.Select((e, i) => e with { Sequence = i + 1 }).ToList();

        var exception = ReplayFails(renumbered);

        exception.Diagnostics.Select(d => d.Code).Should().Contain(ErrorCodes.ActionNotAllowedInState);
        exception.Diagnostics[0].Arguments[0].Should().Be((delivery + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Replay_TimeRunningBackwards_IsRefused()
    {
        var history = History(out _);
        history[7] = history[7] with { OccurredAt = history[0].OccurredAt - Duration.FromDays(1) };

        ReplayFails(history).Diagnostics.Select(d => d.Code).Should().Contain(ErrorCodes.TimeRunsBackwards);
    }

    [Fact]
    public void Replay_WithAnotherCatalogVersion_IsRefused()
    {
        var history = History(out _);
        var other = CriteriaCatalog.Load(System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(CriteriaCatalog.LoadDefault().ToUtf8Json()).Replace("2024.1-illustrative", "2099.1", StringComparison.Ordinal)));

        FluentActions.Invoking(() => OrganisationLifecycle.Replay(other, history, Clock())).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.CatalogMismatch);
    }

    [Fact]
    public void Replay_WithoutTheCreationEvent_IsRefused()
    {
        var history = History(out _);

        ReplayFails(history.Skip(1));
        ReplayFails([]);
    }

    [Fact]
    public void MermaidDiagrams_InDocs_AreGeneratedFromTheTransitionTable()
    {
        var generated = OrganisationLifecycle.GetMermaidDiagrams();
        var path = Path.Combine(RepositoryFiles.Root, "docs", "lifecycle.md");
        if (Environment.GetEnvironmentVariable("MFT_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, generated);
        }

        File.ReadAllText(path).Should().Be(generated, "docs/lifecycle.md is generated; run the tests with MFT_UPDATE_DOCS=1 to rewrite it");
        generated.Should().Contain("MappingOpen --> Delivered : Deliver [by a management user, every must-criterion fulfilled]");
        generated.Should().Contain("Tiltak og kriterier");
    }
}
