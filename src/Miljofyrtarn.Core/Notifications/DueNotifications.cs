using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Schedule;
using NodaTime;

namespace Miljofyrtarn.Core.Notifications;

/// <summary>
/// The notifications due on a day, computed from an organisation's lifecycle: reminders before the annual report, the
/// follow-up audit and certificate expiry (<see cref="NotificationOptions"/> gives the lead times), the report once it is
/// overdue, the day recertification opens, and evidence past its valid-until date. Each goes to the people the
/// organisation's roles name for it, one notification per person (<see cref="RecipientsFor"/>).
/// </summary>
/// <remarks>
/// A pure function of the lifecycle, the day and the options: two hosts compute the same notifications with the same
/// keys. A deadline already met (a submitted report, a recorded audit, a recertification under way) notifies no one.
/// Notifications whose day lies up to <see cref="NotificationOptions.CatchUpDays"/> back are still due, so a host that
/// was down catches up; of one deadline's reminders for one person only the latest is due. Whether a notification
/// was already sent is the ledger's to say (<see cref="Storage.INotificationLedger"/>), not this type's.
/// </remarks>
public static class DueNotifications
{
    /// <summary>The roles each kind of notification goes to, in order; a person who holds several gets it once, in the first.</summary>
    private static readonly SchemeRole[][] Audience =
    [
        [SchemeRole.UnitContact, SchemeRole.Coordinator],
        [SchemeRole.UnitContact, SchemeRole.Coordinator, SchemeRole.Management],
        [SchemeRole.Coordinator, SchemeRole.Management],
        [SchemeRole.UnitContact, SchemeRole.Coordinator],
        [SchemeRole.UnitContact, SchemeRole.Coordinator, SchemeRole.Management],
        [SchemeRole.UnitContact, SchemeRole.Coordinator],
    ];

