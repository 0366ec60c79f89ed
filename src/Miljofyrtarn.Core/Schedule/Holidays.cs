using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using NodaTime;

namespace Miljofyrtarn.Core.Schedule;

/// <summary>A public holiday (helligdag) on a date, with its name.</summary>
/// <param name="Date">The date.</param>
/// <param name="Name">The holiday's name (nb, nn, en).</param>
public sealed record Holiday(LocalDate Date, LocalizedText Name);

/// <summary>
/// A calendar of public holidays and days off. The library's default is <see cref="NorwegianHolidayCalendar"/>; a host
/// supplies its own (for example with local extra days off) by implementing this interface or with
/// <see cref="NorwegianHolidayCalendar.WithExtraDaysOff"/>. Working-day queries are in <see cref="WorkingDays"/>.
/// </summary>
public interface IHolidayCalendar
{
    /// <summary>The first date the calendar answers for.</summary>
    LocalDate MinDate { get; }

    /// <summary>The last date the calendar answers for.</summary>
    LocalDate MaxDate { get; }

    /// <summary>Whether the date is not a working day: a Saturday, a Sunday, a public holiday or another day off.</summary>
    /// <param name="date">The date, between <see cref="MinDate"/> and <see cref="MaxDate"/>.</param>
    /// <returns><see langword="true"/> when the date is a day off.</returns>
    /// <exception cref="MiljofyrtarnException">The date is outside the calendar's range (<see cref="ErrorCodes.DateOutOfRange"/>).</exception>
    bool IsDayOff(LocalDate date);

    /// <summary>The named holidays of a year, in date order (Sundays that are not named holidays are not listed).</summary>
    /// <param name="year">The year.</param>
    /// <returns>The holidays.</returns>
    /// <exception cref="MiljofyrtarnException">The year is outside the calendar's range.</exception>
    ImmutableArray<Holiday> GetHolidays(int year);
}

/// <summary>
/// Norway's public holidays (Lov om helligdager og helligdagsfred § 2, and the law on 1 and 17 May): 1 January,
/// Maundy Thursday, Good Friday, Easter Sunday, Easter Monday, Ascension Day, Whit Sunday, Whit Monday, 1 May,
/// 17 May, 25 and 26 December, and every Sunday. Christmas Eve and New Year's Eve are not holidays. Easter follows
/// the Gregorian computus. Saturdays are days off but not holidays.
/// </summary>
/// <remarks>
/// Supports 1900-01-01 to 2200-12-31, applying today's list of holidays to every year. Immutable and thread-safe;
/// <see cref="IsDayOff"/> is a bit lookup in a table built once, allocation-free.
/// </remarks>
public sealed class NorwegianHolidayCalendar : IHolidayCalendar
{
    /// <summary>The first supported year.</summary>
    public const int FirstYear = 1900;

    /// <summary>The last supported year.</summary>
    public const int LastYear = 2200;

    private const int DaysPerYearSlot = 366;

    // The names are built when asked for, not held in static fields, so that a test run sees exactly the names the code
    // states (a mutation-testing runner cannot re-run static initialisers; docs/quality.md).
    private static LocalizedText NewYear => new("Første nyttårsdag", "Første nyttårsdag", "New Year's Day");
    private static LocalizedText MaundyThursday => new("Skjærtorsdag", "Skjærtorsdag", "Maundy Thursday");
    private static LocalizedText GoodFriday => new("Langfredag", "Langfredag", "Good Friday");
    private static LocalizedText EasterSunday => new("Første påskedag", "Første påskedag", "Easter Sunday");
    private static LocalizedText EasterMonday => new("Andre påskedag", "Andre påskedag", "Easter Monday");
    private static LocalizedText Ascension => new("Kristi himmelfartsdag", "Kristi himmelfartsdag", "Ascension Day");
    private static LocalizedText WhitSunday => new("Første pinsedag", "Første pinsedag", "Whit Sunday");
    private static LocalizedText WhitMonday => new("Andre pinsedag", "Andre pinsedag", "Whit Monday");
    private static LocalizedText LabourDay => new("Offentlig høytidsdag (1. mai)", "Offentleg høgtidsdag (1. mai)", "Labour Day (1 May)");
    private static LocalizedText ConstitutionDay => new("Grunnlovsdag (17. mai)", "Grunnlovsdag (17. mai)", "Constitution Day (17 May)");
    private static LocalizedText ChristmasDay => new("Første juledag", "Første juledag", "Christmas Day");
    private static LocalizedText BoxingDay => new("Andre juledag", "Andre juledag", "Boxing Day (26 December)");

    private readonly ulong[] _daysOff;

    private NorwegianHolidayCalendar(ulong[] daysOff) => _daysOff = daysOff;

