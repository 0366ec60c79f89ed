using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using Spectre.Console;
using static Miljofyrtarn.Sample.Console.Render;

namespace Miljofyrtarn.Sample.Console;

/// <summary>The annual report and the climate account, as tables and bar charts that fit the terminal.</summary>
internal static class RenderReports
{
    private static string N(double value, Language language) => Numbers.Format(Math.Round(value, 1), language);

    public static void Report(OrganisationLifecycle lifecycle, UnitId unit, int year, Language language)
    {
        var name = lifecycle.Organisation.GetUnit(unit).Name;
        if (!lifecycle.GetUnitLifecycle(unit).Reports.TryGetValue(year, out var filed) || filed.Content is not { } report)
        {
            throw new BadInputException(T(language,
                $"{name} har ikke levert en rapport med innhold for {year}.",
                $"{name} har ikkje levert ein rapport med innhald for {year}.",
                $"{name} has not submitted a report with content for {year}."));
        }

        var indicators = lifecycle.Rules.Indicators;
        var table = new FitTable(T(language, "Indikator", "Indikator", "Indicator"), T(language, "Verdi", "Verdi", "Value"), T(language, "Kilde", "Kjelde", "Source"))
            .Title(T(language, $"{name}: klima- og miljørapport {year}", $"{name}: klima- og miljørapport {year}", $"{name}: climate and environment report {year}"));
        foreach (var value in report.Values)
        {
            var indicator = indicators.Get(value.Code);
            // A no-break space keeps a figure and its unit on one line however narrow the terminal.
            table.Add(indicator.Name.Get(language), $"{N(value.Value, language)}\u00a0{value.Unit.GetSymbol(language)}",
                value.Estimated ? T(language, "anslått", "anslått", "estimated") : T(language, "målt", "målt", "measured"));
        }

        table.Write();
        var figures = report.GetFigures(indicators);
        var derived = new FitTable(T(language, "Nøkkeltall", "Nøkkeltal", "Key figure"), T(language, "Verdi", "Verdi", "Value"));
        Derived(T(language, "Sorteringsgrad", "Sorteringsgrad", "Sorting rate"), figures.SortingRate, "%");
        Derived(T(language, "Energi per årsverk", "Energi per årsverk", "Energy per FTE"), figures.EnergyPerFullTimeEquivalent, "kWh");
        Derived(T(language, "Energi per m²", "Energi per m²", "Energy per m²"), figures.EnergyPerSquareMetre, "kWh");
        Derived(T(language, "Drivstoff per mil", "Drivstoff per mil", "Fuel per 10 km"), figures.FuelLitresPer10Kilometres, "l");
        derived.Write();
        foreach (var goal in report.Goals)
        {
            AnsiConsole.MarkupLine(Markup.Escape(T(language, "Mål: ", "Mål: ", "Goal: ") + $"{goal.Text} ({goal.TargetYear})"));
        }

        foreach (var measure in report.Measures)
        {
            AnsiConsole.MarkupLine(Markup.Escape(T(language, "Tiltak: ", "Tiltak: ", "Measure: ") + measure));
        }

        var previous = lifecycle.GetUnitLifecycle(unit).Reports.Values.LastOrDefault(r => r.Year < year && r.Content is not null)?.Content;
        var warnings = previous is null ? [] : report.CompareWith(previous);
        AnsiConsole.MarkupLine(warnings.IsEmpty
            ? Markup.Escape(T(language, "Ingen avvik å kontrollere.", "Ingen avvik å kontrollere.", "Nothing to check."))
            : string.Join("\n", warnings.Select(w => $"[yellow]{Markup.Escape(w.ToString(language))}[/]")));

        void Derived(string label, double? value, string unitSymbol) =>
            derived.Add(label, value is { } v ? $"{N(v, language)}\u00a0{unitSymbol}" : T(language, "mangler grunnlag", "manglar grunnlag", "not enough data"));
    }

