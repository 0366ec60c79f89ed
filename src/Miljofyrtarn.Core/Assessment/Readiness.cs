using System.Collections.Immutable;
using Miljofyrtarn.Core.Catalog;
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
public sealed record BlockingCriterion(Criterion Criterion, FulfilmentStatus Status, ResponsibleParty FulfilledBy)
{
    /// <summary>
    /// The theme the criterion is counted under in the unit's readiness (<see cref="UnitReadiness.Themes"/>): the theme
    /// the unit's common set gives it, else the criterion's own. A criterion of the catalog's own theme (for example
    /// "system") that the common set files under another is listed under that one, so every blocking criterion's theme
    /// is in the themes list.
    /// </summary>
    public Theme Theme { get; init; } = Criterion.Theme;
}

/// <summary>
/// How far one unit has come: counts by status over every criterion that applies to it (those allocated to
/// headquarters with headquarters' status), per theme, and the must-criteria still blocking, in catalog order.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class UnitReadiness
{
    // 72 bytes a unit, so that a readiness of thousands of units is quick to build and for the collector to move: the
    // counts as 16-bit numbers (a unit with more than 65,535 criteria keeps them in its details instead), the themes and
    // the blocking list in one object built on first use, from the source the counts were computed from.
    private readonly UnitReadinessSource _source;
    private Details? _details;
    private readonly ushort _notStarted;
    private readonly ushort _inProgress;
    private readonly ushort _fulfilled;
    private readonly ushort _notApplicable;
    private readonly ushort _mustTotal;
    private readonly ushort _mustFulfilled;
    private readonly ushort _mustNotApplicable;
    private readonly bool _wide;

    /// <summary>A unit's readiness with its themes and blocking list built already.</summary>
    internal UnitReadiness(Unit unit, ReadinessCounts counts, ImmutableArray<ThemeReadiness> themes, ImmutableArray<BlockingCriterion> blocking)
        : this(unit, counts, default(UnitReadinessSource))
    {
        var details = _details ?? new Details();
        details.Themes = themes;
        details.Blocking = blocking;
        _details = details;
    }

    /// <summary>A unit's readiness whose themes and blocking list are built from <paramref name="source"/> on first use.</summary>
    internal UnitReadiness(Unit unit, ReadinessCounts counts, UnitReadinessSource source)
    {
        Unit = unit;
        _source = source;
        if (counts.Total > ushort.MaxValue)
        {
            _wide = true;
            _details = new Details { WideCounts = counts };
            return;
        }

        _notStarted = (ushort)counts.NotStarted;
        _inProgress = (ushort)counts.InProgress;
        _fulfilled = (ushort)counts.Fulfilled;
        _notApplicable = (ushort)counts.NotApplicable;
        _mustTotal = (ushort)counts.MustTotal;
        _mustFulfilled = (ushort)counts.MustFulfilled;
        _mustNotApplicable = (ushort)counts.MustNotApplicable;
    }

    /// <summary>The unit.</summary>
    public Unit Unit { get; }

    /// <summary>Counts over all the unit's criteria.</summary>
    public ReadinessCounts Counts => _wide
        ? _details!.WideCounts
        : new(_notStarted, _inProgress, _fulfilled, _notApplicable, _mustTotal, _mustFulfilled, _mustNotApplicable);

    /// <summary>Counts per theme, for themes with at least one criterion, in the unit's common set's order (<see cref="CriteriaSet.Themes"/>, then the rest in catalog order).</summary>
    /// <remarks>Built on first use from the statuses the readiness was computed from (which never change), then kept.</remarks>
    public ImmutableArray<ThemeReadiness> Themes
    {
        get
        {
            // Two threads may build it at once; both lists are equal and either may be kept (ImmutableArray is one reference).
            var details = DetailsKept();
            if (details.Themes.IsDefault)
            {
                details.Themes = _source.BuildThemes(Unit);
            }

            return details.Themes;
        }
    }

    /// <summary>The must-criteria still blocking certification, in catalog order.</summary>
    /// <remarks>Built on first use from the statuses the readiness was computed from (which never change), then kept.</remarks>
    public ImmutableArray<BlockingCriterion> Blocking
    {
        get
        {
            // As for the themes: either of two equal lists built at once may be kept.
            var details = DetailsKept();
            if (details.Blocking.IsDefault)
            {
                details.Blocking = _source.BuildBlocking(Unit, Counts.MustBlocking);
            }

            return details.Blocking;
        }
    }

    /// <summary>Whether every must-criterion is fulfilled (by the unit or by headquarters) or not applicable.</summary>
    public bool IsReadyForCertifier => Counts.MustBlocking == 0;

    /// <summary>
    /// The details object, made on first use. Two threads may make one each; the one not kept only loses the lists built
    /// into it, which are built again. A unit's wide counts are set at construction, so that object is never replaced.
    /// </summary>
    private Details DetailsKept() => _details ??= new Details();

    /// <summary>What is built on first use (and, for a unit with more criteria than 16 bits count, its counts).</summary>
    private sealed class Details
    {
        public ImmutableArray<ThemeReadiness> Themes;
        public ImmutableArray<BlockingCriterion> Blocking;
        public ReadinessCounts WideCounts;
    }
}

/// <summary>
/// Readiness of the whole organisation: every unit's readiness, and totals in which each obligation is
/// counted once, at the party that fulfils it (headquarters' own and allocated criteria, and each unit's own).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class OrganisationReadiness
{
    internal OrganisationReadiness(ReadinessCounts counts, ImmutableArray<ThemeReadiness> themes, ImmutableArray<UnitReadiness> units)
    {
        Counts = counts;
        Themes = themes;
        Units = units;
    }

    /// <summary>Totals over the organisation's obligations.</summary>
    public ReadinessCounts Counts { get; }

    /// <summary>Totals per theme, for themes with at least one criterion, in the organisation's common set's order (<see cref="CriteriaSet.Themes"/>, then the rest in catalog order).</summary>
    public ImmutableArray<ThemeReadiness> Themes { get; }

    /// <summary>Each unit's readiness: headquarters first, then the units in the order they were added.</summary>
    public ImmutableArray<UnitReadiness> Units { get; }

    /// <summary>Headquarters' readiness: "what is left for Rådhuset before the certifier can come?".</summary>
    public UnitReadiness Headquarters => Units[0];
}
