using System.Collections.Immutable;
using Miljofyrtarn.Calendar;
using Miljofyrtarn.Core;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Sqlite;
using NodaTime;

// A scenario on the three packages as published: Heim's town hall certified, its events stored in SQLite and
// loaded back, its deadlines exported as iCalendar. Exit code 0 when every check holds.
var catalog = CriteriaCatalog.LoadDefault();
var clock = new StepClock(Instant.FromUtc(2024, 3, 1, 8, 0));
var mayor = new Person("ordforer@heim.kommune.no", "Ordføreren");
var hk = new UnitDefinition(new UnitId("raadhuset"), "Rådhuset")
{
    Address = "Rådhusplassen 1",
    FullTimeEquivalents = 120,
    MainSetId = "felles-kommune-2023",
    Answers = catalog.Questions.ToImmutableDictionary(q => q.Id, _ => false),
    Officer = new Person("miljo@heim.kommune.no", "Miljøkoordinatoren"),
    Management = [mayor],
};
var heim = OrganisationLifecycle.Start(catalog, "Heim kommune", OrganisationKind.Municipality, OrganisationNumber.Parse("964123454"), hk, "miljo", clock)
    .CompleteStartUp(new LocalDate(2024, 3, 1), "miljo")
    .OpenMapping(hk.Id, "miljo");
foreach (var criterion in heim.Organisation.Resolve(hk.Id).Criteria.Where(c => c.FulfilledBy == ResponsibleParty.Unit))
{
    heim = heim.RecordAssessment(hk.Id, criterion.Criterion.Id, FulfilmentStatus.Fulfilled, "miljo");
}

heim = heim.Deliver(hk.Id, mayor.Id).Certify(hk.Id, new Certifier("kari", "Kari", OrganisationNumber.Parse("974760673")), "MFT-1");

var path = Path.Combine(Path.GetTempPath(), $"consumer-{Guid.NewGuid():N}.db");
var store = await SqliteEventStore.OpenAsync(path);
await store.SaveAsync("964123454", heim, 0);
var loaded = await store.LoadAsync("964123454", catalog, clock);
var ics = DeadlineCalendar.Export(new DeadlineSchedule(loaded), new LocalDate(2024, 1, 1), new LocalDate(2027, 12, 31));

var ok = loaded.Version == heim.Version
    && loaded.GetUnitLifecycle(hk.Id).State == UnitState.Certified
    && ics.Contains("BEGIN:VEVENT", StringComparison.Ordinal);
Console.WriteLine(ok
    ? $"package consumer: ok ({loaded.Version} events stored and loaded, {ics.Split("BEGIN:VEVENT").Length - 1} calendar events)"
    : "package consumer: FAILED");
return ok ? 0 : 1;

internal sealed class StepClock(Instant start) : IClock
{
    private Instant _now = start;

    public Instant GetCurrentInstant() => _now += Duration.FromSeconds(1);
}
