using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;

namespace Miljofyrtarn.Core.Contracts;

public static partial class ContractViews
{
    /// <summary>A unit's annual report for a year: due date, submission, and the figures with their names.</summary>
    /// <param name="lifecycle">The lifecycle.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="year">The report year.</param>
    /// <param name="language">The language of texts.</param>
    /// <returns>The view, or null when the unit owes no report for that year.</returns>
    /// <exception cref="MiljofyrtarnException">The unit is not in the organisation (<see cref="ErrorCodes.UnknownUnit"/>).</exception>
    public static AnnualReportView? ToReportView(this OrganisationLifecycle lifecycle, UnitId unit, int year, ContractLanguage language = default)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        if (!lifecycle.GetUnitLifecycle(unit).Reports.TryGetValue(year, out var report))
        {
            return null;
        }

        var indicators = lifecycle.Rules.Indicators;
        var content = report.Content;
        var figures = content is null ? [] : new FigureView[content.Values.Length];
        for (var i = 0; i < figures.Length; i++)
        {
            var value = content!.Values[i];
            var name = indicators.TryGet(value.Code, out var indicator) ? language.Text(indicator.Name) : ContractText.Of(value.Code);
            figures[i] = new FigureView(value.Code, name, value.Value, value.Unit, language.Text(l => value.Unit.GetName(l)), value.Estimated);
        }

