using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;

namespace Miljofyrtarn.Sample.Console;

/// <summary>
/// Plausible figures for Heim's annual reports, the same every run: each unit's building, waste and vehicles, with
/// electricity and residual waste falling a little each year and the electric cars taking over from diesel.
/// </summary>
internal static class HeimFigures
{
    /// <summary>Per unit: heated area (m²), district heating (kWh), diesel (l), petrol (l), kilometres driven, business flights (km).</summary>
    private static readonly Dictionary<string, (int Area, int DistrictHeating, int Diesel, int Petrol, int Kilometres, int Flights)> Units = new(StringComparer.Ordinal)
    {
        ["raadhuset"] = (6_000, 310_000, 400, 150, 6_000, 12_000),
        ["solsikken"] = (900, 0, 0, 0, 0, 0),
        ["heim-skole"] = (4_200, 0, 0, 0, 0, 0),
        ["heimtun"] = (5_200, 0, 300, 0, 3_000, 0),
        ["hjemmetjenesten"] = (600, 0, 3_200, 0, 42_000, 0),
    };

    /// <summary>Activities the default factor sets have no factors for: left out of the account, with the reason.</summary>
    public static LeftOutActivity[] LeftOut(Core.Localization.Language language) =>
    [
        .. new[] { "waste-recycled", "waste-residual", "waste-hazardous", "flight-domestic" }.Select(a => new LeftOutActivity(a, Render.T(language,
            "ingen faktorer for avfall og flyreiser er lastet inn (Scope 3)", "ingen faktorar for avfall og flyreiser er lasta inn (Scope 3)", "no factors for waste and flights are loaded (Scope 3)"))),
        new("district-heating", Render.T(language, "fjernvarmeverket har ikke publisert en faktor", "fjernvarmeverket har ikkje publisert ein faktor", "the district heating plant has published no factor")),
    ];

    /// <summary>A unit's report for a year, checked by the lifecycle as of its clock.</summary>
    public static EnvironmentalReport Report(OrganisationLifecycle lifecycle, UnitId unit, int year)
    {
        var definition = lifecycle.Organisation.GetUnit(unit);
        var (area, heating, diesel, petrol, kilometres, flights) = Units[unit.Value];
        var n = year - 2025;
        var fte = (double)(definition.FullTimeEquivalents ?? 25m);
        var electricity = Math.Round(area * 105 * Math.Pow(0.96, n));
        var evKilometres = kilometres == 0 ? 0 : Math.Round(kilometres * 0.2 * (1 + n));
        List<IndicatorValue> values =
        [
            new("arsverk", fte, MeasureUnit.FullTimeEquivalent),
            new("oppvarmet-areal", area, MeasureUnit.SquareMetre),
            new("sykefravaer", Math.Round(6.8 - (0.3 * n) + (area % 7 * 0.1), 1), MeasureUnit.Percent),
            new("avfall-sortert", Math.Round(area * 2.0 * (1 + (0.05 * n))), MeasureUnit.Kilogram),
            new("avfall-restavfall", Math.Round(area * 1.2 * Math.Pow(0.92, n)), MeasureUnit.Kilogram, Estimated: true),
            new("strom", electricity, MeasureUnit.KilowattHour),
        ];
        if (heating > 0)
        {
            values.Add(new("fjernvarme", Math.Round(heating * Math.Pow(0.97, n)), MeasureUnit.KilowattHour));
        }

        if (kilometres > 0)
        {
            values.Add(new("diesel", Math.Round(diesel * Math.Pow(0.85, n)), MeasureUnit.Litre));
            values.Add(new("kjoretoy-km", Math.Round(kilometres * Math.Pow(0.85, n)), MeasureUnit.Kilometre));
            values.Add(new("elbil-km", evKilometres, MeasureUnit.Kilometre));
            values.Add(new("elbil-kwh", Math.Round(evKilometres * 0.18), MeasureUnit.KilowattHour));
        }

        if (petrol > 0)
        {
            values.Add(new("bensin", Math.Round(petrol * Math.Pow(0.8, n)), MeasureUnit.Litre));
        }

        if (flights > 0)
        {
            values.Add(new("fly-km", Math.Round(flights * Math.Pow(0.9, n)), MeasureUnit.Kilometre));
        }

        ReportGoal[] goals = [new("10 % mindre strøm enn i 2025", 2028, "strom", Math.Round(area * 105 * 0.9), 2025)];
        string[] measures = year switch
        {
            2025 => ["LED-belysning i fellesarealer"],
            2026 => ["Tidsstyrt ventilasjon", "Ny avfallsstasjon med seks fraksjoner"],
            _ => ["Varmepumpe i kjelleren"],
        };
        return lifecycle.CreateReport(unit, year, values, goals, measures);
    }

    /// <summary>Every unit reports for the year (co-located and attached units through their host).</summary>
    public static OrganisationLifecycle ReportAll(OrganisationLifecycle lifecycle, int year, string actor) =>
        lifecycle.Organisation.AllUnits.Where(u => u.Certificate.Host is null)
            .Aggregate(lifecycle, (current, unit) => current.SubmitAnnualReport(unit.Id, year, actor, Report(current, unit.Id, year)));
}