    /// <summary>The calendar of Norway's public holidays.</summary>
    public static NorwegianHolidayCalendar Instance { get; } = Build();

    /// <inheritdoc />
    public LocalDate MinDate => new(FirstYear, 1, 1);

    /// <inheritdoc />
    public LocalDate MaxDate => new(LastYear, 12, 31);

    /// <summary>The same calendar with extra days off, such as a municipality's own (Christmas Eve, say).</summary>
    /// <param name="days">The extra days off.</param>
    /// <returns>A new calendar; the holidays listed by <see cref="GetHolidays"/> are unchanged.</returns>
    /// <exception cref="MiljofyrtarnException">A day is outside the supported range.</exception>
    public NorwegianHolidayCalendar WithExtraDaysOff(IEnumerable<LocalDate> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var list = days.ToImmutableArray();
        foreach (var day in list)
        {
            CheckRange(day);
        }

        var table = (ulong[])_daysOff.Clone();
        foreach (var day in list)
        {
            SetDayOff(table, day);
        }

        return new NorwegianHolidayCalendar(table);
    }

    /// <inheritdoc />
    public bool IsDayOff(LocalDate date)
    {
        var year = date.Year;
        if (year is < FirstYear or > LastYear)
        {
            throw OutOfRange(date);
        }

        var index = Index(date);
        return (_daysOff[index >> 6] & (1UL << (index & 63))) != 0;
    }

    /// <summary>Whether the date is a public holiday (including every Sunday).</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> for a Sunday or a named holiday.</returns>
    /// <exception cref="MiljofyrtarnException">The date is outside the supported range.</exception>
    public bool IsPublicHoliday(LocalDate date)
    {
        CheckRange(date);
        return date.DayOfWeek == IsoDayOfWeek.Sunday || Named(date.Year).Any(h => h.Date == date);
    }

    /// <inheritdoc />
    public ImmutableArray<Holiday> GetHolidays(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw OutOfRange(new LocalDate(Math.Clamp(year, -9998, 9999), 1, 1));
        }

        return Named(year);
    }

    /// <summary>Easter Sunday of a year by the Gregorian computus (the anonymous Gregorian algorithm).</summary>
    /// <param name="year">The year, 1583 to 9999.</param>
    /// <returns>Easter Sunday.</returns>
    /// <exception cref="MiljofyrtarnException">The year is outside 1583–9999 (<see cref="ErrorCodes.NumberOutOfRange"/>).</exception>
    public static LocalDate EasterSundayOf(int year)
    {
        if (year is < 1583 or > 9999)
        {
            throw Problems.Single(ErrorCodes.NumberOutOfRange, nameof(year), year, 1583, 9999);
        }

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    /// <summary>The named holidays of a year, one per date: when two fall on the same day (17 May and Whit Sunday in 1959, 1 May and Ascension Day in 2008) their names are joined.</summary>
    private static ImmutableArray<Holiday> Named(int year)
    {
        var easter = EasterSundayOf(year);
        Holiday[] all =
        [
            new(new LocalDate(year, 1, 1), NewYear),
            new(easter.PlusDays(-3), MaundyThursday),
            new(easter.PlusDays(-2), GoodFriday),
            new(easter, EasterSunday),
            new(easter.PlusDays(1), EasterMonday),
            new(easter.PlusDays(39), Ascension),
            new(easter.PlusDays(49), WhitSunday),
            new(easter.PlusDays(50), WhitMonday),
            new(new LocalDate(year, 5, 1), LabourDay),
            new(new LocalDate(year, 5, 17), ConstitutionDay),
            new(new LocalDate(year, 12, 25), ChristmasDay),
            new(new LocalDate(year, 12, 26), BoxingDay),
        ];
        return [.. all
            .GroupBy(h => h.Date)
            .OrderBy(g => g.Key)
            .Select(g => g.Count() == 1 ? g.First() : new Holiday(g.Key, new LocalizedText(
                string.Join(" / ", g.Select(h => h.Name.Bokmal)),
                string.Join(" / ", g.Select(h => h.Name.Get(Language.NorwegianNynorsk))),
                string.Join(" / ", g.Select(h => h.Name.Get(Language.English))))))];
    }

    private static NorwegianHolidayCalendar Build()
    {
        var table = new ulong[(((LastYear - FirstYear + 1) * DaysPerYearSlot) + 63) / 64];
        for (var year = FirstYear; year <= LastYear; year++)
        {
            for (var date = new LocalDate(year, 1, 1); date.Year == year; date = date.PlusDays(1))
            {
                if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
                {
                    SetDayOff(table, date);
                }
            }

            foreach (var holiday in Named(year))
            {
                SetDayOff(table, holiday.Date);
            }
        }

        return new NorwegianHolidayCalendar(table);
    }

    /// <summary>One bit per day: year slot of 366 days, day of year within it.</summary>
    private static int Index(LocalDate date) => ((date.Year - FirstYear) * DaysPerYearSlot) + date.DayOfYear - 1;

    private static void SetDayOff(ulong[] table, LocalDate date)
    {
        var index = Index(date);
        table[index >> 6] |= 1UL << (index & 63);
    }

    private static void CheckRange(LocalDate date)
    {
        if (date.Year is < FirstYear or > LastYear)
        {
            throw OutOfRange(date);
        }
    }

    private static MiljofyrtarnException OutOfRange(LocalDate date) =>
        Problems.Single(ErrorCodes.DateOutOfRange, NodaTime.Text.LocalDatePattern.Iso.Format(date), $"{FirstYear}-01-01", $"{LastYear}-12-31");
}

