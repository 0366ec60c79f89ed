using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using NodaTime;
using NodaTime.Testing;
using Stateless;

namespace Miljofyrtarn.Core.Benchmarks;

/// <summary>
/// Which actions a unit may take now: <see cref="OrganisationLifecycle.GetAllowedActions"/> against an equivalent
/// machine built with the Stateless library from the same transition table, whose guards call the same guard
/// functions. Target: at least 10× faster, allocation-free. The unit is a headquarters with its mapping open and
/// every criterion fulfilled, so Deliver is allowed and its guards (including the count of open must-criteria) run.
/// </summary>
[MemoryDiagnoser]
public class AllowedActionsBenchmarks
{
    private OrganisationLifecycle _lifecycle = null!;
    private StateMachine<UnitState, LifecycleAction> _machine = null!;
    private UnitId _unit;

    [GlobalSetup]
    public void Setup()
    {
        _lifecycle = BenchmarkScenarios.HeadquartersReadyToDeliver(out _unit);
        var state = _lifecycle.GetUnitLifecycle(_unit).State;
        _machine = new StateMachine<UnitState, LifecycleAction>(() => state, s => state = s);
        var lifecycle = _lifecycle;
        var unit = _unit;
        foreach (var transition in LifecycleTable.Transitions)
        {
            var action = transition.Action;
            bool Guard()
            {
                var context = new GuardContext(lifecycle.State, lifecycle.Rules, lifecycle.Organisation.PositionOf(unit), lifecycle.Today, action, ActionInput.Probe);
                return LifecycleTable.Allows(context);
            }

            var configuration = _machine.Configure(transition.From);
            if (transition.To is not { } to || to == transition.From)
            {
                configuration.PermitReentryIf(action, Guard);
            }
            else
            {
                configuration.PermitIf(action, to, Guard);
            }
        }

        if (Baseline().Count() != System.Numerics.BitOperations.PopCount((uint)Library()))
        {
            throw new InvalidOperationException("The two machines disagree.");
        }
    }

    // The synchronous call is the like-for-like comparison: every guard here is synchronous, and the async
    // variant Stateless recommends would add task overhead to the baseline.
#pragma warning disable CS0618
    [Benchmark(Baseline = true, Description = "Stateless GetPermittedTriggers")]
    public List<LifecycleAction> Baseline() => _machine.GetPermittedTriggers().ToList();
#pragma warning restore CS0618

    [Benchmark(Description = "OrganisationLifecycle.GetAllowedActions")]
    public LifecycleActions Library() => _lifecycle.GetAllowedActions(_unit);
}

/// <summary>
/// Replaying a history of 100,000 events (units, assessments, the whole certification of every unit) into an
/// organisation, every event checked. The baseline records the same changes one by one through the public actions,
/// as a host without <see cref="OrganisationLifecycle.Replay"/> would. Target: replay under 50 ms.
/// </summary>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    private IReadOnlyList<LifecycleEvent> _history = [];
    private CriteriaCatalog _catalog = null!;

    [GlobalSetup]
    public void Setup()
    {
        var lifecycle = BenchmarkScenarios.LongHistory(100_000);
        _history = [.. lifecycle.History];
        _catalog = lifecycle.Organisation.Catalog;
    }

    [Benchmark(Baseline = true, Description = "Re-record through the public actions")]
    public OrganisationLifecycle ReRecord() => BenchmarkScenarios.ReRecord(_catalog, _history);

    [Benchmark(Description = "OrganisationLifecycle.Replay (100,000 events)")]
    public OrganisationLifecycle Replay() => OrganisationLifecycle.Replay(_catalog, _history, new FakeClock(_history[^1].OccurredAt));
}

/// <summary>Lifecycles for the benchmarks.</summary>
internal static class BenchmarkScenarios
{
    private const string Coordinator = "miljo@heim.kommune.no";
    private static readonly Person Mayor = new("ordforer@heim.kommune.no", "Ordføreren");
    private static readonly Certifier Kari = new("kari@certnor.no", "Kari Sertifisør", OrganisationNumber.Parse("974760673"));

    private static UnitDefinition Unit(string id, bool headquarters, CriteriaCatalog catalog) => new(new UnitId(id), id)
    {
        Address = $"{id}vegen 1",
        FullTimeEquivalents = 10,
        SetIds = headquarters ? [] : ["barnehage"],
        MainSetId = headquarters ? "felles-kommune-2023" : "barnehage",
        Answers = catalog.Questions.ToDictionary(q => q.Id, _ => true).ToImmutableDictionary(),
        Officer = new Person($"officer.{id}", "Officer"),
        Management = [Mayor],
    };

