using System.Collections.Immutable;
using FluentAssertions;
using Miljofyrtarn.Core;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Storage;
using NodaTime;
using NodaTime.Testing;

namespace Miljofyrtarn.Storage.Tests;

/// <summary>
/// The widest organisation the limits allow (issue 31): every text at its limit, in characters that take the most
/// bytes when escaped or encoded, every per-event collection full (50 management users, 50 evidence references), and
/// every actor ID 256 characters long. The stores and documents must read it back unchanged.
/// </summary>
internal static class WidestOrganisation
{
    public const string Number = "964123454";

    /// <summary>Units besides the headquarters; each adds an event of about 60 KB.</summary>
    public const int Units = 8;

    public static FakeClock Clock() => new(Instant.FromUtc(2024, 1, 15, 8, 0)) { AutoAdvance = Duration.FromSeconds(1) };

    /// <summary>A text of exactly <paramref name="length"/> UTF-16 units, mixing a two-byte letter, an escaped character and a four-byte emoji.</summary>
    public static string Text(int length, string seed = "")
    {
        var text = (seed + string.Concat(Enumerable.Repeat("ø<\"😀", length / 5 + 2)))[..length];
        return char.IsHighSurrogate(text[^1]) ? text[..^1] + "å" : text;
    }

    public static string Actor(int n) => Text(Limits.PersonIdLength, $"{n:D3}.");

    public static UnitDefinition Unit(string id, CriteriaCatalog catalog) => new(new UnitId(id), Text(Limits.NameLength, id))
    {
        Address = Text(Limits.AddressLength),
        FullTimeEquivalents = 12.5m,
        Officer = new Person(Actor(0), Text(Limits.NameLength)),
        Management = [.. Enumerable.Range(1, Limits.ManagementUsers).Select(i => new Person(Actor(i), Text(Limits.NameLength)))],
        Answers = catalog.Questions.ToImmutableDictionary(q => q.Id, _ => true),
    };

    public static OrganisationLifecycle Build()
    {
        var catalog = CriteriaCatalog.LoadDefault();
        var coordinator = Actor(999);
        var lifecycle = OrganisationLifecycle.Start(catalog, Text(Limits.NameLength, "Heim"), OrganisationKind.Municipality,
            OrganisationNumber.Parse(Number), Unit("raadhuset", catalog), coordinator, Clock());
        for (var u = 0; u < Units; u++)
        {
            lifecycle = lifecycle.AddUnit(Unit($"ue-{u}", catalog), coordinator);
        }

        var hk = lifecycle.Organisation.Headquarters.Id;
        var evidence = Enumerable.Range(0, Limits.EvidenceReferences)
            .Select(i => new EvidenceReference(Text(Limits.ReferenceLength, $"https://heim.kommune.no/{i}/"), new string('a', 64), new LocalDate(2200, 12, 31)))
            .ToImmutableArray();
        foreach (var criterion in lifecycle.Organisation.Resolve(hk).Criteria.Take(3))
        {
            lifecycle = lifecycle.RecordAssessment(hk, criterion.Criterion.Id, FulfilmentStatus.Fulfilled, coordinator,
                comment: Text(Limits.TextLength), evidence: evidence);
        }

        return lifecycle;
    }
}

/// <summary>The round trip every store must pass with the widest organisation.</summary>
internal static class WidestOrganisationRoundTrip
{
    public static async Task ShouldReadBackAsync(IEventStore store, CancellationToken ct)
    {
        var lifecycle = WidestOrganisation.Build();

        await store.SaveAsync(WidestOrganisation.Number, lifecycle, 0, ct);
        var loaded = await store.LoadAsync(WidestOrganisation.Number, lifecycle.Organisation.Catalog, WidestOrganisation.Clock(), cancellationToken: ct);

        // Events hold immutable arrays, which compare by reference: compare what is stored, byte for byte.
        loaded.History.Select(StoredEvents.Encode).Should().BeEquivalentTo(lifecycle.History.Select(StoredEvents.Encode), o => o.WithStrictOrdering());
        SnapshotJson.Write(loaded).Should().Equal(SnapshotJson.Write(lifecycle));
        (await store.VerifyAsync(WidestOrganisation.Number, ct)).ChainHead.Should().Be(HistoryChain.ComputeHead(lifecycle.History));
    }
}
