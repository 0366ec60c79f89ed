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
    /// <summary>
    /// Counts are kept per theme as a histogram of eight bins, one per (obligation, status): bin
    /// <c>theme * Slots + (must ? 4 : 0) + status</c>. Each criterion adds one to one bin, with no branch on its status,
    /// so the time per criterion does not depend on how predictable the statuses are; the seven counts of
    /// <see cref="ReadinessCounts"/> are derived from the bins (<see cref="CountsOf"/>).
    /// </summary>
    private const int Slots = 8;
    private const int MustBins = 4;

    private readonly CriteriaCatalog _catalog;
    private readonly bool[] _must;
    private readonly bool[] _noParty;
    private readonly ThemeLayout?[] _layouts;

    private ReadinessCalculator(CriteriaCatalog catalog)
    {
        _catalog = catalog;
        _must = [.. catalog.Criteria.Select(c => c.Obligation == Obligation.Must)];
        _noParty = new bool[catalog.Criteria.Length];
        _layouts = new ThemeLayout?[catalog.Sets.Length];
    }

    /// <summary>
    /// How a common set groups criteria into themes: the first histogram bin of each criterion ordinal (its theme's bins,
    /// and the must-bins for a must-criterion), and the order themes are listed in (the set's own themes first, then the
    /// rest in catalog order).
    /// </summary>
    internal sealed record ThemeLayout(int[] BinOf, int[] Order);

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

        // The three lists walked side by side, in order: no path through a tree per unit.
        var headquartersPass = new ReadinessPass(this, headquarters, null);
        var unitPass = new ReadinessPass(this, headquarters, index.HeadquartersParty);
        var unit = units.GetEnumerator();
        var ordinals = index.Ordinals.GetEnumerator();
        var position = 0;
        foreach (var own in assessments)
        {
            unit.MoveNext();
            ordinals.MoveNext();
            result[position] = Unit(unit.Current, ordinals.Current, position == 0 ? headquartersPass : unitPass, own, perUnit, totals);
            position++;
        }

        return new OrganisationReadiness(Sum(totals), Themes(totals, Layout(commonSet)), PersistentVector<UnitReadiness>.From(result), totals);
    }

    /// <summary>One unit's readiness.</summary>
    public UnitReadiness Unit(PersistentVector<Unit> units, int position, ResolutionIndex index, PersistentVector<UnitAssessments> assessments) =>
        Unit(units, position, index, assessments[position], assessments[0], new int[_catalog.Themes.Length * Slots], null);

    private UnitReadiness Unit(PersistentVector<Unit> units, int position, ResolutionIndex index, UnitAssessments own, UnitAssessments headquarters, int[] counts, int[]? totals) =>
        Unit(units[position], index.Ordinals[position], new ReadinessPass(this, headquarters, position == 0 ? null : index.HeadquartersParty), own, counts, totals);

    /// <summary>
    /// One unit's readiness from its criteria (<paramref name="ordinals"/>) and tables; the <paramref name="pass"/> has
    /// headquarters' table and, for a UE, which criteria headquarters fulfils.
    /// </summary>
    private UnitReadiness Unit(Unit unit, int[] ordinals, ReadinessPass pass, UnitAssessments own, int[] counts, int[]? totals)
    {
        Array.Clear(counts);
        var layout = Layout(unit.Sets[0]);
        Tally(pass.HeadquartersParty ?? _noParty, ordinals, own.Statuses, pass.Headquarters.Statuses, layout.BinOf, counts, totals, +1);
        var sum = Sum(counts);
        var source = new UnitReadinessSource(pass, own, ordinals);
        return own.IsOwned || pass.Headquarters.IsOwned
            ? new UnitReadiness(unit, sum, Themes(counts, layout), source.BuildBlocking(unit, sum.MustBlocking)) // transient tables change in place: build now
            : new UnitReadiness(unit, sum, source);
    }

    /// <summary>
    /// Counts one unit's criteria into <paramref name="counts"/> (all of them) and, with <paramref name="sign"/>, into
    /// <paramref name="totals"/> (only those the unit fulfils itself, so each obligation is counted once, at its party).
    /// </summary>
    /// <remarks>
    /// <paramref name="headquartersParty"/> is <see cref="ResolutionIndex.HeadquartersParty"/> for a UE (a criterion that
    /// applies to it and headquarters fulfils is inherited, with headquarters' status) and all false for headquarters
    /// (which fulfils all of its own). Branch-free: both statuses are read and one is masked out.
    /// </remarks>
    private static void Tally(bool[] headquartersParty, int[] ordinals, ReadOnlySpan<byte> own, ReadOnlySpan<byte> headquarters, int[] binOf, int[] counts, int[]? totals, int sign)
    {
        foreach (var ordinal in ordinals)
        {
            var inherited = -(int)Unsafe.BitCast<bool, byte>(headquartersParty[ordinal]); // all ones when inherited, else 0
            var status = (UnitAssessments.StatusIn(own, ordinal) & ~inherited) | (UnitAssessments.StatusIn(headquarters, ordinal) & inherited);
            var bin = binOf[ordinal] + status;
            counts[bin]++;
            if (totals is not null)
            {
                totals[bin] += sign & ~inherited;
            }
        }
    }

    /// <summary>Adds <paramref name="sign"/> to <paramref name="totals"/> for each criterion of a unit that it fulfils itself.</summary>
    private static void TallyOwn(bool[] headquartersParty, int[] ordinals, ReadOnlySpan<byte> own, int[] binOf, int[] totals, int sign)
    {
        foreach (var ordinal in ordinals)
        {
            if (!headquartersParty[ordinal])
            {
                totals[binOf[ordinal] + UnitAssessments.StatusIn(own, ordinal)] += sign;
            }
        }
    }

    /// <summary>A unit's counts per theme (what <see cref="UnitReadiness.Themes"/> lists), counted again from its frozen tables.</summary>
    internal ImmutableArray<ThemeReadiness> Themes(in UnitReadinessSource source, CriteriaSet commonSet)
    {
        var layout = Layout(commonSet);
        var counts = new int[_catalog.Themes.Length * Slots];
        Tally(source.HeadquartersParty ?? _noParty, source.Ordinals, source.Own.Statuses, source.Headquarters.Statuses, layout.BinOf, counts, null, 0);
        return Themes(counts, layout);
    }

    /// <summary>The must-criteria still blocking, in catalog order (what <see cref="UnitReadiness.Blocking"/> lists).</summary>
    internal ImmutableArray<BlockingCriterion> Blocking(in UnitReadinessSource source, int count, CriteriaSet commonSet)
    {
        var layout = Layout(commonSet);
        var blocking = ImmutableArray.CreateBuilder<BlockingCriterion>(count);
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
                blocking.Add(new BlockingCriterion(_catalog.Criteria[ordinal], status, byHeadquarters ? ResponsibleParty.Headquarters : ResponsibleParty.Unit)
                {
                    Theme = _catalog.Themes[layout.BinOf[ordinal] / Slots],
                });
            }
        }

        return blocking.MoveToImmutable();
    }

    private static ReadinessCounts Sum(int[] counts)
    {
        Span<int> bins = stackalloc int[Slots];
        for (var i = 0; i < counts.Length; i += Slots)
        {
            for (var b = 0; b < Slots; b++)
            {
                bins[b] += counts[i + b];
            }
        }

        return CountsOf(bins);
    }

    /// <summary>The counts of one histogram of eight bins (four statuses of other criteria, then four of must-criteria).</summary>
    private static ReadinessCounts CountsOf(ReadOnlySpan<int> bins)
    {
        var (mustNotStarted, mustInProgress, mustFulfilled, mustNotApplicable) = (bins[MustBins], bins[MustBins + 1], bins[MustBins + 2], bins[MustBins + 3]);
        return new ReadinessCounts(
            bins[0] + mustNotStarted,
            bins[1] + mustInProgress,
            bins[2] + mustFulfilled,
            bins[3] + mustNotApplicable,
            mustNotStarted + mustInProgress + mustFulfilled + mustNotApplicable,
            mustFulfilled,
            mustNotApplicable);
    }

    private ImmutableArray<ThemeReadiness> Themes(int[] counts, ThemeLayout layout)
    {
        var themes = ImmutableArray.CreateBuilder<ThemeReadiness>();
        foreach (var t in layout.Order)
        {
            var theme = CountsOf(counts.AsSpan(t * Slots, Slots));
            if (theme.Total > 0)
            {
                themes.Add(new ThemeReadiness(_catalog.Themes[t], theme));
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

        var binOf = new int[themeOf.Length];
        for (var ordinal = 0; ordinal < binOf.Length; ordinal++)
        {
            binOf[ordinal] = (themeOf[ordinal] * Slots) + (_must[ordinal] ? MustBins : 0);
        }

        var order = commonSet.Themes.Select(t => t.Ordinal).ToList();
        order.AddRange(_catalog.Themes.Select(t => t.Ordinal).Where(t => !order.Contains(t)));
        return new ThemeLayout(binOf, [.. order]);
    }
}
