using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;
using NodaTime;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Lifecycle;

/// <summary>Properties of the lifecycle over random sequences of actions on Heim kommune, many of them refused.</summary>
public class OrganisationLifecycleProperties
{
    /// <summary>One step: an action kind, a unit, a number used for years, dates and criteria, and days to let pass first.</summary>
    public sealed record Step(int Kind, int Unit, int Number, int Days)
    {
        public override string ToString() => $"({Kind},{Unit},{Number},+{Days}d)";
    }

    /// <summary>The happy path: start-up, then HK and each unit opened, fulfilled, delivered and certified.</summary>
    private static readonly ImmutableArray<Step> HappyPath =
    [
        new(0, 0, 0, 5),
        .. Enumerable.Range(0, 5).SelectMany(u => new[] { new Step(1, u, 0, 1), new Step(2, u, 0, 0), new Step(3, u, 0, 1), new Step(5, u, u, 3) }),
    ];

    private static readonly Gen<ImmutableArray<Step>> RandomSteps =
        Gen.ListOf(
            from kind in Gen.Choose(0, 15)
            from unit in Gen.Choose(0, 4)
            from number in Gen.Choose(0, 1000)
            from days in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 60)), (1, Gen.Choose(100, 500)))
            select new Step(kind, unit, number, days))
        .Select(l => l.Take(45).ToImmutableArray());

    /// <summary>The whole happy path, for tests that need a lifecycle with every unit certified.</summary>
    internal static ImmutableArray<Step> HappyPathForTests => HappyPath;

    /// <summary>A random part of the happy path, so deep states are reached, followed by random steps.</summary>
    internal static readonly Gen<ImmutableArray<Step>> Steps =
        from prefix in Gen.Choose(0, HappyPath.Length)
        from rest in RandomSteps
        select HappyPath.Take(prefix).Concat(rest).ToImmutableArray();

    private static UnitId UnitAt(OrganisationLifecycle lifecycle, int index) => lifecycle.Organisation.AllUnits[index % lifecycle.Organisation.AllUnits.Length].Id;

    private static OrganisationLifecycle Act(OrganisationLifecycle lifecycle, Step step)
    {
        var unit = UnitAt(lifecycle, step.Unit);
        var year = 2023 + (step.Number % 8);
        var criteria = lifecycle.Organisation.Resolve(unit).Criteria;
        return step.Kind switch
        {
            0 => lifecycle.CompleteStartUp(lifecycle.Today, Coordinator),
            1 => lifecycle.OpenMapping(unit, Coordinator),
            2 => FulfilAll(lifecycle, unit),
            3 => lifecycle.Deliver(unit, ManagerOf(lifecycle, unit)),
            4 => lifecycle.Deliver(unit, Coordinator),
            5 => lifecycle.Certify(unit, Kari, $"C-{step.Number}"),
            6 => lifecycle.SubmitAnnualReport(unit, year, Coordinator, step.Number % 2 == 0 ? Content(lifecycle, unit, year, step.Number) : null),
            7 => lifecycle.GrantPostponement(unit, year, new LocalDate(year + 1, 4, 1).PlusDays((step.Number % 90) - 30), Coordinator),
            8 => lifecycle.OpenRecertification(unit, Coordinator),
            9 => lifecycle.Recertify(unit, Kari, $"R-{step.Number}"),
            10 => lifecycle.Withdraw(unit, step.Number % 2 == 0 ? "Deviations." : " ", Kari.Id),
            11 => lifecycle.ExpireCertificates(),
            12 => criteria.IsEmpty ? lifecycle : lifecycle.RecordAssessment(
                unit,
                criteria[step.Number % criteria.Length].Criterion.Id,
                (FulfilmentStatus)(step.Number % 4),
                Coordinator,
                comment: step.Number % 2 == 0 ? $"Kommentar {step.Number} – «æøå»" : null,
                justification: step.Number % 4 == 3 ? "Ikke relevant her." : null,
                evidence: step.Number % 3 == 0
                    ? [new EvidenceReference($"https://heim.kommune.no/dok/{step.Number}.pdf", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(step.Number))), new LocalDate(2030, 1, 1).PlusDays(step.Number))]
                    : default),
            13 => lifecycle.RemoveUnit(unit, Coordinator),
            14 => lifecycle.RecordFollowUpAudit(unit, Kari.Id),
            _ => lifecycle.CorrectAnnualReport(unit, year, Content(lifecycle, unit, year, step.Number + 1), step.Number % 5 == 0 ? " " : "Feil tall.", Coordinator),
        };
    }

    /// <summary>A report for the unit and year: the mandatory figures from the number, or, for some numbers, content that breaks a rule.</summary>
    private static Core.Reporting.EnvironmentalReport Content(OrganisationLifecycle lifecycle, UnitId unit, int year, int number)
    {
        Core.Reporting.IndicatorValue[] figures =
        [
            new("arsverk", number % 50, Core.Reporting.MeasureUnit.FullTimeEquivalent), new("oppvarmet-areal", number * 3, Core.Reporting.MeasureUnit.SquareMetre),
            new("sykefravaer", number % 7 == 0 ? 150 : number % 100, Core.Reporting.MeasureUnit.Percent), new("avfall-sortert", number, Core.Reporting.MeasureUnit.Kilogram),
            new("avfall-restavfall", number / 2.0, Core.Reporting.MeasureUnit.Kilogram, number % 3 == 0), new("strom", number * 100, Core.Reporting.MeasureUnit.KilowattHour),
        ];
        return Core.Reporting.EnvironmentalReport.Unchecked(unit, year, lifecycle.Rules.Indicators.Version, [.. figures], [], []);
    }

    /// <summary>Runs the steps; checks after each refusal that nothing changed. Returns the final lifecycle and whether every refusal left it unchanged.</summary>
    internal static (OrganisationLifecycle Lifecycle, bool Unchanged, int Refused) Run(ImmutableArray<Step> steps) => Run(steps, null);

    /// <summary>Runs the steps, handing every state reached (the start and after each accepted action) to <paramref name="visit"/>.</summary>
    internal static (OrganisationLifecycle Lifecycle, bool Unchanged, int Refused) Run(ImmutableArray<Step> steps, Action<OrganisationLifecycle>? visit)
    {
        var clock = Clock(2024, 1, 15);
        var lifecycle = Start(clock);
        visit?.Invoke(lifecycle);
        var refused = 0;
        foreach (var step in steps)
        {
            clock.Advance(Duration.FromDays(step.Days));
            var before = LifecycleFingerprint.Of(lifecycle);
            var history = lifecycle.History;
            try
            {
                lifecycle = Act(lifecycle, step);
                visit?.Invoke(lifecycle);
            }
            catch (MiljofyrtarnException)
            {
                refused++;
                if (LifecycleFingerprint.Of(lifecycle) != before || !ReferenceEquals(history, lifecycle.History))
                {
                    return (lifecycle, false, refused);
                }
            }
        }

        return (lifecycle, true, refused);
    }

    [Property(MaxTest = 40)]
    public Property EveryRefusedAction_LeavesStateAndHistoryUnchanged() =>
        Prop.ForAll(Steps.ToArbitrary(), steps => Run(steps).Unchanged);

    [Property(MaxTest = 40)]
    public Property Replay_OfAnyHistory_ReproducesTheStateExactly() => Prop.ForAll(Steps.ToArbitrary(), steps =>
    {
        var (lifecycle, _, _) = Run(steps);
        var replayed = OrganisationLifecycle.Replay(lifecycle.Organisation.Catalog, lifecycle.History, lifecycle.Clock);
        return (LifecycleFingerprint.Of(replayed) == LifecycleFingerprint.Of(lifecycle)).Label($"{lifecycle.History.Count} events");
    });

    [Property(MaxTest = 40)]
    public Property AllowedActions_AgreeWithTheExplainedActions() => Prop.ForAll(Steps.ToArbitrary(), steps =>
    {
        var (lifecycle, _, _) = Run(steps);
        return lifecycle.Organisation.AllUnits.All(unit =>
        {
            var flags = lifecycle.GetAllowedActions(unit.Id);
            return lifecycle.GetActions(unit.Id).All(a => flags.HasFlag((LifecycleActions)(1 << (int)a.Action)) == a.IsAllowed);
        });
    });

    [Property(MaxTest = 20)]
    public Property TheHappyPath_ReachesImprovement_AndRandomStepsNeverBreakTheRules() => Prop.ForAll(RandomSteps.ToArbitrary(), rest =>
    {
        var (lifecycle, unchanged, _) = Run([.. HappyPath]);
        var reached = lifecycle.Phase == OrganisationPhase.Improvement;
        var (after, unchangedAfter, _) = Run([.. HappyPath, .. rest]);
        return (reached && unchanged && unchangedAfter && after.History.Count >= lifecycle.History.Count).Label($"phase {lifecycle.Phase}");
    });

    [Property(MaxTest = 60)]
    public Property EveryReachedState_KeepsTheInvariants() => Prop.ForAll(Steps.ToArbitrary(), steps =>
    {
        var broken = new List<string>();
        Run(steps, lifecycle => broken.AddRange(LifecycleInvariants.Check(lifecycle.State, lifecycle.Rules).Select(d => $"v{lifecycle.Version} {d.Path}: {d.ToString(Language.English)}")));
        return (broken.Count == 0).Label(string.Join(Environment.NewLine, broken));
    });

    [Property(MaxTest = 40)]
    public Property TheHistory_IsNumberedWithoutGapsAndNeverRunsBackwards() => Prop.ForAll(Steps.ToArbitrary(), steps =>
    {
        var history = Run(steps).Lifecycle.History;
        return history.Select((e, i) => e.Sequence == i + 1).All(ok => ok)
            && history.Zip(history.Skip(1), (a, b) => b.OccurredAt >= a.OccurredAt).All(ok => ok);
    });
}
