using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Schedule;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Schedule;

public class NorwegianHolidayCalendarTest
{
    private static readonly NorwegianHolidayCalendar Calendar = NorwegianHolidayCalendar.Instance;

    /// <summary>
    /// Easter by Gauss's algorithm with the Gregorian corrections, written independently of the library's
    /// (which uses the anonymous Gregorian algorithm), from the arithmetic of the computus.
    /// </summary>
    private static DateOnly GaussEaster(int year)
    {
        var a = year % 19;
        var b = year % 4;
        var c = year % 7;
        var k = year / 100;
        var p = ((13 + (8 * k)) / 25);
        var q = k / 4;
        var m = (15 - p + k - q) % 30;
        var n = (4 + k - q) % 7;
        var d = ((19 * a) + m) % 30;
        var e = ((2 * b) + (4 * c) + (6 * d) + n) % 7;
        var day = 22 + d + e;
        if (d == 29 && e == 6)
        {
            return new DateOnly(year, 4, 19);
        }

        if (d == 28 && e == 6 && ((11 * m) + 11) % 30 < 19)
        {
            return new DateOnly(year, 4, 18);
        }

        return day > 31 ? new DateOnly(year, 4, day - 31) : new DateOnly(year, 3, day);
    }

    /// <summary>The rulebook's list, stated directly: fixed days, Easter-relative days, Sundays; Saturdays are days off.</summary>
    private static bool ExpectedDayOff(DateOnly date)
    {
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return true;
        }

        if ((date.Month, date.Day) is (1, 1) or (5, 1) or (5, 17) or (12, 25) or (12, 26))
        {
            return true;
        }

