using FluentAssertions;
using Miljofyrtarn.Core.Tests.Docs;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using System.Text.Json;
using Deque.AxeCore.Commons;

namespace Miljofyrtarn.Sample.Web.Tests;

/// <summary>
/// Headless chromium from Debian's packages, driven through chromium-driver. The paths are explicit (MILJOFYRTARN_CHROMIUM
/// and MILJOFYRTARN_CHROMEDRIVER, else /usr/bin/chromium and /usr/bin/chromedriver), so Selenium never tries to download
/// a browser or a driver. Missing, the test fails and says what to install; it never skips.
/// </summary>
public sealed class Browser : IDisposable
{
    private static readonly string ArtifactsDirectory = Path.Combine(RepositoryFiles.Root, "artifacts", "screenshots");

    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    private readonly ChromeDriver _driver;
    private readonly DashboardApp _app;

    static Browser()
    {
        // One list of page weights per test run.
        Directory.CreateDirectory(ArtifactsDirectory);
        File.Delete(Path.Combine(ArtifactsDirectory, "page-weights.txt"));
    }

    private Browser(ChromeDriver driver, DashboardApp app)
    {
        _driver = driver;
        _app = app;
    }

    /// <summary>The driver, for what the helpers do not cover.</summary>
    public IWebDriver Driver => _driver;

    /// <summary>Opens a headless chromium on the app.</summary>
    /// <param name="app">The running dashboard.</param>
    /// <param name="acceptLanguage">The browser's language list (its <c>Accept-Language</c>).</param>
    /// <returns>The browser.</returns>
    public static Browser Open(DashboardApp app, string acceptLanguage = "nb-NO,nb;q=0.9")
    {
        var (chromium, chromedriver) = Find();
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000", "--lang=" + acceptLanguage.Split(',')[0]);
        options.AddUserProfilePreference("intl.accept_languages", acceptLanguage);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        return new Browser(driver, app);
    }

