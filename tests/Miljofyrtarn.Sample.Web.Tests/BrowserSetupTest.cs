using FluentAssertions;
using Xunit;

namespace Miljofyrtarn.Sample.Web.Tests;

/// <summary>Without the browser the tests fail and say what to install; they never skip.</summary>
public sealed class BrowserSetupTest
{
    [Fact]
    public void AMissingBrowser_FailsWithWhatToInstall()
    {
        var before = Environment.GetEnvironmentVariable("MILJOFYRTARN_CHROMIUM");
        try
        {
            Environment.SetEnvironmentVariable("MILJOFYRTARN_CHROMIUM", "/nowhere/chromium");
            FluentActions.Invoking(Browser.Find).Should().Throw<InvalidOperationException>()
                .WithMessage("*chromium at /nowhere/chromium*apt-get install -y chromium chromium-driver*");
        }
        finally
        {
            Environment.SetEnvironmentVariable("MILJOFYRTARN_CHROMIUM", before);
        }

        Browser.Find().Chromium.Should().Be(before is { Length: > 0 } ? before : "/usr/bin/chromium", "the browser is where CI installed it");
    }

    [Fact]
    public async Task TheDashboard_RefusesADayThatIsNotADate_AndSaysWhichSettingAndForm()
    {
        var exception = await FluentActions.Awaiting(() => DashboardApp.StartAsync(Path.Combine(Path.GetTempPath(), "never.db"), "1. mars")).Should().ThrowAsync<InvalidOperationException>();
        exception.Which.Message.Should().Contain("Dashboard:Today is '1. mars', not a date in the form yyyy-MM-dd.");
    }
}