        var offset = date.DayNumber - GaussEaster(date.Year).DayNumber;
        return offset is -3 or -2 or 0 or 1 or 39 or 49 or 50;
    }

    [Fact]
    public void EveryDayFrom1950To2100_AgreesWithAnIndependentComputation()
    {
        var mismatches = new List<string>();
        for (var date = new DateOnly(1950, 1, 1); date <= new DateOnly(2100, 12, 31); date = date.AddDays(1))
        {
            if (Calendar.IsDayOff(LocalDate.FromDateOnly(date)) != ExpectedDayOff(date))
            {
                mismatches.Add(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void NamedHolidaysFrom1950To2100_AgreeWithThePublicHolidayPackage()
    {
        var other = new PublicHoliday.NorwayPublicHoliday();
        for (var year = 1950; year <= 2100; year++)
        {
            var ours = Calendar.GetHolidays(year).Select(h => h.Date.ToDateOnly()).ToList();
            var theirs = other.PublicHolidays(year).Select(DateOnly.FromDateTime).Distinct().ToList();
            ours.Should().BeEquivalentTo(theirs, $"the holidays of {year}");
        }
    }

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2029, 4, 1)]
    [InlineData(2000, 4, 23)]
    [InlineData(2038, 4, 25)]
    [InlineData(2008, 3, 23)]
    public void EasterSunday_KnownDates(int year, int month, int day)
    {
        NorwegianHolidayCalendar.EasterSundayOf(year).Should().Be(new LocalDate(year, month, day));
    }

    [Theory]
    [InlineData(2023, false)]
    [InlineData(2024, false)]
    [InlineData(2025, true)]
    [InlineData(2028, false)]
    [InlineData(2029, false)]
    [InlineData(2034, false)]
    [InlineData(2035, false)]
    public void FirstOfApril_IsAWorkingDayOnlyInSomeYears(int year, bool working)
    {
        // DOMAIN.md: 1 April is a weekend or holiday in 2023, 2024, 2028, 2029 (Easter Sunday), 2034 and 2035.
        Calendar.IsWorkingDay(new LocalDate(year, 4, 1)).Should().Be(working);
    }

    [Fact]
    public void ChristmasEveAndNewYearsEve_AreNotHolidays()
    {
        Calendar.IsPublicHoliday(new LocalDate(2025, 12, 24)).Should().BeFalse();
        Calendar.IsPublicHoliday(new LocalDate(2025, 12, 31)).Should().BeFalse();
        Calendar.IsPublicHoliday(new LocalDate(2025, 12, 28)).Should().BeTrue("every Sunday is a holiday");
        Calendar.IsPublicHoliday(new LocalDate(2025, 12, 27)).Should().BeFalse("Saturday is a day off but not a holiday");
        Calendar.IsDayOff(new LocalDate(2025, 12, 27)).Should().BeTrue();
    }

    [Fact]
    public void HolidaysOnTheSameDay_AreOneEntryWithBothNames()
    {
        var whitSunday1959 = Calendar.GetHolidays(1959).Where(h => h.Date == new LocalDate(1959, 5, 17)).ToList();

        whitSunday1959.Should().ContainSingle().Which.Name.Get(Language.English).Should().Be("Whit Sunday / Constitution Day (17 May)");
        Calendar.GetHolidays(2008).Single(h => h.Date == new LocalDate(2008, 5, 1)).Name.Bokmal.Should().Be("Kristi himmelfartsdag / Offentlig høytidsdag (1. mai)");
    }

    [Fact]
    public void HolidayNames_AreLocalised()
    {
        var holidays = Calendar.GetHolidays(2029);

        holidays.Should().HaveCount(12);
        holidays.Select(h => h.Date).Should().BeInAscendingOrder();
        var easter = holidays.Single(h => h.Date == new LocalDate(2029, 4, 1));
        easter.Name.Get(Language.NorwegianBokmal).Should().Be("Første påskedag");
        easter.Name.Get(Language.English).Should().Be("Easter Sunday");
        holidays.Single(h => h.Date == new LocalDate(2029, 5, 17)).Name.Get(Language.NorwegianNynorsk).Should().Be("Grunnlovsdag (17. mai)");
    }

    [Fact]
    public void WorkingDayQueries_AroundEaster2029()
    {
        var maundyThursday = new LocalDate(2029, 3, 29);

        Calendar.NextWorkingDay(new LocalDate(2029, 3, 28)).Should().Be(new LocalDate(2029, 4, 3), "Thursday to Monday are off over Easter");
        Calendar.OnOrNextWorkingDay(new LocalDate(2029, 4, 1)).Should().Be(new LocalDate(2029, 4, 3));
        Calendar.OnOrNextWorkingDay(new LocalDate(2029, 4, 3)).Should().Be(new LocalDate(2029, 4, 3));
        Calendar.AddWorkingDays(new LocalDate(2029, 3, 28), 1).Should().Be(new LocalDate(2029, 4, 3));
        Calendar.AddWorkingDays(new LocalDate(2029, 4, 3), -1).Should().Be(new LocalDate(2029, 3, 28));
        Calendar.AddWorkingDays(maundyThursday, 0).Should().Be(maundyThursday);
        Calendar.WorkingDaysBetween(new LocalDate(2029, 3, 26), new LocalDate(2029, 4, 9)).Should().Be(7, "three days before Easter and four after");
        Calendar.WorkingDaysBetween(new LocalDate(2029, 4, 9), new LocalDate(2029, 3, 26)).Should().Be(-7);
    }

    [Fact]
    public void WorkingDaysBetween_EqualsCountingWithAddWorkingDays()
    {
        var start = new LocalDate(2024, 1, 2);
        Calendar.IsWorkingDay(start).Should().BeTrue();
        for (var n = 0; n < 300; n += 7)
        {
            Calendar.WorkingDaysBetween(start, Calendar.AddWorkingDays(start, n)).Should().Be(n);
        }
    }

    [Theory]
    [InlineData(1899, 12, 31)]
    [InlineData(2201, 1, 1)]
    public void DatesOutsideTheSupportedRange_FailClearly(int year, int month, int day)
    {
        var date = new LocalDate(year, month, day);

        var exception = FluentActions.Invoking(() => Calendar.IsDayOff(date)).Should().Throw<MiljofyrtarnException>().Which;
        exception.Code.Should().Be(ErrorCodes.DateOutOfRange);
        exception.Diagnostics[0].Arguments.Should().Equal(NodaTime.Text.LocalDatePattern.Iso.Format(date), "1900-01-01", "2200-12-31");
        FluentActions.Invoking(() => Calendar.GetHolidays(year)).Should().Throw<MiljofyrtarnException>();
        FluentActions.Invoking(() => Calendar.NextWorkingDay(new LocalDate(2200, 12, 31))).Should().Throw<MiljofyrtarnException>("the search runs past the range");
    }

    [Fact]
    public void TheRangeEnds_AreSupported()
    {
        Calendar.IsDayOff(Calendar.MinDate).Should().BeTrue("1 January");
        Calendar.IsDayOff(Calendar.MaxDate).Should().Be(new LocalDate(2200, 12, 31).DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
    }

    [Fact]
    public void ExtraDaysOff_AreDaysOffButNotNamedHolidays()
    {
        var local = Calendar.WithExtraDaysOff([new LocalDate(2025, 12, 24), new LocalDate(2025, 12, 31)]);

        local.IsDayOff(new LocalDate(2025, 12, 24)).Should().BeTrue();
        local.NextWorkingDay(new LocalDate(2025, 12, 23)).Should().Be(new LocalDate(2025, 12, 29));
        Calendar.IsDayOff(new LocalDate(2025, 12, 24)).Should().BeFalse("the original calendar is unchanged");
        local.GetHolidays(2025).Should().Equal(Calendar.GetHolidays(2025));
    }
}
