using System.ComponentModel;
using Miljofyrtarn.Calendar;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Sqlite;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using static Miljofyrtarn.Sample.Console.Render;

namespace Miljofyrtarn.Sample.Console;

/// <summary>The exit codes: 0 success, 1 a domain refusal, 2 bad usage or bad input.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Refused = 1;
    public const int BadInput = 2;
}

/// <summary>Bad input from the user (a file, an ID, a value): exit code 2 with one line on stderr.</summary>
internal sealed class BadInputException(string message, Exception? inner = null) : Exception(message, inner);

internal class LanguageSettings : CommandSettings
{
    [CommandOption("--lang <LANG>")]
    [Description("nb (default), nn or en")]
    public string Lang { get; init; } = "nb";

    public Language Language => LanguageExtensions.TryParseTag(Lang, out var language) ? language : Language.NorwegianBokmal;

    public override ValidationResult Validate() =>
        LanguageExtensions.TryParseTag(Lang, out _) ? ValidationResult.Success() : ValidationResult.Error($"--lang must be nb, nn or en, not '{Lang}'.");
}

internal class FileSettings : LanguageSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A JSON snapshot (.json) or a SQLite event store (.db)")]
    public string File { get; init; } = string.Empty;

    [CommandOption("--stream <STREAM>")]
    [Description("The organisation in a SQLite file; needed only when it holds more than one")]
    public string? Stream { get; init; }
}

/// <summary>Every command: reads its input, runs, and maps failures to exit codes with one line on stderr.</summary>
internal abstract class SampleCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : LanguageSettings
{
    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(settings, cancellationToken);
        }
        catch (BadInputException exception)
        {
            await System.Console.Error.WriteLineAsync(Render.Error(settings.Language, exception.Message));
            return ExitCodes.BadInput;
        }
        catch (MiljofyrtarnException exception)
        {
            await System.Console.Error.WriteLineAsync(Render.Error(settings.Language, exception.Diagnostics[0].ToString(settings.Language)));
            return ExitCodes.Refused;
        }
    }

    protected abstract Task<int> RunAsync(TSettings settings, CancellationToken cancellationToken);

    /// <summary>Loads a saved organisation; every problem with the file is bad input.</summary>
    protected static async Task<OrganisationLifecycle> LoadAsync(FileSettings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.File))
        {
            throw new BadInputException(Render.T(settings.Language, $"filen «{settings.File}» finnes ikke.", $"fila «{settings.File}» finst ikkje.", $"the file '{settings.File}' does not exist."));
        }

        var catalog = CriteriaCatalog.LoadDefault();
        try
        {
            var language = settings.Language;
            if (settings.File.EndsWith(".db", StringComparison.OrdinalIgnoreCase) || settings.File.EndsWith(".sqlite", StringComparison.OrdinalIgnoreCase))
            {
                await using var store = await SqliteEventStore.OpenAsync(settings.File, cancellationToken);
                var streams = (await store.ListStreamsAsync(null, EventStoreRules.MaxPageSize, cancellationToken)).Select(s => s.Name).ToList();
                var list = string.Join(", ", streams);
                var stream = settings.Stream ?? (streams.Count == 1 ? streams[0] : throw new BadInputException(Render.T(language,
                    $"filen har {streams.Count} organisasjoner ({list}); velg én med --stream.",
                    $"fila har {streams.Count} organisasjonar ({list}); vel éin med --stream.",
                    $"the file holds {streams.Count} organisations ({list}); choose one with --stream.")));
                if (!streams.Contains(stream))
                {
                    throw new BadInputException(Render.T(language,
                        $"filen har ingen organisasjon «{stream}»; den har {list}.",
                        $"fila har ingen organisasjon «{stream}»; ho har {list}.",
                        $"the file holds no organisation '{stream}'; it holds {list}."));
                }

                return await store.LoadAsync(stream, catalog, SystemClock.Instance, cancellationToken: cancellationToken);
            }

            if (settings.Stream is not null)
            {
                throw new BadInputException(Render.T(language,
                    "--stream gjelder bare en SQLite-fil (.db); et JSON-øyeblikksbilde har én organisasjon.",
                    "--stream gjeld berre ei SQLite-fil (.db); eit JSON-augneblinksbilete har éin organisasjon.",
                    "--stream applies only to a SQLite file (.db); a JSON snapshot holds one organisation."));
            }

            return SnapshotJson.Read(await File.ReadAllBytesAsync(settings.File, cancellationToken), catalog, SystemClock.Instance);
        }
        catch (MiljofyrtarnException exception)
        {
            throw new BadInputException($"«{settings.File}»: {exception.Diagnostics[0].ToString(settings.Language)}", exception);
        }
    }

    protected static UnitId Unit(OrganisationLifecycle lifecycle, string id, Language language)
    {
        if (UnitId.IsValid(id) && lifecycle.Organisation.TryGetUnit(new UnitId(id), out var unit))
        {
            return unit.Id;
        }

        var units = string.Join(", ", lifecycle.Organisation.AllUnits.Select(u => $"{u.Id} ({u.Name})"));
        throw new BadInputException(Render.T(language,
            $"organisasjonen har ingen enhet «{id}»; enhetene er {units}.",
            $"organisasjonen har inga eining «{id}»; einingane er {units}.",
            $"the organisation has no unit '{id}'; its units are {units}."));
    }

    /// <summary>The unit named by --unit, or every unit.</summary>
    protected static IEnumerable<UnitId> Units(OrganisationLifecycle lifecycle, UnitSettings settings) =>
        settings.Unit is { } id ? [Unit(lifecycle, id, settings.Language)] : lifecycle.Organisation.AllUnits.Select(u => u.Id);

    protected static LocalDate Date(string? text, LocalDate fallback, string option, Language language) =>
        text is null ? fallback
        : LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value
        : throw new BadInputException(Render.T(language,
            $"{option} skal være en dato som 2026-04-01, ikke «{text}».",
            $"{option} skal vere ein dato som 2026-04-01, ikkje «{text}».",
            $"{option} must be a date like 2026-04-01, not '{text}'."));
}

