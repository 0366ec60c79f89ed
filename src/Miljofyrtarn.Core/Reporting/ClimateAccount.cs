using Miljofyrtarn.Core.Diagnostics;
using System.Collections.Immutable;
using Miljofyrtarn.Core.Organisations;

namespace Miljofyrtarn.Core.Reporting;

/// <summary>One activity's emissions in a climate account: a reported figure times its factor.</summary>
/// <remarks>Immutable and thread-safe. Value equality over the unit, indicator, factor, quantity and results.</remarks>
public sealed record EmissionLine
{
    internal EmissionLine(UnitId unit, Indicator indicator, EmissionFactor factor, double quantity, double kilogramsCo2e, double? marketBasedKilogramsCo2e)
    {
        (Unit, Indicator, Factor, Quantity, KilogramsCo2e, MarketBasedKilogramsCo2e) = (unit, indicator, factor, quantity, kilogramsCo2e, marketBasedKilogramsCo2e);
    }

    /// <summary>The unit that reported it.</summary>
    public UnitId Unit { get; }

    /// <summary>The indicator it was reported under.</summary>
    public Indicator Indicator { get; }

    /// <summary>The factor it was counted with (location-based for Scope 2).</summary>
    public EmissionFactor Factor { get; }

    /// <summary>The quantity, in the indicator's unit.</summary>
    public double Quantity { get; }

    /// <summary>kg CO2e, location-based for Scope 2.</summary>
    public double KilogramsCo2e { get; }

    /// <summary>kg CO2e by the market-based method: the same as <see cref="KilogramsCo2e"/> outside Scope 2; null when the set has no residual mix.</summary>
    public double? MarketBasedKilogramsCo2e { get; }

    /// <summary>The indicator's code.</summary>
    public string IndicatorCode => Indicator.Code;

    /// <summary>The activity.</summary>
    public string Activity => Factor.Activity;

    /// <summary>The indicator's theme.</summary>
    public IndicatorTheme Theme => Indicator.Theme;

    /// <summary>The scope.</summary>
    public EmissionScope Scope => Factor.Scope;

    /// <summary>For Scope 3, the GHG Protocol category; null otherwise.</summary>
    public int? Scope3Category => Factor.Scope3Category;

    /// <summary>Fossil or biogenic.</summary>
    public CarbonOrigin Origin => Factor.Origin;
}

/// <summary>An activity left out of a climate account, with the reason the organisation stated.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Reason">Why it is left out.</param>
public sealed record LeftOutActivity(string Activity, string Reason);

/// <summary>
/// A climate account (klimaregnskap) under the GHG Protocol Corporate Standard, computed from one or more reports of one
/// year with one factor set: Scope 1, Scope 2 by both methods, Scope 3, and biogenic CO2 beside the totals.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Reference equality. All figures are kg CO2e. A factor the account needs and the set lacks
/// is an error naming the activity and year, never a silent zero; an activity can only be left out with a stated
/// reason, which the account carries.
/// </remarks>
public sealed partial class ClimateAccount
{
    private ClimateAccount(int year, EmissionFactorSet factors, ImmutableArray<EmissionLine> lines, ImmutableArray<LeftOutActivity> leftOut, double fullTimeEquivalents, double heatedArea, int reports, in Totals totals, ImmutableArray<Diagnostic> warnings)
    {
        Warnings = warnings;
        Year = year;
        FactorSet = factors;
        Lines = lines;
        LeftOut = leftOut;
        FullTimeEquivalents = fullTimeEquivalents;
        HeatedArea = heatedArea;
        ReportCount = reports;
        (Scope1, Scope2LocationBased, Scope2MarketBased, Scope3, Biogenic) = (totals.Scope1, totals.Scope2, totals.Scope2Market, totals.Scope3, totals.Biogenic);
    }

    /// <summary>The totals, summed while the lines are built: fossil emissions by scope, and biogenic CO2 apart.</summary>
    private struct Totals
    {
        public double Scope1;
        public double Scope2;
        public double? Scope2Market;
        public double Scope3;
        public double Biogenic;

        public Totals() => Scope2Market = 0;

        public void Add(EmissionLine line)
        {
            if (line.Origin == CarbonOrigin.Biogenic)
            {
                Biogenic += line.KilogramsCo2e;
                return;
            }

            switch (line.Scope)
            {
                case EmissionScope.Scope1:
                    Scope1 += line.KilogramsCo2e;
                    break;
                case EmissionScope.Scope2:
                    Scope2 += line.KilogramsCo2e;
                    Scope2Market = Scope2Market is { } sum && line.MarketBasedKilogramsCo2e is { } market ? sum + market : null;
                    break;
                default:
                    Scope3 += line.KilogramsCo2e;
                    break;
            }
        }
    }

