using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>The annual report's content: creating it for a unit, correcting it, and reading it back for the climate account.</summary>
public sealed partial class OrganisationLifecycle
{
    /// <summary>
    /// Creates a unit's report for a year, checked against the rule book's indicator catalog (<see cref="SchemeRuleBook.Indicators"/>)
    /// with the unit's criteria sets and today's date. Nothing is recorded: pass it to <see cref="SubmitAnnualReport"/>.
    /// </summary>
    /// <param name="unit">The unit; a co-located or attached unit reports through its host.</param>
    /// <param name="year">The calendar year covered.</param>
    /// <param name="values">The figures.</param>
    /// <param name="goals">The action plan's goals.</param>
    /// <param name="measures">The measures carried out.</param>
    /// <returns>The report.</returns>
    /// <exception cref="MiljofyrtarnException">An unknown unit, or the report breaks a rule; every problem is listed.</exception>
    public EnvironmentalReport CreateReport(UnitId unit, int year, IEnumerable<IndicatorValue> values, IEnumerable<ReportGoal>? goals = null, IEnumerable<string>? measures = null)
    {
        var position = Position(unit);
        return EnvironmentalReport.Create(Rules.Indicators, unit, year, values, Today, SetIds(Organisation.AllUnits[position]), goals, measures);
    }

    /// <summary>Corrects a submitted report. The history keeps the report as submitted and every correction with its reason.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="year">The calendar year covered.</param>
    /// <param name="content">The corrected report.</param>
    /// <param name="reason">Why it is corrected; not blank.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// No report for that year was submitted (<see cref="ErrorCodes.ReportNotSubmitted"/>), the reason is blank, or the content
    /// breaks a rule; every problem is listed.
    /// </exception>
    public OrganisationLifecycle CorrectAnnualReport(UnitId unit, int year, EnvironmentalReport content, string reason, string actor, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Do(expectedVersion, (n, at) => new AnnualReportCorrected(n, at, actor, unit, year, content, reason));
    }

    /// <summary>
    /// Records the certifier's yearly follow-up audit of a certified unit, today. It meets the unit's next follow-up
    /// deadline when the rule book requires the audits (<see cref="SchemeRules.RequiresFollowUpAudit"/>).
    /// </summary>
    /// <param name="unit">The unit; it must hold a valid certificate of its own.</param>
    /// <param name="actor">Who records it.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">An unknown or covered unit, or one without a valid certificate today (<see cref="ErrorCodes.NoValidCertificate"/>).</exception>
    public OrganisationLifecycle RecordFollowUpAudit(UnitId unit, string actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new FollowUpAuditRecorded(n, at, actor, unit));

    /// <summary>
    /// The content of every report submitted for a year, headquarters first, then the underlying units in order (co-located
    /// and attached units are in their host's): the input of the organisation's climate account.
    /// </summary>
    /// <param name="year">The calendar year covered.</param>
    /// <returns>The reports that have content.</returns>
    public IReadOnlyList<EnvironmentalReport> GetReports(int year)
    {
        var result = new List<EnvironmentalReport>();
        for (var position = 0; position < _state.Units.Count; position++)
        {
            if (!IsCovered(position) && _state.Units[position].Reports.TryGetValue(year, out var report) && report.Content is { } content)
            {
                result.Add(content);
            }
        }

        return result;
    }

    /// <summary>The sets an indicator can be mandatory for: the unit's own chosen sets (the common set is everyone's).</summary>
    private static ImmutableArray<string> SetIds(Unit unit) => unit.Definition.SetIds;

    /// <summary>The content re-checked for the unit at a position, as of the event's day: the unit's own, for the year, every rule.</summary>
    private static EnvironmentalReport CheckedContent(LifecycleState state, SchemeRuleBook rules, LocalDate today, int position, int year, EnvironmentalReport content)
    {
        var unit = state.Organisation.AllUnits[position];
        var problems = new Problems();
        if (content.Unit != unit.Id)
        {
            problems.Add(ErrorCodes.InvalidValue, content.Unit.Value, unit.Id.Value);
        }

        if (content.Year != year)
        {
            problems.Add(ErrorCodes.InvalidValue, content.Year, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (content.CatalogVersion != rules.Indicators.Version)
        {
            problems.Add(ErrorCodes.CatalogMismatch, content.CatalogVersion, rules.Indicators.Version);
        }

        problems.ThrowIfAny();

        // Every rule again, for this unit's sets and as of the event's day; the event's own content is kept, so the state and
        // the history hold the same report.
        EnvironmentalReport.Create(rules.Indicators, unit.Id, year, content.Values, today, SetIds(unit), content.Goals, content.Measures);
        return content;
    }

    private static LifecycleState CorrectReport(LifecycleState state, SchemeRuleBook rules, LocalDate today, AnnualReportCorrected e)
    {
        var position = PositionOrThrow(state, e.Unit);
        CheckNotCovered(state, position);
        var lifecycle = state.Units[position];
        if (!lifecycle.Reports.TryGetValue(e.Year, out var report) || report.SubmittedAt is null)
        {
            throw Problems.Single(ErrorCodes.ReportNotSubmitted, state.Organisation.AllUnits[position].Name, e.Year);
        }

        if (string.IsNullOrWhiteSpace(e.Reason))
        {
            throw Problems.Single(ErrorCodes.BlankText, "reason");
        }

        var content = CheckedContent(state, rules, today, position, e.Year, e.Content ?? throw Problems.Single(ErrorCodes.MissingProperty, "content"));
        var corrected = report with
        {
            Content = content,
            Corrections = report.Corrections.Add(new ReportCorrection(e.OccurredAt, e.Actor, e.Reason, report.Content)),
        };
        return state with { Units = state.Units.SetItem(position, lifecycle.With(reports: lifecycle.Reports.SetItem(e.Year, corrected))) };
    }

    private static LifecycleState RecordFollowUpAudit(LifecycleState state, LocalDate today, FollowUpAuditRecorded e)
    {
        var position = PositionOrThrow(state, e.Unit);
        CheckNotCovered(state, position);
        var lifecycle = state.Units[position];
        if (lifecycle.CurrentCertificate is not { Status: CertificateStatus.Valid } certificate || today < certificate.ValidFrom || today > certificate.ValidTo)
        {
            throw Problems.Single(ErrorCodes.NoValidCertificate, state.Organisation.AllUnits[position].Name, lifecycle.State.ToString());
        }

        return state with { Units = state.Units.SetItem(position, lifecycle.With(followUpAudits: lifecycle.FollowUpAudits.Add(today))) };
    }
}
