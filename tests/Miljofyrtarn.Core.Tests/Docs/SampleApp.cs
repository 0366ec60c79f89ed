using System.Diagnostics;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Docs;

/// <summary>Runs the built sample console app as a user runs it: arguments in, output, errors and exit code out.</summary>
internal static class SampleApp
{
    private static string SamplePath()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        return Path.Combine(RepositoryFiles.Root, "samples", "Miljofyrtarn.Sample.Console", "bin", here.Parent!.Name, here.Name, "miljofyrtarn-sample.dll");
    }

    public static async Task<(int ExitCode, string Output, string Error)> Run(int? columns, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [SamplePath(), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (columns is { } width)
        {
            start.Environment["COLUMNS"] = width.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