internal sealed class DemoSettings : LanguageSettings
{
    [CommandOption("-o|--output <FILE>")]
    [Description("Where to save Heim: a .json snapshot or a .db SQLite event store")]
    public string Output { get; init; } = "heim.json";
}

[Description("Save Heim kommune (certified, 2025 reported) to try the other commands on")]
internal sealed class DemoCommand : SampleCommand<DemoSettings>
{
    protected override async Task<int> RunAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        var heim = HeimScenario.Complete(CriteriaCatalog.LoadDefault(), new SimulatedClock(Instant.FromUtc(2024, 1, 15, 8, 0)));
        if (settings.Output.EndsWith(".db", StringComparison.OrdinalIgnoreCase))
        {
            var store = await SqliteEventStore.OpenAsync(settings.Output, cancellationToken);
            await store.SaveAsync(heim.Organisation.Number.Value, heim, await store.GetVersionAsync(heim.Organisation.Number.Value, cancellationToken), cancellationToken);
        }
        else
        {
            await File.WriteAllBytesAsync(settings.Output, SnapshotJson.Write(heim), cancellationToken);
        }

        AnsiConsole.MarkupLine(Markup.Escape($"{heim.Organisation.Name}: {settings.Output}"));
        return ExitCodes.Success;
    }
}

[Description("The organisation's phase and each unit's state")]
internal sealed class StatusCommand : SampleCommand<FileSettings>
{
    protected override async Task<int> RunAsync(FileSettings settings, CancellationToken cancellationToken)
    {
        Status(await LoadAsync(settings, cancellationToken), settings.Language);
        return ExitCodes.Success;
    }
}

internal sealed class UnitSettings : FileSettings
{
    [CommandOption("-u|--unit <UNIT>")]
    [Description("One unit's ID; every unit when left out")]
    public string? Unit { get; init; }
}

