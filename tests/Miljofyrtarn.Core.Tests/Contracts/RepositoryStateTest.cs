using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Contracts;

/// <summary>
/// Issue 32: a load does not cost the history. The repository keeps each organisation's latest state and reads only the
/// events after it, so another writer's change is always seen; otherwise it starts from the store's snapshot.
/// </summary>
public sealed class RepositoryStateTest
{
    private const string Number = "964123454";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly StartOrganisationCommand Heim = new("Heim kommune", OrganisationKind.Municipality, Number,
        new UnitInput(Organisations.Heim.Raadhuset, "Rådhuset", MainSet: "felles-kommune-2023", Answers: Organisations.Heim.Answers(true, true, false, false),
            Officer: new PersonInput(Coordinator, "Miljøkoordinatoren"), Management: [new PersonInput(Mayor, "Ordføreren")]));

    private static LifecycleRepository Repository(IEventStore store, int snapshotEvery = 100, int cached = 1000) =>
        new(store, CriteriaCatalog.LoadDefault(), Clock(), null, new LifecycleRepositoryOptions { SnapshotEvery = snapshotEvery, CachedOrganisations = cached });

    /// <summary>A store that passes every call on to another; a test store overrides what it changes.</summary>
    private abstract class DecoratedStore(IEventStore inner) : IEventStore
    {
        public virtual Task<IReadOnlyList<LifecycleEvent>> ReadAsync(string stream, long afterVersion = 0, CancellationToken cancellationToken = default) => inner.ReadAsync(stream, afterVersion, cancellationToken);

        public Task<long> AppendAsync(string stream, long expectedVersion, IReadOnlyList<LifecycleEvent> events, CancellationToken cancellationToken = default) => inner.AppendAsync(stream, expectedVersion, events, cancellationToken);

        public Task<long> GetVersionAsync(string stream, CancellationToken cancellationToken = default) => inner.GetVersionAsync(stream, cancellationToken);

        public Task<HistoryVerification> VerifyAsync(string stream, CancellationToken cancellationToken = default) => inner.VerifyAsync(stream, cancellationToken);

        public Task<IReadOnlyList<LifecycleEvent>> ReadPageAsync(string stream, long afterVersion, int maxCount, CancellationToken cancellationToken = default) => inner.ReadPageAsync(stream, afterVersion, maxCount, cancellationToken);

        public Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string? after, int maxCount, CancellationToken cancellationToken = default) => inner.ListStreamsAsync(after, maxCount, cancellationToken);

