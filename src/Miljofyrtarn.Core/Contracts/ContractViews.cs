using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Schedule;

namespace Miljofyrtarn.Core.Contracts;

/// <summary>
/// Builds the web contracts (<see cref="OrganisationOverview"/>, <see cref="UnitReadinessView"/>, …) from the library's
/// own types: what a frontend shows, with IDs as strings, ISO dates and texts in the language asked for. Serialise them
/// with <see cref="Json.MiljofyrtarnJson.Options"/> or a host configured by <see cref="Json.MiljofyrtarnJson.Configure"/>.
/// </summary>
public static partial class ContractViews
{
    /// <summary>The organisation's overview: phase and every unit with state, certificate, next deadline and overdue count.</summary>
    /// <param name="lifecycle">The lifecycle.</param>
    /// <param name="language">The language of texts.</param>
    /// <param name="deadlines">The deadline options; the defaults when null.</param>
    /// <returns>The overview.</returns>
    public static OrganisationOverview ToOverview(this OrganisationLifecycle lifecycle, ContractLanguage language = default, DeadlineOptions? deadlines = null)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        var organisation = lifecycle.Organisation;
        var today = lifecycle.Today;
        var summary = DeadlineSummary.Of(lifecycle, deadlines);
        var units = new UnitOverview[organisation.AllUnits.Length];
        for (var i = 0; i < units.Length; i++)
        {
            var unit = organisation.AllUnits[i];
            var unitLifecycle = lifecycle.GetUnitLifecycle(unit.Id);
            units[i] = new UnitOverview(
                unit.Id,
                unit.Name,
                unit.Role,
                unitLifecycle.State,
                language.Text(l => unitLifecycle.State.GetName(l)),
                unitLifecycle.CurrentCertificate is { } certificate ? ToView(certificate) : null,
                summary.Next(unit.Id) is { } due ? ToView(due, language) : null,
                summary.Overdue(unit.Id));
        }

