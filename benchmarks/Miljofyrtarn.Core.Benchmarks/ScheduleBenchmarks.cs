using System.Text;
using BenchmarkDotNet.Attributes;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Schedule;
using NodaTime;
using NodaTime.Testing;
using PublicHoliday;

namespace Miljofyrtarn.Core.Benchmarks;

/// <summary>
/// Whether a date is a working day, for 1,000 dates spread over 1950–2100: the library's Norwegian calendar against
/// the PublicHoliday package's <c>NorwayPublicHoliday</c>. Targets: at least 5× faster, allocation-free.
/// </summary>
[MemoryDiagnoser]
public class WorkingDayBenchmarks
{
    private readonly NorwayPublicHoliday _package = new();
    private readonly NorwegianHolidayCalendar _calendar = NorwegianHolidayCalendar.Instance;
    private LocalDate[] _dates = [];
    private DateTime[] _dateTimes = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1950);
        _dates = [.. Enumerable.Range(0, 1000).Select(_ => new LocalDate(1950, 1, 1).PlusDays(random.Next(0, 55_000)))];
        _dateTimes = [.. _dates.Select(d => d.ToDateTimeUnspecified())];
        if (_dates.Zip(_dateTimes).Any(p => _calendar.IsWorkingDay(p.First) != _package.IsWorkingDay(p.Second)))
        {
            throw new InvalidOperationException("The two calendars disagree.");
        }
    }

    [Benchmark(Baseline = true, Description = "PublicHoliday NorwayPublicHoliday.IsWorkingDay")]
    public int Package()
    {
        var count = 0;
        foreach (var date in _dateTimes)
        {
            count += _package.IsWorkingDay(date) ? 1 : 0;
        }

        return count;
    }

    [Benchmark(Description = "NorwegianHolidayCalendar.IsWorkingDay")]
    public int Library()
    {
        var count = 0;
        foreach (var date in _dates)
        {
            count += _calendar.IsWorkingDay(date) ? 1 : 0;
        }

        return count;
    }
}

/// <summary>
/// Every deadline of the next three years for 10,000 certified units, with deadlines moved to the next working day.
/// The baseline is what a host would write over the public API without the schedule: the same deadlines from each
/// unit's lifecycle, moved with the PublicHoliday package. Target: the schedule under 20 ms.
/// </summary>
[MemoryDiagnoser]
public class DeadlineBenchmarks
{
    private OrganisationLifecycle _lifecycle = null!;
    private DeadlineSchedule _schedule = null!;
    private LocalDate _from;
    private LocalDate _to;

    [GlobalSetup]
    public void Setup()
    {
        _lifecycle = ScheduleScenarios.CertifiedUnits(10_000);
        _schedule = new DeadlineSchedule(_lifecycle);
        _from = _lifecycle.Today;
        _to = _from.PlusYears(3);
        if (Baseline().Count != Library().Length)
        {
            throw new InvalidOperationException($"The baseline found {Baseline().Count} deadlines, the schedule {Library().Length}.");
        }
    }

    [Benchmark(Baseline = true, Description = "Straightforward over the public API + PublicHoliday")]
    public List<(UnitId Unit, string Kind, LocalDate Due)> Baseline()
    {
        var holidays = new NorwayPublicHoliday();
        var rules = SchemeRules.Default;
        LocalDate Move(LocalDate date)
        {
            while (!holidays.IsWorkingDay(date.ToDateTimeUnspecified()))
            {
                date = date.PlusDays(1);
            }

            return date;
        }

        var result = new List<(UnitId, string, LocalDate)>();
        foreach (var unit in _lifecycle.Organisation.AllUnits)
        {
            var lifecycle = _lifecycle.GetUnitLifecycle(unit.Id);
            if (lifecycle.CurrentCertificate is not { } certificate || lifecycle.State != UnitState.Certified)
            {
                continue;
            }

            var candidates = new List<(string Kind, LocalDate Due)>
            {
                ("RecertificationOpens", certificate.ValidTo.Minus(rules.RecertificationOpensBefore)),
                ("ExpiryReminder", certificate.ValidTo.Minus(rules.ExpiryReminderBefore)),
                ("CertificateExpiry", Move(certificate.ValidTo)),
                ("GraceEnds", Move(certificate.ValidTo.Plus(rules.GraceAfterExpiry))),
            };
            var firstYear = lifecycle.FirstApprovedOn!.Value.Year + 1;
            candidates.AddRange(Enumerable.Range(firstYear, _to.Year - firstYear + 1).Select(year => ("AnnualReport", Move(rules.AnnualReportDue.InYear(year + 1)))));
            result.AddRange(candidates.Where(c => c.Due >= _from && c.Due <= _to).Select(c => (unit.Id, c.Kind, c.Due)));
        }

        return result;
    }

