using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;

namespace Miljofyrtarn.Core.Assessment;

/// <summary>Computes readiness from the resolution index and the dense status arrays, without lookups per criterion.</summary>
internal sealed class ReadinessCalculator
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
    private sealed record ThemeLayout(int[] ThemeOf, int[] Order);

    private static readonly ConditionalWeakTable<CriteriaCatalog, ReadinessCalculator> ForCatalog = new();

    public static ReadinessCalculator Of(CriteriaCatalog catalog) => ForCatalog.GetValue(catalog, static c => new ReadinessCalculator(c));

    /// <summary>Every unit's readiness and the totals, listed in the themes of <paramref name="commonSet"/>.</summary>
    public OrganisationReadiness Organisation(ImmutableArray<Unit> units, ResolutionIndex index, ImmutableArray<UnitAssessments> assessments, CriteriaSet commonSet)
    {
        var themeCount = _catalog.Themes.Length;
        var totals = new int[themeCount * Slots];
        var perUnit = new int[themeCount * Slots];
        var result = ImmutableArray.CreateBuilder<UnitReadiness>(units.Length);
        for (var u = 0; u < units.Length; u++)
        {
            result.Add(Unit(units, u, index, assessments, perUnit, totals));
        }

        return new OrganisationReadiness(Sum(totals), Themes(totals, Layout(commonSet)), result.MoveToImmutable());
    }

    public UnitReadiness Unit(ImmutableArray<Unit> units, int position, ResolutionIndex index, ImmutableArray<UnitAssessments> assessments) =>
        Unit(units, position, index, assessments, new int[_catalog.Themes.Length * Slots], null);

    private UnitReadiness Unit(ImmutableArray<Unit> units, int position, ResolutionIndex index, ImmutableArray<UnitAssessments> assessments, int[] counts, int[]? totals)
    {
        Array.Clear(counts);
        var own = assessments[position].Statuses;
        var headquarters = assessments[0].Statuses;
        var roles = index.Roles[position];
        var ordinals = index.Ordinals[position];
        var layout = Layout(units[position].Sets[0]);
        var themeOf = layout.ThemeOf;
        var blockingCount = 0;
        foreach (var ordinal in ordinals)
        {
            var byHeadquarters = roles[ordinal] == ResolutionIndex.ByHeadquarters;
            var status = byHeadquarters ? headquarters[ordinal] : own[ordinal];
            var slot = themeOf[ordinal] * Slots;
            counts[slot + status]++;
            if (totals is not null && !byHeadquarters)
            {
                totals[slot + status]++;
            }

            if (_must[ordinal])
            {
                var mustSlot = status switch
                {
                    (byte)FulfilmentStatus.Fulfilled => 5,
                    (byte)FulfilmentStatus.NotApplicable => 6,
                    _ => -1,
                };
                counts[slot + 4]++;
                if (totals is not null && !byHeadquarters)
                {
                    totals[slot + 4]++;
                }

                if (mustSlot < 0)
                {
                    blockingCount++;
                }
                else
                {
                    counts[slot + mustSlot]++;
                    if (totals is not null && !byHeadquarters)
                    {
                        totals[slot + mustSlot]++;
                    }
                }
            }
        }

        var blocking = ImmutableArray.CreateBuilder<BlockingCriterion>(blockingCount);
        if (blockingCount > 0)
        {
            foreach (var ordinal in ordinals)
            {
                if (!_must[ordinal])
                {
                    continue;
                }

                var byHeadquarters = roles[ordinal] == ResolutionIndex.ByHeadquarters;
                var status = (FulfilmentStatus)(byHeadquarters ? headquarters[ordinal] : own[ordinal]);
                if (status is FulfilmentStatus.NotStarted or FulfilmentStatus.InProgress)
                {
                    blocking.Add(new BlockingCriterion(_catalog.Criteria[ordinal], status, byHeadquarters ? ResponsibleParty.Headquarters : ResponsibleParty.Unit));
                }
            }
        }

        return new UnitReadiness(units[position], Sum(counts), Themes(counts, layout), blocking.MoveToImmutable());
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
