using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Core.Notifications;

/// <summary>When notifications are due (<see cref="DueNotifications"/>).</summary>
/// <remarks>Immutable, with value equality (the lead times compared day by day); the setters validate. Lead times are days before the due date, 0 (the day itself) to 366, each once.</remarks>
public sealed record NotificationOptions
{
    private readonly ImmutableArray<int> _reportLeadDays = [30, 7];
    private readonly ImmutableArray<int> _auditLeadDays = [30];
    private readonly ImmutableArray<int> _expiryLeadDays = [90, 30];
    private readonly int _catchUpDays = 7;

    /// <summary>The defaults: the report 30 and 7 days before and when overdue, the follow-up audit 30 days before, expiry 90 and 30 days before, evidence the day after it ran out, a week of catching up.</summary>
    public static NotificationOptions Default { get; } = new();

    /// <summary>Days before the annual report's due date to remind. Default 30 and 7.</summary>
    /// <exception cref="MiljofyrtarnException">A lead time is outside 0 to 366 or repeated (<see cref="ErrorCodes.InvalidReminderOffset"/>).</exception>
    public ImmutableArray<int> ReportLeadDays { get => _reportLeadDays; init => _reportLeadDays = Checked(value); }

    /// <summary>Whether to notify the day after an annual report's due date when it was not submitted. Default true.</summary>
    public bool ReportOverdue { get; init; } = true;

    /// <summary>Days before a yearly follow-up audit's due date to remind (only where the rules require audits). Default 30.</summary>
    /// <exception cref="MiljofyrtarnException">A lead time is outside 0 to 366 or repeated (<see cref="ErrorCodes.InvalidReminderOffset"/>).</exception>
    public ImmutableArray<int> AuditLeadDays { get => _auditLeadDays; init => _auditLeadDays = Checked(value); }

    /// <summary>Days before a certificate's last valid day to remind, until its recertification is delivered to the certifier. Default 90 and 30.</summary>
    /// <exception cref="MiljofyrtarnException">A lead time is outside 0 to 366 or repeated (<see cref="ErrorCodes.InvalidReminderOffset"/>).</exception>
    public ImmutableArray<int> ExpiryLeadDays { get => _expiryLeadDays; init => _expiryLeadDays = Checked(value); }

    /// <summary>Whether to notify on the day recertification can be opened. Default true.</summary>
    public bool RecertificationOpens { get; init; } = true;

    /// <summary>Whether to notify the day after recorded evidence ran out (its valid-until date). Default true.</summary>
    public bool EvidenceExpired { get; init; } = true;

    /// <summary>
    /// How many days back a notification not yet sent is still due, 0 to 31: a host that was down, or a send that
    /// failed, catches up within this window, and only the latest of one deadline's reminders is sent. Default 7.
    /// </summary>
    /// <exception cref="MiljofyrtarnException">Outside 0 to 31 (<see cref="ErrorCodes.NumberOutOfRange"/>).</exception>
    public int CatchUpDays
    {
        get => _catchUpDays;
        init => _catchUpDays = value is >= 0 and <= 31 ? value : throw Problems.Single(ErrorCodes.NumberOutOfRange, nameof(CatchUpDays), value, 0, 31);
    }

    /// <inheritdoc />
    public bool Equals(NotificationOptions? other) =>
        other is not null && _reportLeadDays.SequenceEqual(other._reportLeadDays) && _auditLeadDays.SequenceEqual(other._auditLeadDays)
        && _expiryLeadDays.SequenceEqual(other._expiryLeadDays) && ReportOverdue == other.ReportOverdue
        && RecertificationOpens == other.RecertificationOpens && EvidenceExpired == other.EvidenceExpired && _catchUpDays == other._catchUpDays;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_reportLeadDays.Length, _auditLeadDays.Length, _expiryLeadDays.Length, ReportOverdue, RecertificationOpens, EvidenceExpired, _catchUpDays);

    /// <summary>The longest lead time of any kind.</summary>
    internal int LongestLead => Math.Max(Math.Max(Max(_reportLeadDays), Max(_auditLeadDays)), Max(_expiryLeadDays));

    private static int Max(ImmutableArray<int> days) => days.IsEmpty ? 0 : days.Max();

    private static ImmutableArray<int> Checked(ImmutableArray<int> value)
    {
        var problems = new Problems();
        var seen = new HashSet<int>();
        foreach (var days in value.IsDefault ? [] : value)
        {
            if (days is < 0 or > 366 || !seen.Add(days))
            {
                problems.Add(ErrorCodes.InvalidReminderOffset, days);
            }
        }

        problems.ThrowIfAny();
        return [.. (value.IsDefault ? [] : value).OrderByDescending(d => d)];
    }
}
