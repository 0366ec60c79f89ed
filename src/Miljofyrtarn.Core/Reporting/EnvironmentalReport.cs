using System.Collections.Immutable;
using System.Globalization;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Reporting;

/// <summary>One indicator's figure in a report: the value, the unit it is given in, and whether it was measured or estimated.</summary>
/// <param name="Code">The indicator's code.</param>
/// <param name="Value">The value; finite and not negative, a percentage at most 100.</param>
/// <param name="Unit">The unit the value is given in; must be the indicator's.</param>
/// <param name="Estimated">Whether the value is an estimate (anslått) rather than measured (målt).</param>
public sealed record IndicatorValue(string Code, double Value, MeasureUnit Unit, bool Estimated = false);

/// <summary>A goal of the report's action plan (handlingsplan): for an indicator or in free text, with a target and a baseline.</summary>
/// <param name="Text">What the goal is, in the organisation's words.</param>
/// <param name="TargetYear">The year it is to be reached by.</param>
/// <param name="IndicatorCode">The indicator it is measured by, or null for a goal in free text.</param>
/// <param name="TargetValue">The target value of that indicator, or null.</param>
/// <param name="BaselineYear">The year the goal is measured against, or null.</param>
public sealed record ReportGoal(string Text, int TargetYear, string? IndicatorCode = null, double? TargetValue = null, int? BaselineYear = null);

/// <summary>
/// The content of one unit's annual climate and environment report (klima- og miljørapport, årlig innrapportering) for
/// a calendar year: a value per indicator, the action plan's goals and the measures carried out. Headquarters reports for
/// itself, each underlying unit for itself, and co-located and attached units through their host.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Reference equality. Created only through <see cref="Create"/>, which checks every value
/// against the indicator catalog and refuses the whole report, listing every problem, if any is wrong.
/// </remarks>
public sealed class EnvironmentalReport
{
    private readonly ImmutableDictionary<string, IndicatorValue> _byCode;

    private EnvironmentalReport(UnitId unit, int year, string catalogVersion, ImmutableArray<IndicatorValue> values, ImmutableArray<ReportGoal> goals, ImmutableArray<string> measures)
    {
        Unit = unit;
        Year = year;
        CatalogVersion = catalogVersion;
        Values = values;
        Goals = goals;
        Measures = measures;
        var byCode = ImmutableDictionary.CreateBuilder<string, IndicatorValue>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            byCode.TryAdd(value.Code, value);
        }