    public static void Climate(OrganisationLifecycle lifecycle, int? onlyYear, Language language, Func<string, string>? caption = null)
    {
        var years = lifecycle.Organisation.AllUnits.SelectMany(u => lifecycle.GetUnitLifecycle(u.Id).Reports.Values).Where(r => r.Content is not null)
            .Select(r => r.Year).Distinct().Order().Where(y => onlyYear is null || y == onlyYear).ToArray();
        if (years.Length == 0)
        {
            throw new BadInputException(onlyYear is { } y
                ? T(language, $"ingen rapporter med innhold for {y}.", $"ingen rapportar med innhald for {y}.", $"no reports with content for {y}.")
                : T(language, "ingen rapporter med innhold ennå.", "ingen rapportar med innhald enno.", "no reports with content yet."));
        }

        caption ??= text => text;
        // Each year with the factor set its reports recorded (or a recorded recomputation's), so the figures stay as submitted.
        var accounts = years.Select(year => ClimateAccount.ComputeCombined(lifecycle.GetReports(year), lifecycle.Rules.Indicators,
            lifecycle.GetClimateAccountFactorSets(year)[^1], HeimFigures.LeftOut(language))).ToArray();
        var latest = accounts[^1];
        var table = new FitTable(T(language, "Utslipp", "Utslepp", "Emissions"), T(language, "kg CO₂e", "kg CO₂e", "kg CO₂e"))
            .Title(caption(T(language, $"{lifecycle.Organisation.Name}: klimaregnskap {latest.Year} ({latest.FactorSet.Id})",
                $"{lifecycle.Organisation.Name}: klimarekneskap {latest.Year} ({latest.FactorSet.Id})", $"{lifecycle.Organisation.Name}: climate account {latest.Year} ({latest.FactorSet.Id})")));
        var notComputed = T(language, "ikke beregnet (ingen restmiks)", "ikkje rekna ut (ingen restmiks)", "not computed (no residual mix)");
        table.Add(T(language, "Scope 1: egen forbrenning", "Scope 1: eiga forbrenning", "Scope 1: own combustion"), N(latest.Scope1, language));
        table.Add(T(language, "Scope 2: strøm, lokasjonsbasert", "Scope 2: straum, lokasjonsbasert", "Scope 2: electricity, location-based"), N(latest.Scope2LocationBased, language));
        table.Add(T(language, "Scope 2: strøm, markedsbasert", "Scope 2: straum, marknadsbasert", "Scope 2: electricity, market-based"), latest.Scope2MarketBased is { } market ? N(market, language) : notComputed);
        table.Add(T(language, "Scope 3", "Scope 3", "Scope 3"), N(latest.Scope3, language));
        table.Add(T(language, "Totalt (lokasjonsbasert)", "Totalt (lokasjonsbasert)", "Total (location-based)"), N(latest.Total, language));
        table.Add(T(language, "Per årsverk", "Per årsverk", "Per FTE"), latest.PerFullTimeEquivalent is { } perFte ? N(perFte, language) : "–");
        table.Add(T(language, "Biogent CO₂ (utenfor totalen)", "Biogent CO₂ (utanfor totalen)", "Biogenic CO₂ (outside the total)"), N(latest.Biogenic, language));
        table.Write();

        var chart = new BarChart().Width(Math.Min(60, AnsiConsole.Profile.Width)).Label(T(language, "Per scope (kg CO₂e)", "Per scope (kg CO₂e)", "By scope (kg CO₂e)"));
        chart.AddItem("Scope 1", Math.Round(latest.Scope1), Color.Yellow);
        chart.AddItem("Scope 2", Math.Round(latest.Scope2LocationBased), Color.Blue);
        chart.AddItem("Scope 3", Math.Round(latest.Scope3), Color.Grey);
        AnsiConsole.Write(chart);

        foreach (var left in latest.LeftOut.DistinctBy(l => l.Reason))
        {
            // Named by the indicators that measure them, as the coordinator knows them.
            var activities = string.Join(", ", latest.LeftOut.Where(l => l.Reason == left.Reason)
                .SelectMany(l => lifecycle.Rules.Indicators.Indicators.Where(i => i.Activity == l.Activity).Select(i => i.Name.Get(language))));
            AnsiConsole.MarkupLine(Markup.Escape(T(language, "Utelatt: ", "Utelate: ", "Left out: ") + $"{activities}: {left.Reason}"));
        }

        foreach (var warning in latest.Warnings)
        {
            // What the reports give that the account cannot count: named, never a silent zero.
            AnsiConsole.MarkupLine("[yellow]" + Markup.Escape(T(language, "Advarsel: ", "Åtvaring: ", "Warning: ") + warning.GetMessage(language)) + "[/]");
        }

        if (accounts.Length > 1)
        {
            var trend = new FitTable(T(language, "År", "År", "Year"), T(language, "Totalt kg CO₂e", "Totalt kg CO₂e", "Total kg CO₂e"), T(language, "Endring", "Endring", "Change"))
                .Title(caption(T(language, "Utvikling", "Utvikling", "Trend")));
            var trendChart = new BarChart().Width(Math.Min(60, AnsiConsole.Profile.Width)).Label(T(language, "Totalt per år (kg CO₂e)", "Totalt per år (kg CO₂e)", "Total per year (kg CO₂e)"));
            for (var i = 0; i < accounts.Length; i++)
            {
                var change = i == 0 ? "–" : accounts[i].ChangeFrom(accounts[i - 1]).Percent is { } percent ? $"{N(percent, language)} %" : "–";
                trend.Add(accounts[i].Year.ToString(System.Globalization.CultureInfo.InvariantCulture), N(accounts[i].Total, language), change);
                trendChart.AddItem(accounts[i].Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Math.Round(accounts[i].Total), Color.Green);
            }

            trend.Write();
            AnsiConsole.Write(trendChart);
        }

        if (lifecycle.ToClimateTargetView(null, HeimFigures.LeftOut(language)) is { } target)
        {
            Target(target, language, caption);
        }
    }

