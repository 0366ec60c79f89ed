using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Internal;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;

namespace Miljofyrtarn.Core.Assessment;

/// <summary>
/// Computes readiness from the resolution index and the dense status arrays, without lookups per criterion: in full, or
/// carried forward from an earlier readiness by recomputing only the units whose statuses changed
/// (<see cref="Update"/>).
/// </summary>
internal sealed partial class ReadinessCalculator
{
    private const int Slots = 7; // NotStarted, InProgress, Fulfilled, NotApplicable, MustTotal, MustFulfilled, MustNotApplicable

    private readonly CriteriaCatalog _catalog;
    private readonly bool[] _must;
    private readonly ThemeLayout?[] _layouts;

    private ReadinessCalculator(CriteriaCatalog catalog)
    {
        _catalog = catalog;
        _must = [.. catalog.Criteria.Select(c => c.Obligation == Obligation.Must)];
        _layouts = new ThemeLayout?[catalog.Sets.Length];
    }

    /// <summary>
    /// How a common set groups criteria into themes: the theme ordinal of each criterion ordinal, and the order themes are
    /// listed in (the set's own themes first, then the rest in catalog order).
    /// </summary>
    internal sealed record ThemeLayout(int[] ThemeOf, int[] Order);

    private static readonly ConditionalWeakTable<CriteriaCatalog, ReadinessCalculator> ForCatalog = new();

    public static ReadinessCalculator Of(CriteriaCatalog catalog) => ForCatalog.GetValue(catalog, static c => new ReadinessCalculator(c));

    /// <summary>Every unit's readiness and the totals, listed in the themes of <paramref name="commonSet"/>.</summary>
    public OrganisationReadiness Organisation(PersistentVector<Unit> units, ResolutionIndex index, PersistentVector<UnitAssessments> assessments, CriteriaSet commonSet)
    {
        var themeCount = _catalog.Themes.Length;
        var totals = new int[themeCount * Slots];
        var perUnit = new int[themeCount * Slots];
        var result = new UnitReadiness[units.Count];
        var headquarters = assessments[0];
        var position = 0;
        foreach (var own in assessments)
        {
            result[position] = Unit(units, position, index, own, headquarters, perUnit, totals);
            position++;
        }

        return new OrganisationReadiness(Sum(totals), Themes(totals, Layout(commonSet)), PersistentVector<UnitReadiness>.From(result), totals);
    }

    /// <summary>One unit's readiness.</summary>
    public UnitReadiness Unit(PersistentVector<Unit> units, int position, ResolutionIndex index, PersistentVector<UnitAssessments> assessments) =>
        Unit(units, position, index, assessments[position], assessments[0], new int[_catalog.Themes.Length * Slots], null);

    private UnitReadiness Unit(PersistentVector<Unit> units, int position, ResolutionIndex index, UnitAssessments own, UnitAssessments headquarters, int[] counts, int[]? totals)
    {
        Array.Clear(counts);
        var layout = Layout(units[position].Sets[0]);
        var ordinals = index.Ordinals[position];
        var blocking = Tally(position == 0 ? null : index.HeadquartersParty, ordinals, own, headquarters, layout.ThemeOf, counts, totals, +1);
        var source = new UnitReadinessSource(this, own, headquarters, position == 0 ? null : index.HeadquartersParty, ordinals, layout, blocking);
        return own.IsOwned || headquarters.IsOwned
            ? new UnitReadiness(units[position], Sum(counts), Themes(counts, layout), source.BuildBlocking()) // transient tables change in place: build now
            : new UnitReadiness(units[position], Sum(counts), source);
    }