        public Task<IReadOnlyList<FeedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default) => inner.ReadAllAsync(afterPosition, maxCount, cancellationToken);

        public Task<bool> WriteSnapshotAsync(string stream, StoredSnapshot snapshot, CancellationToken cancellationToken = default) => inner.WriteSnapshotAsync(stream, snapshot, cancellationToken);

        public Task<StoredSnapshot?> ReadSnapshotAsync(string stream, CancellationToken cancellationToken = default) => inner.ReadSnapshotAsync(stream, cancellationToken);
    }

    /// <summary>Records every read's starting version, so a test sees what a load cost.</summary>
    private sealed class CountingStore(IEventStore inner) : DecoratedStore(inner)
    {
        public List<long> ReadsAfter { get; } = [];

        public override Task<IReadOnlyList<LifecycleEvent>> ReadAsync(string stream, long afterVersion = 0, CancellationToken cancellationToken = default)
        {
            ReadsAfter.Add(afterVersion);
            return base.ReadAsync(stream, afterVersion, cancellationToken);
        }
    }

    [Fact]
    public async Task AKeptState_IsReturnedAsItIs_WhenNothingChanged_AndReadsOnlyAfterItsVersion()
    {
        var store = new CountingStore(new InMemoryEventStore());
        var repository = Repository(store);
        await repository.CreateAsync(Heim, Coordinator, Ct);
        await repository.ExecuteAsync(Number, new CompleteStartUpCommand(new LocalDate(2024, 1, 20)), Coordinator, null, Ct);
        store.ReadsAfter.Clear();

        var first = await repository.GetAsync(Number, Ct);
        var second = await repository.GetAsync(Number, Ct);

        second.Should().BeSameAs(first);
        first.Version.Should().Be(2);
        store.ReadsAfter.Should().Equal(2, 2);
    }

    [Fact]
    public async Task AnotherWritersChange_IsSeen_ByTheRepositoryThatKeptTheOlderState()
    {
        var store = new InMemoryEventStore();
        var mine = Repository(store);
        var theirs = Repository(store);
        await mine.CreateAsync(Heim, Coordinator, Ct);
        (await mine.GetAsync(Number, Ct)).StartUpListSentOn.Should().BeNull();

        await theirs.ExecuteAsync(Number, new CompleteStartUpCommand(new LocalDate(2024, 1, 20)), Coordinator, null, Ct);

        var seen = await mine.GetAsync(Number, Ct);
        seen.Version.Should().Be(2);
        seen.StartUpListSentOn.Should().Be(new LocalDate(2024, 1, 20));
        var refused = await FluentActions.Awaiting(() => mine.ExecuteAsync(Number, new OpenMappingCommand(Organisations.Heim.Raadhuset), Coordinator, expectedVersion: 1, Ct)).Should().ThrowAsync<MiljofyrtarnException>();
        refused.Which.Code.Should().Be(ErrorCodes.ConcurrencyConflict);
    }

    [Fact]
    public async Task WithAFullCache_OrNone_EveryLoadIsStillTheStoredState()
    {
        var store = new InMemoryEventStore();
        var setUp = Repository(store);
        await setUp.CreateAsync(Heim, Coordinator, Ct);
        await setUp.CreateAsync(Heim with { Number = "974760673", Name = "Storby kommune" }, Coordinator, Ct);
        foreach (var cached in new[] { 0, 1 })
        {
            var repository = Repository(store, cached: cached);
            for (var round = 0; round < 2; round++)
            {
                (await repository.GetAsync(Number, Ct)).Organisation.Name.Should().Be("Heim kommune");
                (await repository.GetAsync("974760673", Ct)).Organisation.Name.Should().Be("Storby kommune");
            }
        }
    }

    [Fact]
    public async Task ALoad_StartsFromTheSnapshot_AndReadsOnlyTheEventsAfterIt()
    {
        var inner = new InMemoryEventStore();
        var writer = Repository(inner, snapshotEvery: 2, cached: 0);
        await writer.CreateAsync(Heim, Coordinator, Ct);
        await writer.ExecuteAsync(Number, new CompleteStartUpCommand(new LocalDate(2024, 1, 20)), Coordinator, null, Ct);
        var created = await writer.GetAsync(Number, Ct);
        var criterion = created.Organisation.Resolve(Organisations.Heim.Raadhuset).Criteria[0].Criterion.Id;
        await writer.ExecuteAsync(Number, new RecordAssessmentCommand(Organisations.Heim.Raadhuset, criterion, Core.Assessment.FulfilmentStatus.Fulfilled, "ok"), Coordinator, null, Ct);
        (await inner.ReadSnapshotAsync(Number, Ct))!.Version.Should().Be(2);

        var store = new CountingStore(inner);
        var loaded = await Repository(store, snapshotEvery: 2, cached: 0).GetAsync(Number, Ct);

        store.ReadsAfter.Should().Equal(2);
        loaded.Version.Should().Be(3);
        SnapshotJson.Write(loaded).Should().Equal(SnapshotJson.Write(OrganisationLifecycle.Replay(CriteriaCatalog.LoadDefault(), await inner.ReadAsync(Number, 0, Ct), Clock())));
    }

    [Fact]
    public async Task ALoadThatReplayedManyEvents_WritesASnapshot_ForTheNextLoad()
    {
        var store = new InMemoryEventStore();
        var writer = Repository(store, snapshotEvery: 0);
        await writer.CreateAsync(Heim, Coordinator, Ct);
        await writer.ExecuteAsync(Number, new CompleteStartUpCommand(new LocalDate(2024, 1, 20)), Coordinator, null, Ct);
        (await store.ReadSnapshotAsync(Number, Ct)).Should().BeNull("snapshots were off");

        await Repository(store, snapshotEvery: 2, cached: 0).GetAsync(Number, Ct);

        (await store.ReadSnapshotAsync(Number, Ct))!.Version.Should().Be(2);
    }

    [Fact]
    public async Task ASnapshotInAFormatNoLongerRead_IsPassedOver_AndTheEventsReplayed()
    {
        var store = new InMemoryEventStore();
        var writer = Repository(store, snapshotEvery: 0);
        await writer.CreateAsync(Heim, Coordinator, Ct);
        var document = System.Text.Encoding.UTF8.GetString(SnapshotJson.Write(await writer.GetAsync(Number, Ct)));
        document.Should().Contain("\"schemaVersion\":1");
        await store.WriteSnapshotAsync(Number, new StoredSnapshot(1, System.Text.Encoding.UTF8.GetBytes(document.Replace("\"schemaVersion\":1", "\"schemaVersion\":99", StringComparison.Ordinal))), Ct);

        (await Repository(store, cached: 0).GetAsync(Number, Ct)).Organisation.Name.Should().Be("Heim kommune");
    }

    [Fact]
    public async Task ASnapshotOfAnotherOrganisation_IsRefused_AsABindingMismatch()
    {
        var store = new InMemoryEventStore();
        var writer = Repository(store, snapshotEvery: 0);
        await writer.CreateAsync(Heim, Coordinator, Ct);
        var other = await writer.CreateAsync(Heim with { Number = "974760673", Name = "Storby kommune" }, Coordinator, Ct);
        await store.WriteSnapshotAsync(Number, new StoredSnapshot(1, SnapshotJson.Write(other)), Ct);

        var refused = await FluentActions.Awaiting(() => Repository(store, cached: 0).GetAsync(Number, Ct)).Should().ThrowAsync<MiljofyrtarnException>();
        refused.Which.Code.Should().Be(ErrorCodes.HistoryBindingMismatch);
        refused.Which.Diagnostics[0].Arguments.Should().Equal("stream", Number, "974760673");
        (await FluentActions.Awaiting(() => writer.VerifyAsync(Number, Ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which.Code.Should().Be(ErrorCodes.SnapshotMismatch);
    }

    [Fact]
    public async Task ASaveThatCrossesAMultiple_WritesTheSnapshot_AndOnlyThen()
    {
        // Every 2 events, nothing kept, nothing read between the saves: 0 → 1 crosses no multiple, 1 → 2 crosses 2, 2 → 3 none.
        var store = new InMemoryEventStore();
        var writer = Repository(store, snapshotEvery: 2, cached: 0);
        var created = await writer.CreateAsync(Heim, Coordinator, Ct);
        (await store.ReadSnapshotAsync(Number, Ct)).Should().BeNull();
        var started = created.CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);
        await writer.SaveAsync(started, 1, Ct);
        (await store.ReadSnapshotAsync(Number, Ct))!.Version.Should().Be(2);
        var hk = Organisations.Heim.Raadhuset;
        await writer.SaveAsync(started.RecordAssessment(hk, started.Organisation.Resolve(hk).Criteria[0].Criterion.Id, Core.Assessment.FulfilmentStatus.Fulfilled, Coordinator), 2, Ct);
        (await store.ReadSnapshotAsync(Number, Ct))!.Version.Should().Be(2);
    }

    [Fact]
    public async Task WithSnapshotsOff_ALoadNeitherReadsNorWritesThem()
    {
        var inner = new InMemoryEventStore();
        var writer = Repository(inner, snapshotEvery: 1, cached: 0);
        await writer.CreateAsync(Heim, Coordinator, Ct);
        await writer.ExecuteAsync(Number, new CompleteStartUpCommand(new LocalDate(2024, 1, 20)), Coordinator, null, Ct);
        (await inner.ReadSnapshotAsync(Number, Ct))!.Version.Should().Be(2);

        var store = new CountingStore(inner);
        (await Repository(store, snapshotEvery: 0, cached: 0).GetAsync(Number, Ct)).Version.Should().Be(2);
        store.ReadsAfter.Should().Equal(0);

        var fresh = new InMemoryEventStore();
        await Repository(fresh, snapshotEvery: 0).CreateAsync(Heim, Coordinator, Ct);
        await Repository(fresh, snapshotEvery: 0, cached: 0).GetAsync(Number, Ct);
        (await fresh.ReadSnapshotAsync(Number, Ct)).Should().BeNull("a load with snapshots off writes none");
        await Repository(fresh, snapshotEvery: 5, cached: 0).GetAsync(Number, Ct);
        (await fresh.ReadSnapshotAsync(Number, Ct)).Should().BeNull("one event is fewer than five");
    }

    [Fact]
    public async Task AKeptStateThatMovesOnByManyEvents_IsSnapshotted_AtTheLoad()
    {
        var store = new InMemoryEventStore();
        var reader = Repository(store, snapshotEvery: 2);
        var writer = Repository(store, snapshotEvery: 0, cached: 0);
        await writer.CreateAsync(Heim, Coordinator, Ct);
        (await reader.GetAsync(Number, Ct)).Version.Should().Be(1);

        await writer.ExecuteAsync(Number, new CompleteStartUpCommand(new LocalDate(2024, 1, 20)), Coordinator, null, Ct);
        (await reader.GetAsync(Number, Ct)).Version.Should().Be(2);
        (await store.ReadSnapshotAsync(Number, Ct)).Should().BeNull("one event after the kept state is fewer than two");

        var hk = Organisations.Heim.Raadhuset;
        var criteria = (await writer.GetAsync(Number, Ct)).Organisation.Resolve(hk).Criteria;
        await writer.ExecuteAsync(Number, new RecordAssessmentCommand(hk, criteria[0].Criterion.Id, Core.Assessment.FulfilmentStatus.Fulfilled), Coordinator, null, Ct);
        await writer.ExecuteAsync(Number, new RecordAssessmentCommand(hk, criteria[1].Criterion.Id, Core.Assessment.FulfilmentStatus.Fulfilled), Coordinator, null, Ct);
        (await reader.GetAsync(Number, Ct)).Version.Should().Be(4);
        (await store.ReadSnapshotAsync(Number, Ct))!.Version.Should().Be(4, "exactly two events were read after the kept state");
    }

    [Fact]
    public async Task FindAsync_KeepsWhatItLoaded()
    {
        var inner = new InMemoryEventStore();
        await Repository(inner, snapshotEvery: 0).CreateAsync(Heim, Coordinator, Ct);
        var store = new CountingStore(inner);
        var repository = Repository(store, snapshotEvery: 0);

        (await repository.FindAsync(Number, Ct))!.Version.Should().Be(1);
        (await repository.FindAsync(Number, Ct))!.Version.Should().Be(1);
        (await repository.FindAsync("974760673", Ct)).Should().BeNull();
        store.ReadsAfter.Should().Equal(0, 1, 0);
    }

    [Fact]
    public async Task ASnapshotWhoseDocumentIsAtAnotherVersion_IsRefused()
    {
        var store = new InMemoryEventStore();
        var writer = Repository(store, snapshotEvery: 0, cached: 0);
        var created = await writer.CreateAsync(Heim, Coordinator, Ct);
        await writer.ExecuteAsync(Number, new CompleteStartUpCommand(new LocalDate(2024, 1, 20)), Coordinator, null, Ct);
        await store.WriteSnapshotAsync(Number, new StoredSnapshot(2, SnapshotJson.Write(created)), Ct);

        var refused = await FluentActions.Awaiting(() => Repository(store, cached: 0).GetAsync(Number, Ct)).Should().ThrowAsync<MiljofyrtarnException>();
        refused.Which.Diagnostics[0].Arguments.Should().Equal(Number, "2", "Version");
        var audited = await FluentActions.Awaiting(() => writer.VerifyAsync(Number, Ct)).Should().ThrowAsync<MiljofyrtarnException>();
        audited.Which.Diagnostics[0].Arguments.Should().Equal(Number, "2", "Version");
    }

    [Fact]
    public async Task TheFullVerification_ReplaysEveryEvent_WithOrWithoutASnapshot()
    {
        var store = new InMemoryEventStore();
        var repository = Repository(store, snapshotEvery: 0);
        await repository.CreateAsync(Heim, Coordinator, Ct);
        await repository.ExecuteAsync(Number, new CompleteStartUpCommand(new LocalDate(2024, 1, 20)), Coordinator, null, Ct);

        var verified = await repository.VerifyAsync(Number, Ct);
        verified.Version.Should().Be(2);
        verified.ChainHead.Should().Be(HistoryChain.ComputeHead(await store.ReadAsync(Number, 0, Ct)));
        (await FluentActions.Awaiting(() => repository.VerifyAsync("974760673", Ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which.Code.Should().Be(ErrorCodes.StreamNotFound);
        (await FluentActions.Awaiting(() => repository.VerifyAsync(" ", Ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which.Diagnostics[0].Arguments.Should().Equal("organisation");

        // An event after the snapshot that its rules refuse: the audit replays it and says so, as a replay would.
        await store.WriteSnapshotAsync(Number, new StoredSnapshot(1, SnapshotJson.Write(OrganisationLifecycle.Replay(CriteriaCatalog.LoadDefault(), (await store.ReadAsync(Number, 0, Ct)).Take(1), Clock()))), Ct);
        (await repository.VerifyAsync(Number, Ct)).Version.Should().Be(2, "the snapshot holds the state the first event gives");
        var forged = new ForgingStore(store, 2);
        (await FluentActions.Awaiting(() => Repository(forged, cached: 0).VerifyAsync(Number, Ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which.Code.Should().Be(ErrorCodes.CorruptHistory);
        (await FluentActions.Awaiting(() => Repository(new ForgingStore(store, 1), cached: 0).VerifyAsync(Number, Ct)).Should().ThrowAsync<MiljofyrtarnException>())
            .Which.Code.Should().Be(ErrorCodes.HistoryBindingMismatch, "the first event names another organisation");
    }

    [Fact]
    public async Task TheOrganisationsAreListed_WithTheirNames_AndAStreamOfAnotherOrganisationIsRefused()
    {
        var store = new InMemoryEventStore();
        var repository = Repository(store);
        await repository.CreateAsync(Heim, Coordinator, Ct);
        await repository.CreateAsync(Heim with { Number = "974760673", Name = "Storby kommune" }, Coordinator, Ct);

        var page = await repository.ListOrganisationsAsync(null, 1, Ct);
        page.Items.Should().Equal(new OrganisationSummary(Number, "Heim kommune", OrganisationKind.Municipality, 1));
        page.Next.Should().Be(Number);
        (await repository.ListOrganisationsAsync(page.Next, 10, Ct)).Items.Select(o => o.Name).Should().Equal("Storby kommune");

        await store.AppendAsync("999999999", 0, [(await store.ReadAsync(Number, 0, Ct))[0]], Ct);
        var refused = await FluentActions.Awaiting(() => repository.ListOrganisationsAsync(null, 10, Ct)).Should().ThrowAsync<MiljofyrtarnException>();
        refused.Which.Diagnostics[0].Arguments.Should().Equal("stream", "999999999", Number);
    }

    [Fact]
    public async Task TheRepository_TakesItsRules_AndRefusesNulls()
    {
        var rules = SchemeRuleBook.Of(SchemeRules.Default with { RequiresFollowUpAudit = true });
        new LifecycleRepository(new InMemoryEventStore(), CriteriaCatalog.LoadDefault(), Clock(), rules, LifecycleRepositoryOptions.Default).Rules.Should().BeSameAs(rules);
        new LifecycleRepository(new InMemoryEventStore(), CriteriaCatalog.LoadDefault(), Clock()).Options.Should().BeSameAs(LifecycleRepositoryOptions.Default);
        FluentActions.Invoking(() => new LifecycleRepository(null!, CriteriaCatalog.LoadDefault(), Clock())).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("store");
        FluentActions.Invoking(() => new LifecycleRepository(new InMemoryEventStore(), null!, Clock())).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("catalog");
        FluentActions.Invoking(() => new LifecycleRepository(new InMemoryEventStore(), CriteriaCatalog.LoadDefault(), null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("clock");
        FluentActions.Invoking(() => new LifecycleRepository(new InMemoryEventStore(), CriteriaCatalog.LoadDefault(), Clock(), null, null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("options");
        FluentActions.Invoking(() => LifecycleRepository.StreamOf(null!)).Should().Throw<ArgumentNullException>();
        var repository = Repository(new InMemoryEventStore());
        await FluentActions.Awaiting(() => repository.CreateAsync(null!, Coordinator, Ct)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(() => repository.ExecuteAsync(Number, null!, Coordinator, null, Ct)).Should().ThrowAsync<ArgumentNullException>();
    }

    /// <summary>A store whose event at one sequence is replaced by a forgery: one the rules refuse, or (at 1) another organisation's start.</summary>
    private sealed class ForgingStore(IEventStore inner, long at) : DecoratedStore(inner)
    {
        public override async Task<IReadOnlyList<LifecycleEvent>> ReadAsync(string stream, long afterVersion = 0, CancellationToken cancellationToken = default)
        {
            var events = (await base.ReadAsync(stream, afterVersion, cancellationToken)).ToList();
            var i = events.FindIndex(e => e.Sequence == at);
            if (i >= 0)
            {
                events[i] = events[i] is OrganisationCreated created
                    ? created with { Number = Core.Organisations.OrganisationNumber.Parse("974760673") }
                    : new StartUpCompleted(events[i].Sequence, events[i].OccurredAt - NodaTime.Duration.FromDays(400), events[i].Actor, new LocalDate(2024, 1, 20));
            }

            return events;
        }
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(Limits.Events + 1, 0)]
    [InlineData(0, -1)]
    [InlineData(0, 1_000_001)]
    public void OptionsOutOfRange_AreRefused_NamingTheOption(int snapshotEvery, int cached)
    {
        var act = () => new LifecycleRepositoryOptions { SnapshotEvery = snapshotEvery, CachedOrganisations = cached };
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(snapshotEvery != 0 ? "SnapshotEvery" : "CachedOrganisations");
    }
}