    /// <summary>The climate target: each year against the path, and what the next target still asks for.</summary>
    private static void Target(ClimateTargetView target, Language language, Func<string, string> caption)
    {
        var milestones = string.Join(", ", target.Milestones.Select(m => $"{m.Year} −{N(m.ReductionPercent, language)} %"));
        var table = new FitTable(T(language, "År", "År", "Year"), T(language, "Utslipp", "Utslepp", "Emissions"), T(language, "Sporet", "Sporet", "Path"), T(language, "På sporet", "På sporet", "On track"))
            .Title(caption(T(language, $"Klimamålet fra {target.BaseYear}: {milestones}", $"Klimamålet frå {target.BaseYear}: {milestones}", $"The climate target from {target.BaseYear}: {milestones}")));
        var chart = new BarChart().Width(Math.Min(60, AnsiConsole.Profile.Width)).Label(T(language, "Utslipp mot sporet (kg CO₂e)", "Utslepp mot sporet (kg CO₂e)", "Emissions against the path (kg CO₂e)"));
        foreach (var year in target.Years)
        {
            var label = year.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            table.Add(label, N(year.Emissions, language), N(year.Path, language), year.OnTrack ? T(language, "ja", "ja", "yes") : T(language, "nei", "nei", "no"));
            chart.AddItem(label, Math.Round(year.Emissions), year.OnTrack ? Color.Green : Color.Red);
            chart.AddItem(label + T(language, " (sporet)", " (sporet)", " (path)"), Math.Round(year.Path), Color.Grey);
        }

        table.Write();
        AnsiConsole.Write(chart);
        if (target.NextTargetYear is { } next && target.RequiredCutPerYear is { } cut)
        {
            AnsiConsole.MarkupLine(Markup.Escape(T(language,
                $"For å nå målet for {next} må utslippene ned {N(cut, language)} kg CO₂e i året ({N(target.RequiredCutPercentPerYear ?? 0, language)} %).",
                $"For å nå målet for {next} må utsleppa ned {N(cut, language)} kg CO₂e i året ({N(target.RequiredCutPercentPerYear ?? 0, language)} %).",
                $"To reach the {next} target, emissions must fall by {N(cut, language)} kg CO₂e a year ({N(target.RequiredCutPercentPerYear ?? 0, language)} %).")));
        }
    }
}