    /// <summary>The notifications due on <paramref name="date"/>, ordered by key.</summary>
    /// <param name="lifecycle">The organisation's lifecycle, as loaded now.</param>
    /// <param name="stream">Its stream in the event store (part of every key).</param>
    /// <param name="date">The day, in the scheme's time zone.</param>
    /// <param name="options">When notifications are due; <see cref="NotificationOptions.Default"/> when null.</param>
    /// <returns>The notifications, one per recipient.</returns>
    /// <exception cref="MiljofyrtarnException">The stream is blank or too long, or the date is outside the supported range (<see cref="ErrorCodes.DateOutOfRange"/>).</exception>
    public static ImmutableArray<Notification> On(OrganisationLifecycle lifecycle, string stream, LocalDate date, NotificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        Storage.EventStoreRules.CheckStreamName(stream);
        SupportedRange.Check(date);
        options ??= NotificationOptions.Default;
        var from = Max(date.PlusDays(-options.CatchUpDays), SupportedRange.MinDate);
        var candidates = new List<Notification>();
        var schedule = new DeadlineSchedule(lifecycle);
        // A reminder is due up to the longest lead before its deadline; an overdue notice the day after it.
        var deadlines = schedule.Between(Max(from.PlusDays(-1), SupportedRange.MinDate), Min(date.PlusDays(options.LongestLead), SupportedRange.MaxDate));
        foreach (var deadline in deadlines)
        {
            if (deadline.Status != DeadlineStatus.Met)
            {
                AddDeadline(lifecycle, stream, deadline, options, from, date, candidates);
            }
        }

        if (options.EvidenceExpired)
        {
            AddEvidence(lifecycle, stream, from, date, candidates);
        }

        // Of one deadline's reminders to one person, only the latest that is due.
        return [.. candidates
            .GroupBy(n => (n.Kind is NotificationKind.AnnualReportOverdue ? NotificationKind.AnnualReportDue : n.Kind, n.Unit, n.Year, n.CriterionId, n.DueDate, n.Recipient.Person))
            .Select(g => g.MaxBy(n => n.SendOn)!)
            .OrderBy(n => n.Key, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The people a kind of notification about a unit goes to, as the organisation's roles name them: the coordinator
    /// (the organisation's founder, headquarters' officer and coordinator grants), the unit's contact (its officer and
    /// unit contact grants for it) and management (the unit's and headquarters' management users and management grants
    /// covering the unit). Revoked grants count for nothing.
    /// </summary>
    /// <param name="lifecycle">The organisation's lifecycle.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="kind">The kind of notification.</param>
    /// <returns>The recipients, each once, in the kind's order of roles (a person who holds several gets it in the first).</returns>
    /// <exception cref="MiljofyrtarnException">Unknown unit.</exception>
    public static ImmutableArray<NotificationRecipient> RecipientsFor(OrganisationLifecycle lifecycle, UnitId unit, NotificationKind kind)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        var organisation = lifecycle.Organisation;
        var found = organisation.GetUnit(unit);
        var headquarters = organisation.UnitAt(0);
        var roles = lifecycle.State.Roles;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var recipients = ImmutableArray.CreateBuilder<NotificationRecipient>();
        foreach (var role in Audience[(int)kind])
        {
            IEnumerable<string?> structure = role switch
            {
                SchemeRole.Coordinator => new[] { roles.Founder, headquarters.Officer?.Id },
                SchemeRole.UnitContact => new[] { found.IsHeadquarters ? null : found.Officer?.Id },
                _ => found.Management.Concat(headquarters.Management).Select(p => (string?)p.Id),
            };
            foreach (var person in structure.Concat(roles.Grants.Where(g => g.IsActive && g.Role == role && g.Covers(unit)).Select(g => g.Person)))
            {
                if (person is not null && seen.Add(person))
                {
                    recipients.Add(new NotificationRecipient(person, role));
                }
            }
        }

        return recipients.ToImmutable();
    }

    private static void AddDeadline(OrganisationLifecycle lifecycle, string stream, Deadline deadline, NotificationOptions options, LocalDate from, LocalDate to, List<Notification> into)
    {
        var (kind, leads) = deadline.Kind switch
        {
            DeadlineKind.AnnualReport => (NotificationKind.AnnualReportDue, options.ReportLeadDays),
            DeadlineKind.FollowUpAudit => (NotificationKind.FollowUpAuditDue, options.AuditLeadDays),
            DeadlineKind.CertificateExpiry => (NotificationKind.CertificateExpires, options.ExpiryLeadDays),
            DeadlineKind.RecertificationOpens when options.RecertificationOpens => (NotificationKind.RecertificationOpens, [0]),
            _ => ((NotificationKind?)null, ImmutableArray<int>.Empty),
        };
        // Once a recertification is delivered, the certifier has the next step: no one in the organisation is reminded of expiry.
        if (kind is not { } known
            || (known == NotificationKind.CertificateExpires && lifecycle.GetUnitLifecycle(deadline.Unit).State == UnitState.RecertificationDelivered))
        {
            return;
        }

        foreach (var lead in leads)
        {
            Add(known, deadline.DueDate.PlusDays(-lead));
        }

        if (known == NotificationKind.AnnualReportDue && options.ReportOverdue)
        {
            Add(NotificationKind.AnnualReportOverdue, deadline.DueDate.PlusDays(1));
        }

        void Add(NotificationKind what, LocalDate sendOn)
        {
            if (sendOn < from || sendOn > to)
            {
                return;
            }

            var unit = lifecycle.Organisation.GetUnit(deadline.Unit);
            var certificate = deadline.Kind is DeadlineKind.AnnualReport ? null : lifecycle.GetUnitLifecycle(deadline.Unit).CurrentCertificate;
            foreach (var recipient in RecipientsFor(lifecycle, deadline.Unit, what))
            {
                into.Add(new Notification(stream, what, lifecycle.Organisation.Name, unit, deadline.DueDate, sendOn, recipient)
                {
                    Year = deadline.Year,
                    CertificateNumber = certificate?.Number,
                    CertificateValidTo = certificate?.ValidTo,
                });
            }
        }
    }

    /// <summary>Evidence of each unit's current assessments whose valid-until date is the day before a day in the window, by criterion and date.</summary>
    private static void AddEvidence(OrganisationLifecycle lifecycle, string stream, LocalDate from, LocalDate to, List<Notification> into)
    {
        var organisation = lifecycle.Organisation;
        var position = 0;
        foreach (var unit in organisation.AllUnits)
        {
            var assessments = organisation.AssessmentsAt(position++);
            if (lifecycle.GetUnitLifecycle(unit.Id).State is UnitState.NotStarted or UnitState.Withdrawn or UnitState.Expired)
            {
                continue;
            }

            foreach (var (criterion, assessment) in assessments)
            {
                foreach (var expired in assessment.Evidence
                    .Where(e => e.ValidUntil is { } until && until.PlusDays(1) >= from && until.PlusDays(1) <= to)
                    .GroupBy(e => e.ValidUntil!.Value))
                {
                    foreach (var recipient in RecipientsFor(lifecycle, unit.Id, NotificationKind.EvidenceExpired))
                    {
                        into.Add(new Notification(stream, NotificationKind.EvidenceExpired, organisation.Name, unit, expired.Key, expired.Key.PlusDays(1), recipient)
                        {
                            CriterionId = criterion,
                            Evidence = [.. expired.Select(e => e.Reference)],
                        });
                    }
                }
            }
        }
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;
}
