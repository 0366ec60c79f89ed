using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Core.Localization;

/// <summary>
/// Dates as a reader of each language expects them, so hosts need not write this themselves: in Bokmål and Nynorsk
/// <c>01.03.2027</c> (short) or <c>1. mars 2027</c> (in prose), in English ISO <c>2027-03-01</c> or <c>1 March 2027</c>.
/// The library's own messages write dates this way.
/// </summary>
/// <remarks>Thread-safe (static, stateless). Month names are the library's own, not the runtime's, so no platform's culture data can change them.</remarks>
public static class Dates
{
    private static readonly string[] NorwegianMonths = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];
    private static readonly string[] EnglishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>A date in short form: <c>01.03.2027</c> in nb and nn, <c>2027-03-01</c> in en.</summary>
    /// <param name="date">The date.</param>
    /// <param name="language">The language.</param>
    /// <returns>The text.</returns>
    public static string Format(LocalDate date, Language language) => language == Language.English
        ? LocalDatePattern.Iso.Format(date)
        : string.Create(CultureInfo.InvariantCulture, $"{date.Day:00}.{date.Month:00}.{Year(date)}");

    /// <summary>A date in prose: <c>1. mars 2027</c> in nb and nn, <c>1 March 2027</c> in en.</summary>
    /// <param name="date">The date.</param>
    /// <param name="language">The language.</param>
    /// <returns>The text.</returns>
    public static string FormatLong(LocalDate date, Language language) => language == Language.English
        ? string.Create(CultureInfo.InvariantCulture, $"{date.Day} {EnglishMonths[date.Month - 1]} {Year(date)}")
        : string.Create(CultureInfo.InvariantCulture, $"{date.Day}. {NorwegianMonths[date.Month - 1]} {Year(date)}");

    /// <summary>The year with four digits (and a sign before year 1), as ISO writes it.</summary>
    private static string Year(LocalDate date) => date.Year.ToString(date.Year is >= 0 and <= 9999 ? "0000" : "+0000;-0000", CultureInfo.InvariantCulture);

    /// <summary>Whether a message argument is an ISO date (<c>2027-03-01</c>), and which.</summary>
    internal static bool TryParseIso(string text, out LocalDate date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-' || LocalDatePattern.Iso.Parse(text) is not { Success: true } parsed)
        {
            return false;
        }

        date = parsed.Value;
        return true;
    }
}
