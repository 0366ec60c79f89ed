using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Reporting;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>
/// Which emission factor sets a year's climate account is computed with: the one the submitted reports recorded, and
/// each recorded recomputation with a newer one.
/// </summary>
public sealed partial class OrganisationLifecycle
{
    /// <summary>The organisation's climate target (klimamål), or null while it has set none.</summary>
    public ClimateTarget? ClimateTarget => _state.ClimateTarget;

    /// <summary>
    /// Records the organisation's climate target, for example from its municipal plan: a base year and cuts by target
    /// years. It replaces any earlier target; the history keeps each.
    /// </summary>
    /// <param name="target">The target.</param>
    /// <param name="actor">Who: management or the coordinator in a governed organisation.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">The actor may not, or the version is not the expected one.</exception>
    public OrganisationLifecycle SetClimateTarget(ClimateTarget target, Actor actor, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Do(expectedVersion, (n, at) => new ClimateTargetSet(n, at, actor.Id, target), actor);
    }

    /// <summary>Every recorded recomputation of a climate account, oldest first.</summary>
    public ImmutableArray<AccountRecomputation> Recomputations => _state.Recomputations;

    /// <summary>
    /// Recomputes a year's climate account with another emission factor set, for example after NVE published the year's
    /// electricity factor (around June, after the 1 April deadline). The history records it; the account as submitted
    /// stays visible beside the recomputed one (<see cref="GetClimateAccountFactorSets"/>), and the recomputed one is
    /// the account from now on.
    /// </summary>
    /// <param name="year">The report year; at least one report with content is submitted for it.</param>
    /// <param name="factorSet">A set of the rule book (<see cref="SchemeRuleBook.FactorSets"/>) published by today.</param>
    /// <param name="actor">Who: management or the coordinator in a governed organisation.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// The set is not in the rule book (<see cref="ErrorCodes.FactorSetNotFound"/>) or not published yet
    /// (<see cref="ErrorCodes.NoFactorSet"/>), no report with content is submitted for the year
    /// (<see cref="ErrorCodes.NoAccountToRecompute"/>), or the account already uses the set (<see cref="ErrorCodes.RecomputationNotNeeded"/>).
    /// </exception>
    public OrganisationLifecycle RecomputeClimateAccount(int year, FactorSetReference factorSet, Actor actor, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(factorSet);
        var set = EmissionFactorSet.Find(Rules.FactorSets, factorSet);
        if (set.PublishedOn > Today)
        {
            throw Problems.Single(ErrorCodes.NoFactorSet, year, SupportedRange.Iso(Today));
        }

        return Do(expectedVersion, (n, at) => new ClimateAccountRecomputed(n, at, actor.Id, year, factorSet), actor);
    }

    /// <summary>
    /// The emission factor sets of a year's climate account, oldest first: the set it was submitted with, then the set of
    /// each recorded recomputation. The last is the one the account uses now. The set it was submitted with is the newest
    /// the year's reports recorded; for reports recorded before reports named their set, it is the set that applied to the
    /// year on the day the last of them was submitted. Empty when no report with content is submitted for the year.
    /// </summary>
    /// <param name="year">The report year.</param>
    /// <param name="factorSets">The sets to look in; the rule book's (<see cref="SchemeRuleBook.FactorSets"/>) when null.</param>
    /// <returns>The sets, each found among <paramref name="factorSets"/>.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// A recorded set is not among <paramref name="factorSets"/> (<see cref="ErrorCodes.FactorSetNotFound"/>), or no set applied on the
    /// day of submission of a report that recorded none (<see cref="ErrorCodes.NoFactorSet"/>).
    /// </exception>
    public ImmutableArray<EmissionFactorSet> GetClimateAccountFactorSets(int year, IEnumerable<EmissionFactorSet>? factorSets = null)
    {
        if (!Evolution.HasAccount(_state, year))
        {
            return [];
        }

        ImmutableArray<EmissionFactorSet> sets = [.. factorSets ?? Rules.FactorSets];
        var submitted = Evolution.SubmittedFactorSet(_state, year) is { } recorded
            ? EmissionFactorSet.Find(sets, recorded)
            : EmissionFactorSet.Select(sets, year, LastSubmissionDay(year));
        var result = ImmutableArray.CreateBuilder<EmissionFactorSet>();
        result.Add(submitted);
        foreach (var recomputation in _state.Recomputations)
        {
            if (recomputation.Year == year)
            {
                result.Add(EmissionFactorSet.Find(sets, recomputation.FactorSet));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The rule book's set for a year on a day, or null when none was published by then.</summary>
    private EmissionFactorSet? FactorSetOn(int year, LocalDate day) =>
        EmissionFactorSet.TrySelect(Rules.FactorSets, year, day, FactorSetRule.ForReportYear, out var set) ? set : null;

    /// <summary>The day the last report with content for the year was submitted, in the scheme's time zone.</summary>
    private LocalDate LastSubmissionDay(int year)
    {
        Instant? last = null;
        foreach (var unit in _state.Units)
        {
            if (unit.Reports.TryGetValue(year, out var report) && report.Content is not null && report.SubmittedAt is { } at && (last is null || at > last))
            {
                last = at;
            }
        }

        return Rules.DateOf(last!.Value);
    }
}
