using System.Collections.Immutable;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Assessment;

/// <summary>
/// Readiness carried forward from an earlier state (issue 16) equals readiness computed in full, after every change of a
/// random history: assessments by units and by headquarters (including criteria it fulfils for every unit), allocation
/// changes, added and removed units, the common-set version switch, and readiness asked for at random points.
/// </summary>
public class IncrementalReadinessProperties
{
    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.LoadDefault();

    private static readonly string[] IndustrySets = [.. Catalog.Sets.Where(s => s.Kind == CriteriaSetKind.Industry && s.IsInForceOn(Heim.StartedOn)).Select(s => s.Id)];

    private static readonly CriteriaSet[] CommonSets = [.. Catalog.Sets.Where(s => s.Kind == CriteriaSetKind.Common)];

    private static readonly Instant At = Instant.FromUtc(2024, 3, 1, 9, 0);

    /// <summary>One change: what kind (see <see cref="Apply"/>), and three random numbers it picks with.</summary>
    public sealed record Step(int Kind, int A, int B, int C)
    {
        public override string ToString() => $"{Kind}:{A}/{B}/{C}";
    }

    private static readonly Gen<Step> StepGen =
        from kind in Gen.Frequency((10, Gen.Constant(0)), (4, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)), (1, Gen.Constant(4)), (1, Gen.Constant(5)), (4, Gen.Constant(6)))
        from a in Gen.Choose(0, 10_000)
        from b in Gen.Choose(0, 10_000)
        from c in Gen.Choose(0, 3)
        select new Step(kind, a, b, c);

    private static Arbitrary<Step[]> Histories => Gen.ArrayOf(StepGen).Select(s => s.Take(60).ToArray()).ToArbitrary();

    [Property(MaxTest = 80)]
    public Property CarriedForwardReadiness_EqualsTheFullComputation_AfterEveryChange() => Prop.ForAll(Histories, history =>
    {
        var organisation = Start(units: 4);
        for (var i = 0; i < history.Length; i++)
        {
            organisation = Apply(organisation, history[i]);
            var carried = organisation.Readiness(keep: false);
            if (Difference(carried, organisation.ComputeReadiness()) is { } difference)
            {
                return false.Label($"after step {i} ({history[i]}), trail {organisation.ReadinessTrailLength}: {difference}");
            }
        }

        return true.ToProperty();
    });

    [Fact]
    public void LongSeededHistories_CarryReadinessForward_AndAlwaysEqualTheFullComputation()
    {
        var random = new Random(16);
        var carriedOver = 0;
        var headquartersSteps = 0;
        for (var run = 0; run < 20; run++)
        {
            var organisation = Start(units: 6);
            for (var i = 0; i < 150; i++)
            {
                var step = new Step(random.Next(10) switch { < 5 => 0, < 7 => 1, 7 => random.Next(2, 6), _ => 6 }, random.Next(10_000), random.Next(10_000), random.Next(4));
                organisation = Apply(organisation, step);
                carriedOver += organisation.ReadinessTrailLength > 0 ? 1 : 0;
                headquartersSteps += step.Kind == 1 ? 1 : 0;
                Difference(organisation.Readiness(keep: false), organisation.ComputeReadiness()).Should().BeNull($"run {run}, step {i} ({step})");
            }
        }

        carriedOver.Should().BeGreaterThan(1000, "most states are reached by assessments from a state whose readiness was asked for");
        headquartersSteps.Should().BeGreaterThan(300);
    }

    [Fact]
    public void AfterOneAssessment_OnlyThatUnitsReadiness_IsRecomputed()
    {
        var organisation = Start(units: 5);
        var before = organisation.GetReadiness();
        var unit = organisation.AllUnits[3];
        var criterion = organisation.Resolve(unit.Id).Criteria.First(c => c.FulfilledBy == ResponsibleParty.Unit).Criterion.Id;

        var after = organisation.RecordAssessment(unit.Id, criterion, Assessment(FulfilmentStatus.Fulfilled));

        after.ReadinessTrailLength.Should().Be(1);
        var readiness = after.GetReadiness();
        for (var position = 0; position < readiness.Units.Length; position++)
        {
            if (position == 3)
            {
                readiness.Units[position].Should().NotBeSameAs(before.Units[position]);
                readiness.Units[position].Counts.Fulfilled.Should().Be(before.Units[position].Counts.Fulfilled + 1);
            }
            else
            {
                readiness.Units[position].Should().BeSameAs(before.Units[position], "unit {0} did not change", position);
            }
        }

        Difference(readiness, after.ComputeReadiness()).Should().BeNull();
        after.GetReadiness().Should().BeSameAs(readiness, "a readiness once computed is kept");
    }

    [Fact]
    public void AfterHeadquartersAssessesACriterionItFulfilsForEveryone_ExactlyTheUnitsThatInheritItAreRecomputed()
    {
        // An industry criterion some of the units have, allocated to headquarters: HK fulfils it for those units only.
        var organisation = Start(units: 5);
        var perUnit = organisation.Units.Select(u => organisation.Resolve(u.Id).Criteria.Select(c => c.Criterion.Id).ToHashSet()).ToList();
        var id = perUnit.SelectMany(ids => ids).First(id => perUnit.Count(ids => ids.Contains(id)) is > 1 and < 5);
        organisation = organisation.Allocate(id, ResponsibleParty.Headquarters);
        var before = organisation.GetReadiness();
        var shared = organisation.Resolve(organisation.Headquarters.Id).Criteria.Single(c => c.Criterion.Id == id);
        shared.DemandedBy.Length.Should().BeInRange(2, 4);

        var after = organisation.RecordAssessment(organisation.Headquarters.Id, shared.Criterion.Id, Assessment(FulfilmentStatus.Fulfilled));

        var readiness = after.GetReadiness();
        readiness.Units[0].Should().NotBeSameAs(before.Units[0]);
        foreach (var unit in after.Units)
        {
            var position = after.AllUnits.IndexOf(unit);
            if (shared.DemandedBy.Contains(unit.Id))
            {
                readiness.Units[position].Should().NotBeSameAs(before.Units[position]);
            }
            else
            {
                readiness.Units[position].Should().BeSameAs(before.Units[position], "{0} does not inherit criterion {1}", unit.Id, shared.Criterion.Id);
            }
        }

        Difference(readiness, after.ComputeReadiness()).Should().BeNull();
    }

    [Fact]
    public void AfterAddingAUnit_EveryOtherUnitsReadiness_IsCarriedForward()
    {
        var organisation = Start(units: 5);
        var before = organisation.GetReadiness();

        var after = AddUnit(organisation, 4242, 5);

        after.ReadinessTrailLength.Should().Be(0);
        var readiness = after.GetReadiness();
        readiness.Units.Length.Should().Be(7);
        for (var position = 0; position < 6; position++)
        {
            readiness.Units[position].Should().BeSameAs(before.Units[position], "unit {0} did not change", position);
        }

        readiness.Units[6].Unit.Id.Should().Be(new UnitId("unit-5"));
        Difference(readiness, after.ComputeReadiness()).Should().BeNull();
        after.GetReadiness().Should().BeSameAs(readiness, "the carried readiness is kept");
    }

    [Fact]
    public void AfterAddingAUnitThatBringsCriteriaAllocatedToHeadquarters_HeadquartersIsRecountedToo()
    {
        // A criterion only the new unit has, allocated to headquarters beforehand: adding the unit gives HK a new obligation.
        var organisation = Start(units: 5);
        var existing = organisation.AllUnits.SelectMany(u => organisation.Resolve(u.Id).Criteria.Select(c => c.Criterion.Id)).ToHashSet();
        var id = AddUnit(organisation, 4242, 5).Resolve(new UnitId("unit-5")).Criteria
            .Select(c => c.Criterion.Id).First(c => !existing.Contains(c));
        organisation = organisation.Allocate(id, ResponsibleParty.Headquarters).RecordAssessment(organisation.AllUnits[2].Id,
            organisation.Resolve(organisation.AllUnits[2].Id).Criteria.First(c => c.FulfilledBy == ResponsibleParty.Unit).Criterion.Id, Assessment(FulfilmentStatus.InProgress));
        var before = organisation.GetReadiness();

        var after = AddUnit(organisation, 4242, 5);

        var readiness = after.GetReadiness();
        readiness.Headquarters.Should().NotBeSameAs(before.Headquarters);
        readiness.Headquarters.Counts.Total.Should().Be(before.Headquarters.Counts.Total + 1);
        readiness.Counts.NotStarted.Should().BeGreaterThan(before.Counts.NotStarted);
        for (var position = 1; position < 6; position++)
        {
            readiness.Units[position].Should().BeSameAs(before.Units[position], "unit {0} did not change", position);
        }

        after.Resolve(new UnitId("unit-5")).Criteria.Single(c => c.Criterion.Id == id).FulfilledBy.Should().Be(ResponsibleParty.Headquarters);
        Difference(readiness, after.ComputeReadiness()).Should().BeNull();
    }

    private static Organisation Start(int units)
    {
        var organisation = Organisation.Create(Catalog, "Heim kommune", OrganisationKind.Municipality, Heim.Number, Heim.StartedOn, Heim.Headquarters());
        for (var u = 0; u < units; u++)
        {
            organisation = AddUnit(organisation, u * 7919, u);
        }

        return organisation;
    }

    private static Organisation AddUnit(Organisation organisation, int pick, int number)
    {
        var answers = Catalog.Questions.Select((q, i) => (q.Id, Answer: (pick >> i) % 3)).Where(x => x.Answer < 2).ToImmutableDictionary(x => x.Id, x => x.Answer == 1);
        return organisation.AddUnit(new UnitDefinition(new UnitId($"unit-{number}"), $"Unit {number}")
        {
            SetIds = [IndustrySets[pick % IndustrySets.Length], IndustrySets[(pick / 7) % IndustrySets.Length]],
            Answers = answers,
        }, Heim.StartedOn);
    }

    /// <summary>
    /// 0: a unit assesses one of its own criteria; 1: headquarters assesses a criterion it fulfils (often one it fulfils for
    /// every unit); 2: an allocation changes; 3: a unit is added; 4: a unit is removed; 5: the common-set version switch
    /// begins or completes; 6: readiness is asked for (and kept), so the next changes carry it forward.
    /// </summary>
    private static Organisation Apply(Organisation organisation, Step step)
    {
        switch (step.Kind)
        {
            case 0 or 1:
                var unit = step.Kind == 1 ? organisation.Headquarters : organisation.AllUnits[step.A % organisation.AllUnits.Length];
                var criteria = organisation.Resolve(unit.Id).Criteria.Where(c => c.FulfilledBy == ResponsibleParty.Unit || unit.IsHeadquarters).ToList();
                var shared = criteria.Where(c => !c.DemandedBy.IsEmpty).ToList();
                var from = step.Kind == 1 && shared.Count > 0 && step.B % 4 != 0 ? shared : criteria;
                return from.Count == 0 ? organisation : organisation.RecordAssessment(unit.Id, from[step.B % from.Count].Criterion.Id, Assessment((FulfilmentStatus)step.C));
            case 2:
                return organisation.Allocate(Catalog.Criteria[step.A % Catalog.Criteria.Length].Id, step.C % 2 == 0 ? ResponsibleParty.Headquarters : ResponsibleParty.Unit);
            case 3:
                return organisation.AllUnits.Length >= 12 ? organisation : AddUnit(organisation, step.A, 100 + step.B);
            case 4:
                return organisation.AllUnits.Length <= 1 ? organisation : Remove(organisation, organisation.AllUnits[1 + (step.A % (organisation.AllUnits.Length - 1))].Id);
            case 5:
                return organisation.PendingCommonSet is null
                    ? organisation.BeginCommonSetSwitch(CommonSets[step.A % CommonSets.Length])
                    : organisation.CompleteCommonSetSwitch();
            default:
                organisation.GetReadiness();
                return organisation;
        }
    }

    private static Organisation Remove(Organisation organisation, UnitId id)
    {
        try
        {
            return organisation.RemoveUnit(id);
        }
        catch (MiljofyrtarnException)
        {
            return organisation; // a unit others are attached to stays
        }
    }

    private static CriterionAssessment Assessment(FulfilmentStatus status) =>
        new(status, At, "tester", justification: status == FulfilmentStatus.NotApplicable ? "Not relevant here." : null);

    /// <summary>The first difference between two readiness results, or null when they are equal in every figure and list.</summary>
    private static string? Difference(OrganisationReadiness actual, OrganisationReadiness expected)
    {
        if (actual.Counts != expected.Counts)
        {
            return $"totals {actual.Counts} vs {expected.Counts}";
        }

        if (Themes(actual.Themes) != Themes(expected.Themes))
        {
            return $"themes {Themes(actual.Themes)} vs {Themes(expected.Themes)}";
        }

        if (actual.Units.Length != expected.Units.Length || actual.Headquarters.Unit != expected.Headquarters.Unit)
        {
            return $"{actual.Units.Length} units vs {expected.Units.Length}";
        }

        for (var u = 0; u < actual.Units.Length; u++)
        {
            var (a, e) = (actual.Units[u], expected.Units[u]);
            if (a.Unit != e.Unit || a.Counts != e.Counts || Themes(a.Themes) != Themes(e.Themes) || a.IsReadyForCertifier != e.IsReadyForCertifier
                || !a.Blocking.SequenceEqual(e.Blocking))
            {
                return $"unit {e.Unit.Id}: {a.Counts} vs {e.Counts}; blocking {a.Blocking.Length} vs {e.Blocking.Length}";
            }
        }

        return null;
    }

    private static string Themes(ImmutableArray<ThemeReadiness> themes) => string.Join("; ", themes.Select(t => $"{t.Theme.Id} {t.Counts}"));
}
