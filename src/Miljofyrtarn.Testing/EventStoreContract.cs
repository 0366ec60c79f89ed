using FluentAssertions;
using Miljofyrtarn.Core;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Storage;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace Miljofyrtarn.Testing;

/// <summary>
/// What every <see cref="IEventStore"/> must do: the suite the library's own stores pass (in-memory, SQLite, PostgreSQL),
/// for a store of your own too. Derive a test class, return a new store over empty storage from
/// <see cref="CreateAsync"/> (a second call must reach the same storage, as a second server would), and every fact runs
/// against it: appends and conflicts, pages, the listing of streams, the global feed, annual reports with corrections,
/// and the hash chain.
/// </summary>
/// <example>
/// <code>
/// public sealed class MyStoreTest : EventStoreContract
/// {
///     protected override Task&lt;IEventStore&gt; CreateAsync() => Task.FromResult&lt;IEventStore&gt;(new MyStore(...));
/// }
/// </code>
/// </example>
public abstract partial class EventStoreContract
{
    /// <summary>The running test's cancellation token.</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A store over the storage under test; each call of one test reaches the same storage.</summary>
    /// <returns>The store.</returns>
    protected abstract Task<IEventStore> CreateAsync();

    /// <summary>Heim kommune started on a fake clock that moves a second per read, with its town hall assessed this many times (comments with Norwegian letters).</summary>
    /// <param name="assessments">How many assessments to record.</param>
    /// <param name="clock">The clock, or null for one starting 15 January 2024.</param>
    /// <returns>The lifecycle, at version <paramref name="assessments"/> + 1.</returns>
    public static OrganisationLifecycle Lifecycle(int assessments, FakeClock? clock = null)
    {
        clock ??= new FakeClock(Instant.FromUtc(2024, 1, 15, 8, 0)) { AutoAdvance = Duration.FromSeconds(1) };
        var lifecycle = OrganisationLifecycle.Start(CriteriaCatalog.LoadDefault(), "Heim kommune", OrganisationKind.Municipality,
            OrganisationNumber.Parse("964123454"), new UnitDefinition(new UnitId("raadhuset"), "Rådhuset"), "tester", clock);
        var criteria = lifecycle.Organisation.Resolve(lifecycle.Organisation.Headquarters.Id).Criteria;
        for (var i = 0; i < assessments; i++)
        {
            lifecycle = lifecycle.RecordAssessment(lifecycle.Organisation.Headquarters.Id, criteria[i % criteria.Length].Criterion.Id, (FulfilmentStatus)(i % 3), "tester", comment: $"nr. {i} – «æøå»");
        }

        return lifecycle;
    }

