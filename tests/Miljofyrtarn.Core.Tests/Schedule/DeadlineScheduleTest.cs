using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Schedule;

public class DeadlineScheduleTest
{
    private static readonly SchemeRuleBook NextWorkingDay = SchemeRuleBook.Of(SchemeRules.Default with { Adjustment = DeadlineAdjustment.NextWorkingDay });

    private static Deadline Single(DeadlineSchedule schedule, DeadlineKind kind, int? year = null) =>
        schedule.Between(new LocalDate(2020, 1, 1), new LocalDate(2040, 12, 31)).Single(d => d.Unit == Heim.Raadhuset && d.Kind == kind && (year is null || d.Year == year));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Between_WithTheEndBeforeTheStart_IsRefusedNamingBothDates(int query)
    {
        var schedule = new DeadlineSchedule(WithCertifiedHeadquarters(Clock()));
        Action between = query == 0
            ? () => schedule.Between(new LocalDate(2028, 1, 1), new LocalDate(2027, 1, 1))
            : () => schedule.Between(new LocalDate(2027, 1, 2), new LocalDate(2027, 1, 1));

        var refused = FluentActions.Invoking(between).Should().Throw<MiljofyrtarnException>().Which;

        refused.Code.Should().Be(ErrorCodes.RangeEndsBeforeStart);
        refused.Diagnostics[0].Arguments.Should().HaveCount(2).And.OnlyContain(a => a.StartsWith("202", StringComparison.Ordinal));
        refused.GetMessage(Core.Localization.Language.NorwegianBokmal).Should().Contain("01.01.2027");
    }

