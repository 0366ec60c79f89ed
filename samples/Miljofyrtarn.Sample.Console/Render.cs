using System.Globalization;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Schedule;
using Spectre.Console;

namespace Miljofyrtarn.Sample.Console;

/// <summary>Tables and charts for the walkthrough and the commands.</summary>
internal static class Render
{
    /// <summary>One line on standard error: «feil: …» in nb and nn, «error: …» in en.</summary>
    public static string Error(Language language, string message) => T(language, "feil: ", "feil: ", "error: ") + message;

    public static string T(Language language, string nb, string nn, string en) => language switch
    {
        Language.English => en,
        Language.NorwegianNynorsk => nn,
        _ => nb,
    };

    public static void Heading(string text) => AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(text)}[/]").LeftJustified());

    public static void Status(OrganisationLifecycle lifecycle, Language language)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(lifecycle.Organisation.Name)}[/] ({lifecycle.Organisation.Number}): "
            + $"{T(language, "fase", "fase", "phase")} [green]{(int)lifecycle.Phase}. {Markup.Escape(lifecycle.Phase.GetName(language))}[/]");
        var table = new Table().AddColumns(T(language, "Enhet", "Eining", "Unit"), T(language, "Status", "Status", "State"), T(language, "Sertifikat", "Sertifikat", "Certificate"), T(language, "Gyldig til", "Gyldig til", "Valid to"));
        foreach (var unit in lifecycle.Organisation.AllUnits)
        {
            var state = lifecycle.GetUnitLifecycle(unit.Id);
            var certificate = state.CurrentCertificate;
            table.AddRow(Markup.Escape($"{unit.Name} ({unit.Id})"), Markup.Escape(state.State.GetName(language)), Markup.Escape(certificate?.Number ?? "–"),
                certificate is null ? "–" : certificate.ValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
    }

    public static void Actions(OrganisationLifecycle lifecycle, Core.Organisations.UnitId unit, Language language)
    {
        var table = new Table().Title(Markup.Escape(lifecycle.Organisation.GetUnit(unit).Name)).AddColumns(T(language, "Handling", "Handling", "Action"), T(language, "Årsak", "Årsak", "Why"));
        foreach (var action in lifecycle.GetActions(unit).Where(a => a.IsAllowed || a.Reasons.All(r => r.Code != Core.Diagnostics.ErrorCodes.ActionNotAllowedInState)))
        {
            table.AddRow(
                action.IsAllowed ? $"[green]{Markup.Escape(action.Action.GetName(language))}[/]" : $"[red]{Markup.Escape(action.Action.GetName(language))}[/]",
                action.IsAllowed ? T(language, "tillatt", "tillate", "allowed") : Markup.Escape(string.Join(Environment.NewLine, action.Reasons.Select(r => r.GetMessage(language)))));
        }

        AnsiConsole.Write(table);
    }

    public static void Readiness(OrganisationLifecycle lifecycle, Core.Organisations.UnitId unit, Language language)
    {
        var readiness = lifecycle.Organisation.GetReadiness(unit);
        // In a narrow terminal the counts are left out, so the theme names and the percentage keep whole words.
        var narrow = AnsiConsole.Profile.Width < 90;
        var table = new Table().Title(Markup.Escape($"{readiness.Unit.Name}: {readiness.Counts.PercentMustFulfilled:F0} %"))
            .AddColumn(T(language, "Tema", "Tema", "Theme"));
        if (!narrow)
        {
            table.AddColumns(T(language, "Oppfylt", "Oppfylt", "Fulfilled"), T(language, "Under arbeid", "Under arbeid", "In progress"), T(language, "Ikke startet", "Ikkje starta", "Not started"));
        }

        table.AddColumn(T(language, "Skal-krav oppfylt", "Skal-krav oppfylt", "Must fulfilled"));
        var chart = new BarChart().Width(Math.Min(60, AnsiConsole.Profile.Width)).Label(T(language, "Skal-krav oppfylt (%)", "Skal-krav oppfylt (%)", "Must-criteria fulfilled (%)"));
        foreach (var theme in readiness.Themes)
        {
            var counts = theme.Counts;
            table.AddRow(narrow
                ? [Markup.Escape(theme.Theme.Name.Get(language)), $"{counts.PercentMustFulfilled:F0} %"]
                : [Markup.Escape(theme.Theme.Name.Get(language)), counts.Fulfilled.ToString(CultureInfo.InvariantCulture), counts.InProgress.ToString(CultureInfo.InvariantCulture),
                    counts.NotStarted.ToString(CultureInfo.InvariantCulture), $"{counts.PercentMustFulfilled:F0} %"]);
            chart.AddItem(theme.Theme.Name.Get(language), Math.Round(counts.PercentMustFulfilled), counts.PercentMustFulfilled >= 100 ? Color.Green : Color.Yellow);
        }

        AnsiConsole.Write(table);
        AnsiConsole.Write(chart);
    }

    public static void Deadlines(IEnumerable<Deadline> deadlines, Language language)
    {
        var table = new Table().AddColumns(T(language, "Frist", "Frist", "Due"), T(language, "Hva", "Kva", "What"), T(language, "Enhet", "Eining", "Unit"), T(language, "Status", "Status", "Status"));
        foreach (var deadline in deadlines)
        {
            var name = Markup.Escape(deadline.Status.GetName(language));
            var status = deadline.Status switch
            {
                DeadlineStatus.Overdue => $"[red bold]! {name}[/]",
                DeadlineStatus.DueSoon => $"[yellow]{name}[/]",
                DeadlineStatus.Met => $"[green]{name}[/]",
                _ => name,
            };
            table.AddRow(Dates.Format(deadline.DueDate, language),
                Markup.Escape(deadline.Kind.GetName(language) + (deadline.Year is { } year ? $" {year}" : string.Empty)), Markup.Escape(deadline.UnitName), status);
        }

        AnsiConsole.Write(table);
    }
}
