using Miljofyrtarn.Calendar;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Samples;
using Miljofyrtarn.Storage.Sqlite;
using NodaTime;

// A scenario on the three packages as published: Heim's town hall certified, its events stored in SQLite and
// loaded back, its deadlines exported as iCalendar. Exit code 0 when every check holds.
var catalog = CriteriaCatalog.LoadDefault();
var clock = new SteppingClock(Instant.FromUtc(2024, 3, 1, 8, 0));
var heim = CertifiedTownHall.Create(catalog, clock);
var hk = CertifiedTownHall.Raadhuset;

var path = Path.Combine(Path.GetTempPath(), $"consumer-{Guid.NewGuid():N}.db");
var store = await SqliteEventStore.OpenAsync(path);
await store.SaveAsync("964123454", heim, 0);
var loaded = await store.LoadAsync("964123454", catalog, clock);
var ics = DeadlineCalendar.Export(new DeadlineSchedule(loaded), new LocalDate(2024, 1, 1), new LocalDate(2027, 12, 31));

var ok = loaded.Version == heim.Version
    && loaded.GetUnitLifecycle(hk).State == UnitState.Certified
    && ics.Contains("BEGIN:VEVENT", StringComparison.Ordinal);
Console.WriteLine(ok
    ? $"package consumer: ok ({loaded.Version} events stored and loaded, {ics.Split("BEGIN:VEVENT").Length - 1} calendar events)"
    : "package consumer: FAILED");
return ok ? 0 : 1;
