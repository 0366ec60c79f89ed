using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Core.Reporting;

/// <summary>
/// One target of a climate target (klimamål): cut the emissions by a percentage of the base year's by a year, for example
/// 55 % by 2030.
/// </summary>
/// <param name="Year">The target year.</param>
/// <param name="ReductionPercent">The cut from the base year's emissions, in percent: over 0, at most 100.</param>
public sealed record TargetMilestone(int Year, double ReductionPercent);

/// <summary>
/// An organisation's climate target, as its municipal plan sets it: a base year, and target years each with a cut from
/// the base year's emissions (for example 2030 −55 % and 2050 −95 %, the path to a low-emission society), measured by
/// one method of Scope 2. The climate account gives each year's position on the straight line from the base year to each
/// target (<see cref="ClimateTargetPath"/>).
/// </summary>
/// <remarks>Immutable and thread-safe. Reference equality.</remarks>
public sealed class ClimateTarget
{
    /// <summary>The most targets in one climate target: 20.</summary>
    public const int MaxMilestones = 20;

    private ClimateTarget(int baseYear, Scope2Method method, ImmutableArray<TargetMilestone> milestones, double? baseEmissions) =>
        (BaseYear, Method, Milestones, BaseEmissions) = (baseYear, method, milestones, baseEmissions);

    /// <summary>The base year whose emissions the cuts are counted from.</summary>
    public int BaseYear { get; }

    /// <summary>
    /// Which Scope 2 the emissions are counted with: location-based (the total of the account) or market-based (Scope 1,
    /// market-based Scope 2 and Scope 3).
    /// </summary>
    public Scope2Method Method { get; }

    /// <summary>The targets, by year, each cutting at least as much as the one before.</summary>
    public ImmutableArray<TargetMilestone> Milestones { get; }

    /// <summary>
    /// The base year's emissions in kg CO2e when they come from elsewhere, for example the municipal plan's own inventory
    /// of a year before the organisation's first climate account; null to take them from the base year's account.
    /// </summary>
    public double? BaseEmissions { get; }

    /// <summary>Creates a climate target.</summary>
    /// <param name="baseYear">The base year, in the supported range.</param>
    /// <param name="method">The Scope 2 method the emissions are counted with.</param>
    /// <param name="milestones">
    /// The targets: one to <see cref="MaxMilestones"/>, in increasing years after the base year (up to the supported range's
    /// last year), each cut over 0 and at most 100 percent and not smaller than the one before.
    /// </param>
    /// <param name="baseEmissions">The base year's emissions in kg CO2e when they come from elsewhere (finite, 0 to <see cref="Limits.Quantity"/>); null to take them from the base year's account.</param>
    /// <returns>The target.</returns>
    /// <exception cref="MiljofyrtarnException">A rule is broken; every problem is listed, each naming the value.</exception>
    public static ClimateTarget Create(int baseYear, Scope2Method method, IEnumerable<TargetMilestone> milestones, double? baseEmissions = null)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        ImmutableArray<TargetMilestone> list = [.. milestones];
        var problems = new Problems();
        if (baseYear is < SupportedRange.FirstYear or > SupportedRange.LastYear)
        {
            problems.Add(ErrorCodes.NumberOutOfRange, "baseYear", baseYear, SupportedRange.FirstYear, SupportedRange.LastYear);
        }

        if (!Enum.IsDefined(method))
        {
            problems.Add(ErrorCodes.InvalidValue, method.ToString(), "locationBased, marketBased");
        }

        problems.NotEmpty(list.Length, "milestones");
        if (list.Length > MaxMilestones)
        {
            problems.Add(ErrorCodes.TooManyEntries, "milestones", list.Length, MaxMilestones);
        }

        TargetMilestone? previous = null;
        foreach (var milestone in list)
        {
            if (milestone is null)
            {
                problems.Add(ErrorCodes.MissingProperty, "milestones");
                continue;
            }

            var earliest = previous?.Year ?? baseYear;
            if (milestone.Year <= earliest || milestone.Year > SupportedRange.LastYear)
            {
                problems.Add(ErrorCodes.NumberOutOfRange, "milestones.year", milestone.Year, earliest + 1, SupportedRange.LastYear);
            }

            var least = previous?.ReductionPercent ?? 0;
            if (!double.IsFinite(milestone.ReductionPercent) || milestone.ReductionPercent <= 0 || milestone.ReductionPercent > 100 || milestone.ReductionPercent < least)
            {
                problems.Add(ErrorCodes.NumberOutOfRange, "milestones.reductionPercent", milestone.ReductionPercent, Math.Max(least, 0), 100);
            }

            previous = milestone;
        }

        if (baseEmissions is { } given && (!double.IsFinite(given) || given < 0 || given > Limits.Quantity))
        {
            problems.Add(ErrorCodes.NumberOutOfRange, "baseEmissions", given, 0, Limits.Quantity);
        }

        problems.ThrowIfAny();
        return new ClimateTarget(baseYear, method, list, baseEmissions);
    }

    /// <summary>The emissions a climate account counts for this target's method, in kg CO2e.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The total by location (<see cref="ClimateAccount.Total"/>), or Scope 1, market-based Scope 2 and Scope 3; null when the account has no market-based figure.</returns>
    public double? EmissionsOf(ClimateAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Method == Scope2Method.LocationBased
            ? account.Total
            : account.Scope2MarketBased is { } market ? account.Scope1 + market + account.Scope3 : null;
    }
}
