using Miljofyrtarn.Sample.Console;
using Spectre.Console.Cli;

// dotnet run --project samples/Miljofyrtarn.Sample.Console               walks through Heim kommune
// dotnet run --project samples/Miljofyrtarn.Sample.Console -- --help     lists the commands
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
    config.AddCommand<HolidaysCommand>("holidays");
    config.AddCommand<IcsCommand>("ics");
    config.AddCommand<ValidateCatalogCommand>("validate-catalog");
    config.AddCommand<MermaidCommand>("mermaid");
    config.SetExceptionHandler((exception, _) =>
    {
        // Bad usage (an unknown command or option, a missing argument): one line, exit code 2.
        Console.Error.WriteLine($"error: {exception.Message}");
        return ExitCodes.BadInput;
    });
});

return await app.RunAsync(args);
