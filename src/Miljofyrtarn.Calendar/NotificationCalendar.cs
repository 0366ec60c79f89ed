using System.Globalization;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Notifications;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Calendar;

/// <summary>
/// A notification's date as an iCalendar document of one all-day event, to attach to the e-mail
/// (<c>text/calendar</c>, <c>frist.ics</c>), so the reader can put the deadline in a calendar with one click.
/// </summary>
/// <remarks>
/// The event's UID is derived from the deadline, not the recipient or the day it was sent, so a calendar that receives
/// the 30-day and the 7-day reminder keeps one event. Written by the same writer as <see cref="DeadlineCalendar"/>:
/// escaped and folded as RFC 5545 says, trim- and AOT-safe. Thread-safe (static, stateless).
/// </remarks>
public static class NotificationCalendar
{
    /// <summary>The event of a notification's date.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="language">The reader's language, for the title and the description.</param>
    /// <param name="stamp">When the document is made (DTSTAMP).</param>
    /// <returns>The document, with CRLF line ends and lines folded at 75 octets.</returns>
    public static string Export(Notification notification, Language language, Instant stamp)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var n = notification;
        var ics = new ICalendarWriter();
        ics.Line("BEGIN", "VCALENDAR");
        ics.Text("PRODID", CalendarExportOptions.Default.ProductId);
        ics.Line("VERSION", "2.0");
        ics.Line("CALSCALE", "GREGORIAN");
        ics.Line("METHOD", "PUBLISH");
        ics.Line("BEGIN", "VEVENT");
        ics.Text("UID", Uid(n) + "@miljofyrtarn");
        ics.Line("DTSTAMP", InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'").Format(stamp));
        ics.Line("DTSTART;VALUE=DATE", Basic(n.DueDate));
        ics.Line("DTEND;VALUE=DATE", Basic(n.DueDate.PlusDays(1)));
        ics.Text("SUMMARY", NotificationTexts.Subject(n, language));
        ics.Text("DESCRIPTION", NotificationTexts.Body(n, language));
        ics.Text("CATEGORIES", "Miljøfyrtårn");
        ics.Line("TRANSP", "TRANSPARENT");
        ics.Line("END", "VEVENT");
        ics.Line("END", "VCALENDAR");
        return ics.ToString();
    }

    /// <summary>The deadline's identity: stream, what, unit, year or criterion, and date; the same for each reminder of it and each reader.</summary>
    private static string Uid(Notification n)
    {
        var what = n.Kind is NotificationKind.AnnualReportOverdue ? NotificationKind.AnnualReportDue : n.Kind;
        var subject = n.Year?.ToString(CultureInfo.InvariantCulture) ?? n.CriterionId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        return string.Join('/', n.Stream, what.ToString(), n.Unit.Value, subject, LocalDatePattern.Iso.Format(n.DueDate));
    }

    private static string Basic(LocalDate date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
