using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Storage;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Contracts;

/// <summary>Load, apply and save over any store, with "not found" and conflicts coded and nothing written on a refusal.</summary>
public sealed class LifecycleRepositoryTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly StartOrganisationCommand Heim = new("Heim kommune", OrganisationKind.Municipality, "964123454",
        new UnitInput(Organisations.Heim.Raadhuset, "Rådhuset", MainSet: "felles-kommune-2023", Answers: Organisations.Heim.Answers(true, true, false, false),
            Officer: new PersonInput(Coordinator, "Miljøkoordinatoren"), Management: [new PersonInput(Mayor, "Ordføreren")]));

    private static LifecycleRepository Repository(IEventStore? store = null) =>
        new(store ?? new InMemoryEventStore(), CriteriaCatalog.LoadDefault(), Clock());

    [Fact]
    public async Task AnUnknownOrganisation_IsNullOrNotFound()
    {
        var repository = Repository();

        (await repository.FindAsync("964123454", Ct)).Should().BeNull();
        var missing = await FluentActions.Awaiting(() => repository.GetAsync("964123454", Ct)).Should().ThrowAsync<MiljofyrtarnException>();
        missing.Which.Code.Should().Be(ErrorCodes.StreamNotFound);
        missing.Which.Category.Should().Be(ErrorCategory.NotFound);
        (await FluentActions.Awaiting(() => repository.GetAsync(" ", Ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which.Code.Should().Be(ErrorCodes.BlankText);
    }

    [Fact]
    public async Task Created_IsStoredUnderItsNumber_AndLoadsAtItsVersion()
    {
        var repository = Repository();

        var created = await repository.CreateAsync(Heim, Coordinator, Ct);
        var loaded = await repository.GetAsync("964123454", Ct);

        LifecycleRepository.StreamOf(created).Should().Be("964123454");
        loaded.Version.Should().Be(1);
        loaded.Organisation.Headquarters.Name.Should().Be("Rådhuset");
        (await FluentActions.Awaiting(() => repository.CreateAsync(Heim, Coordinator, Ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which.Category.Should().Be(ErrorCategory.Conflict);
    }

    [Fact]
    public async Task Execute_AppliesAndSaves_AtTheExpectedVersion_OrRefusesAndWritesNothing()
    {
        var store = new InMemoryEventStore();
        var repository = Repository(store);
        await repository.CreateAsync(Heim, Coordinator, Ct);

        var started = await repository.ExecuteAsync("964123454", new CompleteStartUpCommand(new LocalDate(2024, 1, 20)), Coordinator, expectedVersion: 1, Ct);
        started.Version.Should().Be(2);
        (await store.GetVersionAsync("964123454", Ct)).Should().Be(2);

        var stale = await FluentActions.Awaiting(() => repository.ExecuteAsync("964123454", new OpenMappingCommand(Organisations.Heim.Raadhuset), Coordinator, expectedVersion: 1, Ct))
            .Should().ThrowAsync<MiljofyrtarnException>();
        stale.Which.Code.Should().Be(ErrorCodes.ConcurrencyConflict);
        var refused = await FluentActions.Awaiting(() => repository.ExecuteAsync("964123454", new DeliverCommand(Organisations.Heim.Raadhuset), Mayor, null, Ct))
            .Should().ThrowAsync<MiljofyrtarnException>();
        refused.Which.Category.Should().Be(ErrorCategory.RefusedByRule);
        (await store.GetVersionAsync("964123454", Ct)).Should().Be(2);
    }

    [Fact]
    public async Task ASaveAfterSomeoneElsesSave_IsAConflict()
    {
        var repository = Repository();
        await repository.CreateAsync(Heim, Coordinator, Ct);
        var mine = await repository.GetAsync("964123454", Ct);
        await repository.ExecuteAsync("964123454", new CompleteStartUpCommand(new LocalDate(2024, 1, 20)), Coordinator, null, Ct);

        var changed = mine.CompleteStartUp(new LocalDate(2024, 1, 21), Coordinator);

        (await FluentActions.Awaiting(() => repository.SaveAsync(changed, mine.Version, Ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which.Code.Should().Be(ErrorCodes.ConcurrencyConflict);
        (await repository.GetAsync("964123454", Ct)).StartUpListSentOn.Should().Be(new LocalDate(2024, 1, 20));
    }

    [Fact]
    public async Task Organisations_AreListedInPages_WithTheKeyToTheNext()
    {
        var repository = Repository();
        foreach (var number in new[] { "964123454", "974760673", "938801363" })
        {
            await repository.CreateAsync(Heim with { Number = number }, Coordinator, Ct);
        }

        var first = await repository.ListAsync(null, 2, Ct);
        var rest = await repository.ListAsync(first.Next, 2, Ct);

        first.Items.Select(s => s.Name).Should().Equal("938801363", "964123454");
        first.Next.Should().Be("964123454");
        rest.Items.Select(s => s.Name).Should().Equal("974760673");
        rest.Next.Should().BeNull();
    }
}
