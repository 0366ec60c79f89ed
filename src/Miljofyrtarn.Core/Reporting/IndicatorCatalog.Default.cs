namespace Miljofyrtarn.Core.Reporting;

public sealed partial class IndicatorCatalog
{
    private static readonly Lazy<IndicatorCatalog> DefaultCatalog = new(BuildDefault);

    /// <summary>
    /// An illustrative default, in our own words: the five themes and the base figures, enough to report and compute a
    /// climate account. It is not the foundation's list (which is not published as data); like the default criteria
    /// catalog, it shows the shape, and a host loads the real one. Reporting year 2021 retired the share of purchases
    /// with environmental requirements and replaced it by the share from suppliers with a certified environmental
    /// management system, as the scheme did.
    /// </summary>
    public static IndicatorCatalog Default => DefaultCatalog.Value;

    /// <summary>Propane (LPG): 12.8 kWh/kg at 0.54 kg/l (Miljødirektoratet's conversion table, National Inventory Report 2021).</summary>
    private const double LpgKilowattHoursPerLitre = 12.8 * 0.54;

    /// <summary>Biodiesel: 10.22 kWh/kg at 0.88 kg/l (the same table).</summary>
    private const double BiodieselKilowattHoursPerLitre = 10.22 * 0.88;

    /// <summary>Bioethanol: 5.5 kWh per litre (Miljødirektoratet's conversion table).</summary>
    private const double BioethanolKilowattHoursPerLitre = 5.5;

