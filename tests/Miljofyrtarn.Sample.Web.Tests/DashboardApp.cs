using System.Diagnostics;
using System.Reflection;
using System.Text;
using Miljofyrtarn.Core.Tests.Docs;

namespace Miljofyrtarn.Sample.Web.Tests;

/// <summary>
/// The dashboard as a user runs it: its own build output in a process of its own, on 127.0.0.1 on a free port (Kestrel
/// picks it; the app prints the address), with a SQLite file in a temporary directory and a chosen "today".
/// </summary>
public sealed class DashboardApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DashboardApp(Process process, string database)
    {
        _process = process;
        Database = database;
    }

    /// <summary>The address the app printed, for example <c>http://127.0.0.1:40123</c>.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The SQLite file.</summary>
    public string Database { get; }

    /// <summary>What the app wrote, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The feedback form the public page links to.</summary>
    public const string FeedbackUrl = "https://heim.kommune.no/klima/tilbakemelding";

    /// <summary>Starts the app.</summary>
    /// <param name="database">The SQLite file (kept between starts to let time pass).</param>
    /// <param name="today">The day the app takes as today (yyyy-MM-dd).</param>
    /// <returns>The running app.</returns>
    public static async Task<DashboardApp> StartAsync(string database, string today)
    {
        var dll = Path.Combine(RepositoryFiles.Root, "samples", "Miljofyrtarn.Sample.Web", "bin", Configuration, "net10.0", "miljofyrtarn-dashboard.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The dashboard is not built: {dll} is missing. Build the solution first (dotnet build Miljofyrtarn.Core.sln -c {Configuration}).");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { dll, "--urls", "http://127.0.0.1:0", "--Dashboard:Database", database, "--Dashboard:Today", today, "--Dashboard:FeedbackUrl", FeedbackUrl, "--Logging:LogLevel:Default", "Warning" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new DashboardApp(process, database);
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => app.Received(e.Data, address);
        process.ErrorDataReceived += (_, e) => app.Received(e.Data, null);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var ended = process.WaitForExitAsync();
        var first = await Task.WhenAny(address.Task, ended, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != address.Task)
        {
            var exited = process.HasExited;
            await app.DisposeAsync();
            throw new InvalidOperationException($"The dashboard did not print its address within 60 s (exited: {exited}). Its output:\n{app.Output}");
        }

        app.BaseAddress = await address.Task;
        return app;
    }

    /// <summary>A page's full address.</summary>
    /// <param name="path">The path, for example <c>/o/964123454</c>.</param>
    /// <returns>The address.</returns>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string Configuration =>
        typeof(DashboardApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    private void Received(string? line, TaskCompletionSource<Uri>? address)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        const string Marker = "Miljøfyrtårn dashboard: ";
        if (address is not null && line.StartsWith(Marker, StringComparison.Ordinal))
        {
            address.TrySetResult(new Uri(line[Marker.Length..].Trim()));
        }
    }
}
