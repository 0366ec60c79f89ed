using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Sample.Web.Components.Parts;

namespace Miljofyrtarn.Core.Benchmarks;

/// <summary>
/// The dashboard's overview page for 1 HK + 200 certified UEs, rendered server-side to HTML by the same component the
/// page uses (<see cref="OverviewBody"/>): from the organisation (the library's <c>ToOverview</c>, deadlines included,
/// then the markup), against the baseline of rendering the same data from a precomputed DTO. Target: under 50 ms.
/// The page's weight is printed at set-up (target: under 200 KB with its stylesheet).
/// </summary>
[MemoryDiagnoser]
public class DashboardBenchmarks : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private HtmlRenderer _renderer = null!;
    private OrganisationLifecycle _lifecycle = null!;
    private OrganisationOverview _overview = null!;
    private readonly DeadlineOptions _deadlines = new();

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);
        _lifecycle = ScheduleScenarios.CertifiedUnits(200);
        _overview = _lifecycle.ToOverview(Language.NorwegianBokmal, _deadlines);
        var html = Render(_overview);
        var css = Sample.Web.Dashboard.SiteStyle.Length;
        Console.WriteLine($"// overview page: {_overview.Units.Count} units, component HTML {html.Length:N0} chars, stylesheet {css:N0} bytes");
    }

    [Benchmark(Baseline = true, Description = "Render from a precomputed DTO")]
    public string FromDto() => Render(_overview);

    [Benchmark(Description = "ToOverview + render")]
    public string FromLifecycle() => Render(_lifecycle.ToOverview(Language.NorwegianBokmal, _deadlines));

    public void Dispose()
    {
        _renderer?.Dispose();
        _services.Dispose();
        GC.SuppressFinalize(this);
    }

    private string Render(OrganisationOverview overview) => _renderer.Dispatcher.InvokeAsync(async () =>
    {
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(OverviewBody.Overview)] = overview,
            [nameof(OverviewBody.Language)] = Language.NorwegianBokmal,
        });
        var output = await _renderer.RenderComponentAsync<OverviewBody>(parameters);
        return output.ToHtmlString();
    }).GetAwaiter().GetResult();
}