        var phase = lifecycle.Phase;
        return new OrganisationOverview(
            organisation.Number.ToString(),
            organisation.Name,
            organisation.Kind,
            phase,
            language.Text(l => phase.GetName(l)),
            lifecycle.Version,
            today,
            lifecycle.StartUpListSentOn,
            units);
    }

    /// <summary>A certificate as a contract.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The view.</returns>
    public static CertificateView ToView(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new(certificate.Number, certificate.Holder, certificate.IssuedOn, certificate.ValidFrom, certificate.ValidTo, certificate.Status, certificate.Certifier);
    }

    /// <summary>A deadline as a contract.</summary>
    /// <param name="deadline">The deadline.</param>
    /// <param name="language">The language of texts.</param>
    /// <returns>The view.</returns>
    public static DeadlineView ToView(Deadline deadline, ContractLanguage language)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return new(
            deadline.Id,
            deadline.Kind,
            language.Text(l => deadline.Kind.GetName(l)),
            deadline.Unit,
            deadline.UnitName,
            deadline.Year,
            deadline.NominalDate,
            deadline.DueDate,
            deadline.Postponed,
            deadline.Status,
            language.Text(l => deadline.Status.GetName(l)));
    }

    /// <summary>Deadlines as contracts, in their order.</summary>
    /// <param name="deadlines">The deadlines, for example from <see cref="DeadlineSchedule.Between"/>.</param>
    /// <param name="language">The language of texts.</param>
    /// <returns>The views.</returns>
    public static IReadOnlyList<DeadlineView> ToViews(IEnumerable<Deadline> deadlines, ContractLanguage language = default)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        return [.. deadlines.Select(d => ToView(d, language))];
    }

    /// <summary>A unit's readiness as a contract.</summary>
    /// <param name="readiness">The readiness, from <see cref="Organisation.GetReadiness(UnitId)"/>.</param>
    /// <param name="language">The language of texts.</param>
    /// <returns>The view.</returns>
    public static UnitReadinessView ToView(UnitReadiness readiness, ContractLanguage language)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        var themes = new ThemeReadinessView[readiness.Themes.Length];
        for (var i = 0; i < themes.Length; i++)
        {
            var theme = readiness.Themes[i];
            themes[i] = new ThemeReadinessView(theme.Theme.Id, language.Text(theme.Theme.Name), CountsView.Of(theme.Counts));
        }

        var blocking = new BlockingCriterionView[readiness.Blocking.Length];
        for (var i = 0; i < blocking.Length; i++)
        {
            var b = readiness.Blocking[i];
            blocking[i] = new BlockingCriterionView(b.Criterion.Id, language.Text(b.Criterion.Title), b.Theme.Id, b.Status, b.FulfilledBy);
        }

        return new(readiness.Unit.Id, readiness.Unit.Name, CountsView.Of(readiness.Counts), Round(readiness.Counts.PercentMustFulfilled), readiness.IsReadyForCertifier, themes, blocking);
    }

    /// <summary>The organisation's readiness as a contract.</summary>
    /// <param name="readiness">The readiness, from <see cref="Organisation.GetReadiness()"/>.</param>
    /// <param name="language">The language of texts.</param>
    /// <returns>The view.</returns>
    public static OrganisationReadinessView ToView(OrganisationReadiness readiness, ContractLanguage language)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        var units = new UnitReadinessView[readiness.Units.Length];
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = ToView(readiness.Units[i], language);
        }

        return new(CountsView.Of(readiness.Counts), Round(readiness.Counts.PercentMustFulfilled), units);
    }

    /// <summary>Which criteria apply to a unit, why, who fulfils each, and each one's status.</summary>
    /// <param name="organisation">The organisation.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="language">The language of texts.</param>
    /// <returns>The view.</returns>
    /// <exception cref="MiljofyrtarnException">The unit is not in the organisation (<see cref="ErrorCodes.UnknownUnit"/>).</exception>
    public static ResolutionView ToResolutionView(this Organisation organisation, UnitId unit, ContractLanguage language = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var resolution = organisation.Resolve(unit);
        var criteria = new ResolvedCriterionView[resolution.Criteria.Length];
        for (var i = 0; i < criteria.Length; i++)
        {
            var c = resolution.Criteria[i];
            criteria[i] = new ResolvedCriterionView(
                c.Criterion.Id,
                language.Text(c.Criterion.Title),
                c.Theme.Id,
                c.Criterion.Obligation,
                [.. c.Sets.Select(s => s.Id)],
                c.ActivatedBy?.QuestionId,
                [.. c.Replaces.Select(r => r.Id)],
                c.FulfilledBy,
                c.DemandedBy,
                organisation.GetStatus(unit, c.Criterion.Id).Status);
        }

        return new(unit, criteria, [.. resolution.UnansweredQuestions.Select(q => q.Id)]);
    }

    /// <summary>The assessments recorded for a unit, in criterion order.</summary>
    /// <param name="organisation">The organisation.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The views.</returns>
    /// <exception cref="MiljofyrtarnException">The unit is not in the organisation (<see cref="ErrorCodes.UnknownUnit"/>).</exception>
    public static IReadOnlyList<AssessmentView> ToAssessmentViews(this Organisation organisation, UnitId unit)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var result = new List<AssessmentView>();
        foreach (var criterion in organisation.Resolve(unit).Criteria)
        {
            if (organisation.GetAssessment(unit, criterion.Criterion.Id) is { } a)
            {
                result.Add(new AssessmentView(criterion.Criterion.Id, a.Status, a.RecordedAt, a.RecordedBy, a.Comment, a.Justification, [.. a.Evidence.Select(e => e.Reference)]));
            }
        }

        return result;
    }

    /// <summary>Every lifecycle action for a unit: allowed, or blocked with every reason in the language asked for.</summary>
    /// <param name="lifecycle">The lifecycle.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="actor">The user who would act, for the checks that depend on who acts; null to leave them out.</param>
    /// <param name="language">The language of texts.</param>
    /// <returns>The views, in the order of <see cref="LifecycleAction"/>.</returns>
    /// <exception cref="MiljofyrtarnException">The unit is not in the organisation (<see cref="ErrorCodes.UnknownUnit"/>).</exception>
    public static IReadOnlyList<ActionView> ToActionViews(this OrganisationLifecycle lifecycle, UnitId unit, string? actor = null, ContractLanguage language = default)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        var actions = lifecycle.GetActions(unit, actor);
        var result = new ActionView[actions.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var action = actions[i].Action;
            result[i] = new ActionView(action, language.Text(l => action.GetName(l)), actions[i].IsAllowed, ToReasons(actions[i].Reasons, language));
        }

        return result;
    }

    /// <summary>Coded problems or reasons with their messages.</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    /// <param name="language">The language of the messages.</param>
    /// <returns>The views.</returns>
    public static IReadOnlyList<ReasonView> ToReasons(IEnumerable<Diagnostic> diagnostics, ContractLanguage language = default)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return [.. diagnostics.Select(d => new ReasonView(d.Code, language.Text(d.GetMessage), d.Path))];
    }


    private static double Round(double percent) => Math.Round(percent, 1, MidpointRounding.AwayFromZero);
}
