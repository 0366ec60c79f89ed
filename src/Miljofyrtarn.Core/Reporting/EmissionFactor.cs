using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Core.Reporting;

/// <summary>The scope of an emission under the GHG Protocol Corporate Standard.</summary>
public enum EmissionScope
{
    /// <summary>Scope 1: direct emissions from the organisation's own combustion (heating oil, its vehicles' fuel).</summary>
    Scope1 = 1,

    /// <summary>Scope 2: indirect emissions from purchased electricity and district heating.</summary>
    Scope2 = 2,

    /// <summary>Scope 3: other indirect emissions, such as business travel and waste.</summary>
    Scope3 = 3,
}

/// <summary>Whether the carbon of an emission is fossil or biogenic. Biogenic CO2 is reported beside the totals, never in them.</summary>
public enum CarbonOrigin
{
    /// <summary>Fossil carbon: counted in the totals.</summary>
    Fossil,

    /// <summary>Biogenic carbon (biofuels): reported apart.</summary>
    Biogenic,
}

/// <summary>The two ways of counting purchased electricity under the GHG Protocol's Scope 2 guidance.</summary>
public enum Scope2Method
{
    /// <summary>Location-based: the average emission factor of the grid where the electricity is used.</summary>
    LocationBased,

    /// <summary>Market-based: the residual mix, after guarantees of origin sold elsewhere are taken out.</summary>
    MarketBased,
}

/// <summary>An emission factor: kg CO2e per unit of an activity, with its scope, origin and source.</summary>
/// <remarks>Immutable and thread-safe. Value equality.</remarks>
public sealed record EmissionFactor
{
    /// <summary>Creates a factor.</summary>
    /// <param name="activity">The activity, for example <c>diesel</c> or <c>electricity</c>.</param>
    /// <param name="unit">The unit the activity is measured in.</param>
    /// <param name="kilogramsCo2ePerUnit">kg CO2e per unit; finite and not negative.</param>
    /// <param name="scope">The scope.</param>
    /// <param name="origin">Fossil or biogenic.</param>
    /// <param name="method">For Scope 2, the method it belongs to; null otherwise.</param>
    /// <param name="scope3Category">For Scope 3, the GHG Protocol category (1–15), for example 6 for business travel; null otherwise.</param>
    /// <param name="source">Where the figure comes from.</param>
    /// <exception cref="MiljofyrtarnException">A value is invalid; every problem is listed.</exception>
    public EmissionFactor(string activity, MeasureUnit unit, double kilogramsCo2ePerUnit, EmissionScope scope, CarbonOrigin origin = CarbonOrigin.Fossil, Scope2Method? method = null, int? scope3Category = null, string? source = null)
    {
        var problems = new Problems();
        if (!Indicator.IsCode(activity))
        {
            problems.Add(ErrorCodes.InvalidIndicatorCode, activity ?? string.Empty);
        }

        if (!double.IsFinite(kilogramsCo2ePerUnit) || kilogramsCo2ePerUnit < 0)
        {
            problems.Add(ErrorCodes.InvalidIndicatorValue, activity ?? string.Empty, EnvironmentalReport.Number(kilogramsCo2ePerUnit));
        }
        else if (kilogramsCo2ePerUnit > Limits.EmissionFactor)
        {
            problems.Add(ErrorCodes.NumberOutOfRange, activity ?? string.Empty, EnvironmentalReport.Number(kilogramsCo2ePerUnit), "0", EnvironmentalReport.Number(Limits.EmissionFactor));
        }

        if (!Enum.IsDefined(unit) || !Enum.IsDefined(scope) || !Enum.IsDefined(origin) || (method is { } m && !Enum.IsDefined(m)))
        {
            problems.Add(ErrorCodes.InvalidValue, activity ?? string.Empty, "unit/scope/origin/method");
        }

        if ((scope == EmissionScope.Scope2) != method.HasValue)
        {
            problems.Add(ErrorCodes.InvalidValue, activity ?? string.Empty, "method (Scope 2 only)");
        }

        if (scope3Category is { } category && (scope != EmissionScope.Scope3 || category is < 1 or > 15))
        {
            problems.Add(ErrorCodes.NumberOutOfRange, "scope3Category", category, 1, 15);
        }

        problems.ThrowIfAny();
        Activity = activity!;
        Unit = unit;
        KilogramsCo2ePerUnit = kilogramsCo2ePerUnit;
        Scope = scope;
        Origin = origin;
        Method = method;
        Scope3Category = scope3Category;
        Source = source;
    }

    /// <summary>The activity, for example <c>diesel</c>.</summary>
    public string Activity { get; }

    /// <summary>The unit the activity is measured in.</summary>
    public MeasureUnit Unit { get; }

    /// <summary>kg CO2e per unit.</summary>
    public double KilogramsCo2ePerUnit { get; }

    /// <summary>The scope.</summary>
    public EmissionScope Scope { get; }

    /// <summary>Fossil or biogenic.</summary>
    public CarbonOrigin Origin { get; }

    /// <summary>For Scope 2, the method; null otherwise.</summary>
    public Scope2Method? Method { get; }

    /// <summary>For Scope 3, the GHG Protocol category (1–15); null otherwise.</summary>
    public int? Scope3Category { get; }

    /// <summary>Where the figure comes from, or null.</summary>
    public string? Source { get; }
}