    [Fact]
    public void Between_OnOneDay_IsAllowed() =>
        new DeadlineSchedule(WithCertifiedHeadquarters(Clock())).Between(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 1)).Should().OnlyContain(d => d.DueDate == new LocalDate(2026, 4, 1));

    [Fact]
    public void AnnualReport_ForThePreviousYear_IsDueTheFirstOfApril()
    {
        var clock = Clock();
        var schedule = new DeadlineSchedule(WithCertifiedHeadquarters(clock));

        var reports = schedule.Between(new LocalDate(2026, 1, 1), new LocalDate(2028, 12, 31)).Where(d => d.Kind == DeadlineKind.AnnualReport).ToList();

        reports.Select(r => (r.Year, r.DueDate)).Should().Equal((2025, new LocalDate(2026, 4, 1)), (2026, new LocalDate(2027, 4, 1)), (2027, new LocalDate(2028, 4, 1)));
        reports.Should().OnlyContain(r => r.UnitName == "Rådhuset" && !r.Moved && r.Adjustment == DeadlineAdjustment.None);
        schedule.Between(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31)).Should().NotContain(d => d.Kind == DeadlineKind.AnnualReport, "the first report covers the first full year after approval");
    }

    [Fact]
    public void CertificateIssuedOnLeapDay_ExpiresOnTheTwentyEighthOfFebruaryThreeYearsLater()
    {
        var clock = Clock();
        var heim = Start(clock).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);
        SetDate(clock, 2024, 2, 29);
        var schedule = new DeadlineSchedule(Certify(heim, Heim.Raadhuset, "LEAP"));

        Single(schedule, DeadlineKind.CertificateExpiry).DueDate.Should().Be(new LocalDate(2027, 2, 28));
        Single(schedule, DeadlineKind.RecertificationOpens).DueDate.Should().Be(new LocalDate(2026, 8, 28));
        Single(schedule, DeadlineKind.ExpiryReminder).DueDate.Should().Be(new LocalDate(2026, 10, 28));
        Single(schedule, DeadlineKind.GraceEnds).DueDate.Should().Be(new LocalDate(2027, 6, 28));
    }

    [Fact]
    public void FirstOfApril2029_IsEasterSunday_UnderBothAdjustmentPolicies()
    {
        var clock = Clock();
        var unmoved = new DeadlineSchedule(WithCertifiedHeadquarters(clock));
        var movedClock = Clock();
        var moved = new DeadlineSchedule(WithCertifiedHeadquarters(movedClock, NextWorkingDay));

        var asIs = Single(unmoved, DeadlineKind.AnnualReport, 2028);
        asIs.DueDate.Should().Be(new LocalDate(2029, 4, 1));
        asIs.Adjustment.Should().Be(DeadlineAdjustment.None);
        asIs.Moved.Should().BeFalse();

        var next = Single(moved, DeadlineKind.AnnualReport, 2028);
        next.NominalDate.Should().Be(new LocalDate(2029, 4, 1));
        next.DueDate.Should().Be(new LocalDate(2029, 4, 3), "Easter Sunday and Easter Monday are holidays");
        next.Adjustment.Should().Be(DeadlineAdjustment.NextWorkingDay);
        next.Moved.Should().BeTrue();
        next.PassesAt.Should().Be(Instant.FromUtc(2029, 4, 3, 22, 0));
    }

    [Fact]
    public void AdjustmentPolicy_AppliesToTheLifecycleToo()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock, NextWorkingDay);
        SetDate(clock, 2029, 3, 1);

        // The 2028 report is due 3 April 2029 under the policy, so a postponement to 2 April is not later.
        FluentActions.Invoking(() => heim.GrantPostponement(Heim.Raadhuset, 2028, new LocalDate(2029, 4, 2), Coordinator))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.PostponementNotLater);
    }

    [Theory]
    [InlineData(2026, 10, 24, 2026, 10, 24, 22)]
    [InlineData(2026, 10, 25, 2026, 10, 25, 23)]
    [InlineData(2026, 3, 28, 2026, 3, 28, 23)]
    [InlineData(2026, 3, 29, 2026, 3, 29, 22)]
    public void PassesAt_IsTheEndOfTheDayInOslo_AcrossDaylightSavingChanges(int y, int m, int d, int uy, int um, int ud, int uh)
    {
        SchemeRuleBook.Default.EndOfDay(new LocalDate(y, m, d)).Should().Be(Instant.FromUtc(uy, um, ud, uh, 0));
    }

    [Fact]
    public void GrantedPostponement_MovesTheReportDeadline_AndPassesAtTheEndOfThatDay()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        SetDate(clock, 2026, 3, 20);

        heim = heim.GrantPostponement(Heim.Raadhuset, 2025, new LocalDate(2026, 10, 25), Coordinator);
        var report = Single(new DeadlineSchedule(heim), DeadlineKind.AnnualReport, 2025);

        report.Postponed.Should().BeTrue();
        report.DueDate.Should().Be(new LocalDate(2026, 10, 25));
        report.PassesAt.Should().Be(Instant.FromUtc(2026, 10, 25, 23, 0), "summer time has ended that night");
        report.Status.Should().Be(DeadlineStatus.Upcoming);
    }

    [Fact]
    public void Status_ChangesAsTheClockAdvances()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        var schedule = new DeadlineSchedule(heim);
        DeadlineStatus StatusOn(int year, int month, int day, int hour = 12)
        {
            clock.Reset(Instant.FromUtc(year, month, day, hour, 0));
            return Single(schedule, DeadlineKind.AnnualReport, 2025).Status;
        }

        StatusOn(2026, 1, 10).Should().Be(DeadlineStatus.Upcoming);
        StatusOn(2026, 3, 2).Should().Be(DeadlineStatus.DueSoon, "30 days before 1 April");
        StatusOn(2026, 4, 1, 21).Should().Be(DeadlineStatus.DueSoon, "23:00 in Oslo on the due day");
        StatusOn(2026, 4, 1, 22).Should().Be(DeadlineStatus.Overdue, "midnight in Oslo (summer time)");
        schedule.Overdue().Select(d => (d.Kind, d.Year)).Should().Equal((DeadlineKind.AnnualReport, 2025));

        var submitted = heim.SubmitAnnualReport(Heim.Raadhuset, 2025, Coordinator);
        var after = new DeadlineSchedule(submitted);
        Single(after, DeadlineKind.AnnualReport, 2025).Status.Should().Be(DeadlineStatus.Met);
        after.Overdue().Should().BeEmpty();
    }

    [Fact]
    public void Queries_NextDueWithinAndReminders()
    {
        var clock = Clock();
        var schedule = new DeadlineSchedule(WithCertifiedHeadquarters(clock));
        SetDate(clock, 2026, 3, 10);

        schedule.Next()!.Should().Match<Deadline>(d => d.Kind == DeadlineKind.AnnualReport && d.Year == 2025);
        schedule.DueWithin(30).Select(d => d.Kind).Should().Equal(DeadlineKind.AnnualReport);
        schedule.DueWithin(200).Select(d => d.Kind).Should().Equal(DeadlineKind.AnnualReport, DeadlineKind.RecertificationOpens);

        var reminders = schedule.ReminderInstants(schedule.Next()!);
        reminders.Should().Equal(
            Instant.FromUtc(2026, 3, 2, 8, 0),
            Instant.FromUtc(2026, 3, 25, 8, 0),
            Instant.FromUtc(2026, 3, 31, 7, 0));
    }

    [Fact]
    public void DeadlineIds_AreStable()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);

        var first = new DeadlineSchedule(heim).Between(new LocalDate(2024, 1, 1), new LocalDate(2030, 1, 1)).Select(d => d.Id).ToList();
        SetDate(clock, 2026, 5, 5);
        var second = new DeadlineSchedule(heim).Between(new LocalDate(2024, 1, 1), new LocalDate(2030, 1, 1)).Select(d => d.Id).ToList();

        second.Should().Equal(first);
        first.Should().OnlyHaveUniqueItems();
        first.Should().Contain("964123454/raadhuset/AnnualReport/2025").And.Contain("964123454/raadhuset/CertificateExpiry/MFT-HK-1");
    }

    [Fact]
    public void UnitsWithoutACertificate_HaveNoDeadlines()
    {
        var schedule = new DeadlineSchedule(Start(Clock()));

        schedule.Between(new LocalDate(2024, 1, 1), new LocalDate(2030, 1, 1)).Should().BeEmpty();
        schedule.Next().Should().BeNull();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(367)]
    public void AbsurdReminderOffsets_AreRefused(int offset)
    {
        FluentActions.Invoking(() => new DeadlineOptions { ReminderOffsets = [30, offset] })
            .Should().Throw<MiljofyrtarnException>().Which.Diagnostics.Should().ContainSingle(d => d.Code == ErrorCodes.InvalidReminderOffset && d.Arguments[0] == offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        FluentActions.Invoking(() => new DeadlineOptions { ReminderOffsets = [7, 7] }).Should().Throw<MiljofyrtarnException>();
        FluentActions.Invoking(() => new DeadlineOptions { DueSoonDays = offset }).Should().Throw<MiljofyrtarnException>();
    }

    [Fact]
    public void RuleBook_ARuleChangeInAFutureYearIsData()
    {
        var later = SchemeRules.Default with { EffectiveFrom = new LocalDate(2027, 1, 1), AnnualReportDue = new AnnualDate(3, 1) };
        var book = new SchemeRuleBook([SchemeRules.Default, later]);

        book.AnnualReportDue(2025).Should().Be(new LocalDate(2026, 4, 1));
        book.AnnualReportDue(2026).Should().Be(new LocalDate(2027, 3, 1), "the report for 2026 is due under the rules of 2027");
        book.On(new LocalDate(2026, 12, 31)).Should().Be(SchemeRules.Default);
        FluentActions.Invoking(() => new SchemeRuleBook([later, SchemeRules.Default])).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.InvalidRuleBook);
        FluentActions.Invoking(() => new SchemeRuleBook([])).Should().Throw<MiljofyrtarnException>();
    }

    /// <summary>A host's own calendar: Norway's, plus every Friday off.</summary>
    private sealed class FridaysOff : IHolidayCalendar
    {
        public LocalDate MinDate => NorwegianHolidayCalendar.Instance.MinDate;

        public LocalDate MaxDate => NorwegianHolidayCalendar.Instance.MaxDate;

        public bool IsDayOff(LocalDate date) => date.DayOfWeek == IsoDayOfWeek.Friday || NorwegianHolidayCalendar.Instance.IsDayOff(date);

        public System.Collections.Immutable.ImmutableArray<Holiday> GetHolidays(int year) => NorwegianHolidayCalendar.Instance.GetHolidays(year);
    }

    [Fact]
    public void AHostsOwnCalendar_IsUsedToMoveDeadlines()
    {
        var book = new SchemeRuleBook([SchemeRules.Default with { Adjustment = DeadlineAdjustment.NextWorkingDay }], holidays: new FridaysOff());

        // The report for 2029 is due Monday 1 April 2030 anyway; 1 April 2033 is a Friday and moves to Monday 4 April.
        book.AnnualReportDue(2029).Should().Be(new LocalDate(2030, 4, 1));
        book.AnnualReportDue(2032).Should().Be(new LocalDate(2033, 4, 4));
        SchemeRuleBook.Of(SchemeRules.Default with { Adjustment = DeadlineAdjustment.NextWorkingDay }).AnnualReportDue(2032).Should().Be(new LocalDate(2033, 4, 1));
    }

    [Fact]
    public void ExpiredUnit_ShowsExpiryAndGraceAsOverdue_AndTheInformationalDatesAsPassed()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        SetDate(clock, 2027, 7, 15);
        heim = heim.ExpireCertificates();
        var schedule = new DeadlineSchedule(heim);

        var overdue = schedule.Overdue().Select(d => d.Kind).ToList();
        var informational = schedule.Between(new LocalDate(2026, 1, 1), new LocalDate(2027, 7, 15)).Where(d => d.Kind.IsInformational()).ToList();

        overdue.Should().Contain([DeadlineKind.CertificateExpiry, DeadlineKind.GraceEnds]);
        overdue.Should().Contain(DeadlineKind.AnnualReport, "the reports for 2025 and 2026 were never submitted");
        overdue.Should().NotContain([DeadlineKind.RecertificationOpens, DeadlineKind.ExpiryReminder], "nobody failed to do anything on an informational date");
        informational.Select(d => d.Kind).Should().BeEquivalentTo([DeadlineKind.RecertificationOpens, DeadlineKind.ExpiryReminder]);
        informational.Should().OnlyContain(d => d.Status == DeadlineStatus.Passed);
        DeadlineStatus.Passed.GetName(Core.Localization.Language.NorwegianBokmal).Should().Be("passert");
    }
}
