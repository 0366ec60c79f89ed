using System.Collections.Immutable;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Storage;
using NodaTime;

namespace Miljofyrtarn.Core.Notifications;

/// <summary>What a notification (<i>varsel</i>) is about.</summary>
public enum NotificationKind
{
    /// <summary>The annual climate and environment report (klima- og miljørapport) is due in some days.</summary>
    AnnualReportDue = 0,

    /// <summary>The annual report was not submitted by its due date: sent the day after, when it became overdue.</summary>
    AnnualReportOverdue = 1,

    /// <summary>The recertification can be opened from today (six months before the certificate expires).</summary>
    RecertificationOpens = 2,

    /// <summary>The yearly follow-up audit with the certifier (årlig oppfølgingsrevisjon) is due in some days.</summary>
    FollowUpAuditDue = 3,

    /// <summary>The certificate's last valid day is some days away: recertify before it passes.</summary>
    CertificateExpires = 4,

    /// <summary>Evidence recorded for a criterion was valid until yesterday: new evidence is needed.</summary>
    EvidenceExpired = 5,
}

/// <summary>Who receives a notification, and in which of the organisation's roles.</summary>
/// <param name="Person">The person's stable ID in the organisation's roles (a user name or an e-mail address).</param>
/// <param name="Role">The role the notification is sent in: <see cref="SchemeRole.UnitContact"/>, <see cref="SchemeRole.Coordinator"/> or <see cref="SchemeRole.Management"/>.</param>
public sealed record NotificationRecipient(string Person, SchemeRole Role);

/// <summary>
/// One notification to one person, due on one day (<see cref="DueNotifications"/>): what it is about, for whom, and its
/// texts in each language (<see cref="NotificationTexts"/>). Its <see cref="Key"/> names it for ever, so a host records
/// it as sent once (<see cref="INotificationLedger"/>) and never sends it again.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed record Notification
{
    internal Notification(string stream, NotificationKind kind, string organisationName, Unit unit, LocalDate dueDate, LocalDate sendOn, NotificationRecipient recipient)
    {
        Stream = stream;
        Kind = kind;
        OrganisationName = organisationName;
        Unit = unit.Id;
        UnitName = unit.Name;
        DueDate = dueDate;
        SendOn = sendOn;
        Recipient = recipient;
    }

    /// <summary>
    /// The notification's stable key: stream, kind, subject (unit, and the report's year or the criterion), occurrence
    /// (the due date and the day it is sent for) and recipient, each part escaped, separated by <c>|</c>. Two hosts that
    /// compute the same notification compute the same key.
    /// </summary>
    public string Key => NotificationKey.Of(this);

    /// <summary>The organisation's stream in the event store, for example its organisation number.</summary>
    public string Stream { get; }

    /// <summary>What it is about.</summary>
    public NotificationKind Kind { get; }

    /// <summary>The organisation's name.</summary>
    public string OrganisationName { get; }

    /// <summary>The unit it is about.</summary>
    public UnitId Unit { get; }

    /// <summary>The unit's name.</summary>
    public string UnitName { get; }

    /// <summary>
    /// The date it is about: the deadline's due date (moved to a working day where the rules say so), the day
    /// recertification opens, or the evidence's last valid day.
    /// </summary>
    public LocalDate DueDate { get; }

    /// <summary>The day it is due to be sent, in the scheme's time zone.</summary>
    public LocalDate SendOn { get; }

    /// <summary>Days from <see cref="SendOn"/> to <see cref="DueDate"/>: positive before, 0 on the day, negative after.</summary>
    public int DaysBefore => Period.Between(SendOn, DueDate, PeriodUnits.Days).Days;

    /// <summary>The year an annual report is for; null for other kinds.</summary>
    public int? Year { get; init; }

    /// <summary>The criterion whose evidence expired; null for other kinds.</summary>
    public int? CriterionId { get; init; }

    /// <summary>The expired evidence's references (document IDs or URIs); empty for other kinds.</summary>
    public ImmutableArray<string> Evidence { get; init; } = [];

    /// <summary>The current certificate's number, where the notification is about a certificate; otherwise null.</summary>
    public string? CertificateNumber { get; init; }

    /// <summary>The current certificate's last valid day, where the notification is about a certificate; otherwise null.</summary>
    public LocalDate? CertificateValidTo { get; init; }

    /// <summary>Who receives it.</summary>
    public NotificationRecipient Recipient { get; }

    /// <inheritdoc />
    public override string ToString() => Key;
}
