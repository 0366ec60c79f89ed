using System.Globalization;

namespace Miljofyrtarn.Core.Localization;

/// <summary>Figures as a reader of each language expects them: <c>12 345,5</c> in nb and nn, <c>12,345.5</c> in en.</summary>
/// <remarks>Thread-safe. Built without the runtime's cultures, so the output is the same with invariant globalisation.</remarks>
public static class Numbers
{
    private static readonly NumberFormatInfo Norwegian = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = "\u00a0",
        NegativeSign = "\u2212",
        NaNSymbol = "ikke et tall",
        PositiveInfinitySymbol = "∞",
        NegativeInfinitySymbol = "\u2212∞",
    };

    private static readonly NumberFormatInfo English = new()
    {
        NumberDecimalSeparator = ".",
        NumberGroupSeparator = ",",
        NaNSymbol = "not a number",
        PositiveInfinitySymbol = "∞",
        NegativeInfinitySymbol = "-∞",
    };

    /// <summary>A figure with up to three decimals, grouped by thousands.</summary>
    /// <param name="value">The figure.</param>
    /// <param name="language">The reader's language.</param>
    /// <returns>The text, for example <c>2 660,5</c> in nb.</returns>
    public static string Format(double value, Language language) => language switch
    {
        Language.English => value.ToString("#,0.###", English),
        Language.NorwegianNynorsk when double.IsNaN(value) => "ikkje eit tal",
        _ => value.ToString("#,0.###", Norwegian),
    };
}
