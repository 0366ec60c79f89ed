using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog.Json;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;

namespace Miljofyrtarn.Core.Interchange;

/// <summary>The JSON names of the interchange documents' enumerations (camelCase), shared by reader and writer.</summary>
internal static class InterchangeVocabulary
{
    public static readonly Vocabulary.Names<UnitRole> Roles = new(("headquarters", UnitRole.Headquarters), ("unit", UnitRole.Unit));

    public static readonly Vocabulary.Names<CertificateArrangementKind> Arrangements = new(
        ("own", CertificateArrangementKind.Own), ("coLocated", CertificateArrangementKind.CoLocated), ("attached", CertificateArrangementKind.Attached));

    public static readonly Vocabulary.Names<FulfilmentStatus> Statuses = new(
        ("notStarted", FulfilmentStatus.NotStarted), ("inProgress", FulfilmentStatus.InProgress),
        ("fulfilled", FulfilmentStatus.Fulfilled), ("notApplicable", FulfilmentStatus.NotApplicable));

    /// <summary>The roles an organisation grants (the certifier is assigned, and the foundation vouched for, elsewhere).</summary>
    public static readonly Vocabulary.Names<Lifecycle.SchemeRole> GrantableRoles = new(
        ("management", Lifecycle.SchemeRole.Management), ("coordinator", Lifecycle.SchemeRole.Coordinator), ("unitContact", Lifecycle.SchemeRole.UnitContact),
        ("consultant", Lifecycle.SchemeRole.Consultant), ("reader", Lifecycle.SchemeRole.Reader));

    public static readonly Vocabulary.Names<ResponsibleParty> Parties = new(("headquarters", ResponsibleParty.Headquarters), ("unit", ResponsibleParty.Unit));

    public static readonly Vocabulary.Names<UnitState> UnitStates = new(
        ("notStarted", UnitState.NotStarted), ("mappingOpen", UnitState.MappingOpen), ("delivered", UnitState.Delivered),
        ("certified", UnitState.Certified), ("recertificationOpen", UnitState.RecertificationOpen),
        ("recertificationDelivered", UnitState.RecertificationDelivered), ("expired", UnitState.Expired), ("withdrawn", UnitState.Withdrawn));

    public static readonly Vocabulary.Names<CertificateStatus> CertificateStatuses = new(
        ("valid", CertificateStatus.Valid), ("expired", CertificateStatus.Expired), ("withdrawn", CertificateStatus.Withdrawn), ("superseded", CertificateStatus.Superseded));

    public static readonly Vocabulary.Names<Reporting.MeasureUnit> MeasureUnits = new(
        ("kilowattHour", Reporting.MeasureUnit.KilowattHour), ("litre", Reporting.MeasureUnit.Litre), ("kilogram", Reporting.MeasureUnit.Kilogram),
        ("standardCubicMetre", Reporting.MeasureUnit.StandardCubicMetre), ("kilometre", Reporting.MeasureUnit.Kilometre), ("percent", Reporting.MeasureUnit.Percent),
        ("fullTimeEquivalent", Reporting.MeasureUnit.FullTimeEquivalent), ("squareMetre", Reporting.MeasureUnit.SquareMetre), ("count", Reporting.MeasureUnit.Count));

    public static readonly Vocabulary.Names<Reporting.IndicatorTheme> IndicatorThemes = new(
        ("baseFigures", Reporting.IndicatorTheme.BaseFigures), ("workingEnvironment", Reporting.IndicatorTheme.WorkingEnvironment), ("waste", Reporting.IndicatorTheme.Waste),
        ("energy", Reporting.IndicatorTheme.Energy), ("purchasing", Reporting.IndicatorTheme.Purchasing), ("transport", Reporting.IndicatorTheme.Transport));

    public static readonly Vocabulary.Names<Reporting.IndicatorRole> IndicatorRoles = new(
        ("none", Reporting.IndicatorRole.None), ("fullTimeEquivalents", Reporting.IndicatorRole.FullTimeEquivalents), ("heatedArea", Reporting.IndicatorRole.HeatedArea),
        ("sortedWaste", Reporting.IndicatorRole.SortedWaste), ("unsortedWaste", Reporting.IndicatorRole.UnsortedWaste), ("vehicleDistance", Reporting.IndicatorRole.VehicleDistance),
        ("electricity", Reporting.IndicatorRole.Electricity), ("guaranteedElectricity", Reporting.IndicatorRole.GuaranteedElectricity),
        ("vehicleFuel", Reporting.IndicatorRole.VehicleFuel));

    public static readonly Vocabulary.Names<Reporting.EmissionScope> Scopes = new(
        ("scope1", Reporting.EmissionScope.Scope1), ("scope2", Reporting.EmissionScope.Scope2), ("scope3", Reporting.EmissionScope.Scope3));

    public static readonly Vocabulary.Names<Reporting.CarbonOrigin> Origins = new(("fossil", Reporting.CarbonOrigin.Fossil), ("biogenic", Reporting.CarbonOrigin.Biogenic));

    public static readonly Vocabulary.Names<Reporting.Scope2Method> Methods = new(
        ("locationBased", Reporting.Scope2Method.LocationBased), ("marketBased", Reporting.Scope2Method.MarketBased));
}
