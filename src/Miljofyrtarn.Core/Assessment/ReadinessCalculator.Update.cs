using System.Collections.Immutable;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Internal;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;

namespace Miljofyrtarn.Core.Assessment;

/// <content>Incremental readiness: an earlier readiness carried forward through the assessments recorded since.</content>
internal sealed partial class ReadinessCalculator
{
    /// <summary>
    /// The readiness of a state reached from <see cref="ReadinessTrail.Readiness"/>'s state by the assessments on
    /// <paramref name="trail"/> only (same units, index and common set). The totals change by what each changed unit
    /// fulfils itself, before and after; the units recomputed are those whose own statuses changed and, for each criterion
    /// headquarters changed, the units that inherit it from headquarters: exactly those whose readiness can differ.
    /// </summary>
    public OrganisationReadiness Update(ReadinessTrail trail, PersistentVector<Unit> units, ResolutionIndex index, PersistentVector<UnitAssessments> assessments, CriteriaSet commonSet)
    {
        var before = trail.Assessments;
        Span<int> changed = trail.Count <= 64 ? stackalloc int[trail.Count] : new int[trail.Count];
        var positions = 0;
        var headquartersChanged = false;
        for (var step = trail; step is not null; step = step.Previous)
        {
            if (!changed[..positions].Contains(step.Position))
            {
                changed[positions++] = step.Position;
            }

            headquartersChanged |= step.Position == 0;
        }

        changed = changed[..positions];
        var totals = (int[])trail.Readiness.Totals.Clone();
        foreach (var position in changed)
        {
            var binOf = Layout(units[position].Sets[0]).BinOf;
            var party = position == 0 ? _noParty : index.HeadquartersParty;
            TallyOwn(party, index.Ordinals[position], before[position].Statuses, binOf, totals, -1);
            TallyOwn(party, index.Ordinals[position], assessments[position].Statuses, binOf, totals, +1);
        }

        var perUnit = new int[_catalog.Themes.Length * Slots];
        var headquarters = assessments[0];
        var vector = trail.Readiness.UnitVector;
        if (!headquartersChanged)
        {
            foreach (var position in changed)
            {
                vector = vector.SetItem(position, Unit(units, position, index, assessments[position], headquarters, perUnit, null));
            }
        }
        else
        {
            vector = Recompute(vector, AffectedByHeadquarters(trail, changed, index, units.Count), units, index, assessments, perUnit);
        }

        return new OrganisationReadiness(Sum(totals), Themes(totals, Layout(commonSet)), vector, totals);
    }

    /// <summary>
    /// The readiness of a state one added unit on from a state whose readiness (<paramref name="known"/>) and index
    /// (<paramref name="before"/>) are given. The new unit is counted; headquarters is recounted only when the new unit
    /// brought criteria allocated to headquarters that headquarters did not have (its list in <paramref name="after"/>
    /// differs). No other unit's criteria, tables or inherited statuses change, so their readiness is shared.
    /// </summary>
    public OrganisationReadiness WithAddedUnit(OrganisationReadiness known, ResolutionIndex before, ResolutionIndex after, PersistentVector<Unit> units, PersistentVector<UnitAssessments> assessments, CriteriaSet commonSet)
    {
        var totals = (int[])known.Totals.Clone();
        var perUnit = new int[_catalog.Themes.Length * Slots];
        var headquarters = assessments[0];
        var vector = known.UnitVector;
        if (!ReferenceEquals(after.Ordinals[0], before.Ordinals[0]))
        {
            TallyOwn(_noParty, before.Ordinals[0], headquarters.Statuses, Layout(units[0].Sets[0]).BinOf, totals, -1);
            vector = vector.SetItem(0, Unit(units[0], after.Ordinals[0], new ReadinessPass(this, headquarters, null), headquarters, perUnit, totals));
        }

        var added = units.Count - 1;
        vector = vector.Add(Unit(units[added], after.Ordinals[added], new ReadinessPass(this, headquarters, after.HeadquartersParty), assessments[added], perUnit, totals));
        return new OrganisationReadiness(Sum(totals), Themes(totals, Layout(commonSet)), vector, totals);
    }

    /// <summary>The changed units and every unit that inherits a criterion whose status headquarters changed.</summary>
    private static bool[] AffectedByHeadquarters(ReadinessTrail trail, ReadOnlySpan<int> changed, ResolutionIndex index, int unitCount)
    {
        var affected = new bool[unitCount];
        foreach (var position in changed)
        {
            affected[position] = true;
        }

        for (var step = trail; step is not null; step = step.Previous)
        {
            if (step.Position == 0)
            {
                foreach (var inheritor in index.InheritorsOf(step.Ordinal))
                {
                    affected[inheritor] = true;
                }
            }
        }

        return affected;
    }

