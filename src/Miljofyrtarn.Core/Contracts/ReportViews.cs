using System.Text.Json.Serialization;
using Miljofyrtarn.Core.Internal.Json;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using NodaTime;

namespace Miljofyrtarn.Core.Contracts;

/// <summary>A unit's annual report (<i>årsrapport</i>) for one year: when it is due, whether it is in, and its figures.</summary>
/// <param name="Unit">The unit's ID.</param>
/// <param name="Year">The report year.</param>
/// <param name="DueOn">When it is due.</param>
/// <param name="SubmittedAt">When it was submitted, if it was.</param>
/// <param name="Postponed">Whether a postponement was granted.</param>
/// <param name="CatalogVersion">The indicator catalog the figures were reported against, when there is content.</param>
/// <param name="Figures">The figures, in the order they were reported.</param>
/// <param name="Goals">The goals set in the report.</param>
/// <param name="Measures">The measures taken.</param>
/// <param name="Corrections">How many times the content was corrected after submission.</param>
public sealed record AnnualReportView(
    UnitId Unit,
    int Year,
    [property: JsonConverter(typeof(IsoLocalDateConverter))] LocalDate DueOn,
    [property: JsonConverter(typeof(IsoInstantConverter))] Instant? SubmittedAt,
    bool Postponed,
    string? CatalogVersion,
    IReadOnlyList<FigureView> Figures,
    IReadOnlyList<ReportGoal> Goals,
    IReadOnlyList<string> Measures,
    int Corrections);

/// <summary>One reported figure (<i>nøkkeltall</i>).</summary>
/// <param name="Code">The indicator's code (<c>energy.electricity</c>).</param>
/// <param name="Name">The indicator's name.</param>
/// <param name="Value">The value.</param>
/// <param name="Unit">The measure unit.</param>
/// <param name="UnitName">The measure unit's name (<c>kWh</c>).</param>
/// <param name="Estimated">Whether the value is an estimate.</param>
public sealed record FigureView(string Code, ContractText Name, double Value, [property: JsonConverter(typeof(CamelCaseEnumConverter<MeasureUnit>))] MeasureUnit Unit, ContractText UnitName, bool Estimated);

/// <summary>The climate account (<i>klimaregnskap</i>) for a year, by scope, in kilograms CO₂-equivalents.</summary>
/// <param name="Year">The report year.</param>
/// <param name="FactorSet">The emission factor set used.</param>
/// <param name="ReportCount">How many reports it combines.</param>
/// <param name="Scope1">Direct emissions.</param>
/// <param name="Scope2LocationBased">Purchased energy, location-based.</param>
/// <param name="Scope2MarketBased">Purchased energy, market-based, when the factor set has it.</param>
/// <param name="Scope3">Indirect emissions in the value chain.</param>
/// <param name="Biogenic">Biogenic CO₂, reported beside the total, not in it.</param>
/// <param name="Total">Scope 1 + 2 (location-based) + 3.</param>
/// <param name="PerFullTimeEquivalent">Total per full-time equivalent, when known.</param>
/// <param name="PerSquareMetre">Total per square metre heated area, when known.</param>
/// <param name="Lines">Every emission, by unit and activity.</param>
/// <param name="LeftOut">Activities left out, with the reason.</param>
/// <param name="Warnings">What the reports give that the account cannot count (a fuel without energy content, a consumption that measures no activity), never a silent zero; empty when everything is counted.</param>
/// <param name="FactorSetPublishedOn">The day the factor set was published: with <paramref name="FactorSet"/>, the set's version.</param>
/// <param name="RecomputedAt">When the account was recomputed with this set, or null for the account as submitted.</param>
public sealed record ClimateAccountView(
    int Year,
    string FactorSet,
    int ReportCount,
    double Scope1,
    double Scope2LocationBased,
    double? Scope2MarketBased,
    double Scope3,
    double Biogenic,
    double Total,
    double? PerFullTimeEquivalent,
    double? PerSquareMetre,
    IReadOnlyList<EmissionLineView> Lines,
    IReadOnlyList<LeftOutActivity> LeftOut,
    IReadOnlyList<AccountWarningView> Warnings,
    [property: JsonConverter(typeof(IsoLocalDateConverter))] LocalDate FactorSetPublishedOn,
    [property: JsonConverter(typeof(IsoInstantConverter))] Instant? RecomputedAt = null);