[Description("Readiness per theme, with what still blocks certification")]
internal sealed class ReadinessCommand : SampleCommand<UnitSettings>
{
    protected override async Task<int> RunAsync(UnitSettings settings, CancellationToken cancellationToken)
    {
        var lifecycle = await LoadAsync(settings, cancellationToken);
        foreach (var unit in Units(lifecycle, settings))
        {
            Readiness(lifecycle, unit, settings.Language);
        }

        return ExitCodes.Success;
    }
}

[Description("The actions allowed and blocked for each unit, and why")]
internal sealed class NextCommand : SampleCommand<UnitSettings>
{
    protected override async Task<int> RunAsync(UnitSettings settings, CancellationToken cancellationToken)
    {
        var lifecycle = await LoadAsync(settings, cancellationToken);
        foreach (var unit in Units(lifecycle, settings))
        {
            Actions(lifecycle, unit, settings.Language);
        }

        return ExitCodes.Success;
    }
}

internal sealed class DeadlineSettings : FileSettings
{
    [CommandOption("--from <DATE>")]
    [Description("First day (default today)")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Last day (default one year after --from)")]
    public string? To { get; init; }
}

[Description("Deadlines from --from to --to; without --from, also everything overdue")]
internal sealed class DeadlinesCommand : SampleCommand<DeadlineSettings>
{
    protected override async Task<int> RunAsync(DeadlineSettings settings, CancellationToken cancellationToken)
    {
        var lifecycle = await LoadAsync(settings, cancellationToken);
        var schedule = new DeadlineSchedule(lifecycle);
        var from = Date(settings.From, schedule.Today, "--from", settings.Language);
        var to = Date(settings.To, from.PlusYears(1), "--to", settings.Language);
        // Without --from, what is overdue comes first, then what is coming.
        var overdue = settings.From is null ? schedule.Overdue() : [];
        Deadlines([.. overdue, .. schedule.Between(from, to).Where(d => !overdue.Contains(d))], settings.Language);
        return ExitCodes.Success;
    }
}

internal sealed class HolidaySettings : LanguageSettings
{
    [CommandArgument(0, "<YEAR>")]
    public int Year { get; init; }
}

[Description("Norway's public holidays of a year, one 'YYYY-MM-DD name' per line")]
internal sealed class HolidaysCommand : SampleCommand<HolidaySettings>
{
    protected override Task<int> RunAsync(HolidaySettings settings, CancellationToken cancellationToken)
    {
        if (settings.Year is < NorwegianHolidayCalendar.FirstYear or > NorwegianHolidayCalendar.LastYear)
        {
            throw new BadInputException(Render.T(settings.Language,
                $"året skal være fra {NorwegianHolidayCalendar.FirstYear} til {NorwegianHolidayCalendar.LastYear}, ikke {settings.Year}.",
                $"året skal vere frå {NorwegianHolidayCalendar.FirstYear} til {NorwegianHolidayCalendar.LastYear}, ikkje {settings.Year}.",
                $"the year must be from {NorwegianHolidayCalendar.FirstYear} to {NorwegianHolidayCalendar.LastYear}, not {settings.Year}."));
        }

        foreach (var holiday in NorwegianHolidayCalendar.Instance.GetHolidays(settings.Year))
        {
            System.Console.Out.WriteLine($"{Dates.Format(holiday.Date, settings.Language)} {holiday.Name.Get(settings.Language)}");
        }

        return Task.FromResult(ExitCodes.Success);
    }
}

internal sealed class IcsSettings : FileSettings
{
    [CommandOption("-o|--output <FILE>")]
    [Description("The .ics file to write")]
    public string Output { get; init; } = "miljofyrtarn.ics";
}

[Description("Export the deadlines of the next three years as an iCalendar file")]
internal sealed class IcsCommand : SampleCommand<IcsSettings>
{
    protected override async Task<int> RunAsync(IcsSettings settings, CancellationToken cancellationToken)
    {
        var lifecycle = await LoadAsync(settings, cancellationToken);
        var schedule = new DeadlineSchedule(lifecycle);
        var ics = DeadlineCalendar.Export(schedule, schedule.Today, schedule.Today.PlusYears(3), CalendarExportOptions.Default with { Language = settings.Language, CalendarName = $"Miljøfyrtårn – {lifecycle.Organisation.Name}" });
        await File.WriteAllTextAsync(settings.Output, ics, cancellationToken);
        AnsiConsole.MarkupLine(Markup.Escape(settings.Output));
        return ExitCodes.Success;
    }
}

internal sealed class CatalogSettings : LanguageSettings
{
    [CommandArgument(0, "<FILE>")]
    public string File { get; init; } = string.Empty;
}

[Description("Check a catalog file; every problem with its code, path and line")]
internal sealed class ValidateCatalogCommand : SampleCommand<CatalogSettings>
{
    protected override Task<int> RunAsync(CatalogSettings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.File))
        {
            throw new BadInputException(Render.T(settings.Language, $"filen «{settings.File}» finnes ikke.", $"fila «{settings.File}» finst ikkje.", $"the file '{settings.File}' does not exist."));
        }