        _byCode = byCode.ToImmutable();
    }

    /// <summary>The unit that reports.</summary>
    public UnitId Unit { get; }

    /// <summary>The calendar year the report covers (the report is due 1 April the year after).</summary>
    public int Year { get; }

    /// <summary>The version of the indicator catalog the report was checked against.</summary>
    public string CatalogVersion { get; }

    /// <summary>The figures, one per indicator, in the order given.</summary>
    public ImmutableArray<IndicatorValue> Values { get; }

    /// <summary>The action plan's goals.</summary>
    public ImmutableArray<ReportGoal> Goals { get; }

    /// <summary>The measures carried out during the year (gjennomførte tiltak).</summary>
    public ImmutableArray<string> Measures { get; }

    /// <summary>Checks and creates a report.</summary>
    /// <param name="catalog">The indicator catalog.</param>
    /// <param name="unit">The unit that reports.</param>
    /// <param name="year">The year covered; it must have ended by <paramref name="today"/>.</param>
    /// <param name="values">The figures.</param>
    /// <param name="today">Today, in the scheme's time zone.</param>
    /// <param name="unitSetIds">The IDs of the unit's criteria sets, for indicators mandatory only for some sets.</param>
    /// <param name="goals">The action plan's goals.</param>
    /// <param name="measures">The measures carried out.</param>
    /// <returns>The report.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// Anything is wrong: an unknown or retired indicator, a value in the wrong unit, negative, not a number or infinite,
    /// a percentage over 100, the same indicator twice, a year that has not ended, a missing mandatory indicator (each
    /// one named), or a goal for an unknown indicator. Every problem is listed.
    /// </exception>
    public static EnvironmentalReport Create(
        IndicatorCatalog catalog,
        UnitId unit,
        int year,
        IEnumerable<IndicatorValue> values,
        LocalDate today,
        IEnumerable<string>? unitSetIds = null,
        IEnumerable<ReportGoal>? goals = null,
        IEnumerable<string>? measures = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(values);
        var problems = new Problems();
        if (unit.Value.Length == 0)
        {
            problems.Add(ErrorCodes.InvalidUnitId, string.Empty);
        }

        if (year < SupportedRange.FirstYear || year >= today.Year)
        {
            problems.Add(ErrorCodes.ReportYearNotEnded, year, Iso(today));
        }

        var list = values.ToImmutableArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in list)
        {
            CheckValue(catalog, year, value, seen, problems);
        }

        CheckGuaranteed(catalog, list, problems);
        foreach (var indicator in catalog.Indicators)
        {
            if (indicator.IsMandatoryFor(year, unitSetIds ?? []) && !seen.Contains(indicator.Code))
            {
                problems.Add(ErrorCodes.MandatoryIndicatorMissing, indicator.Code, year);
            }
        }

        var goalList = (goals ?? []).ToImmutableArray();
        foreach (var goal in goalList)
        {
            CheckGoal(catalog, year, goal, problems);
        }

        var measureList = (measures ?? []).ToImmutableArray();
        if (measureList.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add(ErrorCodes.BlankText, "measures");
        }

        problems.ThrowIfAny();
        return new EnvironmentalReport(unit, year, catalog.Version, list, goalList, measureList);
    }

    /// <summary>A report as a document states it, checked only for its shape; the lifecycle checks it in full when it applies it.</summary>
    internal static EnvironmentalReport Unchecked(UnitId unit, int year, string catalogVersion, ImmutableArray<IndicatorValue> values, ImmutableArray<ReportGoal> goals, ImmutableArray<string> measures) =>
        new(unit, year, catalogVersion, values, goals, measures);

    /// <summary>The figure given for an indicator, or null.</summary>
    /// <param name="code">The indicator's code.</param>
    /// <returns>The figure, or null when the report does not give it.</returns>
    public IndicatorValue? Get(string code) => code is not null && _byCode.TryGetValue(code, out var value) ? value : null;

    /// <summary>
    /// Warnings against last year's report, never refusals: a figure that changed tenfold or more either way (ten times
    /// the energy, a tenth of the waste) is probably a typing error or a wrong unit, but may be true.
    /// </summary>
    /// <param name="previous">The same unit's report for an earlier year.</param>
    /// <returns>One <see cref="ErrorCodes.ImplausibleChange"/> warning per such figure, in report order.</returns>
    public ImmutableArray<Diagnostic> CompareWith(EnvironmentalReport previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var warnings = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var value in Values)
        {
            if (previous.Get(value.Code) is { Value: > 0 } before && (value.Value >= before.Value * 10 || value.Value * 10 <= before.Value))
            {
                warnings.Add(new Diagnostic(ErrorCodes.ImplausibleChange, [value.Code, Number(before.Value), Number(value.Value), previous.Year.ToString(CultureInfo.InvariantCulture)]));
            }
        }

        return warnings.ToImmutable();
    }

    /// <summary>The figures derived from the report: sorting rate, energy per FTE and per m², fuel per 10 km.</summary>
    /// <param name="catalog">The indicator catalog the report was checked against (it says what each indicator means).</param>
    /// <returns>The derived figures; each is null when the report lacks what it needs.</returns>
    public ReportFigures GetFigures(IndicatorCatalog catalog) => ReportFigures.Of(this, catalog);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Unit} {Year} ({Values.Length} figures)");

    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    private static void CheckValue(IndicatorCatalog catalog, int year, IndicatorValue value, HashSet<string> seen, Problems problems)
    {
        if (value is null)
        {
            problems.Add(ErrorCodes.MissingProperty, "values");
            return;
        }

        if (!catalog.TryGet(value.Code, out var indicator))
        {
            problems.Add(ErrorCodes.UnknownIndicator, value.Code ?? string.Empty);
            return;
        }

        if (!indicator.IsActiveIn(year))
        {
            problems.Add(ErrorCodes.IndicatorNotInYear, value.Code, year, indicator.ReplacedBy ?? string.Empty);
        }

        if (!seen.Add(value.Code))
        {
            problems.Add(ErrorCodes.DuplicateIndicatorValue, value.Code);
        }

        if (value.Unit != indicator.Unit)
        {
            problems.Add(ErrorCodes.WrongIndicatorUnit, value.Code, value.Unit.ToString(), indicator.Unit.ToString());
        }

        if (!double.IsFinite(value.Value) || value.Value < 0)
        {
            problems.Add(ErrorCodes.InvalidIndicatorValue, value.Code, Number(value.Value));
        }
        else if (indicator.Unit == MeasureUnit.Percent && value.Value > 100)
        {
            problems.Add(ErrorCodes.PercentOver100, value.Code, Number(value.Value));
        }
        else if (value.Value > Limits.Quantity)
        {
            problems.Add(ErrorCodes.NumberOutOfRange, value.Code, Number(value.Value), "0", Number(Limits.Quantity));
        }
    }

    /// <summary>The electricity covered by guarantees of origin is part of the electricity used, so it cannot be more.</summary>
    private static void CheckGuaranteed(IndicatorCatalog catalog, ImmutableArray<IndicatorValue> values, Problems problems)
    {
        IndicatorValue? used = null, guaranteed = null;
        foreach (var value in values)
        {
            if (value is not null && catalog.TryGet(value.Code, out var indicator))
            {
                used = indicator.Role == IndicatorRole.Electricity ? value : used;
                guaranteed = indicator.Role == IndicatorRole.GuaranteedElectricity ? value : guaranteed;
            }
        }

        if (guaranteed is not null && guaranteed.Value > (used?.Value ?? 0))
        {
            var electricity = used?.Code ?? catalog.Indicators.FirstOrDefault(i => i.Role == IndicatorRole.Electricity)?.Code ?? "strom";
            problems.Add(ErrorCodes.GuaranteedExceedsUse, guaranteed.Code, Number(guaranteed.Value), electricity, Number(used?.Value ?? 0));
        }
    }

    private static void CheckGoal(IndicatorCatalog catalog, int year, ReportGoal goal, Problems problems)
    {
        if (goal is null || string.IsNullOrWhiteSpace(goal.Text))
        {
            problems.Add(ErrorCodes.BlankText, "goals");
            return;
        }

        if (goal.IndicatorCode is { } code && !catalog.TryGet(code, out _))
        {
            problems.Add(ErrorCodes.UnknownIndicator, code);
        }

        if (goal.TargetValue is { } target && (!double.IsFinite(target) || target < 0 || target > Limits.Quantity))
        {
            problems.Add(ErrorCodes.InvalidIndicatorValue, goal.IndicatorCode ?? "goals", Number(target));
        }

        if (goal.TargetYear < year || goal.TargetYear > SupportedRange.LastYear)
        {
            problems.Add(ErrorCodes.NumberOutOfRange, "targetYear", goal.TargetYear, year, SupportedRange.LastYear);
        }

        if (goal.BaselineYear is { } baseline && (baseline > goal.TargetYear || baseline < SupportedRange.FirstYear))
        {
            problems.Add(ErrorCodes.NumberOutOfRange, "baselineYear", baseline, SupportedRange.FirstYear, goal.TargetYear);
        }
    }
}