/// <summary>A warning of a climate account (<see cref="Reporting.ClimateAccount.Warnings"/>): what is not counted, and why.</summary>
/// <param name="Code">The warning's stable code, for example <c>MFT0620</c>.</param>
/// <param name="Indicator">The indicator whose figure is not counted.</param>
/// <param name="Message">The warning, in the language asked for.</param>
public sealed record AccountWarningView(string Code, string Indicator, ContractText Message);

/// <summary>One line of a climate account.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Indicator">The figure's indicator code.</param>
/// <param name="Activity">The activity the factor is for.</param>
/// <param name="Scope">The scope.</param>
/// <param name="Scope3Category">The GHG Protocol category, for scope 3.</param>
/// <param name="Origin">Fossil or biogenic.</param>
/// <param name="Quantity">The quantity, in the factor's unit.</param>
/// <param name="KilogramsCo2e">The emission.</param>
public sealed record EmissionLineView(UnitId Unit, string Indicator, string Activity, [property: JsonConverter(typeof(CamelCaseEnumConverter<EmissionScope>))] EmissionScope Scope, int? Scope3Category, [property: JsonConverter(typeof(CamelCaseEnumConverter<CarbonOrigin>))] CarbonOrigin Origin, double Quantity, double KilogramsCo2e);

/// <summary>One page of a listing, with the key to ask for the next.</summary>
/// <typeparam name="T">The items.</typeparam>
/// <param name="Items">The items on this page.</param>
/// <param name="Next">Pass this as the <c>after</c> of the next request; null on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>An organisation in a listing: its number, its name and kind as it was started, and its version.</summary>
/// <param name="Number">The organisation number (<i>organisasjonsnummer</i>), which is also its stream.</param>
/// <param name="Name">The organisation's name.</param>
/// <param name="Kind">What kind of organisation it is.</param>
/// <param name="Version">Its history's version (the sequence number of its last event).</param>
public sealed record OrganisationSummary(
    string Number,
    string Name,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<OrganisationKind>))] OrganisationKind Kind,
    long Version);

/// <summary>Where the organisation stands against its climate target (<i>klimamål</i>), from its climate accounts.</summary>
/// <param name="BaseYear">The base year.</param>
/// <param name="Method">The Scope 2 method the emissions are counted with.</param>
/// <param name="BaseEmissions">The base year's emissions, in kg CO₂e.</param>
/// <param name="Milestones">The targets, each with the emissions it allows.</param>
/// <param name="Years">Each year with an account from the base year on: its emissions, the path, and whether it is on track.</param>
/// <param name="OnTrack">Whether the latest year is on track.</param>
/// <param name="NextTargetYear">The first target year after the latest year, or null when all have passed.</param>
/// <param name="RequiredCutPerYear">The cut per year, in kg CO₂e, that reaches the next target in a straight line; null without one.</param>
/// <param name="RequiredCutPercentPerYear">That cut as a percentage of the latest year's emissions; null without a next target.</param>
public sealed record ClimateTargetView(
    int BaseYear,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<Scope2Method>))] Scope2Method Method,
    double BaseEmissions,
    IReadOnlyList<TargetMilestoneView> Milestones,
    IReadOnlyList<TargetYear> Years,
    bool OnTrack,
    int? NextTargetYear,
    double? RequiredCutPerYear,
    double? RequiredCutPercentPerYear);

/// <summary>One target of a climate target.</summary>
/// <param name="Year">The target year.</param>
/// <param name="ReductionPercent">The cut from the base year, in percent.</param>
/// <param name="Emissions">The emissions it allows, in kg CO₂e: the path runs straight from the base year's emissions through each target's.</param>
public sealed record TargetMilestoneView(int Year, double ReductionPercent, double Emissions);
