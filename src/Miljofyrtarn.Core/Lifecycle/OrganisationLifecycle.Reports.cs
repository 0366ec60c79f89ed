using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;

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
        return EnvironmentalReport.Create(Rules.Indicators, unit, year, values, Today, Organisation.AllUnits[position].Definition.SetIds, goals, measures);
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
    public OrganisationLifecycle CorrectAnnualReport(UnitId unit, int year, EnvironmentalReport content, string reason, Actor actor, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Do(expectedVersion, (n, at) => new AnnualReportCorrected(n, at, actor.Id, unit, year, content, reason), actor);
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
    public OrganisationLifecycle RecordFollowUpAudit(UnitId unit, Actor actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new FollowUpAuditRecorded(n, at, actor.Id, unit), actor);

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
}