    public static OrganisationLifecycle HeadquartersReadyToDeliver(out UnitId unit)
    {
        var catalog = CriteriaCatalog.LoadDefault();
        var clock = new FakeClock(Instant.FromUtc(2024, 3, 1, 8, 0)) { AutoAdvance = Duration.FromSeconds(1) };
        var lifecycle = OrganisationLifecycle.Start(catalog, "Heim kommune", OrganisationKind.Municipality, OrganisationNumber.Parse("964123454"), Unit("raadhuset", true, catalog), Coordinator, clock);
        unit = lifecycle.Organisation.Headquarters.Id;
        lifecycle = lifecycle.CompleteStartUp(new LocalDate(2024, 3, 1), Coordinator).OpenMapping(unit, Coordinator);
        foreach (var resolved in lifecycle.Organisation.Resolve(unit).Criteria)
        {
            lifecycle = lifecycle.RecordAssessment(unit, resolved.Criterion.Id, FulfilmentStatus.Fulfilled, Coordinator);
        }

        return lifecycle;
    }

    /// <summary>
    /// About <paramref name="events"/> events: 200 units, each opened, assessed again and again, delivered and certified.
    /// </summary>
    public static OrganisationLifecycle LongHistory(int events)
    {
        var catalog = CriteriaCatalog.LoadDefault();
        var clock = new FakeClock(Instant.FromUtc(2024, 3, 1, 8, 0)) { AutoAdvance = Duration.FromSeconds(1) };
        var lifecycle = OrganisationLifecycle.Start(catalog, "Heim kommune", OrganisationKind.Municipality, OrganisationNumber.Parse("964123454"), Unit("raadhuset", true, catalog), Coordinator, clock);
        for (var u = 0; u < 200; u++)
        {
            lifecycle = lifecycle.AddUnit(Unit($"ue-{u}", false, catalog), Coordinator);
        }

        lifecycle = lifecycle.CompleteStartUp(new LocalDate(2024, 3, 1), Coordinator);
        lifecycle = CertifyFully(lifecycle, lifecycle.Organisation.Headquarters.Id, "HK");
        var units = lifecycle.Organisation.Units.Select(u => u.Id).ToArray();
        var statuses = new[] { FulfilmentStatus.InProgress, FulfilmentStatus.NotStarted, FulfilmentStatus.InProgress };
        var round = 0;
        while (lifecycle.Version < events - 2_000)
        {
            foreach (var unit in units)
            {
                foreach (var resolved in lifecycle.Organisation.Resolve(unit).Criteria.Where(c => c.FulfilledBy == ResponsibleParty.Unit).Take(10))
                {
                    lifecycle = lifecycle.RecordAssessment(unit, resolved.Criterion.Id, statuses[round % statuses.Length], Coordinator, comment: $"round {round}");
                }
            }

            round++;
        }

        var number = 0;
        foreach (var unit in units)
        {
            if (lifecycle.Version >= events - 10)
            {
                break;
            }

            lifecycle = CertifyFully(lifecycle, unit, $"UE-{number++}");
        }

        while (lifecycle.Version < events)
        {
            lifecycle = lifecycle.RecordAssessment(units[0], 1012, FulfilmentStatus.Fulfilled, Coordinator);
        }

        return lifecycle;
    }

    private static OrganisationLifecycle CertifyFully(OrganisationLifecycle lifecycle, UnitId unit, string number)
    {
        lifecycle = lifecycle.OpenMapping(unit, Coordinator);
        foreach (var resolved in lifecycle.Organisation.Resolve(unit).Criteria.Where(c => c.FulfilledBy == ResponsibleParty.Unit))
        {
            lifecycle = lifecycle.RecordAssessment(unit, resolved.Criterion.Id, FulfilmentStatus.Fulfilled, Coordinator);
        }

        return lifecycle.Deliver(unit, Mayor.Id).Certify(unit, Kari, number);
    }

    /// <summary>Records the history's changes again, one public action at a time, with a clock that replays the event times.</summary>
    public static OrganisationLifecycle ReRecord(CriteriaCatalog catalog, IReadOnlyList<LifecycleEvent> history)
    {
        var clock = new FakeClock(history[0].OccurredAt);
        var created = (OrganisationCreated)history[0];
        var lifecycle = OrganisationLifecycle.Start(catalog, created.Name, created.Kind, created.Number, created.Headquarters, created.Actor, clock);
        for (var i = 1; i < history.Count; i++)
        {
            var e = history[i];
            clock.Reset(e.OccurredAt);
            lifecycle = e switch
            {
                UnitAdded a => lifecycle.AddUnit(a.Unit, a.Actor),
                StartUpCompleted s => lifecycle.CompleteStartUp(s.StartUpListSentOn, s.Actor),
                MappingOpened m => lifecycle.OpenMapping(m.Unit, m.Actor),
                AssessmentRecorded r => lifecycle.RecordAssessment(r.Unit, r.CriterionId, r.Assessment.Status, r.Actor, r.Assessment.Comment, r.Assessment.Justification, r.Assessment.Evidence),
                MappingDelivered d => lifecycle.Deliver(d.Unit, d.Actor),
                UnitCertified c => lifecycle.Certify(c.Unit, c.Certifier, c.CertificateNumber),
                _ => throw new InvalidOperationException($"Not in the benchmark history: {e.GetType().Name}"),
            };
        }

        return lifecycle;
    }
}
