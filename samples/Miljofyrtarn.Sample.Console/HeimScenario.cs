using System.Collections.Immutable;
using Miljofyrtarn.Core;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using Miljofyrtarn.Core.Resolution;
using NodaTime;

namespace Miljofyrtarn.Sample.Console;

/// <summary>A clock the walkthrough moves by hand; it ticks a second on each read so actions keep their order.</summary>
internal sealed class SimulatedClock(Instant start) : IClock
{
    private Instant _now = start;

    public void Set(int year, int month, int day) => _now = Instant.FromUtc(year, month, day, 8, 0);

    /// <summary>The simulated day.</summary>
    public LocalDate Today => _now.InUtc().Date;

    public Instant GetCurrentInstant() => _now += Duration.FromSeconds(1);
}

/// <summary>Heim kommune, the rulebook's example: Rådhuset as headquarters and four units.</summary>
internal static class HeimScenario
{
    public const string Coordinator = "miljo@heim.kommune.no";
    public static readonly Person Mayor = new("ordforer@heim.kommune.no", "Ordføreren");
    public static readonly Certifier Certifier = new("kari@certnor.no", "Kari Sertifisør", OrganisationNumber.Parse("974760673"));
    public static readonly UnitId Raadhuset = new("raadhuset");

    public static readonly (UnitId Id, string Name, string Set, bool Kitchen)[] Units =
    [
        (new UnitId("solsikken"), "Solsikken barnehage", "barnehage", true),
        (new UnitId("heim-skole"), "Heim skole", "grunnskole-sfo", false),
        (new UnitId("heimtun"), "Heimtun sykehjem", "sykehjem", true),
        (new UnitId("hjemmetjenesten"), "Hjemmetjenesten", "hjemmebaserte-tjenester", false),
    ];

    public static OrganisationLifecycle Start(CriteriaCatalog catalog, IClock clock)
    {
        var headquarters = Unit(Raadhuset, "Rådhuset", null, kitchen: false, catalog) with { MainSetId = "felles-kommune-2023", FullTimeEquivalents = 120 };
        var lifecycle = OrganisationLifecycle.Start(catalog, "Heim kommune", OrganisationKind.Municipality, OrganisationNumber.Parse("964123454"), headquarters, Coordinator, clock);
        foreach (var (id, name, set, kitchen) in Units)
        {
            lifecycle = lifecycle.AddUnit(Unit(id, name, set, kitchen, catalog), Coordinator);
        }

        return lifecycle;
    }

    public static OrganisationLifecycle FulfilAll(OrganisationLifecycle lifecycle, UnitId unit)
    {
        foreach (var resolved in lifecycle.Organisation.Resolve(unit).Criteria.Where(c => c.FulfilledBy == ResponsibleParty.Unit))
        {
            lifecycle = lifecycle.RecordAssessment(unit, resolved.Criterion.Id, FulfilmentStatus.Fulfilled, Coordinator);
        }

        return lifecycle;
    }

    public static OrganisationLifecycle FulfilSome(OrganisationLifecycle lifecycle, UnitId unit, int count)
    {
        foreach (var resolved in lifecycle.Organisation.Resolve(unit).Criteria.Where(c => c.FulfilledBy == ResponsibleParty.Unit).Take(count))
        {
            lifecycle = lifecycle.RecordAssessment(unit, resolved.Criterion.Id, FulfilmentStatus.Fulfilled, Coordinator);
        }

        return lifecycle;
    }

    /// <summary>The whole story to the end of 2027: certified, reported and recertified.</summary>
    public static OrganisationLifecycle Complete(CriteriaCatalog catalog, SimulatedClock clock)
    {
        clock.Set(2024, 1, 15);
        var heim = Start(catalog, clock).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);
        clock.Set(2024, 3, 1);
        heim = FulfilAll(heim.OpenMapping(Raadhuset, Coordinator), Raadhuset).Deliver(Raadhuset, Mayor.Id).Certify(Raadhuset, Certifier, "MFT-2024-001");
        clock.Set(2024, 6, 3);
        for (var i = 0; i < Units.Length; i++)
        {
            var id = Units[i].Id;
            heim = FulfilAll(heim.OpenMapping(id, Coordinator), id).Deliver(id, heim.Organisation.GetUnit(id).Management[0].Id).Certify(id, Certifier, $"MFT-2024-10{i}");
        }

        // The municipal plan: a low-emission municipality by 2050, −55 % by 2030, counted from the first full year's account.
        heim = heim.SetClimateTarget(ClimateTarget.Create(2025, Scope2Method.LocationBased, [new TargetMilestone(2030, 55), new TargetMilestone(2050, 95)]), Coordinator);
        clock.Set(2026, 3, 15);
        return HeimFigures.ReportAll(heim, 2025, Coordinator);
    }

    private static UnitDefinition Unit(UnitId id, string name, string? set, bool kitchen, CriteriaCatalog catalog) => new(id, name)
    {
        Address = $"{name}, 9999 Heim",
        FullTimeEquivalents = 25,
        SetIds = set is null ? [] : [set],
        MainSetId = set,
        Answers = catalog.Questions.ToImmutableDictionary(q => q.Id, q => q.Id switch { "kitchen" => kitchen, "buildings" => true, _ => false }),
        Officer = new Person($"miljo.{id}@heim.kommune.no", $"Miljøfyrtårnansvarlig, {name}"),
        Management = id == Raadhuset ? [Mayor] : [new Person($"leder.{id}@heim.kommune.no", $"Leder, {name}")],
    };
}
