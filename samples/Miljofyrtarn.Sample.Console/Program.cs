using Miljofyrtarn.Sample.Console;
using Spectre.Console.Cli;

// dotnet run --project samples/Miljofyrtarn.Sample.Console               walks through Heim kommune
// dotnet run --project samples/Miljofyrtarn.Sample.Console -- --help     lists the commands
// A terminal's width, or COLUMNS when it is set (so a narrow terminal, or a test, can say what to lay out for).
if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0)
{
    Spectre.Console.AnsiConsole.Profile.Width = columns;
}

var app = new CommandApp<WalkthroughCommand>();
app.Configure(config =>
{
    config.SetApplicationName("miljofyrtarn-sample");
    config.AddCommand<WalkthroughCommand>("walkthrough");
    config.AddCommand<DemoCommand>("demo");
    config.AddCommand<StatusCommand>("status");
    config.AddCommand<ReadinessCommand>("readiness");
    config.AddCommand<NextCommand>("next");
    config.AddCommand<DeadlinesCommand>("deadlines");
    config.AddCommand<ReportCommand>("report");
    config.AddCommand<ClimateCommand>("climate");
    config.AddCommand<HolidaysCommand>("holidays");
    config.AddCommand<IcsCommand>("ics");
    config.AddCommand<RemindCommand>("remind");
    config.AddCommand<ValidateCatalogCommand>("validate-catalog");
    config.AddCommand<MermaidCommand>("mermaid");
    config.SetExceptionHandler((exception, _) =>
    {
        // Bad usage (an unknown command or option, a missing argument, a value of the wrong kind): one line, exit code 2.
        // The parser's own text is English, so Norwegian readers get our words and the usage hint instead.
        var language = Args.Language(args);
        Console.Error.WriteLine(Render.Error(language, Render.T(language,
            "kommandoen eller et argument er ugyldig; se --help.",
            "kommandoen eller eit argument er ugyldig; sjå --help.",
            exception.Message)));
        return ExitCodes.BadInput;
    });
});

return await app.RunAsync(args);

/// <summary>The language asked for with --lang, read before the parser runs (Bokmål when absent or unknown).</summary>
internal static class Args
{
    public static Miljofyrtarn.Core.Localization.Language Language(string[] args)
    {
        var at = Array.IndexOf(args, "--lang");
        return at >= 0 && at + 1 < args.Length && Miljofyrtarn.Core.Localization.LanguageExtensions.TryParseTag(args[at + 1], out var language)
            ? language
            : Miljofyrtarn.Core.Localization.Language.NorwegianBokmal;
    }
}
