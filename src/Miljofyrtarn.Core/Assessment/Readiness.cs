using System.Collections.Immutable;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Internal;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;

namespace Miljofyrtarn.Core.Assessment;

/// <summary>
/// Counts of criteria by status, and of must-criteria (skal-krav) fulfilled, not applicable and blocking.
/// </summary>
/// <remarks>Immutable value; equality over all counts.</remarks>
public readonly record struct ReadinessCounts(
    int NotStarted,
    int InProgress,
    int Fulfilled,
    int NotApplicable,
    int MustTotal,
    int MustFulfilled,
    int MustNotApplicable)
{
    /// <summary>All criteria counted.</summary>
    public int Total => NotStarted + InProgress + Fulfilled + NotApplicable;

    /// <summary>Must-criteria neither fulfilled nor not applicable: they block certification.</summary>
    public int MustBlocking => MustTotal - MustFulfilled - MustNotApplicable;

    /// <summary>
    /// The percentage (0 to 100) of must-criteria fulfilled, counting only those that apply (not applicable
    /// ones are left out). 100 when no must-criterion applies.
    /// </summary>
    public double PercentMustFulfilled => MustTotal - MustNotApplicable == 0 ? 100.0 : 100.0 * MustFulfilled / (MustTotal - MustNotApplicable);
}

/// <summary>The status a unit sees for a criterion, and who fulfils it: the unit itself, or headquarters.</summary>
/// <param name="Status">The status: the unit's own, or headquarters' when headquarters fulfils the criterion.</param>
/// <param name="FulfilledBy">Who fulfils the criterion.</param>
public readonly record struct EffectiveStatus(FulfilmentStatus Status, ResponsibleParty FulfilledBy);

/// <summary>Readiness of one theme, for a unit or the whole organisation.</summary>
/// <param name="Theme">The theme.</param>
/// <param name="Counts">The counts for the theme's criteria.</param>
public sealed record ThemeReadiness(Theme Theme, ReadinessCounts Counts);

/// <summary>A must-criterion that still blocks certification of a unit.</summary>
/// <param name="Criterion">The criterion.</param>
/// <param name="Status">Its effective status (not started or in progress).</param>
/// <param name="FulfilledBy">Who must fulfil it: the unit, or headquarters.</param>
public sealed record BlockingCriterion(Criterion Criterion, FulfilmentStatus Status, ResponsibleParty FulfilledBy);

/// <summary>
/// How far one unit has come: counts by status over every criterion that applies to it (those allocated to
/// headquarters with headquarters' status), per theme, and the must-criteria still blocking, in catalog order.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class UnitReadiness
{
    private readonly UnitReadinessSource _source;
    private ImmutableArray<ThemeReadiness> _themes;
    private ImmutableArray<BlockingCriterion> _blocking;

    internal UnitReadiness(Unit unit, ReadinessCounts counts, ImmutableArray<ThemeReadiness> themes, ImmutableArray<BlockingCriterion> blocking)
    {
        Unit = unit;
        Counts = counts;
        _themes = themes;
        _blocking = blocking;
    }

    /// <summary>A unit's readiness whose themes and blocking list are built from <paramref name="source"/> on first use.</summary>
    internal UnitReadiness(Unit unit, ReadinessCounts counts, UnitReadinessSource source)
    {
        Unit = unit;
        Counts = counts;
        _source = source;
    }

    /// <summary>The unit.</summary>
    public Unit Unit { get; }

    /// <summary>Counts over all the unit's criteria.</summary>
    public ReadinessCounts Counts { get; }

    /// <summary>Counts per theme, for themes with at least one criterion, in the unit's common set's order (<see cref="CriteriaSet.Themes"/>, then the rest in catalog order).</summary>
    /// <remarks>Built on first use from the statuses the readiness was computed from (which never change), then kept.</remarks>
    public ImmutableArray<ThemeReadiness> Themes
    {
        get
        {
            // Two threads may build it at once; both lists are equal and either may be kept (ImmutableArray is one reference).
            if (_themes.IsDefault)
            {
                _themes = _source.BuildThemes();
            }

            return _themes;
        }
    }

    /// <summary>The must-criteria still blocking certification, in catalog order.</summary>
    /// <remarks>Built on first use from the statuses the readiness was computed from (which never change), then kept.</remarks>
    public ImmutableArray<BlockingCriterion> Blocking
    {
        get
        {
            // Two threads may build it at once; both lists are equal and either may be kept (ImmutableArray is one reference).
            if (_blocking.IsDefault)
            {
                _blocking = _source.BuildBlocking(Counts.MustBlocking);
            }

            return _blocking;
        }
    }

    /// <summary>Whether every must-criterion is fulfilled (by the unit or by headquarters) or not applicable.</summary>
    public bool IsReadyForCertifier => Counts.MustBlocking == 0;
}

/// <summary>
/// Readiness of the whole organisation: every unit's readiness, and totals in which each obligation is
/// counted once, at the party that fulfils it (headquarters' own and allocated criteria, and each unit's own).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class OrganisationReadiness
{
    private ImmutableArray<UnitReadiness> _units;

    internal OrganisationReadiness(ReadinessCounts counts, ImmutableArray<ThemeReadiness> themes, PersistentVector<UnitReadiness> units, int[] totals)
    {
        Counts = counts;
        Themes = themes;
        UnitVector = units;
        Totals = totals;
    }

    /// <summary>Totals over the organisation's obligations.</summary>
    public ReadinessCounts Counts { get; }

    /// <summary>Totals per theme, for themes with at least one criterion, in the organisation's common set's order (<see cref="CriteriaSet.Themes"/>, then the rest in catalog order).</summary>
    public ImmutableArray<ThemeReadiness> Themes { get; }

    /// <summary>Each unit's readiness: headquarters first, then the units in the order they were added.</summary>
    /// <remarks>Listed on first use and then kept: a readiness carried forward from an earlier state shares every unchanged unit's readiness with it.</remarks>
    public ImmutableArray<UnitReadiness> Units
    {
        get
        {
            // Two threads may list it at once; both arrays are equal and either may be kept (ImmutableArray is one reference).
            if (_units.IsDefault)
            {
                _units = UnitVector.ToImmutableArray();
            }

            return _units;
        }
    }

    /// <summary>Headquarters' readiness: "what is left for Rådhuset before the certifier can come?".</summary>
    public UnitReadiness Headquarters => UnitVector[0];

    /// <summary>Each unit's readiness by position, shared with the readiness it was carried forward from.</summary>
    internal PersistentVector<UnitReadiness> UnitVector { get; }

    /// <summary>The totals by theme ordinal and count slot, before they were listed; the next readiness starts from them.</summary>
    internal int[] Totals { get; }
}
