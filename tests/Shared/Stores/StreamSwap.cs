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

namespace Miljofyrtarn.Storage.Tests;

/// <summary>
/// Finding 4 of issue 31: two organisations' streams swapped outside the library (each stream's rows renamed to the
/// other's name) made each organisation number load the other's history. The stream's name is outside the chain; the
/// organisation number in the first event is inside it, so the repository refuses the swap, and a kept statement
/// names it too.
/// </summary>
internal static class StreamSwap
{
    public const string First = "964123454";
    public const string Second = "974760673";

    public static OrganisationLifecycle Organisation(string number, string name)
    {
        var clock = new FakeClock(Instant.FromUtc(2024, 1, 15, 8, 0)) { AutoAdvance = Duration.FromSeconds(1) };
        var lifecycle = OrganisationLifecycle.Start(CriteriaCatalog.LoadDefault(), name, OrganisationKind.Municipality,
            OrganisationNumber.Parse(number), new UnitDefinition(new UnitId("raadhuset"), "Rådhuset"), "tester", clock);
        var hk = lifecycle.Organisation.Headquarters.Id;
        return lifecycle.RecordAssessment(hk, lifecycle.Organisation.Resolve(hk).Criteria[0].Criterion.Id, FulfilmentStatus.Fulfilled, "tester");
    }

    /// <summary>Stores both organisations and keeps a statement of each stream's head, as an auditor would.</summary>
    public static async Task<ChainStatement[]> StoreBothAsync(IEventStore store, ChainStatementKey key, CancellationToken ct)
    {
        var statements = new List<ChainStatement>();
        foreach (var (number, name) in new[] { (First, "Heim kommune"), (Second, "Storby kommune") })
        {
            await store.SaveAsync(number, Organisation(number, name), 0, ct);
            statements.Add(ChainStatement.Create(number, await store.VerifyAsync(number, ct), Instant.FromUtc(2024, 1, 31, 12, 0), key));
        }

        return [.. statements];
    }

    /// <summary>After the swap: loading refuses each stream, naming the organisation it holds; the kept statements find it too.</summary>
    public static async Task ShouldBeRefusedAsync(IEventStore store, ChainStatement[] kept, ChainStatementKey key, CancellationToken ct)
    {
        var repository = new LifecycleRepository(store, CriteriaCatalog.LoadDefault(), new FakeClock(Instant.FromUtc(2024, 2, 1, 8, 0)));
        var refused = await FluentActions.Awaiting(() => repository.GetAsync(First, ct)).Should().ThrowAsync<MiljofyrtarnException>();
        refused.Which.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == ErrorCodes.HistoryBindingMismatch && d.Arguments[0] == "stream" && d.Arguments[1] == First && d.Arguments[2] == Second);
        refused.Which.Category.Should().Be(ErrorCategory.CorruptData);
        (await FluentActions.Awaiting(() => repository.GetAsync(Second, ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which.Code.Should().Be(ErrorCodes.HistoryBindingMismatch);

        // Each stream's own chain still holds (the rows moved whole); only what binds it to its name finds the swap.
        (await store.VerifyAsync(First, ct)).IsFullyVerified.Should().BeTrue();
        (await FluentActions.Awaiting(() => ChainStatement.VerifyAsync(store, First, kept.Where(s => s.Stream == First), key, ct)).Should().ThrowAsync<MiljofyrtarnException>())
            .Which.Code.Should().Be(ErrorCodes.HistoryDiffersFromStatement);
    }
}
