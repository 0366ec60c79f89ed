using FluentAssertions;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;
using Xunit;
using static Miljofyrtarn.Sample.Web.Tests.HeimSteps;

namespace Miljofyrtarn.Sample.Web.Tests;

/// <summary>The reader's language (the browser's or the switch's) and a coordinator who uses the keyboard only.</summary>
public sealed class LanguageAndKeyboardTest : DashboardTest
{
    [Fact]
    public void TheBrowsersLanguage_ChoosesNynorsk_AndTheSwitchChangesIt_ForTheFollowingPagesToo()
    {
        using var browser = Browser.Open(App, "nn-NO,nn;q=0.9,en;q=0.5");
        browser.Go("/");
        browser.Lang.Should().Be("nn");
        browser.MainText.Should().Contain("Organisasjonar").And.Contain("Opprett dømet Heim kommune");
        browser.Check("30-empty-store-nynorsk");
        browser.Click("create-demo");
        browser.MainText.Should().Contain("I dag: 04.03.2024").And.Contain("Einingane (5)");
        browser.Check("31-overview-nynorsk");

        browser.Submit(() => browser.Driver.FindElement(By.CssSelector("a[hreflang=en]")).Click());
        browser.Lang.Should().Be("en");
        browser.MainText.Should().Contain("Today: 2024-03-04").And.Contain("The units (5)");
        browser.Go(UnitPage("heimtun"));
        browser.Lang.Should().Be("en", "the switch is remembered");
        browser.MainText.Should().Contain("Not possible now").And.Contain("Underlying unit (UE)");
        browser.Check("32-unit-english");

        browser.Submit(() => browser.Driver.FindElement(By.CssSelector("a[hreflang=nb]")).Click());
        browser.Lang.Should().Be("nb");
        browser.MainText.Should().Contain("Ikke mulig nå");
    }

    [Fact]
    public void TheWholeWayToARecordedAssessment_WorksWithTheKeyboardAlone_WithTheFocusVisible()
    {
        using var browser = Browser.Open(App);
        browser.Go("/");

        Tab(browser).Should().Be("skip", "the first stop is the skip link");
        Press(browser, Keys.Enter);
        browser.Script("return document.activeElement.id;").Should().Be("main", "the skip link moves the focus to the content");

        TabTo(browser, "create-demo");
        browser.Submit(() => Press(browser, Keys.Enter));
        browser.Driver.Url.Should().Contain(Heim);

        TabTo(browser, "unit-raadhuset");
        browser.Submit(() => Press(browser, Keys.Enter));
        TabTo(browser, "action-CompleteStartUp");
        browser.Submit(() => Press(browser, Keys.Enter));
        TabTo(browser, "action-OpenMapping");
        browser.Submit(() => Press(browser, Keys.Enter));
        browser.MainText.Should().Contain("Miljøkartlegging åpen");

        TabTo(browser, "criterion");
        Press(browser, Keys.ArrowDown);
        var chosen = (string)browser.Script("return document.getElementById('criterion').value;")!;
        TabTo(browser, "status");
        TabTo(browser, "save-assessment");
        browser.Submit(() => Press(browser, Keys.Enter));
        browser.MainText.Should().Contain("Vurderingen er lagret");
        ((string)browser.Script("return [...document.querySelectorAll('table.criteria tbody tr')].find(r => r.cells[0].textContent.trim() === arguments[0]).cells[5].textContent;", chosen)!)
            .Should().Be("Oppfylt", $"criterion {chosen}, chosen with the arrow key, is recorded as fulfilled (the form's default)");
    }

    /// <summary>Presses Tab until the element with the id has the focus, checking each stop shows it has.</summary>
    private static void TabTo(Browser browser, string id)
    {
        for (var i = 0; i < 400; i++)
        {
            if (Tab(browser) == id)
            {
                return;
            }
        }

        throw new InvalidOperationException($"#{id} was not reached with the Tab key on {browser.Driver.Url}.");
    }

    private static string Tab(Browser browser)
    {
        Press(browser, Keys.Tab);
        var (id, outline) = ((string, string))(((IReadOnlyList<object>)browser.Script(
            "const e = document.activeElement; return [e.id || e.getAttribute('href') || e.tagName, getComputedStyle(e).outlineStyle];")!) switch
        {
            var list => ((string)list[0], (string)list[1]),
        });
        outline.Should().NotBe("none", $"the focus on {id} is visible");
        return id;
    }

    private static void Press(Browser browser, string key) => new Actions(browser.Driver).SendKeys(key).Perform();
}