        try
        {
            var catalog = CriteriaCatalog.LoadFile(settings.File);
            System.Console.Out.WriteLine($"{catalog.Version}: {catalog.Criteria.Length} criteria, {catalog.Sets.Length} sets, {catalog.Themes.Length} themes");
            return Task.FromResult(ExitCodes.Success);
        }
        catch (CatalogLoadException exception)
        {
            foreach (var problem in exception.Diagnostics)
            {
                System.Console.Error.WriteLine(Render.Error(settings.Language, problem.ToString(settings.Language)));
            }

            return Task.FromResult(ExitCodes.BadInput);
        }
    }
}

internal sealed class MermaidSettings : LanguageSettings
{
    [CommandOption("--ids")]
    [Description("Label with the code's identifiers (docs/lifecycle.md) instead of words in the chosen language")]
    public bool Ids { get; init; }
}

[Description("The lifecycle diagrams (Mermaid), generated from the tables the library runs, labelled in the chosen language")]
internal sealed class MermaidCommand : SampleCommand<MermaidSettings>
{
    protected override Task<int> RunAsync(MermaidSettings settings, CancellationToken cancellationToken)
    {
        System.Console.Out.Write(settings.Ids ? OrganisationLifecycle.GetMermaidDiagrams() : OrganisationLifecycle.GetMermaidDiagrams(settings.Language));
        return Task.FromResult(ExitCodes.Success);
    }
}

internal sealed class ReportSettings : FileSettings
{
    [CommandOption("-u|--unit <UNIT>")]
    [Description("The unit whose report to show")]
    public string Unit { get; init; } = string.Empty;

    [CommandOption("-y|--year <YEAR>")]
    [Description("The year the report covers")]
    public int Year { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrEmpty(Unit) || Year == 0 ? ValidationResult.Error("--unit and --year are required.") : base.Validate();
}

[Description("A unit's annual climate and environment report: figures, key figures, goals, measures and what to check")]
internal sealed class ReportCommand : SampleCommand<ReportSettings>
{
    protected override async Task<int> RunAsync(ReportSettings settings, CancellationToken cancellationToken)
    {
        var lifecycle = await LoadAsync(settings, cancellationToken);
        RenderReports.Report(lifecycle, Unit(lifecycle, settings.Unit, settings.Language), settings.Year, settings.Language);
        return ExitCodes.Success;
    }
}

internal sealed class ClimateSettings : FileSettings
{
    [CommandOption("-y|--year <YEAR>")]
    [Description("One year; every reported year when left out, with the trend")]
    public int? Year { get; init; }
}

[Description("The organisation's climate account by scope, and its trend over the years")]
internal sealed class ClimateCommand : SampleCommand<ClimateSettings>
{
    protected override async Task<int> RunAsync(ClimateSettings settings, CancellationToken cancellationToken)
    {
        RenderReports.Climate(await LoadAsync(settings, cancellationToken), settings.Year, settings.Language);
        return ExitCodes.Success;
    }
}