        return new AnnualReportView(
            unit,
            year,
            report.DueOn,
            report.SubmittedAt,
            report.Postponed,
            content?.CatalogVersion,
            figures,
            content is null ? [] : content.Goals,
            content is null ? [] : content.Measures,
            report.Corrections.Length);
    }

    /// <summary>A climate account as a contract.</summary>
    /// <param name="account">The account, from <see cref="ClimateAccount.Compute"/> or <see cref="ClimateAccount.ComputeCombined"/>.</param>
    /// <param name="language">The language of the warnings' texts.</param>
    /// <returns>The view.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027", Justification = "The ToView overloads differ in their first parameter's type; no call is ambiguous.")]
    public static ClimateAccountView ToView(ClimateAccount account, ContractLanguage language = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var lines = new EmissionLineView[account.Lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var l = account.Lines[i];
            lines[i] = new EmissionLineView(l.Unit, l.IndicatorCode, l.Activity, l.Scope, l.Scope3Category, l.Origin, l.Quantity, l.KilogramsCo2e);
        }

        return new ClimateAccountView(
            account.Year,
            account.FactorSet.Id,
            account.ReportCount,
            account.Scope1,
            account.Scope2LocationBased,
            account.Scope2MarketBased,
            account.Scope3,
            account.Biogenic,
            account.Total,
            account.PerFullTimeEquivalent,
            account.PerSquareMetre,
            lines,
            account.LeftOut,
            [.. account.Warnings.Select(w => new AccountWarningView(w.Code, w.Arguments[0], language.Text(w.GetMessage)))],
            account.FactorSet.PublishedOn);
    }

    /// <summary>
    /// The organisation's climate account for a year: every submitted report of that year combined, with the factor set
    /// the account uses now (the last of <see cref="OrganisationLifecycle.GetClimateAccountFactorSets"/>: the set it was
    /// submitted with, or the latest recomputation's), so it reads the same whenever it is read. For a year without a
    /// submitted report, the set that applies to the year today (<see cref="EmissionFactorSet.Select"/>).
    /// </summary>
    /// <param name="lifecycle">The lifecycle.</param>
    /// <param name="year">The report year.</param>
    /// <param name="factorSets">The factor sets to look in; the rule book's (<see cref="SchemeRuleBook.FactorSets"/>) when null.</param>
    /// <param name="leftOut">Activities deliberately left out of the account, each with its reason; none when null.</param>
    /// <param name="language">The language of the warnings' texts.</param>
    /// <returns>The view.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// A recorded factor set is not loaded (<see cref="ErrorCodes.FactorSetNotFound"/>), no factor set qualifies, or one lacks
    /// a factor the account needs and the activity is not left out.
    /// </exception>
    public static ClimateAccountView ToClimateAccountView(this OrganisationLifecycle lifecycle, int year, IEnumerable<EmissionFactorSet>? factorSets = null, IEnumerable<LeftOutActivity>? leftOut = null, ContractLanguage language = default)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        var views = lifecycle.ToClimateAccountViews(year, factorSets, leftOut, language);
        return views.Length > 0
            ? views[^1]
            : ToView(ClimateAccount.ComputeCombined([], lifecycle.Rules.Indicators, EmissionFactorSet.Select(factorSets ?? lifecycle.Rules.FactorSets, year, lifecycle.Today), leftOut), language);
    }

    /// <summary>
    /// Where the organisation stands against its climate target: every year from the target's base year to this year that
    /// has a climate account (each with the set it uses now, as <see cref="ToClimateAccountView"/>), against the straight
    /// line to each target (<see cref="ClimateTargetPath"/>).
    /// </summary>
    /// <param name="lifecycle">The lifecycle.</param>
    /// <param name="factorSets">The factor sets to look in; the rule book's (<see cref="SchemeRuleBook.FactorSets"/>) when null.</param>
    /// <param name="leftOut">Activities deliberately left out of the accounts, each with its reason; none when null.</param>
    /// <returns>The view, or null while the organisation has set no target.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// The base year has no account and the target gives no base emissions (<see cref="ErrorCodes.NoBaseYearAccount"/>), or
    /// an account cannot be computed (see <see cref="ToClimateAccountView"/>).
    /// </exception>
    public static ClimateTargetView? ToClimateTargetView(this OrganisationLifecycle lifecycle, IEnumerable<EmissionFactorSet>? factorSets = null, IEnumerable<LeftOutActivity>? leftOut = null)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        if (lifecycle.ClimateTarget is not { } target)
        {
            return null;
        }

        var sets = factorSets?.ToArray();
        var accounts = new List<ClimateAccount>();
        for (var year = target.BaseYear; year <= lifecycle.Today.Year; year++)
        {
            var used = lifecycle.GetClimateAccountFactorSets(year, sets);
            if (!used.IsEmpty)
            {
                accounts.Add(ClimateAccount.ComputeCombined(lifecycle.GetReports(year), lifecycle.Rules.Indicators, used[^1], leftOut));
            }
        }

        var path = ClimateTargetPath.Compute(target, accounts);
        return new ClimateTargetView(
            target.BaseYear,
            target.Method,
            path.BaseEmissions,
            [.. target.Milestones.Select(m => new TargetMilestoneView(m.Year, m.ReductionPercent, path.TargetEmissions(m)))],
            path.Years,
            path.OnTrack,
            path.NextMilestone?.Year,
            path.RequiredCutPerYear,
            path.RequiredCutPercentPerYear);
    }

    /// <summary>
    /// Every recorded version of the organisation's climate account for a year, oldest first, each labelled with its factor
    /// set: the account as submitted, then each recomputation (<see cref="OrganisationLifecycle.RecomputeClimateAccount"/>)
    /// with its time. Empty when no report with content is submitted for the year.
    /// </summary>
    /// <param name="lifecycle">The lifecycle.</param>
    /// <param name="year">The report year.</param>
    /// <param name="factorSets">The factor sets to look in; the rule book's (<see cref="SchemeRuleBook.FactorSets"/>) when null.</param>
    /// <param name="leftOut">Activities deliberately left out of the account, each with its reason; none when null.</param>
    /// <param name="language">The language of the warnings' texts.</param>
    /// <returns>The views.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// A recorded factor set is not loaded (<see cref="ErrorCodes.FactorSetNotFound"/>), or one lacks a factor the account
    /// needs and the activity is not left out.
    /// </exception>
    public static System.Collections.Immutable.ImmutableArray<ClimateAccountView> ToClimateAccountViews(this OrganisationLifecycle lifecycle, int year, IEnumerable<EmissionFactorSet>? factorSets = null, IEnumerable<LeftOutActivity>? leftOut = null, ContractLanguage language = default)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        var sets = lifecycle.GetClimateAccountFactorSets(year, factorSets);
        if (sets.IsEmpty)
        {
            return [];
        }

        var reports = lifecycle.GetReports(year);
        var recomputations = lifecycle.Recomputations.Where(r => r.Year == year).ToArray();
        var views = new ClimateAccountView[sets.Length];
        for (var i = 0; i < sets.Length; i++)
        {
            var view = ToView(ClimateAccount.ComputeCombined(reports, lifecycle.Rules.Indicators, sets[i], leftOut), language);
            views[i] = i == 0 ? view : view with { RecomputedAt = recomputations[i - 1].RecomputedAt };
        }

        return [.. views];
    }
}
