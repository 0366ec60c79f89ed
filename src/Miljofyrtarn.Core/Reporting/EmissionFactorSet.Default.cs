using System.Collections.Immutable;
using NodaTime;

namespace Miljofyrtarn.Core.Reporting;

public sealed partial class EmissionFactorSet
{
    private const string Nve = "NVE, Hvor kommer strømmen fra? (varedeklarasjon), https://www.nve.no/energi/energisystem/kraftproduksjon/hvor-kommer-strommen-fra/";
    private const string MiljodirektoratetTableUrl = "https://www.miljodirektoratet.no/ansvarsomrader/klima/for-myndigheter/kutte-utslipp-av-klimagasser/klima-og-energiplanlegging/tabeller-for-omregning-fra-energivarer-til-kwh/";
    private const string Miljodirektoratet = "Miljødirektoratet, Utslippsfaktorer per kWh, liter eller kilo for ulike energivarer (National Inventory Report 2021), kg CO2 per liter, " + MiljodirektoratetTableUrl;
    private const string MiljodirektoratetTable = "Miljødirektoratet, Utslippsfaktorer per kWh, liter eller kilo for ulike energivarer (National Inventory Report 2021), kg CO2 per liter, ikke-fossilt, " + MiljodirektoratetTableUrl;
    private const string Combustion = "Miljødirektoratet, Utslipp fra forbrenning, tabell (National Inventory Report), ";

    private static readonly Lazy<ImmutableArray<EmissionFactorSet>> DefaultSets = new(BuildDefaults);

    /// <summary>
    /// Illustrative Norwegian factor sets, one per year that NVE's location-based electricity figure is public for (2019,
    /// 2020, 2022, 2023), each with Miljødirektoratet's fuel factors; 2016 and 2020 also carry NVE's residual mix for the
    /// market-based method. Every factor names its source. They cover Scope 1 and Scope 2 from electricity; they have no
    /// factors for district heating, waste or flights (UK DESNZ publishes those yearly as a flat file): load such a set
    /// with the same shape, or leave those activities out of the account with a reason. NVE published the 2023 figure in
    /// June 2024; the other sets' publication days are not given by the sources, so June of the year after is assumed,
    /// always the last day of the month so that no set is used before it can have existed.
    /// </summary>
    public static ImmutableArray<EmissionFactorSet> Defaults => DefaultSets.Value;

    private static ImmutableArray<EmissionFactorSet> BuildDefaults() =>
    [
        Norwegian(2016, null, 0.530),
        Norwegian(2019, 0.017, null),
        Norwegian(2020, 0.008, 0.402),
        Norwegian(2022, 0.019, null),
        Norwegian(2023, 0.015, null),
    ];

    private static EmissionFactorSet Norwegian(int year, double? locationBased, double? residualMix)
    {
        var factors = new List<EmissionFactor>
        {
            new("diesel", MeasureUnit.Litre, 2.66, EmissionScope.Scope1, source: Miljodirektoratet),
            new("petrol", MeasureUnit.Litre, 2.32, EmissionScope.Scope1, source: Miljodirektoratet),
            new("heating-oil", MeasureUnit.Litre, 2.66, EmissionScope.Scope1, source: Miljodirektoratet),
            new("lpg", MeasureUnit.Litre, 1.62, EmissionScope.Scope1, source: Miljodirektoratet),

            // Biofuels are non-fossil (Miljødirektoratet): their CO2 is shown apart from the totals.
            new("biodiesel", MeasureUnit.Litre, 2.51, EmissionScope.Scope1, CarbonOrigin.Biogenic, source: MiljodirektoratetTable),

            // The other fuels of the table. Natural gas: 1.99 kg per Sm³; LNG: 0.202 kg per kWh at 12.5 kWh per kg. The rest
            // are biogenic, shown beside the total: bio heating oil is burnt as biodiesel (2.51 kg per litre, the table has
            // no line of its own); biogas 2.75 kg per kg; bioethanol 1.91 kg per kg at 5.5 / 7.4 = 0.743 kg per litre
            // (the table's kWh per litre and per kg); pellets and chips at the table's 1.8 kg per kg for wood, as it gives
            // no figure of their own.
            new("natural-gas", MeasureUnit.StandardCubicMetre, 1.99, EmissionScope.Scope1, source: Combustion + "kg CO2 per Sm3, " + MiljodirektoratetTableUrl),
            new("lng", MeasureUnit.Kilogram, 0.202 * 12.5, EmissionScope.Scope1, source: Combustion + "0,202 kg CO2 per kWh × 12,5 kWh per kg, " + MiljodirektoratetTableUrl),
            new("bio-heating-oil", MeasureUnit.Litre, 2.51, EmissionScope.Scope1, CarbonOrigin.Biogenic, source: Combustion + "biodiesel, kg CO2 per liter, ikke-fossilt, " + MiljodirektoratetTableUrl),
            new("biogas", MeasureUnit.Kilogram, 2.75, EmissionScope.Scope1, CarbonOrigin.Biogenic, source: Combustion + "kg CO2 per kg, ikke-fossilt, " + MiljodirektoratetTableUrl),
            new("bioethanol", MeasureUnit.Litre, 1.91 * 5.5 / 7.4, EmissionScope.Scope1, CarbonOrigin.Biogenic, source: Combustion + "1,91 kg CO2 per kg × 5,5/7,4 kg per liter, ikke-fossilt, " + MiljodirektoratetTableUrl),
            new("wood-pellets", MeasureUnit.Kilogram, 1.8, EmissionScope.Scope1, CarbonOrigin.Biogenic, source: Combustion + "ved og treavfall, kg CO2 per kg, ikke-fossilt, " + MiljodirektoratetTableUrl),
            new("wood-chips", MeasureUnit.Kilogram, 1.8, EmissionScope.Scope1, CarbonOrigin.Biogenic, source: Combustion + "ved og treavfall, kg CO2 per kg, ikke-fossilt, " + MiljodirektoratetTableUrl),
        };
        if (locationBased is { } location)
        {
            factors.Add(new("electricity", MeasureUnit.KilowattHour, location, EmissionScope.Scope2, method: Scope2Method.LocationBased, source: $"{Nve}, {year}: {location * 1000:0} g CO2e/kWh"));
        }

        if (residualMix is { } residual)
        {
            factors.Add(new("electricity", MeasureUnit.KilowattHour, residual, EmissionScope.Scope2, method: Scope2Method.MarketBased, source: $"{Nve}, residual mix {year}: {residual * 1000:0} g CO2e/kWh"));
        }

        return Create($"no-{year}", "NVE; Miljødirektoratet", year, new LocalDate(year + 1, 6, 30), "NO", year >= 2023 ? "IPCC 2006 / AR5 GWP100" : "as published by NVE for the year",
            "NLOD 2.0 (Norwegian public data)", "https://www.nve.no/energi/energisystem/kraftproduksjon/hvor-kommer-strommen-fra/", factors);
    }
}
