using System.Collections.Immutable;
using Miljofyrtarn.Core;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using NodaTime;

namespace Miljofyrtarn.Samples;

/// <summary>
/// Heim kommune with its town hall certified, on the public API only. Linked into the Native AOT sample and the
/// package consumer, which must not reference each other or the test code.
/// </summary>
internal static class CertifiedTownHall
{
    public static readonly UnitId Raadhuset = new("raadhuset");

    public static OrganisationLifecycle Create(CriteriaCatalog catalog, IClock clock)
    {
        var mayor = new Person("ordforer@heim.kommune.no", "Ordføreren");
        var headquarters = new UnitDefinition(Raadhuset, "Rådhuset")
        {
            Address = "Rådhusplassen 1",
            FullTimeEquivalents = 120,
            MainSetId = "felles-kommune-2023",
            Answers = catalog.Questions.ToImmutableDictionary(q => q.Id, _ => false),
            Officer = new Person("miljo@heim.kommune.no", "Miljøkoordinatoren"),
            Management = [mayor],
        };
        var heim = OrganisationLifecycle.Start(catalog, "Heim kommune", OrganisationKind.Municipality, OrganisationNumber.Parse("964123454"), headquarters, "miljo", clock)
            .CompleteStartUp(new LocalDate(2024, 1, 20), "miljo")
            .OpenMapping(Raadhuset, "miljo");
        foreach (var criterion in heim.Organisation.Resolve(Raadhuset).Criteria.Where(c => c.FulfilledBy == ResponsibleParty.Unit))
        {
            heim = heim.RecordAssessment(Raadhuset, criterion.Criterion.Id, FulfilmentStatus.Fulfilled, "miljo");
        }

        return heim.Deliver(Raadhuset, mayor.Id).Certify(Raadhuset, new Certifier("kari", "Kari Sertifisør", OrganisationNumber.Parse("974760673")), "MFT-1");
    }
}

/// <summary>A clock that moves one second each time it is read, so actions keep their order.</summary>
internal sealed class SteppingClock(Instant start) : IClock
{
    private Instant _now = start;

    public Instant GetCurrentInstant() => _now += Duration.FromSeconds(1);
}
