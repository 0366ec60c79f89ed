using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Core.Diagnostics;

/// <summary>
/// The dates, instants and years the library accepts: 1900-01-01 to 2200-12-31, the range of the Norwegian holiday
/// calendar that every deadline is computed with. A value outside is refused with <see cref="ErrorCodes.DateOutOfRange"/>
/// or <see cref="ErrorCodes.NumberOutOfRange"/> before any arithmetic can overflow.
/// </summary>
internal static class SupportedRange
{
    public const int FirstYear = 1900;

    public const int LastYear = 2200;

    public static readonly LocalDate MinDate = new(FirstYear, 1, 1);

    public static readonly LocalDate MaxDate = new(LastYear, 12, 31);

    // A day of margin on each side, so that the date in any time zone can be computed and then checked.
    private static readonly Instant MinInstant = Instant.FromUtc(FirstYear - 1, 12, 31, 0, 0);
    private static readonly Instant MaxInstant = Instant.FromUtc(LastYear + 1, 1, 2, 0, 0);

    public static bool Contains(LocalDate date) => date >= MinDate && date <= MaxDate;

    public static bool Contains(Instant instant) => instant >= MinInstant && instant <= MaxInstant;

    public static void Check(LocalDate date)
    {
        if (!Contains(date))
        {
            throw new MiljofyrtarnException(OutOfRange(date));
        }
    }

    /// <summary>The date of an instant in a time zone, refused when outside the range.</summary>
    public static LocalDate DateOf(Instant instant, DateTimeZone zone)
    {
        if (!Contains(instant))
        {
            throw new MiljofyrtarnException(OutOfRange(instant));
        }

        var date = instant.InZone(zone).Date;
        Check(date);
        return date;
    }

    public static void CheckYear(int year, string name, int last = LastYear)
    {
        if (year < FirstYear || year > last)
        {
            throw Problems.Single(ErrorCodes.NumberOutOfRange, name, year, FirstYear, last);
        }
    }

    public static Diagnostic OutOfRange(LocalDate date, string? path = null) =>
        new(ErrorCodes.DateOutOfRange, [LocalDatePattern.Iso.Format(date), Iso(MinDate), Iso(MaxDate)], path);

    public static Diagnostic OutOfRange(Instant instant, string? path = null) =>
        new(ErrorCodes.DateOutOfRange, [InstantPattern.General.Format(instant), Iso(MinDate), Iso(MaxDate)], path);

    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
