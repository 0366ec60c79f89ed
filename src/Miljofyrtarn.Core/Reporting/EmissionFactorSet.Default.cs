using System.Collections.Immutable;
using NodaTime;

namespace Miljofyrtarn.Core.Reporting;

public sealed partial class EmissionFactorSet
{
    private const string Nve = "NVE, Hvor kommer strømmen fra? (varedeklarasjon), https://www.nve.no/energi/energisystem/kraftproduksjon/hvor-kommer-strommen-fra/";
    private const string MiljodirektoratetTableUrl = "https://www.miljodirektoratet.no/ansvarsomrader/klima/for-myndigheter/kutte-utslipp-av-klimagasser/klima-og-energiplanlegging/tabeller-for-omregning-fra-energivarer-til-kwh/";
    private const string Miljodirektoratet = "Miljødirektoratet, Utslippsfaktorer per kWh, liter eller kilo for ulike energivarer (National Inventory Report 2021), kg CO2 per liter, " + MiljodirektoratetTableUrl;
    private const string MiljodirektoratetTable = "Miljødirektoratet, Utslippsfaktorer per kWh, liter eller kilo for ulike energivarer (National Inventory Report 2021), kg CO2 per liter, ikke-fossilt, " + MiljodirektoratetTableUrl;

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
