using System.Globalization;
using System.Text;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Schedule;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Calendar;

/// <summary>Options of an iCalendar export.</summary>
/// <remarks>Immutable; value equality.</remarks>
public sealed record CalendarExportOptions
{
    /// <summary>The defaults: Norwegian Bokmål, the library's product ID, no calendar name.</summary>
    public static CalendarExportOptions Default { get; } = new();

    /// <summary>The language of event titles and descriptions. Default Bokmål.</summary>
    public Language Language { get; init; } = Language.NorwegianBokmal;

    /// <summary>The calendar's PRODID.</summary>
    public string ProductId { get; init; } = "-//Miljofyrtarn.Core//Miljøfyrtårn deadlines//NB";

    /// <summary>The calendar's display name (X-WR-CALNAME), or null.</summary>
    public string? CalendarName { get; init; }
}

/// <summary>
/// Exports an organisation's deadlines as an iCalendar (RFC 5545) document a coordinator can subscribe to: one
/// all-day event per deadline, with a stable UID (so a re-import updates instead of duplicating), the unit's name,
/// and a display alarm at each reminder offset.
/// </summary>
/// <remarks>
/// Written by the library itself (<see cref="ICalendarWriter"/>): the few properties it needs, escaped and folded as
/// RFC 5545 says, with no reflection, so the package is trim- and Native-AOT-safe. (Ical.Net, used before, creates
/// types by reflection and cannot be trimmed.) The tests read every export back with Ical.Net as an independent parser.
/// </remarks>
public static class DeadlineCalendar
{
    /// <summary>The deadlines due from <paramref name="from"/> to <paramref name="to"/> as an iCalendar document.</summary>
    /// <param name="schedule">The organisation's deadline schedule; its clock dates DTSTAMP and its options give the reminders.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="options">Options; <see cref="CalendarExportOptions.Default"/> when null.</param>
    /// <returns>The document, with CRLF line ends and lines folded at 75 octets.</returns>
    public static string Export(DeadlineSchedule schedule, LocalDate from, LocalDate to, CalendarExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        options ??= CalendarExportOptions.Default;
        var language = options.Language;
        var deadlines = schedule.Between(from, to);
        var stamp = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'").Format(schedule.Now);
        var triggers = schedule.Options.ReminderOffsets.Select(offset => Trigger(offset, schedule.Options.ReminderTime)).ToArray();
        var ics = new ICalendarWriter();
        ics.Line("BEGIN", "VCALENDAR");
        ics.Text("PRODID", options.ProductId);
        ics.Line("VERSION", "2.0");
        ics.Line("CALSCALE", "GREGORIAN");
        if (options.CalendarName is { } name)
        {
            ics.Text("X-WR-CALNAME", name);
        }

        foreach (var deadline in deadlines)
        {
            var title = deadline.Kind.GetName(language) + (deadline.Year is { } year ? string.Create(CultureInfo.InvariantCulture, $" {year}") : string.Empty);
            var summary = $"{title}: {deadline.UnitName}";
            ics.Line("BEGIN", "VEVENT");
            ics.Text("UID", deadline.Id + "@miljofyrtarn");
            ics.Line("DTSTAMP", stamp);
            ics.Line("DTSTART;VALUE=DATE", Basic(deadline.DueDate));
            ics.Line("DTEND;VALUE=DATE", Basic(deadline.DueDate.PlusDays(1)));
            ics.Text("SUMMARY", summary);
            ics.Text("DESCRIPTION", Describe(deadline, language));
            ics.Text("CATEGORIES", "Miljøfyrtårn");
            ics.Line("TRANSP", "TRANSPARENT");
            foreach (var trigger in triggers)
            {
                ics.Line("BEGIN", "VALARM");
                ics.Line("ACTION", "DISPLAY");
                ics.Text("DESCRIPTION", summary);
                ics.Line("TRIGGER", trigger);
                ics.Line("END", "VALARM");
            }

            ics.Line("END", "VEVENT");
        }

        ics.Line("END", "VCALENDAR");
        return ics.ToString();
    }

    private static string Basic(LocalDate date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The alarm trigger relative to the all-day start (00:00 local): <paramref name="offset"/> days before, at the
    /// reminder time. Whole days are written as nominal days (-P29DT15H), so the reminder keeps its local time of day
    /// across daylight-saving changes; RFC 5545 reads hours as exact time. Zero parts are left out, as RFC 5545 allows.
    /// </summary>
    private static string Trigger(int offset, LocalTime time)
    {
        var minutes = (offset * 24 * 60) - (time.Hour * 60) - time.Minute;
        var text = new StringBuilder(minutes > 0 ? "-P" : "P");
        minutes = Math.Abs(minutes);
        var (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
        if (days > 0 || minutes == 0)
        {
            text.Append(days.ToString(CultureInfo.InvariantCulture)).Append('D');
        }

        if (hours > 0 || rest > 0)
        {
            text.Append('T');
            if (hours > 0)
            {
                text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('H');
            }

            if (rest > 0)
            {
                text.Append(rest.ToString(CultureInfo.InvariantCulture)).Append('M');
            }
        }

        return text.ToString();
    }

    private static string Describe(Deadline deadline, Language language)
    {
        var (unit, due, moved, postponed) = language switch
        {
            Language.English => ("Unit: ", "Due: ", ", moved from ", " (postponement granted)"),
            Language.NorwegianNynorsk => ("Eining: ", "Frist: ", ", flytta frå ", " (utsett frist innvilga)"),
            _ => ("Enhet: ", "Frist: ", ", flyttet fra ", " (utsatt frist innvilget)"),
        };
        var text = new StringBuilder();
        text.Append(unit).Append(deadline.UnitName).Append(" (").Append(deadline.Unit.Value).Append(')');
        text.Append('\n').Append(due).Append(Dates.Format(deadline.DueDate, language));
        if (deadline.Moved)
        {
            text.Append(moved).Append(Dates.Format(deadline.NominalDate, language));
        }

        if (deadline.Postponed)
        {
            text.Append(postponed);
        }

        return text.ToString();
    }
}
