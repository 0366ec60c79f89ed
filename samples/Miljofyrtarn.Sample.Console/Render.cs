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

    public static void Status(OrganisationLifecycle lifecycle, Language language, string? caption = null)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(lifecycle.Organisation.Name)}[/] ({lifecycle.Organisation.Number}): "
            + $"{T(language, "fase", "fase", "phase")} [green]{(int)lifecycle.Phase}. {Markup.Escape(lifecycle.Phase.GetName(language))}[/]");
        var table = new FitTable(T(language, "Enhet", "Eining", "Unit"), T(language, "Status", "Status", "State"), T(language, "Sertifikat", "Sertifikat", "Certificate"), T(language, "Gyldig til", "Gyldig til", "Valid to"))
            .Title(caption);
        foreach (var unit in lifecycle.Organisation.AllUnits)
        {
            var state = lifecycle.GetUnitLifecycle(unit.Id);
            var certificate = state.CurrentCertificate;
            table.Add($"{unit.Name} ({unit.Id})", state.State.GetName(language), certificate?.Number ?? "–", certificate is null ? "–" : Dates.Format(certificate.ValidTo, language));
        }

        table.Write();
    }

    public static void Actions(OrganisationLifecycle lifecycle, Core.Organisations.UnitId unit, Language language, string? caption = null)
    {
        var table = new FitTable(T(language, "Handling", "Handling", "Action"), T(language, "Årsak", "Årsak", "Why")).Title(caption ?? lifecycle.Organisation.GetUnit(unit).Name);
        foreach (var action in lifecycle.GetActions(unit).Where(a => a.IsAllowed || a.Reasons.All(r => r.Code != Core.Diagnostics.ErrorCodes.ActionNotAllowedInState)))
        {
            var name = action.Action.GetName(language);
            var why = action.IsAllowed ? T(language, "tillatt", "tillate", "allowed") : string.Join("\n", action.Reasons.Select(r => r.GetMessage(language)));
            table.Add(
                (action.IsAllowed ? $"[green]{Markup.Escape(name)}[/]" : $"[red]{Markup.Escape(name)}[/]", name),
                (Markup.Escape(why), why));
        }

        table.Write();
    }

    public static void Readiness(OrganisationLifecycle lifecycle, Core.Organisations.UnitId unit, Language language, string? caption = null)
    {
        var readiness = lifecycle.Organisation.GetReadiness(unit);
        // In a narrow terminal the counts are left out, so the theme names and the percentage keep whole words.
        var narrow = AnsiConsole.Profile.Width < 90;
        string[] headers = narrow
            ? [T(language, "Tema", "Tema", "Theme"), T(language, "Skal-krav oppfylt", "Skal-krav oppfylt", "Must fulfilled")]
            : [T(language, "Tema", "Tema", "Theme"), T(language, "Oppfylt", "Oppfylt", "Fulfilled"), T(language, "Under arbeid", "Under arbeid", "In progress"),
                T(language, "Ikke startet", "Ikkje starta", "Not started"), T(language, "Skal-krav oppfylt", "Skal-krav oppfylt", "Must fulfilled")];
        var table = new FitTable(headers).Title($"{caption ?? readiness.Unit.Name}: {readiness.Counts.PercentMustFulfilled:F0} %");
        var chart = new BarChart().Width(Math.Min(60, AnsiConsole.Profile.Width)).Label(T(language, "Skal-krav oppfylt (%)", "Skal-krav oppfylt (%)", "Must-criteria fulfilled (%)"));
        foreach (var theme in readiness.Themes)
        {
            var counts = theme.Counts;
            var name = theme.Theme.Name.Get(language);
            table.Add(narrow
                ? [name, $"{counts.PercentMustFulfilled:F0} %"]
                : [name, counts.Fulfilled.ToString(CultureInfo.InvariantCulture), counts.InProgress.ToString(CultureInfo.InvariantCulture),
                    counts.NotStarted.ToString(CultureInfo.InvariantCulture), $"{counts.PercentMustFulfilled:F0} %"]);
            chart.AddItem(name, Math.Round(counts.PercentMustFulfilled), counts.PercentMustFulfilled >= 100 ? Color.Green : Color.Yellow);
        }

        table.Write();
        AnsiConsole.Write(chart);
    }

    private static (string Markup, string Plain) Plain(string text) => (Markup.Escape(text), text);

    public static void Deadlines(IEnumerable<Deadline> deadlines, Language language, string? caption = null)
    {
        var table = new FitTable(T(language, "Frist", "Frist", "Due"), T(language, "Hva", "Kva", "What"), T(language, "Enhet", "Eining", "Unit"), T(language, "Status", "Status", "Status"))
            .Title(caption);
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
            table.Add(
                Plain(Dates.Format(deadline.DueDate, language)),
                Plain(deadline.Kind.GetName(language) + (deadline.Year is { } year ? $" {year}" : string.Empty)),
                Plain(deadline.UnitName),
                (status, (deadline.Status == DeadlineStatus.Overdue ? "! " : string.Empty) + deadline.Status.GetName(language)));
        }

        table.Write();
    }
}
