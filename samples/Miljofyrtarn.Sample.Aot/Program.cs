using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.ReadModels;
using Miljofyrtarn.Core.Reporting;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Samples;
using Miljofyrtarn.Storage.Postgres;
using NodaTime;

// Catalog loading, the lifecycle, deadlines, the annual report and climate account, and the JSON documents, under Native AOT. Exit code 0 when every
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
var heim = CertifiedTownHall.Create(catalog, clock);
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

// The 2025 report with its content, through the history document, and the climate account.
var reporting = OrganisationLifecycle.Replay(catalog, heim.History, new SteppingClock(Instant.FromUtc(2026, 3, 1, 8, 0)));
IndicatorValue[] figures =
[
    new("arsverk", 120, MeasureUnit.FullTimeEquivalent), new("oppvarmet-areal", 6_000, MeasureUnit.SquareMetre), new("sykefravaer", 6.1, MeasureUnit.Percent),
    new("avfall-sortert", 12_000, MeasureUnit.Kilogram), new("avfall-restavfall", 7_000, MeasureUnit.Kilogram), new("strom", 10_000, MeasureUnit.KilowattHour),
    new("diesel", 1_000, MeasureUnit.Litre),
];
reporting = reporting.SubmitAnnualReport(CertifiedTownHall.Raadhuset, 2025, "miljo", reporting.CreateReport(CertifiedTownHall.Raadhuset, 2025, figures));
var reread = OrganisationLifecycle.Replay(catalog, HistoryJson.Read(HistoryJson.Write(catalog.Version, reporting.History)).Events, reporting.Clock);
var account = ClimateAccount.ComputeCombined(reread.GetReports(2025), IndicatorCatalog.Default, EmissionFactorSet.Defaults.Single(s => s.Year == 2023),
    [new("waste-recycled", "no factor loaded"), new("waste-residual", "no factor loaded")]);
Check($"report and climate account: {account.Total} kg CO2e", account.Total == 150 + 2_660);
var indicators = IndicatorCatalogJson.Write(IndicatorCatalog.Default);
var factors = EmissionFactorSetJson.Write(EmissionFactorSet.Defaults[^1]);
Check("indicator catalog and factor set JSON", IndicatorCatalogJson.Write(IndicatorCatalogJson.Read(indicators)).AsSpan().SequenceEqual(indicators)
    && EmissionFactorSetJson.Write(EmissionFactorSetJson.Read(factors)).AsSpan().SequenceEqual(factors));

// The PostgreSQL store under Native AOT, against the server named by MILJOFYRTARN_POSTGRES (tools/postgres.sh starts
// one). CI passes --require-postgres, so a missing server fails the run instead of skipping the check.
if (Environment.GetEnvironmentVariable("MILJOFYRTARN_POSTGRES") is { Length: > 0 } connectionString)
{
    var schema = $"aot_{Guid.NewGuid():N}";
    await using (var postgres = await PostgresEventStore.ConnectAsync(connectionString, schema))
    {
        var municipal = heim.UpdateUnit(heim.Organisation.Headquarters.Definition with { Municipality = "4601" }, "miljo");
        await postgres.SaveAsync("964123454", municipal, 0);
        var fromServer = await postgres.LoadAsync("964123454", catalog, municipal.Clock);
        var feed = await postgres.ReadAllAsync(0, 1000);
        var overview = await MunicipalityOverview.BuildAsync(postgres, catalog, municipal.Clock);
        Check($"PostgreSQL store: {feed.Count} events in the feed, chain head verified, overview of 4601",
            fromServer.Version == municipal.Version && feed.Count == municipal.Version
            && (await postgres.VerifyAsync("964123454")).ChainHead == HistoryChain.ComputeHead(municipal.History)
            && overview.GetUnits("4601").Count == 1);
    }

    await using var cleanup = Npgsql.NpgsqlDataSource.Create(connectionString);
    await using var drop = cleanup.CreateCommand($"DROP SCHEMA \"{schema}\" CASCADE");
    await drop.ExecuteNonQueryAsync();
}
else
{
    Check("PostgreSQL store: MILJOFYRTARN_POSTGRES is not set (start a server with tools/postgres.sh)", !args.Contains("--require-postgres"));
}

return failures == 0 ? 0 : 1;
