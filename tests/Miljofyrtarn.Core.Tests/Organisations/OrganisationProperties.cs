using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using NodaTime;

namespace Miljofyrtarn.Core.Tests.Organisations;

/// <summary>Properties of the headquarters model over random organisations built from the embedded catalog.</summary>
public class OrganisationProperties
{
    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.LoadDefault();

    private static readonly string[] IndustrySets = [.. Catalog.Sets.Where(s => s.Kind == CriteriaSetKind.Industry && s.IsInForceOn(Heim.StartedOn)).Select(s => s.Id)];

    /// <summary>A random organisation: units with random sets and answers, random allocation overrides, random assessments.</summary>
    public sealed record Scenario(ImmutableArray<UnitSpec> Units, ImmutableArray<(int Criterion, bool ToHeadquarters)> Overrides, ImmutableArray<(int Unit, int Pick, int Status)> Steps)
    {
        public override string ToString() =>
            $"units: [{string.Join("; ", Units)}], overrides: [{string.Join(", ", Overrides)}], steps: [{string.Join(", ", Steps)}]";
    }

    /// <summary>A unit's sets (indexes into the industry sets) and answers (-1 unanswered, 0 no, 1 yes) to the four questions.</summary>
    public sealed record UnitSpec(ImmutableArray<int> Sets, ImmutableArray<int> Answers)
    {
        public override string ToString() => $"sets {string.Join(',', Sets)} answers {string.Join(',', Answers)}";
    }

    private static readonly Gen<UnitSpec> UnitGen =
        from sets in Gen.SubListOf(Enumerable.Range(0, IndustrySets.Length).ToArray())
        from answers in Gen.ArrayOf(Gen.Choose(-1, 1), Catalog.Questions.Length)
        select new UnitSpec([.. sets.Take(3)], [.. answers]);

