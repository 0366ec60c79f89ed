using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;

namespace Miljofyrtarn.Core.Reporting;

/// <summary>The theme of an indicator in the annual climate and environment report (klima- og miljørapport).</summary>
public enum IndicatorTheme
{
    /// <summary>The base figures every rate is computed against: FTEs (årsverk) and heated area (grunnlagstall).</summary>
    BaseFigures,

    /// <summary>Working environment (arbeidsmiljø), such as sickness absence.</summary>
    WorkingEnvironment,

    /// <summary>Waste (avfall): amounts by fraction, sorted and unsorted.</summary>
    Waste,

    /// <summary>Energy (energi): electricity, district heating and fuels for heating.</summary>
    Energy,

    /// <summary>Purchasing (innkjøp), such as the share bought from suppliers with a certified environmental management system.</summary>
    Purchasing,

    /// <summary>Transport (transport): the organisation's vehicles and business travel.</summary>
    Transport,
}

/// <summary>The unit an indicator is reported in.</summary>
public enum MeasureUnit
{
    /// <summary>Kilowatt hours (kWh).</summary>
    KilowattHour,

    /// <summary>Litres (l).</summary>
    Litre,

    /// <summary>Kilograms (kg).</summary>
    Kilogram,

    /// <summary>Standard cubic metres (Sm³), for gas.</summary>
    StandardCubicMetre,

    /// <summary>Kilometres (km).</summary>
    Kilometre,

    /// <summary>Percent (%), 0 to 100.</summary>
    Percent,

    /// <summary>Full-time equivalents (årsverk).</summary>
    FullTimeEquivalent,

    /// <summary>Square metres (m²).</summary>
    SquareMetre,

    /// <summary>A count of things.</summary>
    Count,
}

/// <summary>What a base figure means to the derived figures of a report (sorting rate, energy per FTE and per m², fuel per 10 km).</summary>
public enum IndicatorRole
{
    /// <summary>No role in the derived figures.</summary>
    None,

    /// <summary>The FTEs (årsverk) the rates per FTE divide by.</summary>
    FullTimeEquivalents,

    /// <summary>The heated area the rates per m² divide by.</summary>
    HeatedArea,

    /// <summary>A waste fraction sent to sorting or reuse; counts towards both the sorted and the total amount.</summary>
    SortedWaste,

    /// <summary>Unsorted (residual) waste; counts towards the total amount only.</summary>
    UnsortedWaste,

    /// <summary>
    /// Distance driven by the organisation's own vehicles, fuelled and electric alike, which fuel per 10 km divides by:
    /// the scheme counts electric cars' kilometres, so the figure falls as the fleet is electrified.
    /// </summary>
    VehicleDistance,

    /// <summary>Fuel used by the organisation's own vehicles, in litres.</summary>
    VehicleFuel,

    /// <summary>Purchased electricity (kWh), the use that guarantees of origin can cover.</summary>
    Electricity,

    /// <summary>
    /// The part of the electricity use covered by guarantees of origin (<i>opprinnelsesgarantier</i>), in kWh: counted at
    /// zero in market-based Scope 2, and not again in the energy figure.
    /// </summary>
    GuaranteedElectricity,
}