    /// <summary>The browser and its driver: explicit paths, checked to exist.</summary>
    /// <returns>The paths of chromium and chromedriver.</returns>
    /// <exception cref="InvalidOperationException">One is missing; the message says what to install.</exception>
    public static (string Chromium, string Chromedriver) Find()
    {
        var chromium = Environment.GetEnvironmentVariable("MILJOFYRTARN_CHROMIUM") is { Length: > 0 } b ? b : "/usr/bin/chromium";
        var chromedriver = Environment.GetEnvironmentVariable("MILJOFYRTARN_CHROMEDRIVER") is { Length: > 0 } d ? d : "/usr/bin/chromedriver";
        if (chromium == "/usr/bin/chromium" && chromedriver == "/usr/bin/chromedriver" && !(File.Exists(chromium) && File.Exists(chromedriver)))
        {
            // The README's one test command on a fresh machine: Debian's packages are installed here when the run is
            // root, as tools/postgres.sh installs PostgreSQL; otherwise the message below says what to install.
            _ = Installed.Value;
        }

        foreach (var (path, package) in new[] { (chromium, "chromium"), (chromedriver, "chromium-driver") })
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"The browser tests need Debian's {package} at {path}, which is missing. Install it (apt-get update && apt-get install -y chromium chromium-driver) " +
                    "or point MILJOFYRTARN_CHROMIUM and MILJOFYRTARN_CHROMEDRIVER at them. A test run as root installs them itself.");
            }
        }

        return (chromium, chromedriver);
    }

    /// <summary>Installs Debian's chromium and chromium-driver once per run, when running as root; false when not root or it failed.</summary>
    private static readonly Lazy<bool> Installed = new(() =>
    {
        if (Environment.UserName != "root")
        {
            return false;
        }

        Console.Error.WriteLine("Installing chromium and chromium-driver from the Debian packages for the browser tests...");
        using var install = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", "apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver >&2"])
        {
            RedirectStandardOutput = false,
            UseShellExecute = false,
        })!;
        install.WaitForExit();
        return install.ExitCode == 0;
    });

    /// <summary>Opens a page of the app.</summary>
    /// <param name="path">The path.</param>
    public void Go(string path) => _driver.Navigate().GoToUrl(_app.Url(path));

    /// <summary>The element with an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The element.</returns>
    public IWebElement ById(string id) => _driver.FindElement(By.Id(id));

    /// <summary>Whether the page has an element with an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>True when it has.</returns>
    public bool Has(string id) => _driver.FindElements(By.Id(id)).Count > 0;

    /// <summary>Clicks a button or link and waits for the next page.</summary>
    /// <param name="id">The element's id.</param>
    public void Click(string id) => Submit(() => ById(id).Click());

    /// <summary>Types into a field, replacing what was there.</summary>
    /// <param name="id">The field's id.</param>
    /// <param name="text">The text.</param>
    public void Fill(string id, string text)
    {
        var field = ById(id);
        field.Clear();
        field.SendKeys(text);
    }

    /// <summary>Chooses an option in a list by its value.</summary>
    /// <param name="id">The list's id.</param>
    /// <param name="value">The option's value.</param>
    public void Choose(string id, string value) => new SelectElement(ById(id)).SelectByValue(value);

    /// <summary>The values of a list's options.</summary>
    /// <param name="id">The list's id.</param>
    /// <returns>The values.</returns>
    public IReadOnlyList<string> Options(string id) => [.. new SelectElement(ById(id)).Options.Select(o => o.GetAttribute("value") ?? string.Empty)];

    /// <summary>Runs something that leaves the page (a submit, a click) and waits until the next page has loaded.</summary>
    /// <param name="action">What leaves the page.</param>
    public void Submit(Action action)
    {
        // A mark on the old document's window: gone once the next page has replaced it.
        Script("window.__mftOldPage = true;");
        action();
        new WebDriverWait(_driver, TimeSpan.FromSeconds(30)).Until(_ => Equals(Script("return !window.__mftOldPage && document.readyState === 'complete';"), true));
    }

    /// <summary>Runs a script in the page.</summary>
    /// <param name="script">The script.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <returns>What it returned.</returns>
    public object? Script(string script, params object[] arguments) => ((IJavaScriptExecutor)_driver).ExecuteScript(script, arguments);

    /// <summary>The text of the main content.</summary>
    public string MainText => ById("main").Text;

    /// <summary>The page's <c>lang</c>.</summary>
    public string Lang => _driver.FindElement(By.TagName("html")).GetAttribute("lang") ?? string.Empty;

    /// <summary>
    /// Checks the page as a reviewer would: a screenshot under artifacts/screenshots, no serious or critical axe
    /// violation, every visible field labelled, and the page with its stylesheet under 200 KB.
    /// </summary>
    /// <param name="name">The screenshot's name, for example <c>01-overview</c>.</param>
    public void Check(string name)
    {
        Screenshot(name);
        Axe().Should().BeEmpty($"axe finds no serious or critical violation on {name} ({_driver.Url})");
        var unlabelled = Script("""
            return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
              .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
              .map(e => e.name || e.id);
            """) as IEnumerable<object>;
        (unlabelled ?? []).Should().BeEmpty($"every form field on {name} has a label");
        var weight = PageWeight();
        weight.Should().BeLessThan(200 * 1024, $"{name} weighs under 200 KB with its stylesheet");
        File.AppendAllText(Path.Combine(ArtifactsDirectory, "page-weights.txt"), $"{name}\t{weight}\t{_driver.Url}\n");
    }

    /// <summary>Runs axe-core (the script bundled in Deque.AxeCore.Commons) on the page: its serious and critical violations.</summary>
    /// <returns>One line per violation: rule, impact, help and where.</returns>
    public IReadOnlyList<string> Axe()
    {
        Script(AxeScript.Value);
        var json = (string)((IJavaScriptExecutor)_driver).ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] }).then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));
            """)!;
        using var violations = JsonDocument.Parse(json);
        return [.. violations.RootElement.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at " +
                string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("target").ToString())))];
    }

    /// <summary>The page's weight as the browser loaded it: the document and every resource, decoded.</summary>
    /// <returns>Bytes.</returns>
    public long PageWeight() => Convert.ToInt64(Script("""
        const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
        return entries.reduce((sum, e) => sum + (e.decodedBodySize || 0), 0);
        """), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Saves a full-page screenshot under artifacts/screenshots.</summary>
    /// <param name="name">The file's name without extension.</param>
    public void Screenshot(string name)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        var shot = _driver.ExecuteCdpCommand("Page.captureScreenshot", new Dictionary<string, object?> { ["format"] = "png", ["captureBeyondViewport"] = true });
        var data = shot is Dictionary<string, object> result && result.TryGetValue("data", out var base64) ? (string)base64 : ((ITakesScreenshot)_driver).GetScreenshot().AsBase64EncodedString;
        File.WriteAllBytes(Path.Combine(ArtifactsDirectory, name + ".png"), Convert.FromBase64String(data));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _driver.Quit();
        _driver.Dispose();
    }
}
