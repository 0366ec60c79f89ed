using Xunit;

namespace Miljofyrtarn.Sample.Web.Tests;

/// <summary>A dashboard of its own for a test: a fresh SQLite file in a temporary directory, removed afterwards.</summary>
public abstract class DashboardTest : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("miljofyrtarn-dashboard-").FullName;

    /// <summary>The running app.</summary>
    protected DashboardApp App { get; private set; } = default!;

    /// <summary>The day the app takes as today.</summary>
    protected virtual string Today => "2024-03-04";

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => App = await DashboardApp.StartAsync(Path.Combine(_directory, "dashboard.db"), Today);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