    [Benchmark(Description = "DeadlineSchedule.Between (3 years)")]
    public System.Collections.Immutable.ImmutableArray<Deadline> Library() => _schedule.Between(_from, _to);
}

/// <summary>Large lifecycles for the schedule benchmarks.</summary>
internal static class ScheduleScenarios
{
    /// <summary>A catalog whose common criteria are all fulfilled by headquarters, so a unit is certified with four events.</summary>
    private const string TinyCatalog = """
        {
          "schemaVersion": 1, "version": "tiny", "publishedOn": "2024-01-01", "title": { "nb": "Liten katalog" },
          "themes": [ { "id": "system", "name": { "nb": "System" } } ],
          "questions": [],
          "criteria": [
            { "id": 1, "theme": "system", "obligation": "must", "fulfilledBy": "headquarters", "title": { "nb": "Policy" }, "text": { "nb": "Policy." } },
            { "id": 2, "theme": "system", "obligation": "must", "fulfilledBy": "headquarters", "title": { "nb": "Rapport" }, "text": { "nb": "Rapport." } }
          ],
          "sets": [ { "id": "felles", "kind": "common", "name": { "nb": "Felles" }, "effectiveFrom": "2016-01-01", "criteria": [1, 2] } ]
        }
        """;

    public static OrganisationLifecycle CertifiedUnits(int units)
    {
        var catalog = CriteriaCatalog.Load(Encoding.UTF8.GetBytes(TinyCatalog));
        var clock = new FakeClock(Instant.FromUtc(2024, 1, 15, 8, 0)) { AutoAdvance = Duration.FromMilliseconds(1) };
        var manager = new Person("leder", "Leder");
        var certifier = new Certifier("kari", "Kari", OrganisationNumber.Parse("974760673"));
        UnitDefinition Unit(string id) => new(new UnitId(id), id)
        {
            Address = "Vegen 1",
            FullTimeEquivalents = 5,
            MainSetId = "felles",
            Officer = new Person($"officer.{id}", "Officer"),
            Management = [manager],
        };

        var rules = SchemeRuleBook.Of(SchemeRules.Default with { Adjustment = DeadlineAdjustment.NextWorkingDay });
        var lifecycle = OrganisationLifecycle.Start(catalog, "Storby kommune", OrganisationKind.Municipality, OrganisationNumber.Parse("964123454"), Unit("hk"), "coordinator", clock, rules);
        for (var u = 0; u < units; u++)
        {
            lifecycle = lifecycle.AddUnit(Unit($"ue-{u}"), "coordinator");
        }

        var hk = lifecycle.Organisation.Headquarters.Id;
        lifecycle = lifecycle.CompleteStartUp(new LocalDate(2024, 1, 15), "coordinator").OpenMapping(hk, "coordinator")
            .RecordAssessment(hk, 1, Assessment.FulfilmentStatus.Fulfilled, "coordinator")
            .RecordAssessment(hk, 2, Assessment.FulfilmentStatus.Fulfilled, "coordinator")
            .Deliver(hk, manager.Id).Certify(hk, certifier, "HK");
        var day = 0;
        foreach (var unit in lifecycle.Organisation.Units.Select(u => u.Id).ToList())
        {
            // Spread approvals over the year so deadlines fall on every kind of day.
            clock.Reset(Instant.FromUtc(2024, 2, 1, 8, 0) + Duration.FromSeconds((long)day++ * 300 * 86_400 / units));
            lifecycle = lifecycle.OpenMapping(unit, "coordinator").Deliver(unit, manager.Id).Certify(unit, certifier, $"UE-{day}");
        }

        clock.Reset(Instant.FromUtc(2025, 6, 1, 8, 0));
        return lifecycle;
    }
}
