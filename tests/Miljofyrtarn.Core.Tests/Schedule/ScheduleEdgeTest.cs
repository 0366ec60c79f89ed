using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Schedule;

/// <summary>
/// The schedule's edges, where mutation testing found untested places: option bounds, range ends, the order of deadlines
/// on one day, which states have deadlines, which deadlines move to a working day, and the working-day arithmetic at the
/// ends of the calendar.
/// </summary>
public class ScheduleEdgeTest
{
    private static readonly NorwegianHolidayCalendar Calendar = NorwegianHolidayCalendar.Instance;
    private static readonly SchemeRuleBook NextWorkingDay = SchemeRuleBook.Of(SchemeRules.Default with { Adjustment = DeadlineAdjustment.NextWorkingDay });

    private static string Code(Action action) => FluentActions.Invoking(action).Should().Throw<MiljofyrtarnException>().Which.Code;

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public void ReminderOffsetsAndDueSoon_AcceptTheirBounds(int days)
    {
        new DeadlineOptions { ReminderOffsets = [days] }.ReminderOffsets.Should().Equal(days);
        new DeadlineOptions { DueSoonDays = days }.DueSoonDays.Should().Be(days);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(367)]
    public void ReminderOffsetsAndDueSoon_RefuseWhatIsOutside(int days)
    {
        Code(() => _ = new DeadlineOptions { ReminderOffsets = [days] }).Should().Be(ErrorCodes.InvalidReminderOffset);
        Code(() => _ = new DeadlineOptions { DueSoonDays = days }).Should().Be(ErrorCodes.InvalidReminderOffset);
    }

    [Fact]
    public void ReminderOffsets_AreKeptEarliestFirst_RefuseRepeats_AndAcceptNone()
    {
        new DeadlineOptions { ReminderOffsets = [1, 30, 7] }.ReminderOffsets.Should().Equal(30, 7, 1);
        Code(() => _ = new DeadlineOptions { ReminderOffsets = [7, 7] }).Should().Be(ErrorCodes.InvalidReminderOffset);
        new DeadlineOptions { ReminderOffsets = default }.ReminderOffsets.Should().BeEmpty();
        new DeadlineOptions { ReminderOffsets = [] }.ReminderOffsets.Should().BeEmpty();
    }

    [Fact]
    public void ASchedule_NeedsALifecycle_AndTakesTheDefaultOptionsWhenGivenNone()
    {
        FluentActions.Invoking(() => new DeadlineSchedule(null!)).Should().Throw<ArgumentNullException>();
        new DeadlineSchedule(WithCertifiedHeadquarters(Clock()), null).Options.Should().BeSameAs(DeadlineOptions.Default);
        var schedule = new DeadlineSchedule(WithCertifiedHeadquarters(Clock()), new DeadlineOptions { ReminderOffsets = [2, 9] });
        schedule.Options.ReminderOffsets.Should().Equal(9, 2);
        var deadline = schedule.Between(new LocalDate(2027, 1, 1), new LocalDate(2027, 12, 31)).First(d => d.Kind == DeadlineKind.AnnualReport);
        schedule.ReminderInstants(deadline).Should().HaveCount(2).And.BeInAscendingOrder();
        FluentActions.Invoking(() => schedule.ReminderInstants(null!)).Should().Throw<ArgumentNullException>();
    }

    [Theory]
    [InlineData(1899, 12, 31, 2027, 1, 1)]
    [InlineData(2027, 1, 1, 2201, 1, 1)]
    public void Between_RefusesDatesOutsideTheSupportedRange(int fy, int fm, int fd, int ty, int tm, int td)
    {
        var schedule = new DeadlineSchedule(WithCertifiedHeadquarters(Clock()));

        Code(() => schedule.Between(new LocalDate(fy, fm, fd), new LocalDate(ty, tm, td))).Should().Be(ErrorCodes.DateOutOfRange);
    }

    [Fact]
    public void Between_IncludesDeadlinesExactlyOnItsEnds()
    {
        var schedule = new DeadlineSchedule(WithCertifiedHeadquarters(Clock()));
        var expiry = new LocalDate(2027, 3, 1);

        schedule.Between(expiry, expiry).Should().Contain(d => d.Kind == DeadlineKind.CertificateExpiry);
        schedule.Between(expiry.PlusDays(-10), expiry).Should().Contain(d => d.Kind == DeadlineKind.CertificateExpiry);
        schedule.Between(expiry, expiry.PlusDays(10)).Should().Contain(d => d.Kind == DeadlineKind.CertificateExpiry);
        schedule.Between(expiry.PlusDays(1), expiry.PlusDays(10)).Should().NotContain(d => d.Kind == DeadlineKind.CertificateExpiry);
        schedule.Between(expiry.PlusDays(-10), expiry.PlusDays(-1)).Should().NotContain(d => d.Kind == DeadlineKind.CertificateExpiry);
    }

