using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Core.Reporting;

/// <summary>One year's emissions against the target path.</summary>
/// <param name="Year">The year.</param>
/// <param name="Emissions">The year's emissions by the target's method, in kg CO2e.</param>
/// <param name="Path">The most the path allows that year: on the straight line from the base year (or the last target before the year) to the next target; the last target's after its year.</param>
/// <param name="OnTrack">Whether the emissions are at or under the path.</param>
public sealed record TargetYear(int Year, double Emissions, double Path, bool OnTrack);

/// <summary>
/// Where an organisation stands against its climate target (<see cref="ClimateTarget"/>): each year's emissions against a
/// path straight from the base year's emissions to the first target, and from each target to the next, whether the latest
/// year is on track, and how large a cut per year the next target still needs.
/// </summary>
/// <remarks>
/// Immutable. Between the base year <c>b</c> (or a target) with emissions <c>E₀</c> and the next target in year <c>T</c>
/// allowing <c>E₁</c>, the path allows <c>E₀ + (E₁ − E₀) × (y − b) / (T − b)</c> in year <c>y</c>; after the last target, that
/// target's emissions. A year is on track when its emissions are at most the path's.
/// </remarks>
public sealed class ClimateTargetPath
{
    private ClimateTargetPath(ClimateTarget target, double baseEmissions, ImmutableArray<TargetYear> years)
    {
        (Target, BaseEmissions, Years) = (target, baseEmissions, years);
        var latest = years[^1];
        NextMilestone = target.Milestones.FirstOrDefault(m => m.Year > latest.Year);
        if (NextMilestone is { } next)
        {
            var remaining = Math.Max(0, latest.Emissions - TargetEmissions(next));
            RequiredCutPerYear = remaining / (next.Year - latest.Year);
            RequiredCutPercentPerYear = latest.Emissions > 0 ? RequiredCutPerYear / latest.Emissions * 100 : 0;
        }
    }

    /// <summary>The target.</summary>
    public ClimateTarget Target { get; }

    /// <summary>The base year's emissions by the target's method, in kg CO2e.</summary>
    public double BaseEmissions { get; }

    /// <summary>Every year from the base year on that has a climate account, in order; the base year first.</summary>
    public ImmutableArray<TargetYear> Years { get; }

    /// <summary>The latest year with an account.</summary>
    public TargetYear Latest => Years[^1];

    /// <summary>Whether the latest year is on track.</summary>
    public bool OnTrack => Latest.OnTrack;

    /// <summary>The first target after the latest year, or null when every target year has passed.</summary>
    public TargetMilestone? NextMilestone { get; }

    /// <summary>The cut per year, in kg CO2e, that reaches the next target from the latest year in a straight line; 0 when it is reached already; null without a next target.</summary>
    public double? RequiredCutPerYear { get; }

    /// <summary><see cref="RequiredCutPerYear"/> as a percentage of the latest year's emissions; null without a next target.</summary>
    public double? RequiredCutPercentPerYear { get; }

    /// <summary>The emissions a target allows: the base year's less its cut.</summary>
    /// <param name="milestone">The target.</param>
    /// <returns>The emissions, in kg CO2e.</returns>
    public double TargetEmissions(TargetMilestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return BaseEmissions * (1 - (milestone.ReductionPercent / 100));
    }

    /// <summary>The most the path allows in a year: on the straight line between the targets around it.</summary>
    /// <param name="year">The year, from the base year on.</param>
    /// <returns>The emissions, in kg CO2e.</returns>
    public double PathAt(int year) => PathAt(Target, BaseEmissions, year);

    /// <summary>Computes the path from the organisation's accounts.</summary>
    /// <param name="target">The target.</param>
    /// <param name="accounts">
    /// The accounts, one per year at most; years before the base year, and years without a figure by the target's method,
    /// are left out. The base year's emissions are the target's own when it gives them (<see cref="ClimateTarget.BaseEmissions"/>),
    /// else its account's.
    /// </param>
    /// <returns>The path.</returns>
    /// <exception cref="MiljofyrtarnException">No account of the base year has a figure by the target's method (<see cref="ErrorCodes.NoBaseYearAccount"/>), or two accounts are of one year (<see cref="ErrorCodes.DuplicateEntry"/>).</exception>
    public static ClimateTargetPath Compute(ClimateTarget target, IEnumerable<ClimateAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(accounts);
        var byYear = new SortedDictionary<int, double>();
        foreach (var account in accounts)
        {
            ArgumentNullException.ThrowIfNull(account, nameof(accounts));
            if (account.Year >= target.BaseYear && target.EmissionsOf(account) is { } emissions && !byYear.TryAdd(account.Year, emissions))
            {
                throw Problems.Single(ErrorCodes.DuplicateEntry, "accounts", account.Year);
            }
        }

        if (target.BaseEmissions is { } given)
        {
            byYear.TryAdd(target.BaseYear, given);
        }

        if ((target.BaseEmissions ?? (byYear.TryGetValue(target.BaseYear, out var counted) ? counted : (double?)null)) is not { } baseEmissions)
        {
            throw Problems.Single(ErrorCodes.NoBaseYearAccount, target.BaseYear);
        }

        var years = byYear.Select(y =>
        {
            var path = PathAt(target, baseEmissions, y.Key);
            return new TargetYear(y.Key, y.Value, path, y.Value <= path * (1 + 1e-12));
        });
        return new ClimateTargetPath(target, baseEmissions, [.. years]);
    }

    private static double PathAt(ClimateTarget target, double baseEmissions, int year)
    {
        var (fromYear, fromEmissions) = (target.BaseYear, baseEmissions);
        foreach (var milestone in target.Milestones)
        {
            var toEmissions = baseEmissions * (1 - (milestone.ReductionPercent / 100));
            if (year <= milestone.Year)
            {
                var share = Math.Max(0, (double)(year - fromYear) / (milestone.Year - fromYear));
                return fromEmissions + ((toEmissions - fromEmissions) * share);
            }

            (fromYear, fromEmissions) = (milestone.Year, toEmissions);
        }

        return fromEmissions;
    }
}
