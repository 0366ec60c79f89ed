using System.Collections.Immutable;
using Miljofyrtarn.Core.Organisations;

namespace Miljofyrtarn.Core.Assessment;

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
