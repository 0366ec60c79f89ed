using System.Globalization;

namespace Miljofyrtarn.Core.Localization;

/// <summary>
/// A language in which the library writes user-facing text: Norwegian Bokmål (<c>nb</c>, the default),
/// Norwegian Nynorsk (<c>nn</c>) and English (<c>en</c>).
/// </summary>
public enum Language
{
    /// <summary>Norwegian Bokmål (<c>nb</c>); the default language.</summary>
    NorwegianBokmal = 0,

    /// <summary>Norwegian Nynorsk (<c>nn</c>).</summary>
    NorwegianNynorsk = 1,

    /// <summary>English (<c>en</c>).</summary>
    English = 2,
}

/// <summary>Conversions between <see cref="Language"/> and language tags or cultures.</summary>
public static class LanguageExtensions
{
    /// <summary>The BCP 47 tag of the language: <c>nb</c>, <c>nn</c> or <c>en</c>.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The two-letter tag.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined language.</exception>
    public static string ToTag(this Language language) => language switch
    {
        Language.NorwegianBokmal => "nb",
        Language.NorwegianNynorsk => "nn",
        Language.English => "en",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown language."),
    };

    /// <summary>
    /// Parses a language tag (<c>nb</c>, <c>nn</c>, <c>en</c>; also <c>no</c> for Bokmål and regional
    /// forms such as <c>nb-NO</c> or <c>en-GB</c>), ignoring case.
    /// </summary>
    /// <param name="tag">The tag to parse.</param>
    /// <param name="language">The language, when the tag is recognised.</param>
    /// <returns><see langword="true"/> when the tag names a supported language.</returns>
    public static bool TryParseTag(string? tag, out Language language)
    {
        language = Language.NorwegianBokmal;
        if (string.IsNullOrWhiteSpace(tag))
        {
            return false;
        }

        var primary = tag.AsSpan().Trim();
        var dash = primary.IndexOfAny('-', '_');
        if (dash >= 0)
        {
            primary = primary[..dash];
        }

        if (primary.Equals("nb", StringComparison.OrdinalIgnoreCase) || primary.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            language = Language.NorwegianBokmal;
            return true;
        }

        if (primary.Equals("nn", StringComparison.OrdinalIgnoreCase))
        {
            language = Language.NorwegianNynorsk;
            return true;
        }

        if (primary.Equals("en", StringComparison.OrdinalIgnoreCase))
        {
            language = Language.English;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The language to use for a culture: Nynorsk for <c>nn</c>, English for any <c>en</c> culture,
    /// and Bokmål (the default) for everything else, including the invariant culture.
    /// </summary>
    /// <param name="culture">The culture, typically <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The language.</returns>
    public static Language FromCulture(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return TryParseTag(culture.Name, out var language) ? language : Language.NorwegianBokmal;
    }

    /// <summary>
    /// The language to answer in for an HTTP <c>Accept-Language</c> header (RFC 9110): the supported language with the
    /// highest quality value, the earlier one on a tie; Bokmål when the header is missing, malformed or names none of
    /// <c>nb</c>, <c>no</c>, <c>nn</c> and <c>en</c>. A wildcard (<c>*</c>) and <c>q=0</c> entries choose nothing.
    /// </summary>
    /// <param name="header">The header's value, for example <c>nn-NO,nn;q=0.9,en;q=0.5</c>; null when absent.</param>
    /// <returns>The language.</returns>
    public static Language FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 4096)
        {
            return Language.NorwegianBokmal;
        }

        var best = Language.NorwegianBokmal;
        var bestQuality = 0.0;
        foreach (var range in header.Split(','))
        {
            var parts = range.Split(';');
            if (!TryParseTag(parts[0], out var language))
            {
                continue;
            }

            var quality = 1.0;
            for (var i = 1; i < parts.Length; i++)
            {
                var parameter = parts[i].Trim();
                if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && !double.TryParse(parameter.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out quality))
                {
                    quality = 0;
                }
            }

            if (quality > bestQuality && quality <= 1)
            {
                best = language;
                bestQuality = quality;
            }
        }

        return best;
    }
}
