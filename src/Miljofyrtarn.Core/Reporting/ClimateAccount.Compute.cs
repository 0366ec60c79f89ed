using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Core.Reporting;

public sealed partial class ClimateAccount
{
    /// <summary>Computes the account of one report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="catalog">The indicator catalog the report was checked against.</param>
    /// <param name="factors">The factor set (see <see cref="EmissionFactorSet.Select"/>).</param>
    /// <param name="leftOut">Activities left out of the account, each with the reason; others need a factor.</param>
    /// <returns>The account.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// The set lacks a factor the account needs (<see cref="ErrorCodes.MissingEmissionFactor"/>, naming each activity and the
    /// year), a factor's unit is not the indicator's, or the catalog is not the report's.
    /// </exception>
    public static ClimateAccount Compute(EnvironmentalReport report, IndicatorCatalog catalog, EmissionFactorSet factors, IEnumerable<LeftOutActivity>? leftOut = null) =>
        ComputeCombined([report], catalog, factors, leftOut);

    /// <summary>
    /// Computes the account of several reports of one year together: an organisation's, headquarters' and every underlying
    /// unit's. The result is the sum of each report's own account.
    /// </summary>
    /// <param name="reports">The reports, all for the same year.</param>
    /// <param name="catalog">The indicator catalog.</param>
    /// <param name="factors">The factor set.</param>
    /// <param name="leftOut">Activities left out, each with the reason.</param>
    /// <returns>The account.</returns>
    /// <exception cref="MiljofyrtarnException">As for one report, or the reports are for different years or there are none.</exception>
    public static ClimateAccount ComputeCombined(IEnumerable<EnvironmentalReport> reports, IndicatorCatalog catalog, EmissionFactorSet factors, IEnumerable<LeftOutActivity>? leftOut = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(factors);
        var list = reports as IReadOnlyList<EnvironmentalReport> ?? [.. reports];
        var problems = new Problems();
        var excluded = Exclusions(leftOut, problems, out var leftOutInOrder);
        if (list.Count == 0 || list.Any(r => r is null))
        {
            throw Problems.Single(ErrorCodes.MissingProperty, "reports");
        }

        var year = list[0].Year;
        var capacity = 0;
        foreach (var report in list)
        {
            capacity += report.Values.Length;
        }

        var lines = ImmutableArray.CreateBuilder<EmissionLine>(capacity);
        var missing = new HashSet<string>(StringComparer.Ordinal);

        // What each indicator code comes to in this account is worked out once, the first time it is met: a large
        // organisation's reports repeat the same few codes thousands of times.
        var resolved = new Dictionary<string, Resolved>(StringComparer.Ordinal);
        var warnings = ImmutableArray.CreateBuilder<Diagnostic>();
        double fte = 0, area = 0;
        var totals = new Totals();
        foreach (var report in list)
        {
            if (report.Year != year)
            {
                problems.Add(ErrorCodes.InvalidValue, report.Year, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (report.CatalogVersion != catalog.Version)
            {
                problems.Add(ErrorCodes.CatalogMismatch, report.CatalogVersion, catalog.Version);
            }

            // Only a Scope 2 line with a residual mix needs the report's guaranteed electricity: summed the first time one does.
            double? guaranteed = null;
            foreach (var value in report.Values)
            {
                if (!resolved.TryGetValue(value.Code, out var how))
                {
                    resolved[value.Code] = how = Resolve(value.Code, catalog, factors, excluded, missing, problems);
                }

                if (how.Indicator is not { } indicator)
                {
                    continue;
                }

                if (!(double.IsFinite(value.Value) && value.Value >= 0 && value.Value <= Limits.Quantity))
                {
                    // A figure from a document read without the report's checks: refused, so no sum can overflow.
                    problems.Add(ErrorCodes.NumberOutOfRange, value.Code, EnvironmentalReport.Number(value.Value), "0", EnvironmentalReport.Number(Limits.Quantity));
                    continue;
                }

                if (value.Value > 0 && how.Warning is { } warning && !warnings.Any(w => w.Arguments[0] == indicator.Code))
                {
                    warnings.Add(new Diagnostic(warning, [indicator.Code]));
                }

                fte += indicator.Role == IndicatorRole.FullTimeEquivalents ? value.Value : 0;
                area += indicator.Role == IndicatorRole.HeatedArea ? value.Value : 0;
                if (how.Factor is { } factor)
                {
                    var kilograms = value.Value * factor.KilogramsCo2ePerUnit;
                    double? market = factor.Scope != EmissionScope.Scope2 ? kilograms
                        : how.Market is { } residual ? MarketBased(value.Value, indicator.Role == IndicatorRole.Electricity ? guaranteed ??= GuaranteedKilowattHours(report, catalog) : 0, residual)
                        : null;
                    var line = new EmissionLine(report.Unit, indicator, factor, value.Value, kilograms, market);
                    lines.Add(line);
                    totals.Add(line);
                }
            }
        }

        foreach (var activity in missing)
        {
            problems.Add(ErrorCodes.MissingEmissionFactor, activity, factors.Year, factors.Id);
        }

        problems.ThrowIfAny();
        return new ClimateAccount(year, factors, lines.Count == lines.Capacity ? lines.MoveToImmutable() : lines.ToImmutable(), leftOutInOrder, fte, area, list.Count, totals, warnings.ToImmutable());
    }

    /// <summary>
    /// Why a consumption the energy theme reports is not counted, or null when it is: a fuel (in litres, kilograms or
    /// Sm³) without an energy content is missing from the energy figure; a consumption that measures no activity, and
    /// is not the part of the electricity covered by guarantees of origin, is missing from the account. An activity
    /// left out with a reason is stated already and not warned about again.
    /// </summary>
    private static string? Uncounted(Indicator indicator, bool counted)
    {
        if (indicator.Theme != IndicatorTheme.Energy || indicator.Role == IndicatorRole.GuaranteedElectricity)
        {
            return null;
        }

        var fuel = indicator.Unit is MeasureUnit.Litre or MeasureUnit.Kilogram or MeasureUnit.StandardCubicMetre;
        return fuel && indicator.KilowattHoursPerUnit is null ? ErrorCodes.NoEnergyContent
            : indicator.Activity is null && !counted && (fuel || indicator.Unit == MeasureUnit.KilowattHour) ? ErrorCodes.NotInAccount
            : null;
    }

    /// <summary>
    /// Market-based Scope 2 of purchased electricity (GHG Protocol Scope 2 Guidance): the part covered by guarantees of
    /// origin at their contractual factor, zero for renewable origin, and the rest at the residual mix. Never more
    /// guaranteed than used (a report checks this; a document read without the checks is held to it here).
    /// </summary>
    private static double MarketBased(double used, double guaranteed, EmissionFactor residualMix) =>
        (used - Math.Min(guaranteed, used)) * residualMix.KilogramsCo2ePerUnit;

    /// <summary>The report's electricity covered by guarantees of origin, in kWh; 0 when it gives none.</summary>
    private static double GuaranteedKilowattHours(EnvironmentalReport report, IndicatorCatalog catalog)
    {
        double guaranteed = 0;
        foreach (var value in report.Values)
        {
            if (catalog.TryGet(value.Code, out var indicator) && indicator.Role == IndicatorRole.GuaranteedElectricity && double.IsFinite(value.Value) && value.Value > 0)
            {
                guaranteed += value.Value;
            }
        }

        return guaranteed;
    }

    /// <summary>What an indicator code comes to in an account: its indicator, the factor (and residual mix) if it counts, and why a consumption of it is not counted (<see cref="Uncounted"/>).</summary>
    private readonly record struct Resolved(Indicator? Indicator, EmissionFactor? Factor, EmissionFactor? Market)
    {
        public string? Warning { get; } = Indicator is null ? null : Uncounted(Indicator, Factor is not null);
    }

    private static Resolved Resolve(string code, IndicatorCatalog catalog, EmissionFactorSet factors, ImmutableDictionary<string, string> excluded, HashSet<string> missing, Problems problems)
    {
        if (!catalog.TryGet(code, out var indicator))
        {
            return default;
        }

        if (indicator.Activity is not { } activity || excluded.ContainsKey(activity))
        {
            return new Resolved(indicator, null, null);
        }

        var isScope2 = factors.TryGetFactor(activity, Scope2Method.LocationBased, out var factor);
        if (!isScope2 && !factors.TryGetFactor(activity, null, out factor))
        {
            missing.Add(activity);
            return new Resolved(indicator, null, null);
        }

        if (factor!.Unit != indicator.Unit)
        {
            problems.Add(ErrorCodes.WrongIndicatorUnit, activity, factor.Unit.ToString(), indicator.Unit.ToString());
            return new Resolved(indicator, null, null);
        }

        factors.TryGetFactor(activity, Scope2Method.MarketBased, out var market);
        return new Resolved(indicator, factor, isScope2 ? market : null);
    }

    /// <summary>The activities left out, by activity, in the order given (a later entry for the same activity wins).</summary>
    private static ImmutableDictionary<string, string> Exclusions(IEnumerable<LeftOutActivity>? leftOut, Problems problems, out ImmutableArray<LeftOutActivity> ordered)
    {
        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var item in leftOut ?? [])
        {
            if (item is null || string.IsNullOrWhiteSpace(item.Reason) || string.IsNullOrWhiteSpace(item.Activity))
            {
                problems.Add(ErrorCodes.BlankText, "leftOut.reason");
            }
            else
            {
                if (!result.ContainsKey(item.Activity))
                {
                    order.Add(item.Activity);
                }

                result[item.Activity] = item.Reason;
            }
        }

        var excluded = result.ToImmutable();
        ordered = [.. order.Select(activity => new LeftOutActivity(activity, excluded[activity]))];
        return excluded;
    }
}