    /// <summary>The contract: appended events read back in order, and the lifecycle replays from them.</summary>
    [Fact]
    public async Task AppendAndRead_ReturnsTheEventsInOrder_AndTheLifecycleReplays()
    {
        var store = await CreateAsync();
        var lifecycle = Lifecycle(20);

        var version = await store.SaveAsync("964123454", lifecycle, 0, Ct);
        var loaded = await store.LoadAsync("964123454", lifecycle.Organisation.Catalog, lifecycle.Clock, cancellationToken: Ct);

        version.Should().Be(21);
        (await store.GetVersionAsync("964123454", Ct)).Should().Be(21);
        (await store.ReadAsync("964123454", cancellationToken: Ct)).Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, 21).Select(i => (long)i));
        (await store.ReadAsync("964123454", afterVersion: 19, cancellationToken: Ct)).Select(e => e.Sequence).Should().Equal(20, 21);
        loaded.Organisation.GetAssessment(lifecycle.Organisation.Headquarters.Id, lifecycle.Organisation.Resolve(lifecycle.Organisation.Headquarters.Id).Criteria[3].Criterion.Id)!.Comment
            .Should().Be("nr. 3 – «æøå»");
        (await store.ReadAsync("no-such-stream", cancellationToken: Ct)).Should().BeEmpty();
        (await store.GetVersionAsync("no-such-stream", Ct)).Should().Be(0);
    }

    /// <summary>The contract: annual reports with their content and corrections come back as they were saved.</summary>
    [Fact]
    public async Task AnnualReportsWithContentAndCorrections_RoundTrip()
    {
        var store = await CreateAsync();
        var clock = new FakeClock(Instant.FromUtc(2024, 1, 15, 8, 0)) { AutoAdvance = Duration.FromSeconds(1) };
        var heim = Heim.CertifiedTownHall(CriteriaCatalog.LoadDefault(), clock);
        clock.Reset(Instant.FromUtc(2026, 3, 1, 8, 0));
        Core.Reporting.IndicatorValue[] figures =
        [
            new("arsverk", 120, Core.Reporting.MeasureUnit.FullTimeEquivalent), new("oppvarmet-areal", 6_000, Core.Reporting.MeasureUnit.SquareMetre),
            new("sykefravaer", 6.2, Core.Reporting.MeasureUnit.Percent), new("avfall-sortert", 12_000, Core.Reporting.MeasureUnit.Kilogram),
            new("avfall-restavfall", 7_000, Core.Reporting.MeasureUnit.Kilogram, Estimated: true), new("strom", 630_000.5, Core.Reporting.MeasureUnit.KilowattHour),
        ];
        var hk = Heim.Raadhuset;
        heim = heim.SubmitAnnualReport(hk, 2025, "miljo", heim.CreateReport(hk, 2025, figures, [new("Mindre strøm", 2028, "strom", 560_000, 2025)], ["LED – «æøå»"]));
        heim = heim.CorrectAnnualReport(hk, 2025, heim.CreateReport(hk, 2025, [.. figures.SkipLast(1), new("strom", 610_000, Core.Reporting.MeasureUnit.KilowattHour)]), "Måleren ble lest to ganger", "miljo");

        await store.SaveAsync("964123454", heim, 0, Ct);
        var loaded = await store.LoadAsync("964123454", heim.Organisation.Catalog, heim.Clock, cancellationToken: Ct);

        var report = loaded.GetUnitLifecycle(hk).Reports[2025];
        report.Content!.Get("strom")!.Value.Should().Be(610_000);
        report.Corrections.Should().ContainSingle().Which.Replaced!.Get("strom")!.Value.Should().Be(630_000.5);
        report.Corrections[0].Replaced!.Measures.Should().Equal("LED – «æøå»");
        report.Content.Get("avfall-restavfall")!.Estimated.Should().BeTrue();
        loaded.GetReports(2025).Should().ContainSingle();
    }

    /// <summary>The contract: an append at an old version is refused, and nothing is written.</summary>
    [Fact]
    public async Task AppendAtAnOldVersion_IsRefused_AndNothingIsWritten()
    {
        var store = await CreateAsync();
        var lifecycle = Lifecycle(5);
        await store.SaveAsync("s", lifecycle, 0, Ct);
        var more = lifecycle.RecordAssessment(lifecycle.Organisation.Headquarters.Id, 7, FulfilmentStatus.Fulfilled, "tester");

        var act = () => store.AppendAsync("s", 3, [more.History[^1] with { Sequence = 4 }], Ct);

        (await act.Should().ThrowAsync<MiljofyrtarnException>()).Which.Code.Should().Be(ErrorCodes.ConcurrencyConflict);
        (await store.GetVersionAsync("s", Ct)).Should().Be(6);
    }

    /// <summary>The contract: an append with gaps in its sequence, of nothing, or to a blank stream is refused.</summary>
    [Fact]
    public async Task AppendWithGapsOrNothing_IsRefused()
    {
        var store = await CreateAsync();
        var lifecycle = Lifecycle(3);

        await FluentActions.Invoking(() => store.AppendAsync("s", 0, [.. lifecycle.History.Skip(1)], Ct)).Should().ThrowAsync<MiljofyrtarnException>();
        await FluentActions.Invoking(() => store.AppendAsync("s", 0, [], Ct)).Should().ThrowAsync<MiljofyrtarnException>();
        await FluentActions.Invoking(() => store.AppendAsync(" ", 0, [.. lifecycle.History], Ct)).Should().ThrowAsync<MiljofyrtarnException>();
        (await store.GetVersionAsync("s", Ct)).Should().Be(0);
    }

    /// <summary>The contract: of two writers at the same version one succeeds and the other gets a conflict; nothing is duplicated.</summary>
    [Fact]
    public async Task TwoWritersAtTheSameVersion_OneSucceeds_TheOtherGetsAConflict_NothingIsDuplicated()
    {
        var store = await CreateAsync();
        var second = await CreateAsync();
        var lifecycle = Lifecycle(2);
        var version = await store.SaveAsync("s", lifecycle, 0, Ct);
        for (var round = 0; round < 20; round++)
        {
            var a = lifecycle.RecordAssessment(lifecycle.Organisation.Headquarters.Id, 7, FulfilmentStatus.Fulfilled, "writer-a");
            var b = lifecycle.RecordAssessment(lifecycle.Organisation.Headquarters.Id, 7, FulfilmentStatus.InProgress, "writer-b");

            var results = await Task.WhenAll(Try(store, a), Try(second, b));

            results.Count(r => r).Should().Be(1, $"round {round}: exactly one writer wins");
            version++;
            lifecycle = results[0] ? a : b;
            (await store.GetVersionAsync("s", Ct)).Should().Be(version);
        }

        var events = await store.ReadAsync("s", cancellationToken: Ct);
        events.Select(e => e.Sequence).Should().OnlyHaveUniqueItems().And.HaveCount((int)version);
        return;

        async Task<bool> Try(IEventStore target, OrganisationLifecycle candidate)
        {
            await Task.Yield();
            try
            {
                await target.AppendAsync("s", version, [candidate.History[^1]], Ct);
                return true;
            }
            catch (MiljofyrtarnException exception) when (exception.Code == ErrorCodes.ConcurrencyConflict)
            {
                return false;
            }
        }
    }

    /// <summary>The contract: a stream reads in pages that join up to the whole.</summary>
    [Fact]
    public async Task AStream_ReadsInPages_ThatJoinUpToTheWhole()
    {
        var store = await CreateAsync();
        var lifecycle = Lifecycle(25);
        await store.SaveAsync("s", lifecycle, 0, Ct);

        var pages = new List<IReadOnlyList<LifecycleEvent>>();
        for (long after = 0; ; after = pages[^1][^1].Sequence)
        {
            var page = await store.ReadPageAsync("s", after, 10, Ct);
            if (page.Count == 0)
            {
                break;
            }

            pages.Add(page);
        }

        pages.Select(p => p.Count).Should().Equal(10, 10, 6);
        pages.SelectMany(p => p).Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, 26).Select(i => (long)i));
        (await store.ReadPageAsync("s", 26, 10, Ct)).Should().BeEmpty();
        (await store.ReadPageAsync("unknown", 0, 10, Ct)).Should().BeEmpty();
    }

    /// <summary>The contract: an absurd page size is refused.</summary>
    /// <param name="maxCount">The page size asked for.</param>
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_001)]
    public async Task AnAbsurdPageSize_IsRefused(int maxCount)
    {
        var store = await CreateAsync();

        (await FluentActions.Awaiting(() => store.ReadPageAsync("s", 0, maxCount, Ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which.Code.Should().Be(ErrorCodes.NumberOutOfRange);
        (await FluentActions.Awaiting(() => store.ListStreamsAsync(null, maxCount, Ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which.Code.Should().Be(ErrorCodes.NumberOutOfRange);
    }

    /// <summary>The contract: streams are listed in pages, in name order, with their versions.</summary>
    [Fact]
    public async Task Streams_AreListedInPages_InNameOrder_WithTheirVersions()
    {
        var store = await CreateAsync();
        foreach (var (name, assessments) in new[] { ("c", 2), ("a", 0), ("e", 1), ("b", 3), ("d", 0) })
        {
            await store.SaveAsync(name, Lifecycle(assessments), 0, Ct);
        }

        var first = await store.ListStreamsAsync(null, 2, Ct);
        var second = await store.ListStreamsAsync(first[^1].Name, 2, Ct);
        var last = await store.ListStreamsAsync(second[^1].Name, 2, Ct);

        first.Should().Equal(new StreamSummary("a", 1), new StreamSummary("b", 4));
        second.Should().Equal(new StreamSummary("c", 3), new StreamSummary("d", 1));
        last.Should().Equal(new StreamSummary("e", 2));
        (await store.ListStreamsAsync("e", 2, Ct)).Should().BeEmpty();
    }

    /// <summary>The contract: the feed holds every stream's events in commit order, numbered without gaps, and reads in pages.</summary>
    [Fact]
    public async Task TheFeed_HoldsEveryStreamsEvents_InCommitOrder_NumberedWithoutGaps_AndReadsInPages()
    {
        var store = await CreateAsync();
        var (a, b, c) = (Lifecycle(4), Lifecycle(2), Lifecycle(1));
        await store.AppendAsync("a", 0, [.. a.History.Take(2)], Ct);
        await store.AppendAsync("b", 0, [.. b.History], Ct);
        await store.AppendAsync("a", 2, [.. a.History.Skip(2)], Ct);
        await store.AppendAsync("c", 0, [.. c.History], Ct);
        var expected = a.History.Take(2).Select(e => ("a", e.Sequence)).Concat(b.History.Select(e => ("b", e.Sequence)))
            .Concat(a.History.Skip(2).Select(e => ("a", e.Sequence))).Concat(c.History.Select(e => ("c", e.Sequence))).ToList();

        var feed = new List<FeedEvent>();
        for (long after = 0; ;)
        {
            var page = await store.ReadAllAsync(after, 4, Ct);
            feed.AddRange(page);
            if (page.Count < 4)
            {
                break;
            }

            after = page[^1].Position;
        }

        feed.Select(e => (e.Stream, e.Event.Sequence)).Should().Equal(expected);
        feed.Select(e => e.Position).Should().Equal(Enumerable.Range(1, expected.Count).Select(i => (long)i));
        feed.Where(e => e.Stream == "a").Select(e => e.Event).Should().Equal(a.History);
        (await store.ReadAllAsync(expected.Count, 10, Ct)).Should().BeEmpty();
        (await store.ReadAllAsync(5, 2, Ct)).Select(e => e.Position).Should().Equal(6, 7);
    }

    /// <summary>The contract: the feed of an empty store is empty, and absurd arguments are refused with their values.</summary>
    [Fact]
    public async Task TheFeed_OfAnEmptyStore_IsEmpty_AndAbsurdArgumentsAreRefusedWithTheirValues()
    {
        var store = await CreateAsync();

        (await store.ReadAllAsync(0, 10, Ct)).Should().BeEmpty();
        var negative = (await FluentActions.Awaiting(() => store.ReadAllAsync(-1, 10, Ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which;
        negative.Code.Should().Be(ErrorCodes.NumberOutOfRange);
        negative.Diagnostics[0].Arguments.Should().Contain("afterPosition");
        (await FluentActions.Awaiting(() => store.ReadAllAsync(0, 0, Ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which.Code.Should().Be(ErrorCodes.NumberOutOfRange);
        (await FluentActions.Awaiting(() => store.ReadAllAsync(0, 10_001, Ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which.Code.Should().Be(ErrorCodes.NumberOutOfRange);
    }

    /// <summary>The contract: a refused append leaves no trace in the feed.</summary>
    [Fact]
    public async Task ARefusedAppend_LeavesNoTraceInTheFeed()
    {
        var store = await CreateAsync();
        var lifecycle = Lifecycle(3);
        await store.SaveAsync("s", lifecycle, 0, Ct);
        await FluentActions.Awaiting(() => store.AppendAsync("s", 0, [.. lifecycle.History], Ct)).Should().ThrowAsync<MiljofyrtarnException>();
        await store.AppendAsync("t", 0, [lifecycle.History[0]], Ct);

        var feed = await store.ReadAllAsync(0, 100, Ct);

        feed.Select(e => (e.Position, e.Stream)).Should().Equal((1, "s"), (2, "s"), (3, "s"), (4, "s"), (5, "t"));
    }

    /// <summary>The contract: the chain head is the same in every store.</summary>
    [Fact]
    public async Task TheChainHead_IsTheSameInEveryStore()
    {
        var store = await CreateAsync();
        var lifecycle = Lifecycle(12);
        await store.SaveAsync("s", lifecycle, 0, Ct);

        var verification = await store.VerifyAsync("s", Ct);

        verification.ChainHead.Should().Be(HistoryChain.ComputeHead(lifecycle.History));
        verification.Version.Should().Be(13);
        verification.IsFullyVerified.Should().BeTrue();
    }
}