    /// <summary>The report year.</summary>
    public int Year { get; }

    /// <summary>The factor set used.</summary>
    public EmissionFactorSet FactorSet { get; }

    /// <summary>Every activity's emissions, by report and in report order.</summary>
    public ImmutableArray<EmissionLine> Lines { get; }

    /// <summary>The activities left out, each with its reason.</summary>
    public ImmutableArray<LeftOutActivity> LeftOut { get; }

    /// <summary>
    /// What the reports give that the figures cannot count, never a silent zero: a fuel of the energy theme without an
    /// energy content (<see cref="ErrorCodes.NoEnergyContent"/>, missing from the energy figure), and a consumption of
    /// the energy theme that measures no activity (<see cref="ErrorCodes.NotInAccount"/>, missing from the account).
    /// One warning per indicator, in the order first met; empty when everything reported is counted.
    /// </summary>
    public ImmutableArray<Diagnostic> Warnings { get; }

    /// <summary>The number of reports the account covers (one for a unit, all the units' for an organisation).</summary>
    public int ReportCount { get; }

    /// <summary>Scope 1 (fossil).</summary>
    public double Scope1 { get; }

    /// <summary>Scope 2 by the location-based method (fossil).</summary>
    public double Scope2LocationBased { get; }

    /// <summary>Scope 2 by the market-based method, or null when the factor set has no residual mix for it.</summary>
    public double? Scope2MarketBased { get; }

    /// <summary>Scope 3 (fossil), in the categories included.</summary>
    public double Scope3 { get; }

    /// <summary>Biogenic CO2, reported beside the totals and never in them.</summary>
    public double Biogenic { get; }

    /// <summary>The total with Scope 2 location-based, as the scheme's published diagram shows it.</summary>
    public double Total => Scope1 + Scope2LocationBased + Scope3;

    /// <summary>The total with Scope 2 market-based, or null when that cannot be computed.</summary>
    public double? TotalMarketBased => Scope2MarketBased is { } market ? Scope1 + market + Scope3 : null;

    /// <summary>The FTEs (årsverk) reported, summed over the reports.</summary>
    public double FullTimeEquivalents { get; }

    /// <summary>The heated area reported, in m², summed over the reports.</summary>
    public double HeatedArea { get; }

    /// <summary>The total (location-based) per FTE, or null when no FTEs were reported.</summary>
    public double? PerFullTimeEquivalent => FullTimeEquivalents > 0 ? Total / FullTimeEquivalents : null;

    /// <summary>The total (location-based) per m² of heated area, or null when no area was reported.</summary>
    public double? PerSquareMetre => HeatedArea > 0 ? Total / HeatedArea : null;

    /// <summary>The fossil emissions of a theme (location-based).</summary>
    /// <param name="theme">The theme.</param>
    /// <returns>kg CO2e.</returns>
    public double ForTheme(IndicatorTheme theme) => Lines.Where(l => l.Theme == theme && l.Origin == CarbonOrigin.Fossil).Sum(l => l.KilogramsCo2e);

    /// <summary>The fossil emissions of a Scope 3 category.</summary>
    /// <param name="category">The GHG Protocol category, 1–15.</param>
    /// <returns>kg CO2e.</returns>
    public double ForScope3Category(int category) => Lines.Where(l => l.Scope3Category == category && l.Origin == CarbonOrigin.Fossil).Sum(l => l.KilogramsCo2e);

    /// <summary>The account of the units' reports only, as part of this one (for a unit's share of an organisation's account).</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>kg CO2e, location-based.</returns>
    public double ForUnit(UnitId unit) => Lines.Where(l => l.Unit == unit && l.Origin == CarbonOrigin.Fossil).Sum(l => l.KilogramsCo2e);

    /// <summary>The change of the total from an earlier account, absolute and relative.</summary>
    /// <param name="earlier">The earlier year's account (the previous year, or the base year).</param>
    /// <returns>The change in kg CO2e, and in percent of the earlier total (null when that was zero).</returns>
    public (double Kilograms, double? Percent) ChangeFrom(ClimateAccount earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var change = Total - earlier.Total;
        return (change, earlier.Total > 0 ? change / earlier.Total * 100 : null);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Year} ({FactorSet.Id}): {Total:0.#} kg CO2e";
}
