using System.Globalization;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Schedule;
using NodaTime;

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
/// and a display alarm at each reminder offset. Written by Ical.Net.
/// </summary>
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
        var stamp = new CalDateTime(schedule.Now.ToDateTimeUtc(), CalDateTime.UtcTzId);
        var calendar = new Ical.Net.Calendar { ProductId = options.ProductId, Version = "2.0" };
        calendar.AddProperty("CALSCALE", "GREGORIAN");
        if (options.CalendarName is { } name)
        {
            calendar.AddProperty("X-WR-CALNAME", name);
        }

        foreach (var deadline in schedule.Between(from, to))
        {
            var title = deadline.Kind.GetName(language) + (deadline.Year is { } year ? string.Create(CultureInfo.InvariantCulture, $" {year}") : string.Empty);
            var start = new CalDateTime(deadline.DueDate.Year, deadline.DueDate.Month, deadline.DueDate.Day);
            var calendarEvent = new CalendarEvent
            {
                Uid = deadline.Id + "@miljofyrtarn",
                DtStamp = stamp,
                DtStart = start,
                DtEnd = start.AddDays(1),
                Summary = $"{title}: {deadline.UnitName}",
                Description = Describe(deadline, language),
                Transparency = TransparencyType.Transparent,
            };
            calendarEvent.Categories.Add("Miljøfyrtårn");
            foreach (var offset in schedule.Options.ReminderOffsets)
            {
                calendarEvent.Alarms.Add(new Alarm
                {
                    Action = AlarmAction.Display,
                    Description = calendarEvent.Summary,
                    Trigger = new Trigger(Trigger(offset, schedule.Options.ReminderTime)),
                });
            }

            calendar.Events.Add(calendarEvent);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>
    /// The alarm trigger relative to the all-day start (00:00 local): <paramref name="offset"/> days before, at the
    /// reminder time. Whole days are written as nominal days (-P29DT15H), so the reminder keeps its local time of day
    /// across daylight-saving changes; RFC 5545 reads hours as exact time.
    /// </summary>
    private static Ical.Net.DataTypes.Duration Trigger(int offset, LocalTime time)
    {
        var minutes = (offset * 24 * 60) - (time.Hour * 60) - time.Minute;
        var sign = minutes > 0 ? "-" : string.Empty;
        minutes = Math.Abs(minutes);
        var text = string.Create(CultureInfo.InvariantCulture, $"{sign}P{minutes / 1440}DT{minutes % 1440 / 60}H{minutes % 60}M");
        return Ical.Net.DataTypes.Duration.Parse(text) ?? throw new InvalidOperationException($"Ical.Net did not parse the trigger {text}.");
    }

    private static string Describe(Deadline deadline, Language language)
    {
        var english = language == Language.English;
        var text = new StringBuilder();
        text.Append(english ? "Unit: " : "Enhet: ").Append(deadline.UnitName).Append(" (").Append(deadline.Unit.Value).Append(')');
        text.Append('\n').Append(english ? "Due: " : "Frist: ").Append(deadline.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (deadline.Moved)
        {
            text.Append(english ? ", moved from " : ", flyttet fra ").Append(deadline.NominalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (deadline.Postponed)
        {
            text.Append(english ? " (postponement granted)" : " (utsatt frist innvilget)");
        }

        return text.ToString();
    }
}
