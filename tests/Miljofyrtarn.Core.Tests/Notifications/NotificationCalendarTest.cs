using System.Text;
using FluentAssertions;
using Miljofyrtarn.Calendar;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Notifications;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Notifications;

public class NotificationCalendarTest
{
    private static readonly Instant Stamp = Instant.FromUtc(2026, 3, 2, 5, 0);

    private static IReadOnlyList<Notification> Reminders(params LocalDate[] days)
    {
        var heim = NotifiedHeim.Create(out _);
        return [.. days.SelectMany(d => DueNotifications.On(heim, "964123454", d))];
    }

    [Theory]
    [InlineData(Language.NorwegianBokmal)]
    [InlineData(Language.NorwegianNynorsk)]
    [InlineData(Language.English)]
    public void TheEvent_IsTheDueDate_AllDay_WithTheSubjectAndBody_AndParses(Language language)
    {
        var reminder = Reminders(new LocalDate(2026, 3, 2)).First(n => n.Unit == Organisations.Heim.Barnehage);

        var ics = NotificationCalendar.Export(reminder, language, Stamp);

        var calendar = Ical.Net.Calendar.Load(ics)!;
        var evt = calendar.Events.Should().ContainSingle().Which;
        evt.DtStart!.Date.Should().Be(new DateOnly(2026, 4, 1));
        evt.DtStart.HasTime.Should().BeFalse("the deadline is a day, not a moment");
        evt.Summary.Should().Be(NotificationTexts.Subject(reminder, language));
        evt.Description.Should().Be(NotificationTexts.Body(reminder, language));
        evt.Uid.Should().Be("964123454/AnnualReportDue/solsikken-barnehage/2025/2026-04-01@miljofyrtarn");
        ics.Should().Contain("DTSTAMP:20260302T050000Z\r\n").And.Contain("METHOD:PUBLISH\r\n");
        ics.Split("\r\n").Should().OnlyContain(line => Encoding.UTF8.GetByteCount(line) <= 75, "lines are folded at 75 octets");
    }

    [Fact]
    public void EveryReminderOfOneDeadline_ToEveryReader_IsOneEvent_AndOtherDeadlinesAreOthers()
    {
        var reminders = Reminders(new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 25), new LocalDate(2026, 4, 2))
            .Where(n => n.Unit == Organisations.Heim.Barnehage).ToList();
        reminders.Select(n => (n.Kind, n.DaysBefore)).Distinct().Should().HaveCount(3, "30 and 7 days before, and overdue");

        var uids = reminders.Select(n => Ical.Net.Calendar.Load(NotificationCalendar.Export(n, Language.NorwegianBokmal, Stamp))!.Events.Single().Uid).Distinct();

        uids.Should().ContainSingle("a calendar keeps one event for the report, however many reminders of it arrive");
        var expiry = Reminders(new LocalDate(2026, 12, 1)).First(n => n.Kind == NotificationKind.CertificateExpires);
        Ical.Net.Calendar.Load(NotificationCalendar.Export(expiry, Language.English, Stamp))!.Events.Single().Uid.Should().NotBe(uids.Single());
    }
}