/// <summary>Working-day queries over any <see cref="IHolidayCalendar"/>. A working day (virkedag) is a day that is not a day off.</summary>
public static class WorkingDays
{
    /// <summary>Whether the date is a working day.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> for a working day.</returns>
    public static bool IsWorkingDay(this IHolidayCalendar calendar, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return !calendar.IsDayOff(date);
    }

    /// <summary>The date itself when it is a working day, otherwise the next working day (domstolloven § 149 style).</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="date">The date.</param>
    /// <returns>The working day.</returns>
    /// <exception cref="MiljofyrtarnException">The search leaves the calendar's range.</exception>
    public static LocalDate OnOrNextWorkingDay(this IHolidayCalendar calendar, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        CheckInCalendar(calendar, date);
        while (calendar.IsDayOff(date))
        {
            date = Step(calendar, date, 1);
        }

        return date;
    }

    /// <summary>The first working day after the date.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="date">The date.</param>
    /// <returns>The next working day.</returns>
    /// <exception cref="MiljofyrtarnException">The search leaves the calendar's range.</exception>
    public static LocalDate NextWorkingDay(this IHolidayCalendar calendar, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        CheckInCalendar(calendar, date);
        return calendar.OnOrNextWorkingDay(Step(calendar, date, 1));
    }

    /// <summary>Adds working days: 0 returns the date; a positive number counts working days forward, a negative one backward.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="date">The start date.</param>
    /// <param name="days">The number of working days.</param>
    /// <returns>The date <paramref name="days"/> working days away.</returns>
    /// <exception cref="MiljofyrtarnException">The date or the result is outside the calendar's range.</exception>
    public static LocalDate AddWorkingDays(this IHolidayCalendar calendar, LocalDate date, int days)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        CheckInCalendar(calendar, date);
        var step = Math.Sign(days);
        for (var left = Math.Abs((long)days); left > 0;)
        {
            date = Step(calendar, date, step);
            if (!calendar.IsDayOff(date))
            {
                left--;
            }
        }

        return date;
    }

    /// <summary>The next or previous day, refused with a coded error where it would leave the calendar.</summary>
    private static LocalDate Step(IHolidayCalendar calendar, LocalDate date, int step)
    {
        if ((step > 0 && date >= calendar.MaxDate) || (step < 0 && date <= calendar.MinDate))
        {
            throw OutOfCalendar(calendar, step > 0 ? calendar.MaxDate : calendar.MinDate, step);
        }

        return date.PlusDays(step);
    }

    private static void CheckInCalendar(IHolidayCalendar calendar, LocalDate date)
    {
        if (date < calendar.MinDate || date > calendar.MaxDate)
        {
            throw OutOfCalendar(calendar, date, 0);
        }
    }

    private static MiljofyrtarnException OutOfCalendar(IHolidayCalendar calendar, LocalDate date, int step)
    {
        var text = NodaTime.Text.LocalDatePattern.Iso.Format(date) + (step > 0 ? " + 1" : step < 0 ? " − 1" : string.Empty);
        return Problems.Single(ErrorCodes.DateOutOfRange, text, NodaTime.Text.LocalDatePattern.Iso.Format(calendar.MinDate), NodaTime.Text.LocalDatePattern.Iso.Format(calendar.MaxDate));
    }

    /// <summary>The number of working days from <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive); negative when end is before start.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="start">The first day counted.</param>
    /// <param name="end">The day after the last day counted.</param>
    /// <returns>The number of working days.</returns>
    /// <exception cref="MiljofyrtarnException">A date is outside the calendar's range.</exception>
    public static int WorkingDaysBetween(this IHolidayCalendar calendar, LocalDate start, LocalDate end)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        CheckInCalendar(calendar, start);
        CheckInCalendar(calendar, end);
        if (end < start)
        {
            return -calendar.WorkingDaysBetween(end, start);
        }

        var count = 0;
        for (var date = start; date < end; date = date.PlusDays(1))
        {
            if (!calendar.IsDayOff(date))
            {
                count++;
            }
        }

        return count;
    }
}