    private static IndicatorCatalog BuildDefault() => Create("2024.1",
    [
        new("arsverk", IndicatorTheme.BaseFigures, new("Årsverk", "Årsverk", "Full-time equivalents"), MeasureUnit.FullTimeEquivalent, mandatory: true, role: IndicatorRole.FullTimeEquivalents),
        new("oppvarmet-areal", IndicatorTheme.BaseFigures, new("Oppvarmet areal", "Oppvarma areal", "Heated area"), MeasureUnit.SquareMetre, mandatory: true, role: IndicatorRole.HeatedArea),
        new("sykefravaer", IndicatorTheme.WorkingEnvironment, new("Sykefravær", "Sjukefråvær", "Sickness absence"), MeasureUnit.Percent, mandatory: true),
        new("avfall-sortert", IndicatorTheme.Waste, new("Sortert avfall", "Sortert avfall", "Sorted waste"), MeasureUnit.Kilogram, mandatory: true, activity: "waste-recycled", role: IndicatorRole.SortedWaste),
        new("avfall-restavfall", IndicatorTheme.Waste, new("Restavfall", "Restavfall", "Residual waste"), MeasureUnit.Kilogram, mandatory: true, activity: "waste-residual", role: IndicatorRole.UnsortedWaste),
        new("avfall-farlig", IndicatorTheme.Waste, new("Farlig avfall", "Farleg avfall", "Hazardous waste"), MeasureUnit.Kilogram, activity: "waste-hazardous", role: IndicatorRole.SortedWaste),
        new("strom", IndicatorTheme.Energy, new("Strømforbruk", "Straumforbruk", "Electricity use"), MeasureUnit.KilowattHour, mandatory: true, activity: "electricity", role: IndicatorRole.Electricity),
        new("fjernvarme", IndicatorTheme.Energy, new("Fjernvarme", "Fjernvarme", "District heating"), MeasureUnit.KilowattHour, activity: "district-heating"),
        new("fyringsolje", IndicatorTheme.Energy, new("Fyringsolje", "Fyringsolje", "Heating oil"), MeasureUnit.Litre, activity: "heating-oil", kilowattHoursPerUnit: 10.08),
        new("propan", IndicatorTheme.Energy, new("Propan (LPG)", "Propan (LPG)", "Propane (LPG)"), MeasureUnit.Litre, activity: "lpg", kilowattHoursPerUnit: LpgKilowattHoursPerLitre),

        // The other fuels of Miljødirektoratet's conversion table, each in the unit the table converts from.
        new("naturgass", IndicatorTheme.Energy, new("Naturgass", "Naturgass", "Natural gas"), MeasureUnit.StandardCubicMetre, activity: "natural-gas", kilowattHoursPerUnit: 9.92),
        new("lng", IndicatorTheme.Energy, new("Flytende naturgass (LNG)", "Flytande naturgass (LNG)", "Liquefied natural gas (LNG)"), MeasureUnit.Kilogram, activity: "lng", kilowattHoursPerUnit: 12.5),
        new("bioolje", IndicatorTheme.Energy, new("Biofyringsolje", "Biofyringsolje", "Bio heating oil"), MeasureUnit.Litre, activity: "bio-heating-oil", kilowattHoursPerUnit: BiodieselKilowattHoursPerLitre),
        new("biogass", IndicatorTheme.Energy, new("Biogass", "Biogass", "Biogas"), MeasureUnit.Kilogram, activity: "biogas", kilowattHoursPerUnit: 2.8),
        new("pellets", IndicatorTheme.Energy, new("Pellets", "Pellets", "Wood pellets"), MeasureUnit.Kilogram, activity: "wood-pellets", kilowattHoursPerUnit: 4.8),
        new("flis", IndicatorTheme.Energy, new("Flis", "Flis", "Wood chips"), MeasureUnit.Kilogram, activity: "wood-chips", kilowattHoursPerUnit: 4.3),
        new("bioetanol", IndicatorTheme.Transport, new("Bioetanol, egne kjøretøy", "Bioetanol, eigne køyretøy", "Bioethanol, own vehicles"), MeasureUnit.Litre, activity: "bioethanol", role: IndicatorRole.VehicleFuel, kilowattHoursPerUnit: BioethanolKilowattHoursPerLitre),
        new("innkjop-miljokrav", IndicatorTheme.Purchasing, new("Andel innkjøp med miljøkrav", "Del innkjøp med miljøkrav", "Share of purchases with environmental requirements"), MeasureUnit.Percent, lastYear: 2020, replacedBy: "innkjop-sertifiserte"),
        new("innkjop-sertifiserte", IndicatorTheme.Purchasing, new("Andel innkjøp fra leverandører med sertifisert miljøledelsessystem", "Del innkjøp frå leverandørar med sertifisert miljøleiingssystem", "Share of purchases from suppliers with a certified environmental management system"), MeasureUnit.Percent, firstYear: 2021),
        new("diesel", IndicatorTheme.Transport, new("Diesel, egne kjøretøy", "Diesel, eigne køyretøy", "Diesel, own vehicles"), MeasureUnit.Litre, activity: "diesel", role: IndicatorRole.VehicleFuel, kilowattHoursPerUnit: 10.08),
        new("bensin", IndicatorTheme.Transport, new("Bensin, egne kjøretøy", "Bensin, eigne køyretøy", "Petrol, own vehicles"), MeasureUnit.Litre, activity: "petrol", role: IndicatorRole.VehicleFuel, kilowattHoursPerUnit: 9.028),
        new("biodiesel", IndicatorTheme.Transport, new("Biodiesel (HVO), egne kjøretøy", "Biodiesel (HVO), eigne køyretøy", "Biodiesel (HVO), own vehicles"), MeasureUnit.Litre, activity: "biodiesel", role: IndicatorRole.VehicleFuel, kilowattHoursPerUnit: BiodieselKilowattHoursPerLitre),
        new("kjoretoy-km", IndicatorTheme.Transport, new("Kjørte kilometer, egne fossil- og biodrevne kjøretøy", "Køyrde kilometer, eigne fossil- og biodrivne køyretøy", "Kilometres driven, own fuelled vehicles"), MeasureUnit.Kilometre, role: IndicatorRole.VehicleDistance),
        new("elbil-km", IndicatorTheme.Transport, new("Kjørte kilometer, elbiler", "Køyrde kilometer, elbilar", "Kilometres driven, electric cars"), MeasureUnit.Kilometre, role: IndicatorRole.VehicleDistance),
        new("elbil-kwh", IndicatorTheme.Transport, new("Strøm ladet til elbiler (inngår i strømforbruket)", "Straum lada til elbilar (inngår i straumforbruket)", "Electricity charged to electric cars (part of electricity use)"), MeasureUnit.KilowattHour),
        new("fly-km", IndicatorTheme.Transport, new("Flyreiser i tjeneste", "Flyreiser i teneste", "Business flights"), MeasureUnit.Kilometre, activity: "flight-domestic"),
        new("strom-opprinnelsesgaranti", IndicatorTheme.Energy, new("Strøm med opprinnelsesgaranti (inngår i strømforbruket)", "Straum med opphavsgaranti (inngår i straumforbruket)", "Electricity with guarantees of origin (part of electricity use)"), MeasureUnit.KilowattHour, role: IndicatorRole.GuaranteedElectricity),
    ]);
}
