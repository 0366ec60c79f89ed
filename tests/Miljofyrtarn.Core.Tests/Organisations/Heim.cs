using System.Collections.Immutable;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Tests.Organisations;

/// <summary>Heim kommune, the rulebook's example municipality: Rådhuset as HK and four units.</summary>
internal static class Heim
{
    public static readonly LocalDate StartedOn = new(2024, 1, 15);
    public static readonly OrganisationNumber Number = OrganisationNumber.Parse("964123454");
    public static readonly UnitId Raadhuset = new("raadhuset");
    public static readonly UnitId Barnehage = new("solsikken-barnehage");
    public static readonly UnitId Skole = new("heim-skole");
    public static readonly UnitId Sykehjem = new("heimtun-sykehjem");
    public static readonly UnitId Hjemmetjeneste = new("hjemmetjenesten");

    public static readonly Person Ordforer = new("ordforer@heim.kommune.no", "Ordføreren");

    public static UnitDefinition Headquarters() => new(Raadhuset, "Rådhuset")
    {
        Address = "Rådhusplassen 1, 9999 Heim",
        FullTimeEquivalents = 120m,
        MainSetId = "felles-kommune-2023",
        Answers = Answers(buildings: true, vehicles: true, kitchen: false, chemicals: false),
        Officer = new Person("miljo@heim.kommune.no", "Miljøkoordinatoren"),
        Management = [Ordforer],
    };

    public static UnitDefinition Unit(UnitId id, string name, string set, bool kitchen, bool vehicles = false) => new(id, name)
    {
        Address = $"{name}vegen 1, 9999 Heim",
        FullTimeEquivalents = 20m,
        SetIds = [set],
        MainSetId = set,
        Answers = Answers(buildings: true, vehicles: vehicles, kitchen: kitchen, chemicals: true),
        Officer = new Person($"{id}@heim.kommune.no", $"Miljøfyrtårnansvarlig {name}"),
        Management = [new Person($"leder.{id}@heim.kommune.no", $"Leder {name}")],
    };

    public static ImmutableDictionary<string, bool> Answers(bool buildings, bool vehicles, bool kitchen, bool chemicals) =>
        ImmutableDictionary<string, bool>.Empty
            .Add("buildings", buildings).Add("vehicles", vehicles).Add("kitchen", kitchen).Add("chemicals", chemicals);

    public static Organisation Create(CriteriaCatalog? catalog = null) =>
        Organisation.Create(catalog ?? CriteriaCatalog.LoadDefault(), "Heim kommune", OrganisationKind.Municipality, Number, StartedOn, Headquarters())
            .AddUnit(Unit(Barnehage, "Solsikken barnehage", "barnehage", kitchen: true), StartedOn)
            .AddUnit(Unit(Skole, "Heim skole", "grunnskole-sfo", kitchen: false), StartedOn)
            .AddUnit(Unit(Sykehjem, "Heimtun sykehjem", "sykehjem", kitchen: true), StartedOn)
            .AddUnit(Unit(Hjemmetjeneste, "Hjemmetjenesten", "hjemmebaserte-tjenester", kitchen: false, vehicles: true), StartedOn);

    public static Miljofyrtarn.Core.Assessment.CriterionAssessment Fulfilled(string by = "miljo@heim.kommune.no") =>
        new(Miljofyrtarn.Core.Assessment.FulfilmentStatus.Fulfilled, Instant.FromUtc(2024, 3, 1, 9, 0), by);
}