    private static readonly Gen<Scenario> ScenarioGen =
        from units in Gen.ListOf(UnitGen).Select(l => l.Take(6).ToImmutableArray())
        from overrides in Gen.ListOf(Gen.Choose(0, Catalog.Criteria.Length - 1).Zip(Gen.Elements(true, false))).Select(l => l.Take(8).ToImmutableArray())
        from steps in Gen.ListOf(Gen.Choose(0, 6).Zip(Gen.Choose(0, 999)).Zip(Gen.Choose(0, 3)).Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2))).Select(l => l.Take(40).ToImmutableArray())
        select new Scenario(units, overrides, steps);

    private static Arbitrary<Scenario> Scenarios => ScenarioGen.ToArbitrary();

    private static readonly Instant At = Instant.FromUtc(2024, 3, 1, 9, 0);

    private static Organisation Build(Scenario scenario)
    {
        var organisation = Organisation.Create(Catalog, "Heim kommune", OrganisationKind.Municipality, Heim.Number, Heim.StartedOn, Heim.Headquarters());
        for (var u = 0; u < scenario.Units.Length; u++)
        {
            var spec = scenario.Units[u];
            var answers = ImmutableDictionary<string, bool>.Empty;
            for (var q = 0; q < spec.Answers.Length; q++)
            {
                if (spec.Answers[q] >= 0)
                {
                    answers = answers.Add(Catalog.Questions[q].Id, spec.Answers[q] == 1);
                }
            }

            organisation = organisation.AddUnit(new UnitDefinition(new UnitId($"unit-{u}"), $"Unit {u}")
            {
                SetIds = [.. spec.Sets.Select(i => IndustrySets[i])],
                Answers = answers,
            }, Heim.StartedOn);
        }

        foreach (var (criterion, toHeadquarters) in scenario.Overrides)
        {
            organisation = organisation.Allocate(Catalog.Criteria[criterion].Id, toHeadquarters ? ResponsibleParty.Headquarters : ResponsibleParty.Unit);
        }

        foreach (var (unit, pick, status) in scenario.Steps)
        {
            var target = organisation.AllUnits[unit % organisation.AllUnits.Length];
            var own = organisation.Resolve(target.Id).Criteria.Where(c => c.FulfilledBy == ResponsibleParty.Unit).ToList();
            if (own.Count > 0)
            {
                organisation = organisation.RecordAssessment(target.Id, own[pick % own.Count].Criterion.Id, Assessment((FulfilmentStatus)status));
            }
        }

        return organisation;
    }

    private static CriterionAssessment Assessment(FulfilmentStatus status) =>
        new(status, At, "tester", justification: status == FulfilmentStatus.NotApplicable ? "Not relevant here." : null);

    private static bool Accepts(Func<Organisation> operation)
    {
        try
        {
            operation();
            return true;
        }
        catch (MiljofyrtarnException)
        {
            return false;
        }
    }

    [Property(MaxTest = 60)]
    public Property EveryApplicableCriterion_IsAllocatedToExactlyOneResponsibleParty() => Prop.ForAll(Scenarios, scenario =>
    {
        var organisation = Build(scenario);
        var headquarters = organisation.Resolve(organisation.Headquarters.Id).Criteria.ToDictionary(c => c.Criterion.Id);
        foreach (var unit in organisation.Units)
        {
            foreach (var resolved in organisation.Resolve(unit.Id).Criteria)
            {
                var id = resolved.Criterion.Id;
                var byUnit = Accepts(() => organisation.RecordAssessment(unit.Id, id, Assessment(FulfilmentStatus.Fulfilled)));
                var byHeadquarters = resolved.FulfilledBy == ResponsibleParty.Headquarters
                    && headquarters.TryGetValue(id, out var atHeadquarters)
                    && atHeadquarters.DemandedBy.Contains(unit.Id)
                    && Accepts(() => organisation.RecordAssessment(organisation.Headquarters.Id, id, Assessment(FulfilmentStatus.Fulfilled)));
                if (byUnit == byHeadquarters || organisation.GetResponsibleParty(id) != resolved.FulfilledBy)
                {
                    return false.Label($"criterion {id} of {unit.Id}: unit {byUnit}, HK {byHeadquarters}, resolved {resolved.FulfilledBy}");
                }
            }
        }

        return true.ToProperty();
    });

    [Property(MaxTest = 60)]
    public Property Readiness_NeverDecreases_WhenACriterionBecomesFulfilled() => Prop.ForAll(Scenarios, Gen.Choose(0, 10_000).ToArbitrary(), (scenario, pick) =>
    {
        var before = Build(scenario);
        var open = before.AllUnits
            .SelectMany(u => before.Resolve(u.Id).Criteria.Where(c => c.FulfilledBy == ResponsibleParty.Unit).Select(c => (Unit: u.Id, c.Criterion.Id)))
            .Where(x => before.GetStatus(x.Unit, x.Id).Status != FulfilmentStatus.Fulfilled)
            .ToList();
        if (open.Count == 0)
        {
            return true.ToProperty();
        }

        var (unit, criterion) = open[pick % open.Count];
        var after = before.RecordAssessment(unit, criterion, Assessment(FulfilmentStatus.Fulfilled));

        var was = before.GetReadiness();
        var now = after.GetReadiness();
        var pairs = was.Units.Zip(now.Units, (a, b) => (a.Counts, b.Counts)).Append((was.Counts, now.Counts));
        return pairs.All(p => p.Item2.Fulfilled >= p.Item1.Fulfilled
                && p.Item2.MustFulfilled >= p.Item1.MustFulfilled
                && p.Item2.MustBlocking <= p.Item1.MustBlocking
                && p.Item2.PercentMustFulfilled >= p.Item1.PercentMustFulfilled - 1e-9)
            .Label($"fulfilling {criterion} of {unit}");
    });

    [Property(MaxTest = 60)]
    public Property TheIncrementallyBuiltIndex_EqualsAFullRebuild() => Prop.ForAll(Scenarios, scenario =>
    {
        var organisation = Build(scenario);
        var rebuilt = ResolutionIndex.Build(Catalog, organisation.AllUnits, organisation.AllocationOverrides);
        return organisation.Index.Roles.Zip(rebuilt.Roles, (a, b) => a.AsSpan().SequenceEqual(b)).All(x => x)
            && organisation.Index.Ordinals.Zip(rebuilt.Ordinals, (a, b) => a.AsSpan().SequenceEqual(b)).All(x => x);
    });

    [Property(MaxTest = 60)]
    public Property AFailedOperation_LeavesTheOrganisationUnchanged() => Prop.ForAll(Scenarios, Gen.Choose(0, 8).ToArbitrary(), (scenario, which) =>
    {
        var organisation = Build(scenario);
        var before = OrganisationState.Fingerprint(organisation);
        var unit = organisation.AllUnits[^1];
        var notApplicable = Catalog.Criteria.FirstOrDefault(c => !c.IsRetired && organisation.Resolve(unit.Id).Criteria.All(r => r.Criterion != c));
        Func<Organisation> operation = which switch
        {
            0 => () => organisation.AddUnit(new UnitDefinition(unit.Id, "Duplicate"), Heim.StartedOn),
            1 => () => organisation.AddUnit(new UnitDefinition(new UnitId("new"), "New") { SetIds = ["no-such-set"] }, Heim.StartedOn),
            2 => () => organisation.RecordAssessment(unit.Id, notApplicable?.Id ?? 1, Assessment(FulfilmentStatus.Fulfilled)),
            3 => () => organisation.RecordAssessment(unit.Id, 1001, new CriterionAssessment(FulfilmentStatus.NotApplicable, At, "x")),
            4 => () => organisation.Allocate(987_654, ResponsibleParty.Unit),
            5 => () => organisation.RemoveUnit(organisation.Headquarters.Id),
            6 => () => organisation.UpdateUnit(unit.Definition with { Answers = unit.Answers.SetItem("moon-base", true), Name = "Renamed" }, Heim.StartedOn),
            7 => () => organisation.AddUnit(new UnitDefinition(new UnitId("hq-2"), "HQ 2"), UnitRole.Headquarters, Heim.StartedOn),
            _ => () => organisation.UpdateUnit(unit.Definition with { SetIds = ["felles-2016"], FullTimeEquivalents = -1 }, Heim.StartedOn),
        };

        var refused = !Accepts(operation);
        return (refused && OrganisationState.Fingerprint(organisation) == before).Label($"operation {which} refused: {refused}");
    });
}
