using System.Collections.Immutable;
using Miljofyrtarn.Core;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using Miljofyrtarn.Core.Schedule;
using NodaTime;

// Catalog loading, the lifecycle, deadlines and both JSON documents, under Native AOT. Exit code 0 when every
// check holds, 1 otherwise; each check prints one line.
var failures = 0;
void Check(string what, bool ok)
{
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}");
    failures += ok ? 0 : 1;
}

var catalog = CriteriaCatalog.LoadDefault();
Check($"catalog {catalog.Version}: {catalog.Criteria.Length} criteria, {catalog.Sets.Length} sets", catalog.Criteria.Length > 0);
var reloaded = CriteriaCatalog.Load(catalog.ToUtf8Json());
Check("catalog round trip through JSON", reloaded.Criteria.Length == catalog.Criteria.Length);

var clock = new SteppingClock(Instant.FromUtc(2024, 1, 15, 8, 0));
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
    .CompleteStartUp(new LocalDate(2024, 1, 20), "miljo")
    .OpenMapping(hk.Id, "miljo");
foreach (var criterion in heim.Organisation.Resolve(hk.Id).Criteria.Where(c => c.FulfilledBy == ResponsibleParty.Unit))
{
    heim = heim.RecordAssessment(hk.Id, criterion.Criterion.Id, FulfilmentStatus.Fulfilled, "miljo");
}

heim = heim.Deliver(hk.Id, mayor.Id).Certify(hk.Id, new Certifier("kari", "Kari Sertifisør", OrganisationNumber.Parse("974760673")), "MFT-1");
Check($"lifecycle: phase {heim.Phase.GetName(Miljofyrtarn.Core.Localization.Language.English)}, {heim.History.Count} events", heim.Phase == OrganisationPhase.Improvement);

var deadlines = new DeadlineSchedule(heim).Between(new LocalDate(2024, 1, 1), new LocalDate(2027, 12, 31));
Check($"deadlines: {deadlines.Length}, next report due {deadlines.First(d => d.Kind == DeadlineKind.AnnualReport).DueDate:yyyy-MM-dd}", deadlines.Length > 0);
Check("holidays: 1 April 2029 is Easter Sunday", !NorwegianHolidayCalendar.Instance.IsWorkingDay(new LocalDate(2029, 4, 1)));

var (catalogVersion, events) = HistoryJson.Read(HistoryJson.Write(catalog.Version, heim.History));
var replayed = OrganisationLifecycle.Replay(catalog, events, clock);
Check($"history JSON and replay: {events.Length} events", catalogVersion == catalog.Version && replayed.Version == heim.Version && replayed.Phase == heim.Phase);

var snapshot = SnapshotJson.Write(heim);
var restored = SnapshotJson.Read(snapshot, catalog, clock);
Check($"snapshot JSON: {snapshot.Length} bytes", SnapshotJson.Write(restored).AsSpan().SequenceEqual(snapshot));

return failures == 0 ? 0 : 1;

/// <summary>A clock that moves one second each time it is read, so actions keep their order.</summary>
internal sealed class SteppingClock(Instant start) : IClock
{
    private Instant _now = start;

    public Instant GetCurrentInstant() => _now += Duration.FromSeconds(1);
}
