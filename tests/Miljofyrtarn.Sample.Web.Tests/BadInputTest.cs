using FluentAssertions;
using Xunit;
using static Miljofyrtarn.Sample.Web.Tests.HeimSteps;

namespace Miljofyrtarn.Sample.Web.Tests;

/// <summary>
/// Bad input through the forms: each refusal is a localised message beside its field (or above the form when it is
/// about the form as a whole) and nothing is stored: the organisation's version does not move.
/// </summary>
public sealed class BadInputTest : DashboardTest
{
    private const string Criterion = "1001";

    [Fact]
    public void AMustCriterionMarkedNotApplicable_WithoutAJustification_IsRefusedBesideTheField()
    {
        using var browser = MappingOpen();
        var version = Version(browser);
        browser.Choose("criterion", Criterion);
        browser.Choose("status", "NotApplicable");
        browser.Fill("comment", "Gjelder ikke oss");
        browser.Click("save-assessment");

        browser.ById("justification-error").Text.Should().Contain("begrunnelse");
        browser.ById("justification").GetAttribute("aria-invalid").Should().Be("true");
        browser.ById("justification").GetAttribute("aria-describedby").Should().Be("justification-error");
        browser.ById("comment").GetAttribute("value").Should().Be("Gjelder ikke oss", "what was typed is kept");
        Version(browser).Should().Be(version, "nothing was stored");
        browser.MainText.Should().NotContain("Handlingen er utført", "the notice of the previous change is not repeated over a refusal");
        browser.Check("20-assessment-justification-missing");

        browser.Go(UnitPage("raadhuset") + "?lang=en");
        browser.Choose("criterion", Criterion);
        browser.Choose("status", "NotApplicable");
        browser.Click("save-assessment");
        browser.ById("justification-error").Text.Should().Contain("justification").And.NotContain("begrunnelse");
        Version(browser).Should().Be(version);
    }

    [Fact]
    public void ATamperedHiddenVersion_OrACriterionNotOffered_IsRefused_AndNothingIsStored()
    {
        using var browser = MappingOpen();
        var version = Version(browser);
        browser.Script("document.querySelector('[name=\"Assess.Version\"]').value = 'abc';");
        browser.Click("save-assessment");
        browser.ById("problems").Text.Should().Contain("Skjemaet er endret utenfor siden");
        Version(browser).Should().Be(version);

        browser.Script("const s = document.getElementById('criterion'); s.add(new Option('x', '99999')); s.value = '99999';");
        browser.Click("save-assessment");
        browser.ById("criterion-error").Text.Should().Contain("99999");
        Version(browser).Should().Be(version);

        browser.Script("document.getElementById('status').add(new Option('x', 'Done')); document.getElementById('status').value = 'Done';");
        browser.Click("save-assessment");
        browser.ById("status-error").Text.Should().Be("⚠ Velg en status fra listen.");
        Version(browser).Should().Be(version);
        browser.Check("21-assessment-tampered");
    }

    [Fact]
    public void ASecondTab_EditingTheSameUnit_CannotOverwriteSilently_ItSeesAMessageAndTheCurrentState()
    {
        using var browser = MappingOpen();
        var first = browser.Driver.CurrentWindowHandle;
        browser.Driver.SwitchTo().NewWindow(OpenQA.Selenium.WindowType.Tab);
        browser.Go(UnitPage("raadhuset"));
        browser.Choose("criterion", "1002");
        browser.Choose("status", "Fulfilled");
        browser.Click("save-assessment");
        browser.MainText.Should().Contain("Vurderingen er lagret");

        browser.Driver.SwitchTo().Window(first);
        browser.Choose("criterion", Criterion);
        browser.Choose("status", "InProgress");
        browser.Click("save-assessment");

        browser.ById("stale").Text.Should().Contain("Noen andre har endret dette i mellomtiden").And.Contain("ble ikke lagret");
        Row(browser, "1002").Should().Contain("Oppfylt", "the page shows the current state, with the other tab's change");
        Row(browser, Criterion).Should().Contain("Ikke påbegynt", "the stale change was not stored");
        browser.Check("22-assessment-stale");
    }

    [Fact]
    public void ACertifierWithAnInvalidOrganisationNumber_IsRefusedBesideTheField()
    {
        using var browser = MappingOpen();
        AssessAll(browser, "raadhuset");
        ActAs(browser, Mayor);
        Act(browser, "Deliver");
        ActAs(browser, Kari);
        var version = Version(browser);
        browser.Fill("certifierName", "Kari Sertifisør");
        browser.Fill("certifierId", "kari@certnor.no");
        browser.Fill("certifierOrganisation", "123");
        browser.Click("action-Certify");
        browser.ById("certifierOrganisation-error").Text.Should().Contain("123");
        browser.ById("certificateNumber-error").Text.Should().Be("⚠ Fyll ut feltet.");
        Version(browser).Should().Be(version);
        browser.Check("23-certify-invalid");
    }

    private Browser MappingOpen()
    {
        var browser = Browser.Open(App);
        CreateDemo(browser);
        browser.Go(UnitPage("raadhuset"));
        Act(browser, "CompleteStartUp");
        Act(browser, "OpenMapping");
        return browser;
    }

    private static string Version(Browser browser) =>
        (string)browser.Script("return (document.querySelector('[name=\"Assess.Version\"]') ?? document.querySelector('[name=\"Act.Version\"]')).value;")!;

    private static string Row(Browser browser, string criterion) =>
        (string)browser.Script("return [...document.querySelectorAll('table.criteria tbody tr')].find(r => r.cells[0].textContent.trim() === arguments[0]).textContent;", criterion)!;
}
