using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;

namespace Miljofyrtarn.Core.Schedule;

/// <summary>Each unit's next open deadline and its overdue counts, today by the lifecycle's clock: what the overviews show.</summary>
internal sealed class DeadlineSummary
{
    private readonly Dictionary<UnitId, Deadline> _next = [];
    private readonly Dictionary<UnitId, int> _overdue = [];
    private readonly Dictionary<UnitId, int> _overdueReports = [];

    private DeadlineSummary(OrganisationLifecycle lifecycle, DeadlineOptions? options)
    {
        var today = lifecycle.Today;
        var end = today.PlusYears(10) < SchemeRuleBook.MaxDate ? today.PlusYears(10) : SchemeRuleBook.MaxDate;
        foreach (var deadline in new DeadlineSchedule(lifecycle, options).Between(SchemeRuleBook.MinDate, end))
        {
            if (deadline.Status == DeadlineStatus.Overdue)
            {
                _overdue[deadline.Unit] = _overdue.GetValueOrDefault(deadline.Unit) + 1;
                if (deadline.Kind == DeadlineKind.AnnualReport)
                {
                    _overdueReports[deadline.Unit] = _overdueReports.GetValueOrDefault(deadline.Unit) + 1;
                }
            }
            else if (deadline.DueDate >= today && deadline.Status != DeadlineStatus.Met)
            {
                _next.TryAdd(deadline.Unit, deadline);
            }
        }
    }

    public static DeadlineSummary Of(OrganisationLifecycle lifecycle, DeadlineOptions? options) => new(lifecycle, options);

    /// <summary>The unit's first deadline due today or later that is not met; null when it has none.</summary>
    public Deadline? Next(UnitId unit) => _next.GetValueOrDefault(unit);

    /// <summary>How many of the unit's deadlines have passed unmet.</summary>
    public int Overdue(UnitId unit) => _overdue.GetValueOrDefault(unit);

    /// <summary>How many of the unit's annual reports are overdue.</summary>
    public int OverdueReports(UnitId unit) => _overdueReports.GetValueOrDefault(unit);
}
