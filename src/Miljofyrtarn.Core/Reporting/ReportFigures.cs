namespace Miljofyrtarn.Core.Reporting;

/// <summary>
/// Figures derived from one report. Each is null when the report lacks what it needs, rather than zero: a missing
/// figure is not a good result.
/// </summary>
/// <remarks>Immutable and thread-safe. Value equality.</remarks>
/// <param name="SortingRate">Sorted waste ÷ total waste, in percent (sorteringsgrad).</param>
/// <param name="EnergyKilowattHours">The energy used in buildings: the Energy theme's kWh, with fuels converted to kWh by their energy content.</param>
/// <param name="EnergyPerFullTimeEquivalent">Energy per FTE (kWh per årsverk).</param>
/// <param name="EnergyPerSquareMetre">Energy per m² of heated area (kWh/m²).</param>
/// <param name="FuelLitresPer10Kilometres">The own vehicles' fuel per 10 km driven by all of them, electric cars included (litres per mil).</param>
public sealed record ReportFigures(
    double? SortingRate,
    double? EnergyKilowattHours,
    double? EnergyPerFullTimeEquivalent,
    double? EnergyPerSquareMetre,
    double? FuelLitresPer10Kilometres)
{
    internal static ReportFigures Of(EnvironmentalReport report, IndicatorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        double sorted = 0, waste = 0, fuel = 0, distance = 0, energy = 0;
        double? fte = null, area = null;
        bool anyWaste = false, anyFuel = false, anyDistance = false, anyEnergy = false;
        foreach (var value in report.Values)
        {
            if (!catalog.TryGet(value.Code, out var indicator))
            {
                continue;
            }

            switch (indicator.Role)
            {
                case IndicatorRole.FullTimeEquivalents:
                    fte = value.Value;
                    break;
                case IndicatorRole.HeatedArea:
                    area = value.Value;
                    break;
                case IndicatorRole.SortedWaste:
                    (sorted, waste, anyWaste) = (sorted + value.Value, waste + value.Value, true);
                    break;
                case IndicatorRole.UnsortedWaste:
                    (waste, anyWaste) = (waste + value.Value, true);
                    break;
                case IndicatorRole.VehicleFuel:
                    (fuel, anyFuel) = (fuel + value.Value, true);
                    break;
                case IndicatorRole.VehicleDistance:
                    (distance, anyDistance) = (distance + value.Value, true);
                    break;
            }

            // Guaranteed electricity is part of the electricity use, which is counted already.
            if (indicator.Theme == IndicatorTheme.Energy && indicator.Role != IndicatorRole.GuaranteedElectricity && EnergyOf(indicator, value.Value) is { } kilowattHours)
            {
                (energy, anyEnergy) = (energy + kilowattHours, true);
            }
        }

        double? total = anyEnergy ? energy : null;
        return new ReportFigures(
            anyWaste && waste > 0 ? sorted / waste * 100 : null,
            total,
            total is { } e1 && fte is > 0 ? e1 / fte.Value : null,
            total is { } e2 && area is > 0 ? e2 / area.Value : null,
            anyFuel && anyDistance && distance > 0 ? fuel / distance * 10 : null);
    }

    private static double? EnergyOf(Indicator indicator, double value) =>
        indicator.Unit == MeasureUnit.KilowattHour ? value : indicator.KilowattHoursPerUnit is { } content ? value * content : null;
}
