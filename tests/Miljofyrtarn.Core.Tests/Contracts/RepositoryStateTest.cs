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

    /// <summary>Records every read's starting version, so a test sees what a load cost.</summary>
    private sealed class CountingStore(IEventStore inner) : IEventStore
    {
        public List<long> ReadsAfter { get; } = [];

        public Task<long> AppendAsync(string stream, long expectedVersion, IReadOnlyList<LifecycleEvent> events, CancellationToken cancellationToken = default) => inner.AppendAsync(stream, expectedVersion, events, cancellationToken);

        public Task<IReadOnlyList<LifecycleEvent>> ReadAsync(string stream, long afterVersion = 0, CancellationToken cancellationToken = default)
        {
            ReadsAfter.Add(afterVersion);
            return inner.ReadAsync(stream, afterVersion, cancellationToken);
        }

        public Task<long> GetVersionAsync(string stream, CancellationToken cancellationToken = default) => inner.GetVersionAsync(stream, cancellationToken);

        public Task<HistoryVerification> VerifyAsync(string stream, CancellationToken cancellationToken = default) => inner.VerifyAsync(stream, cancellationToken);

        public Task<IReadOnlyList<LifecycleEvent>> ReadPageAsync(string stream, long afterVersion, int maxCount, CancellationToken cancellationToken = default) => inner.ReadPageAsync(stream, afterVersion, maxCount, cancellationToken);

        public Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string? after, int maxCount, CancellationToken cancellationToken = default) => inner.ListStreamsAsync(after, maxCount, cancellationToken);

        public Task<IReadOnlyList<FeedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default) => inner.ReadAllAsync(afterPosition, maxCount, cancellationToken);

        public Task<bool> WriteSnapshotAsync(string stream, StoredSnapshot snapshot, CancellationToken cancellationToken = default) => inner.WriteSnapshotAsync(stream, snapshot, cancellationToken);

        public Task<StoredSnapshot?> ReadSnapshotAsync(string stream, CancellationToken cancellationToken = default) => inner.ReadSnapshotAsync(stream, cancellationToken);
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