    private PersistentVector<UnitReadiness> Recompute(PersistentVector<UnitReadiness> vector, bool[] affected, PersistentVector<Unit> units, ResolutionIndex index, PersistentVector<UnitAssessments> assessments, int[] perUnit)
    {
        var headquarters = assessments[0];
        var count = affected.Count(a => a);
        if (count <= units.Count / 8)
        {
            for (var position = 0; position < affected.Length; position++)
            {
                if (affected[position])
                {
                    vector = vector.SetItem(position, Unit(units, position, index, assessments[position], headquarters, perUnit, null));
                }
            }

            return vector;
        }

        // Many units inherit the change: one pass over the list, then one build, instead of a path copy per unit.
        var all = new UnitReadiness[vector.Count];
        vector.CopyTo(all);
        var headquartersPass = new ReadinessPass(this, headquarters, null);
        var unitPass = new ReadinessPass(this, headquarters, index.HeadquartersParty);
        var unit = units.GetEnumerator();
        var ordinals = index.Ordinals.GetEnumerator();
        var at = 0;
        foreach (var own in assessments)
        {
            unit.MoveNext();
            ordinals.MoveNext();
            if (affected[at])
            {
                all[at] = Unit(unit.Current, ordinals.Current, at == 0 ? headquartersPass : unitPass, own, perUnit, null);
            }

            at++;
        }

        return PersistentVector<UnitReadiness>.From(all);
    }
}

/// <summary>
/// What the units of one readiness pass share: the calculator, headquarters' status table, and which criteria
/// headquarters fulfils for a UE (null in headquarters' own pass). Each unit's readiness keeps one reference to it instead
/// of three, so a readiness of thousands of units is smaller and quicker for the collector to move.
/// </summary>
internal sealed class ReadinessPass(ReadinessCalculator calculator, UnitAssessments headquarters, bool[]? headquartersParty)
{
    public ReadinessCalculator Calculator { get; } = calculator;

    public UnitAssessments Headquarters { get; } = headquarters;

    public bool[]? HeadquartersParty { get; } = headquartersParty;
}

/// <summary>
/// What a unit's themes and blocking list are built from on first use: the status tables the readiness was computed from
/// (frozen, so they never change) and which criteria headquarters fulfils (both in the <see cref="ReadinessPass"/>) and
/// the unit's criteria; the theme layout is found again from the unit's common set. Kept instead of the lists, so a
/// readiness of thousands of units is a small object per unit until someone reads the details.
/// </summary>
internal readonly record struct UnitReadinessSource(ReadinessPass Pass, UnitAssessments Own, int[] Ordinals)
{
    public UnitAssessments Headquarters => Pass.Headquarters;

    public bool[]? HeadquartersParty => Pass.HeadquartersParty;

    /// <summary>The themes of <paramref name="unit"/>, the unit this source was made for.</summary>
    public ImmutableArray<ThemeReadiness> BuildThemes(Unit unit) => Pass.Calculator.Themes(this, unit.Sets[0]);

    /// <summary>The blocking list of <paramref name="unit"/>, of <paramref name="count"/> criteria (the unit's <see cref="ReadinessCounts.MustBlocking"/>).</summary>
    public ImmutableArray<BlockingCriterion> BuildBlocking(Unit unit, int count) => count == 0 ? [] : Pass.Calculator.Blocking(this, count, unit.Sets[0]);
}

/// <summary>
/// The assessments recorded since a state whose readiness is known, newest first: enough to carry that readiness forward
/// (<see cref="ReadinessCalculator.Update"/>). Kept for at most <see cref="MaxLength"/> steps; a longer run of changes
/// without a readiness asked for is computed in full when it is.
/// </summary>
internal sealed class ReadinessTrail
{
    /// <summary>The most steps carried; beyond it the trail is dropped.</summary>
    public const int MaxLength = 64;

    private ReadinessTrail(OrganisationReadiness readiness, PersistentVector<UnitAssessments> assessments, int position, int ordinal, ReadinessTrail? previous)
    {
        Readiness = readiness;
        Assessments = assessments;
        Position = position;
        Ordinal = ordinal;
        Previous = previous;
        Count = (previous?.Count ?? 0) + 1;
    }

    /// <summary>The known readiness the trail starts from.</summary>
    public OrganisationReadiness Readiness { get; }

    /// <summary>The assessments of the state whose readiness is known.</summary>
    public PersistentVector<UnitAssessments> Assessments { get; }

    /// <summary>The unit that recorded an assessment.</summary>
    public int Position { get; }

    /// <summary>The criterion's catalog ordinal.</summary>
    public int Ordinal { get; }

    /// <summary>The step before, or null for the first after the known readiness.</summary>
    public ReadinessTrail? Previous { get; }

    /// <summary>The number of steps.</summary>
    public int Count { get; }

    /// <summary>The trail of a state one assessment on from a state with a known readiness, or with a trail; null when neither, or too long.</summary>
    public static ReadinessTrail? Next(OrganisationReadiness? known, ReadinessTrail? trail, PersistentVector<UnitAssessments> assessments, int position, int ordinal) =>
        known is not null ? new ReadinessTrail(known, assessments, position, ordinal, null)
        : trail is { Count: < MaxLength } ? new ReadinessTrail(trail.Readiness, trail.Assessments, position, ordinal, trail)
        : null;
}