    /// <summary>
    /// Counts one unit's criteria into <paramref name="counts"/> (all of them) and, with <paramref name="sign"/>, into
    /// <paramref name="totals"/> (only those the unit fulfils itself, so each obligation is counted once, at its party).
    /// Returns the number of blocking must-criteria.
    /// </summary>
    /// <remarks>
    /// <paramref name="headquartersParty"/> is <see cref="ResolutionIndex.HeadquartersParty"/> for a UE (a criterion that
    /// applies to it and headquarters fulfils is inherited) and null for headquarters (which fulfils all of its own).
    /// </remarks>
    private int Tally(bool[]? headquartersParty, int[] ordinals, UnitAssessments ownTable, UnitAssessments headquartersTable, int[] themeOf, int[]? counts, int[]? totals, int sign)
    {
        var own = ownTable.Statuses;
        var headquarters = headquartersTable.Statuses;
        var blocking = 0;
        foreach (var ordinal in ordinals)
        {
            var byHeadquarters = headquartersParty is not null && headquartersParty[ordinal];
            if (counts is null && byHeadquarters)
            {
                continue;
            }

            var status = UnitAssessments.StatusIn(byHeadquarters ? headquarters : own, ordinal);
            var slot = themeOf[ordinal] * Slots;
            var mustSlot = !_must[ordinal] ? -2 : status switch
            {
                (byte)FulfilmentStatus.Fulfilled => 5,
                (byte)FulfilmentStatus.NotApplicable => 6,
                _ => -1,
            };
            if (mustSlot == -1)
            {
                blocking++;
            }

            if (counts is not null)
            {
                counts[slot + status]++;
                if (mustSlot != -2)
                {
                    counts[slot + 4]++;
                    if (mustSlot >= 0)
                    {
                        counts[slot + mustSlot]++;
                    }
                }
            }

            if (totals is not null && !byHeadquarters)
            {
                totals[slot + status] += sign;
                if (mustSlot != -2)
                {
                    totals[slot + 4] += sign;
                    if (mustSlot >= 0)
                    {
                        totals[slot + mustSlot] += sign;
                    }
                }
            }
        }

        return blocking;
    }

    /// <summary>A unit's counts per theme (what <see cref="UnitReadiness.Themes"/> lists), counted again from its frozen tables.</summary>
    internal ImmutableArray<ThemeReadiness> Themes(in UnitReadinessSource source)
    {
        var counts = new int[_catalog.Themes.Length * Slots];
        Tally(source.HeadquartersParty, source.Ordinals, source.Own, source.Headquarters, source.Layout.ThemeOf, counts, null, 0);
        return Themes(counts, source.Layout);
    }

    /// <summary>The must-criteria still blocking, in catalog order (what <see cref="UnitReadiness.Blocking"/> lists).</summary>
    internal ImmutableArray<BlockingCriterion> Blocking(in UnitReadinessSource source)
    {
        var blocking = ImmutableArray.CreateBuilder<BlockingCriterion>(source.BlockingCount);
        var own = source.Own.Statuses;
        var headquarters = source.Headquarters.Statuses;
        foreach (var ordinal in source.Ordinals)
        {
            if (!_must[ordinal])
            {
                continue;
            }

            var byHeadquarters = source.HeadquartersParty is not null && source.HeadquartersParty[ordinal];
            var status = (FulfilmentStatus)UnitAssessments.StatusIn(byHeadquarters ? headquarters : own, ordinal);
            if (status is FulfilmentStatus.NotStarted or FulfilmentStatus.InProgress)
            {
                blocking.Add(new BlockingCriterion(_catalog.Criteria[ordinal], status, byHeadquarters ? ResponsibleParty.Headquarters : ResponsibleParty.Unit));
            }
        }

        return blocking.MoveToImmutable();
    }

    private static ReadinessCounts Sum(int[] counts)
    {
        Span<int> sum = stackalloc int[Slots];
        for (var i = 0; i < counts.Length; i++)
        {
            sum[i % Slots] += counts[i];
        }

        return new ReadinessCounts(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6]);
    }

    private ImmutableArray<ThemeReadiness> Themes(int[] counts, ThemeLayout layout)
    {
        var themes = ImmutableArray.CreateBuilder<ThemeReadiness>();
        foreach (var t in layout.Order)
        {
            var s = t * Slots;
            if (counts[s] + counts[s + 1] + counts[s + 2] + counts[s + 3] > 0)
            {
                themes.Add(new ThemeReadiness(_catalog.Themes[t], new ReadinessCounts(counts[s], counts[s + 1], counts[s + 2], counts[s + 3], counts[s + 4], counts[s + 5], counts[s + 6])));
            }
        }

        return themes.DrainToImmutable();
    }

    /// <summary>The layout of a common set, built once per set and shared (two threads may build it twice; both are equal).</summary>
    private ThemeLayout Layout(CriteriaSet commonSet) => _layouts[commonSet.Ordinal] ??= BuildLayout(commonSet);

    private ThemeLayout BuildLayout(CriteriaSet commonSet)
    {
        var themeOf = _catalog.Criteria.Select(c => c.Theme.Ordinal).ToArray();
        foreach (var member in commonSet.Criteria)
        {
            var theme = commonSet.ThemeOf(member).Ordinal;
            themeOf[member.Ordinal] = theme;
            themeOf[_catalog.ResolveActive(member).Ordinal] = theme;
        }

        var order = commonSet.Themes.Select(t => t.Ordinal).ToList();
        order.AddRange(_catalog.Themes.Select(t => t.Ordinal).Where(t => !order.Contains(t)));
        return new ThemeLayout(themeOf, [.. order]);
    }
}