/// <summary>
/// An indicator (indikator) of the annual climate and environment report: what is reported, in which unit, whether
/// it must be, in which report years, and, where it feeds the climate account, which activity it measures.
/// </summary>
/// <remarks>Immutable and thread-safe. Equality is by reference; an indicator is identified by <see cref="Code"/> within its catalog.</remarks>
public sealed class Indicator
{
    /// <summary>Creates an indicator. Use <see cref="IndicatorCatalog.Create"/> to check it against the others.</summary>
    /// <param name="code">The indicator's code, for example <c>strom</c>: lowercase letters, digits and hyphens.</param>
    /// <param name="theme">The theme.</param>
    /// <param name="name">The name, in nb and optionally nn and en.</param>
    /// <param name="unit">The unit values are reported in.</param>
    /// <param name="mandatory">Whether every report must give it (see <paramref name="mandatoryForSets"/>).</param>
    /// <param name="mandatoryForSets">When mandatory, the criteria sets it is mandatory for; empty for every report.</param>
    /// <param name="firstYear">The first report year it is asked for, or null for always.</param>
    /// <param name="lastYear">The last report year it is asked for, or null while it is current.</param>
    /// <param name="replacedBy">The code of the indicator that replaces it after <paramref name="lastYear"/>, or null.</param>
    /// <param name="activity">The climate-account activity it measures (an emission factor's activity), or null.</param>
    /// <param name="role">Its role in the derived figures.</param>
    /// <param name="kilowattHoursPerUnit">The energy content of a fuel in kWh per unit (diesel 10.08 kWh/l), or null.</param>
    /// <exception cref="MiljofyrtarnException">A value is invalid; every problem is listed.</exception>
    public Indicator(
        string code,
        IndicatorTheme theme,
        LocalizedText name,
        MeasureUnit unit,
        bool mandatory = false,
        ImmutableArray<string> mandatoryForSets = default,
        int? firstYear = null,
        int? lastYear = null,
        string? replacedBy = null,
        string? activity = null,
        IndicatorRole role = IndicatorRole.None,
        double? kilowattHoursPerUnit = null)
    {
        var problems = new Problems();
        if (!IsCode(code))
        {
            problems.Add(ErrorCodes.InvalidIndicatorCode, code ?? string.Empty);
        }

        if (name is null)
        {
            problems.Add(ErrorCodes.MissingProperty, "name");
        }

        if (!Enum.IsDefined(theme) || !Enum.IsDefined(unit) || !Enum.IsDefined(role))
        {
            problems.Add(ErrorCodes.InvalidValue, $"{(int)theme}/{(int)unit}/{(int)role}", "theme/unit/role");
        }

        if (firstYear is { } first && lastYear is { } last && last < first)
        {
            problems.Add(ErrorCodes.InvalidValue, last, $"≥ {first}");
        }

        if (kilowattHoursPerUnit is { } content && !(double.IsFinite(content) && content > 0))
        {
            problems.Add(ErrorCodes.InvalidIndicatorValue, code ?? string.Empty, content);
        }

        if (activity is not null && !IsCode(activity))
        {
            problems.Add(ErrorCodes.InvalidIndicatorCode, activity);
        }

        problems.ThrowIfAny();
        Code = code!;
        Theme = theme;
        Name = name!;
        Unit = unit;
        IsMandatory = mandatory;
        MandatoryForSets = mandatoryForSets.IsDefault ? [] : mandatoryForSets;
        FirstYear = firstYear;
        LastYear = lastYear;
        ReplacedBy = replacedBy;
        Activity = activity;
        Role = role;
        KilowattHoursPerUnit = kilowattHoursPerUnit;
    }

    /// <summary>The code, unique in its catalog, for example <c>strom</c>.</summary>
    public string Code { get; }

    /// <summary>The theme.</summary>
    public IndicatorTheme Theme { get; }

    /// <summary>The name.</summary>
    public LocalizedText Name { get; }

    /// <summary>The unit values are reported in.</summary>
    public MeasureUnit Unit { get; }

    /// <summary>Whether a report must give it: every report, or only those of units with one of <see cref="MandatoryForSets"/>.</summary>
    public bool IsMandatory { get; }

    /// <summary>When mandatory, the IDs of the criteria sets it is mandatory for; empty means every report.</summary>
    public ImmutableArray<string> MandatoryForSets { get; }

    /// <summary>The first report year it is asked for, or null for always.</summary>
    public int? FirstYear { get; }

    /// <summary>The last report year it is asked for, or null while it is current.</summary>
    public int? LastYear { get; }

    /// <summary>The code of the indicator that replaces it after <see cref="LastYear"/>, or null.</summary>
    public string? ReplacedBy { get; }

    /// <summary>The climate-account activity it measures, or null when it does not feed the account.</summary>
    public string? Activity { get; }

    /// <summary>Its role in the derived figures.</summary>
    public IndicatorRole Role { get; }

    /// <summary>The energy content of a fuel, in kWh per <see cref="Unit"/>, or null when it is not a fuel.</summary>
    public double? KilowattHoursPerUnit { get; }

    /// <summary>Whether it is asked for in a report year.</summary>
    /// <param name="year">The report year.</param>
    /// <returns><see langword="true"/> when the year is within its first and last year.</returns>
    public bool IsActiveIn(int year) => (FirstYear is not { } first || year >= first) && (LastYear is not { } last || year <= last);

    /// <summary>Whether a report of a unit with the given criteria sets must give it in a year.</summary>
    /// <param name="year">The report year.</param>
    /// <param name="setIds">The IDs of the unit's criteria sets.</param>
    /// <returns><see langword="true"/> when it is mandatory for that report.</returns>
    public bool IsMandatoryFor(int year, IEnumerable<string> setIds) =>
        IsMandatory && IsActiveIn(year) && (MandatoryForSets.IsEmpty || (setIds ?? []).Any(MandatoryForSets.Contains));

    /// <inheritdoc />
    public override string ToString() => Code;

    internal static bool IsCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length <= 64 && code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
