using System.Text;
using FluentAssertions;
using Miljofyrtarn.Calendar;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Schedule;

public class DeadlineCalendarTest
{
    private static readonly LocalDate From = new(2024, 1, 1);
    private static readonly LocalDate To = new(2030, 12, 31);

    /// <summary>Heim with HK and every unit certified, one report submitted and one postponed.</summary>
    private static (DeadlineSchedule Schedule, FakeClock Clock) HeimSchedule()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        SetDate(clock, 2024, 6, 3);
        for (var i = 0; i < UnitIds.Length; i++)
        {
            heim = Certify(heim, UnitIds[i], $"UE-{i}");
        }

        SetDate(clock, 2026, 3, 10);
        heim = heim.SubmitAnnualReport(Heim.Raadhuset, 2025, Coordinator)
            .GrantPostponement(Heim.Skole, 2025, new LocalDate(2026, 6, 1), Coordinator);
        return (new DeadlineSchedule(heim), clock);
    }

    [Fact]
    public void Export_ParsesBackIntoTheSameDeadlines()
    {
        var (schedule, _) = HeimSchedule();
        var deadlines = schedule.Between(From, To);

        var text = DeadlineCalendar.Export(schedule, From, To);
        var parsed = Ical.Net.Calendar.Load(text)!;

        parsed.Events.Should().HaveCount(deadlines.Length, "one event per deadline");
        var byUid = parsed.Events.ToDictionary(e => e.Uid!);
        foreach (var deadline in deadlines)
        {
            var calendarEvent = byUid[deadline.Id + "@miljofyrtarn"];
            calendarEvent.DtStart!.HasTime.Should().BeFalse("deadlines are all-day events");
            new LocalDate(calendarEvent.DtStart.Year, calendarEvent.DtStart.Month, calendarEvent.DtStart.Day).Should().Be(deadline.DueDate);
            calendarEvent.Summary.Should().EndWith(": " + deadline.UnitName).And.StartWith(deadline.Kind.GetName(Language.NorwegianBokmal));
            calendarEvent.Alarms.Should().HaveCount(3, "reminders 30, 7 and 1 days before");
        }

        byUid["964123454/heim-skole/AnnualReport/2025@miljofyrtarn"].Description.Should().Contain("utsatt frist");
    }

    [Fact]
    public void Export_FollowsRfc5545Framing()
    {
        var (schedule, _) = HeimSchedule();

        var text = DeadlineCalendar.Export(schedule, From, To, CalendarExportOptions.Default with { CalendarName = "Miljøfyrtårn – Heim kommune, frister og påminnelser for alle enheter" });

        text.Should().StartWith("BEGIN:VCALENDAR\r\n").And.EndWith("END:VCALENDAR\r\n");
        text.Replace("\r\n", string.Empty, StringComparison.Ordinal).Should().NotContain("\n").And.NotContain("\r");
        var lines = text.Split("\r\n")[..^1];
        lines.Should().OnlyContain(line => Encoding.UTF8.GetByteCount(line) <= 75, "lines are folded at 75 octets");
        lines.Should().Contain(l => l.StartsWith("PRODID:", StringComparison.Ordinal)).And.Contain("VERSION:2.0");
        lines.Should().Contain(l => l.StartsWith(" ", StringComparison.Ordinal), "the long calendar name is folded");

        var unfolded = text.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        unfolded.Should().Contain("TRIGGER:-P29DT15H", "30 days before at 09:00 is 29 days and 15 hours before the all-day start")
            .And.Contain("TRIGGER:-P6DT15H").And.Contain("TRIGGER:-PT15H").And.Contain("ACTION:DISPLAY");
        foreach (var calendarEvent in unfolded.Split("BEGIN:VEVENT\r\n").Skip(1))
        {
            var body = calendarEvent[..calendarEvent.IndexOf("END:VEVENT", StringComparison.Ordinal)];
            body.Should().Contain("UID:").And.Contain("DTSTAMP:").And.Contain("DTSTART;VALUE=DATE:");
        }
    }

    [Fact]
    public void ExportingTwice_YieldsTheSameUids()
    {
        var (schedule, clock) = HeimSchedule();
        static IEnumerable<string> Uids(string text) => Ical.Net.Calendar.Load(text)!.Events.Select(e => e.Uid!).Order(StringComparer.Ordinal);

        var first = DeadlineCalendar.Export(schedule, From, To);
        clock.Advance(Duration.FromDays(3));
        var second = DeadlineCalendar.Export(schedule, From, To);

        Uids(second).Should().Equal(Uids(first));
        second.Should().NotBe(first, "DTSTAMP follows the clock");
    }

    [Fact]
    public void Export_InEnglish_HasEnglishTitles()
    {
        var (schedule, _) = HeimSchedule();

        var parsed = Ical.Net.Calendar.Load(DeadlineCalendar.Export(schedule, From, To, CalendarExportOptions.Default with { Language = Language.English }))!;

        parsed.Events.Should().Contain(e => e.Summary == "Annual climate and environment report 2025: Rådhuset");
    }

    [Theory]
    [InlineData("Barnehage; Sol, og \\ måne")]
    [InlineData("Linje én\nlinje to")]
    [InlineData("Fyrtårn 🏠 æøå ÆØÅ – «sitat» og et svært langt navn som må brettes over flere linjer i kalenderfilen")]
    public void FreeText_IsEscapedAndFolded_SoAParserReadsItBackExactly(string name)
    {
        var (schedule, _) = HeimSchedule();

        var text = DeadlineCalendar.Export(schedule, From, To, CalendarExportOptions.Default with { CalendarName = name, ProductId = "-//Test; " + name + "//NB" });

        text.Split("\r\n").Should().OnlyContain(line => Encoding.UTF8.GetByteCount(line) <= 75);
        var bytes = Encoding.UTF8.GetBytes(text);
        Encoding.UTF8.GetString(bytes).Should().Be(text, "folding never splits a character");
        var parsed = Ical.Net.Calendar.Load(text)!;
        parsed.Properties["X-WR-CALNAME"]!.Value!.ToString().Should().Be(name);
        parsed.Events.Should().HaveCount(schedule.Between(From, To).Length);
    }

    [Fact]
    public void TheDescription_IsInTheLanguageAsked_WithNorwegianDates()
    {
        var (schedule, _) = HeimSchedule();

        var nynorsk = Ical.Net.Calendar.Load(DeadlineCalendar.Export(schedule, From, To, CalendarExportOptions.Default with { Language = Language.NorwegianNynorsk }))!;

        var postponed = nynorsk.Events.Single(e => e.Uid == "964123454/heim-skole/AnnualReport/2025@miljofyrtarn");
        postponed.Description.Should().Contain("Eining: Heim skole").And.Contain("Frist: 01.06.2026").And.Contain("utsett frist innvilga");
    }
}