    [Fact]
    public void DeadlinesOnOneDay_AreOrderedByKind_ThenByTheUnitsOrder()
    {
        // Rådhuset certified on 1 April 2024: its certificate expires on 1 April 2027, the day the 2026 report is due.
        var clock = Clock();
        var heim = Start(clock).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);
        SetDate(clock, 2024, 4, 1);
        heim = Certify(heim, Heim.Raadhuset, "HK-1");
        SetDate(clock, 2024, 6, 3);
        heim = Certify(Certify(Certify(heim, Heim.Sykehjem, "UE-3"), Heim.Skole, "UE-2"), Heim.Barnehage, "UE-1");

        var all = new DeadlineSchedule(heim).Between(new LocalDate(2024, 1, 1), new LocalDate(2031, 12, 31));

        var position = heim.Organisation.AllUnits.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        all.Should().Equal(all.OrderBy(d => d.DueDate).ThenBy(d => d.Kind).ThenBy(d => position[d.Unit]), "one stable order: date, kind, unit");
        all.Where(d => d.DueDate == new LocalDate(2027, 4, 1)).Select(d => (d.Kind, d.Unit)).Should().StartWith(
            [(DeadlineKind.AnnualReport, Heim.Raadhuset), (DeadlineKind.AnnualReport, Heim.Barnehage), (DeadlineKind.AnnualReport, Heim.Skole), (DeadlineKind.AnnualReport, Heim.Sykehjem)]);
        all.Where(d => d.DueDate == new LocalDate(2027, 4, 1)).Select(d => d.Kind).Should().EndWith(DeadlineKind.CertificateExpiry);
        all.Where(d => d.Kind == DeadlineKind.CertificateExpiry && d.DueDate == new LocalDate(2027, 6, 3)).Select(d => d.Unit)
            .Should().Equal(Heim.Barnehage, Heim.Skole, Heim.Sykehjem);
    }

    [Theory]
    [InlineData(2024, 2031)] // a span of years with few deadlines: one keyed sort
    [InlineData(2027, 2027)] // one year: placed by (day, kind) in one counting pass
    public void BothWaysOfOrdering_GiveTheOneStableOrder(int fromYear, int toYear)
    {
        var clock = Clock();
        var heim = Start(clock).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);
        SetDate(clock, 2024, 4, 1);
        heim = Certify(heim, Heim.Raadhuset, "HK-1");
        SetDate(clock, 2024, 6, 3);
        heim = Certify(Certify(Certify(heim, Heim.Sykehjem, "UE-3"), Heim.Skole, "UE-2"), Heim.Barnehage, "UE-1");

        var all = new DeadlineSchedule(heim).Between(new LocalDate(fromYear, 1, 1), new LocalDate(toYear, 12, 31));

        var position = heim.Organisation.AllUnits.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        all.Should().HaveCountGreaterThan(8);
        all.Should().Equal(all.OrderBy(d => d.DueDate).ThenBy(d => d.Kind).ThenBy(d => position[d.Unit]).ThenBy(d => d.Year), "one stable order: date, kind, unit");
        all.Where(d => d.DueDate == new LocalDate(2027, 4, 1)).Select(d => d.Unit).Should().StartWith([Heim.Raadhuset, Heim.Barnehage, Heim.Skole, Heim.Sykehjem]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3660)]
    public void DueWithin_AcceptsItsBounds(int days)
    {
        var clock = Clock();
        var schedule = new DeadlineSchedule(WithCertifiedHeadquarters(clock));
        SetDate(clock, 2026, 4, 1);

        schedule.DueWithin(days).Should().Contain(d => d.Kind == DeadlineKind.AnnualReport && d.Year == 2025, "the 2025 report is due today")
            .And.OnlyContain(d => d.Status != DeadlineStatus.Met);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3661)]
    public void DueWithin_RefusesWhatIsOutside(int days) =>
        Code(() => new DeadlineSchedule(WithCertifiedHeadquarters(Clock())).DueWithin(days)).Should().Be(ErrorCodes.NumberOutOfRange);

    [Fact]
    public void QueriesNearTheEndOfTheSupportedRange_StopAtItsLastDay()
    {
        var clock = Clock();
        var schedule = new DeadlineSchedule(WithCertifiedHeadquarters(clock));
        SetDate(clock, 2200, 6, 1);

        FluentActions.Invoking(() => schedule.DueWithin(3660)).Should().NotThrow("ten years ahead is cut at the last supported day");
        FluentActions.Invoking(() => schedule.Next()).Should().NotThrow();
        schedule.Between(new LocalDate(2199, 1, 1), new LocalDate(2200, 12, 31)).Should().ContainSingle(d => d.Kind == DeadlineKind.AnnualReport && d.Year == 2199,
            "the last report year within the range is 2199, due in 2200");
    }

    [Fact]
    public void AWithdrawnUnit_AndAUnitMappingAgainAfterWithdrawal_HaveNoDeadlines()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        SetDate(clock, 2024, 6, 3);
        heim = Certify(heim, Heim.Skole, "UE-1").Withdraw(Heim.Skole, "closed", Coordinator);
        var range = (From: new LocalDate(2024, 1, 1), To: new LocalDate(2030, 12, 31));

        new DeadlineSchedule(heim).Between(range.From, range.To).Should().NotContain(d => d.Unit == Heim.Skole);
        heim = heim.OpenMapping(Heim.Skole, Coordinator);
        new DeadlineSchedule(heim).Between(range.From, range.To).Should().NotContain(d => d.Unit == Heim.Skole, "mapping again, with only an ended certificate");
        heim = FulfilAll(heim, Heim.Skole).Deliver(Heim.Skole, ManagerOf(heim, Heim.Skole));
        new DeadlineSchedule(heim).Between(range.From, range.To).Should().NotContain(d => d.Unit == Heim.Skole, "delivered, not yet certified again");
    }

    [Fact]
    public void InformationalDates_AreNeverMoved_WhileExpiryAndGraceMoveToAWorkingDay()
    {
        // Under the next-working-day policy, certified on 2 March 2024: every kind keeps or moves its date as its kind says.
        // Certified on 5 March 2024: recertification opens on Saturday 5 September 2026, and an informational date stays put.
        var clock = Clock();
        var heim = Start(clock, NextWorkingDay).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);
        SetDate(clock, 2024, 3, 2);
        var schedule = new DeadlineSchedule(Certify(heim, Heim.Raadhuset, "HK-SAT"));
        var deadlines = schedule.Between(new LocalDate(2024, 1, 1), new LocalDate(2028, 12, 31)).Where(d => d.Unit == Heim.Raadhuset).ToList();

        var expiry = deadlines.Single(d => d.Kind == DeadlineKind.CertificateExpiry);
        expiry.NominalDate.Should().Be(new LocalDate(2027, 3, 2));
        var opens = deadlines.Single(d => d.Kind == DeadlineKind.RecertificationOpens);
        opens.NominalDate.Should().Be(new LocalDate(2026, 9, 2));
        var reminder = deadlines.Single(d => d.Kind == DeadlineKind.ExpiryReminder);
        foreach (var informational in new[] { opens, reminder })
        {
            informational.Adjustment.Should().Be(DeadlineAdjustment.None);
            informational.DueDate.Should().Be(informational.NominalDate);
        }

        var grace = deadlines.Single(d => d.Kind == DeadlineKind.GraceEnds);
        grace.NominalDate.Should().Be(new LocalDate(2027, 7, 2));
        foreach (var moved in new[] { expiry, grace, deadlines.First(d => d.Kind == DeadlineKind.AnnualReport) })
        {
            moved.Adjustment.Should().Be(DeadlineAdjustment.NextWorkingDay);
            moved.DueDate.Should().Be(Calendar.OnOrNextWorkingDay(moved.NominalDate));
        }

        var weekendDate = new LocalDate(2026, 9, 5); // a Saturday six months before a certificate issued on 5 March 2024
        SetDate(clock, 2024, 3, 5);
        var later = new DeadlineSchedule(Certify(heim, Heim.Raadhuset, "HK-TUE"));
        var laterOpens = later.Between(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)).Single(d => d.Unit == Heim.Raadhuset && d.Kind == DeadlineKind.RecertificationOpens);
        laterOpens.NominalDate.Should().Be(weekendDate);
        laterOpens.DueDate.Should().Be(weekendDate, "an informational date on a Saturday stays on the Saturday");
        var laterExpiry = later.Between(new LocalDate(2027, 1, 1), new LocalDate(2027, 12, 31)).Single(d => d.Unit == Heim.Raadhuset && d.Kind == DeadlineKind.CertificateExpiry);
        laterExpiry.NominalDate.Should().Be(new LocalDate(2027, 3, 5));
        laterExpiry.DueDate.Should().Be(new LocalDate(2027, 3, 5), "a Friday is a working day");
    }

    [Fact]
    public void AnExpiredUnit_OwesReportsOnlyThroughTheYearOfItsLastValidDay()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock); // valid through 1 March 2027
        SetDate(clock, 2027, 3, 2);
        heim = heim.ExpireCertificates();
        heim.GetUnitLifecycle(Heim.Raadhuset).State.Should().Be(UnitState.Expired);

        var reports = new DeadlineSchedule(heim).Between(new LocalDate(2024, 1, 1), new LocalDate(2035, 12, 31))
            .Where(d => d.Unit == Heim.Raadhuset && d.Kind == DeadlineKind.AnnualReport).Select(d => d.Year).ToList();

        reports.Should().Equal(2025, 2026, 2027);
    }

    [Fact]
    public void EveryHolidayName_InEveryLanguage()
    {
        var holidays = Calendar.GetHolidays(2029);

        holidays.Select(h => h.Name.Bokmal).Should().Equal(
            "Første nyttårsdag", "Skjærtorsdag", "Langfredag", "Første påskedag", "Andre påskedag", "Offentlig høytidsdag (1. mai)",
            "Kristi himmelfartsdag", "Grunnlovsdag (17. mai)", "Første pinsedag", "Andre pinsedag", "Første juledag", "Andre juledag");
        holidays.Select(h => h.Name.Get(Language.NorwegianNynorsk)).Should().Equal(
            "Første nyttårsdag", "Skjærtorsdag", "Langfredag", "Første påskedag", "Andre påskedag", "Offentleg høgtidsdag (1. mai)",
            "Kristi himmelfartsdag", "Grunnlovsdag (17. mai)", "Første pinsedag", "Andre pinsedag", "Første juledag", "Andre juledag");
        holidays.Select(h => h.Name.Get(Language.English)).Should().Equal(
            "New Year's Day", "Maundy Thursday", "Good Friday", "Easter Sunday", "Easter Monday", "Labour Day (1 May)",
            "Ascension Day", "Constitution Day (17 May)", "Whit Sunday", "Whit Monday", "Christmas Day", "Boxing Day (26 December)");
        Calendar.GetHolidays(1959).Single(h => h.Date == new LocalDate(1959, 5, 17)).Name.Get(Language.NorwegianNynorsk)
            .Should().Be("Første pinsedag / Grunnlovsdag (17. mai)");
    }

    [Fact]
    public void IsPublicHoliday_IsTrueForAWeekdayHolidayAndEverySunday_AndFalseForAnOrdinaryDay()
    {
        Calendar.IsPublicHoliday(new LocalDate(2029, 5, 17)).Should().BeTrue("17 May 2029 is a Thursday");
        Calendar.IsPublicHoliday(new LocalDate(2029, 5, 16)).Should().BeFalse("an ordinary Wednesday");
        Calendar.IsPublicHoliday(new LocalDate(2029, 5, 20)).Should().BeTrue("a Sunday");
        Calendar.IsPublicHoliday(new LocalDate(2029, 5, 19)).Should().BeFalse("a Saturday is a day off, not a holiday");
        Calendar.IsDayOff(new LocalDate(2029, 5, 19)).Should().BeTrue();
        Code(() => Calendar.IsPublicHoliday(new LocalDate(1899, 12, 31))).Should().Be(ErrorCodes.DateOutOfRange);
        Code(() => Calendar.IsPublicHoliday(new LocalDate(2201, 1, 1))).Should().Be(ErrorCodes.DateOutOfRange);
    }

    [Fact]
    public void TheFirstAndLastSupportedYears_HaveHolidays_AndTheYearsBeyondAreRefused()
    {
        Calendar.GetHolidays(1900).Should().HaveCount(12);
        Calendar.GetHolidays(2200).Should().HaveCount(12);
        Calendar.IsDayOff(new LocalDate(1900, 1, 1)).Should().BeTrue();
        Calendar.IsDayOff(new LocalDate(2200, 12, 31)).Should().BeFalse("a Wednesday");
        Code(() => Calendar.GetHolidays(1899)).Should().Be(ErrorCodes.DateOutOfRange);
        Code(() => Calendar.GetHolidays(2201)).Should().Be(ErrorCodes.DateOutOfRange);
        FluentActions.Invoking(() => Calendar.GetHolidays(int.MinValue)).Should().Throw<MiljofyrtarnException>()
            .Which.Diagnostics[0].Arguments[0].Should().Be("-9998-01-01");
    }

    [Fact]
    public void EasterSundayOf_CoversTheGregorianYearsItSupports()
    {
        NorwegianHolidayCalendar.EasterSundayOf(1583).Should().Be(new LocalDate(1583, 4, 10));
        NorwegianHolidayCalendar.EasterSundayOf(9999).Should().Be(new LocalDate(9999, 3, 28));
        Code(() => NorwegianHolidayCalendar.EasterSundayOf(1582)).Should().Be(ErrorCodes.NumberOutOfRange);
        Code(() => NorwegianHolidayCalendar.EasterSundayOf(10000)).Should().Be(ErrorCodes.NumberOutOfRange);
    }

    [Fact]
    public void ExtraDaysOff_NeedDaysWithinTheCalendar()
    {
        FluentActions.Invoking(() => Calendar.WithExtraDaysOff(null!)).Should().Throw<ArgumentNullException>();
        Code(() => Calendar.WithExtraDaysOff([new LocalDate(2201, 1, 1)])).Should().Be(ErrorCodes.DateOutOfRange);
        Calendar.WithExtraDaysOff([new LocalDate(2200, 12, 31)]).IsDayOff(new LocalDate(2200, 12, 31)).Should().BeTrue();
    }

    [Fact]
    public void WorkingDayQueries_NeedACalendar()
    {
        IHolidayCalendar none = null!;
        var day = new LocalDate(2029, 5, 16);
        FluentActions.Invoking(() => none.IsWorkingDay(day)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => none.OnOrNextWorkingDay(day)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => none.NextWorkingDay(day)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => none.AddWorkingDays(day, 1)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => none.WorkingDaysBetween(day, day)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void WorkingDayQueries_AcceptTheCalendarsEnds_AndRefuseDatesBeyondThem()
    {
        var first = Calendar.MinDate;
        var last = Calendar.MaxDate;
        Calendar.OnOrNextWorkingDay(last).Should().Be(last);
        Calendar.AddWorkingDays(first, 0).Should().Be(first);
        Calendar.WorkingDaysBetween(first, first.PlusDays(7)).Should().Be(4, "1 January 1900 is a Monday and New Year's Day");
        Calendar.WorkingDaysBetween(last.PlusDays(-7), last).Should().Be(3, "24, 29 and 30 December 2200");

        foreach (var outside in new[] { first.PlusDays(-1), last.PlusDays(1) })
        {
            var argument = Argument(() => Calendar.OnOrNextWorkingDay(outside));
            argument.Should().Be(NodaTime.Text.LocalDatePattern.Iso.Format(outside), "a date outside is named as it is");
            Argument(() => Calendar.NextWorkingDay(outside)).Should().Be(argument);
            Argument(() => Calendar.AddWorkingDays(outside, 1)).Should().Be(argument);
            Argument(() => Calendar.WorkingDaysBetween(outside, new LocalDate(2029, 5, 16))).Should().Be(argument);
            Argument(() => Calendar.WorkingDaysBetween(new LocalDate(2029, 5, 16), outside)).Should().Be(argument);
        }
    }

    [Fact]
    public void StepsPastTheCalendarsEnds_AreRefused_NamingTheStep()
    {
        Argument(() => Calendar.AddWorkingDays(Calendar.MaxDate.PlusDays(-3), 10)).Should().Be("2200-12-31 + 1");
        Argument(() => Calendar.NextWorkingDay(Calendar.MaxDate)).Should().Be("2200-12-31 + 1");
        Argument(() => Calendar.AddWorkingDays(Calendar.MinDate.PlusDays(3), -10)).Should().Be("1900-01-01 − 1");
        Calendar.AddWorkingDays(Calendar.MinDate.PlusDays(3), -1).Should().Be(new LocalDate(1900, 1, 3));
        Calendar.AddWorkingDays(Calendar.MaxDate.PlusDays(-3), 1).Should().Be(new LocalDate(2200, 12, 29));
    }

    private static string Argument(Action action)
    {
        var refused = FluentActions.Invoking(action).Should().Throw<MiljofyrtarnException>().Which;
        refused.Code.Should().Be(ErrorCodes.DateOutOfRange);
        return refused.Diagnostics[0].Arguments[0];
    }
}
