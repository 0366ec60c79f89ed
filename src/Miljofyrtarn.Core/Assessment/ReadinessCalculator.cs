using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;

namespace Miljofyrtarn.Core.Assessment;

/// <summary>
/// Computes readiness from the resolution index and the dense status arrays, without lookups per criterion.
/// </summary>
internal sealed class ReadinessCalculator
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

    /// <summary>Every unit's readiness and the totals, listed in the themes of the state's common set.</summary>
    public OrganisationReadiness Organisation(OrganisationState state)
    {
        var themeCount = _catalog.Themes.Length;
        var totals = new int[themeCount * Slots];
        var perUnit = new int[themeCount * Slots];
        var result = new UnitReadiness[state.Count];
        var index = state.Index;
        var headquarters = state.TableAt(0);
        var headquartersPass = new ReadinessPass(this, headquarters, null);
        var unitPass = new ReadinessPass(this, headquarters, index.HeadquartersParty);
        for (var position = 0; position < result.Length; position++)
        {
            result[position] = Unit(state.UnitAt(position), index.Ordinals[position], position == 0 ? headquartersPass : unitPass, state.TableAt(position), perUnit, totals);
        }

        return new OrganisationReadiness(Sum(totals), Themes(totals, Layout(state.CommonSet)), ImmutableCollectionsMarshal.AsImmutableArray(result));
    }

    /// <summary>The readiness of the unit at a position.</summary>
    public UnitReadiness Unit(OrganisationState state, int position) =>
        Unit(state, position, new int[_catalog.Themes.Length * Slots], null);

    private UnitReadiness Unit(OrganisationState state, int position, int[] counts, int[]? totals) =>
        Unit(state.UnitAt(position), state.Index.Ordinals[position], new ReadinessPass(this, state.TableAt(0), position == 0 ? null : state.Index.HeadquartersParty), state.TableAt(position), counts, totals);

    /// <summary>
    /// One unit's readiness from its criteria (<paramref name="ordinals"/>) and tables; the <paramref name="pass"/> has
    /// headquarters' table and, for a UE, which criteria headquarters fulfils.
    /// </summary>
    private UnitReadiness Unit(Unit unit, int[] ordinals, ReadinessPass pass, UnitAssessments own, int[] counts, int[]? totals)
    {
        Array.Clear(counts);
        var layout = Layout(unit.Sets[0]);
        Tally(pass.HeadquartersParty ?? _noParty, ordinals, own.Statuses, pass.Headquarters.Statuses, layout.BinOf, counts, totals);
        var sum = Sum(counts);
        var source = new UnitReadinessSource(pass, own, ordinals);
        return own.IsOwned || pass.Headquarters.IsOwned
            ? new UnitReadiness(unit, sum, Themes(counts, layout), source.BuildBlocking(unit, sum.MustBlocking)) // transient tables change in place: build now
            : new UnitReadiness(unit, sum, source);
    }

    /// <summary>
    /// Counts one unit's criteria into <paramref name="counts"/> (all of them) and, when given, into
    /// <paramref name="totals"/> (only those the unit fulfils itself, so each obligation is counted once, at its party).
    /// </summary>
    /// <remarks>
    /// <paramref name="headquartersParty"/> is <see cref="ResolutionIndex.HeadquartersParty"/> for a UE (a criterion that
    /// applies to it and headquarters fulfils is inherited, with headquarters' status) and all false for headquarters
    /// (which fulfils all of its own). Branch-free: both statuses are read and one is masked out.
    /// </remarks>
    private static void Tally(bool[] headquartersParty, int[] ordinals, ReadOnlySpan<byte> own, ReadOnlySpan<byte> headquarters, int[] binOf, int[] counts, int[]? totals)
    {
        foreach (var ordinal in ordinals)
        {
            var inherited = -(int)Unsafe.BitCast<bool, byte>(headquartersParty[ordinal]); // all ones when inherited, else 0
            var status = (UnitAssessments.StatusIn(own, ordinal) & ~inherited) | (UnitAssessments.StatusIn(headquarters, ordinal) & inherited);
            var bin = binOf[ordinal] + status;
            counts[bin]++;
            if (totals is not null)
            {
                totals[bin] += 1 & ~inherited;
            }
        }
    }

    /// <summary>A unit's counts per theme (what <see cref="UnitReadiness.Themes"/> lists), counted again from its frozen tables.</summary>
    internal ImmutableArray<ThemeReadiness> Themes(in UnitReadinessSource source, CriteriaSet commonSet)
    {
        var layout = Layout(commonSet);
        var counts = new int[_catalog.Themes.Length * Slots];
        Tally(source.HeadquartersParty ?? _noParty, source.Ordinals, source.Own.Statuses, source.Headquarters.Statuses, layout.BinOf, counts, null);
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
