using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;

namespace Miljofyrtarn.Core.Reporting;

/// <summary>Localised names of the report's themes and units (nb, nn, en), for frontends and exports.</summary>
public static class ReportingNames
{
    /// <summary>The theme's name, for example «Avfall».</summary>
    /// <param name="theme">The theme.</param>
    /// <param name="language">The language.</param>
    /// <returns>The name.</returns>
    public static string GetName(this IndicatorTheme theme, Language language) => Terms.Get("indicatortheme", theme.ToString(), language);

    /// <summary>The unit's name with its symbol, for example «kilowattimer (kWh)».</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="language">The language.</param>
    /// <returns>The name.</returns>
    public static string GetName(this MeasureUnit unit, Language language) => Terms.Get("unit", unit.ToString(), language);

    /// <summary>The unit's symbol as written after a figure: kWh, l, kg, Sm³, km, %, årsverk (FTE in English), m², stk (pcs).</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="language">The language.</param>
    /// <returns>The symbol.</returns>
    public static string GetSymbol(this MeasureUnit unit, Language language) => unit switch
    {
        MeasureUnit.KilowattHour => "kWh",
        MeasureUnit.Litre => "l",
        MeasureUnit.Kilogram => "kg",
        MeasureUnit.StandardCubicMetre => "Sm³",
        MeasureUnit.Kilometre => "km",
        MeasureUnit.Percent => "%",
        MeasureUnit.FullTimeEquivalent => language == Language.English ? "FTE" : "årsverk",
        MeasureUnit.SquareMetre => "m²",
        _ => language == Language.English ? "pcs" : "stk",
    };
}
