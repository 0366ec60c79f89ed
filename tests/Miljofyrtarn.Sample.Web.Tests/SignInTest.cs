using FluentAssertions;
using OpenQA.Selenium;
using Xunit;
using static Miljofyrtarn.Sample.Web.Tests.HeimSteps;

namespace Miljofyrtarn.Sample.Web.Tests;

/// <summary>
/// Signing in as the demo's people: each page shows the signed-in person what they may do and nothing else. A unit's
/// contact finds no way to act on another unit; only the certifier the foundation assigned certifies.
/// </summary>
public sealed class SignInTest : DashboardTest
{
    private const string SolsikkenContact = "miljo.solsikken@heim.kommune.no";

    [Fact]
    public void AUnitContact_FindsNoWayToActOnAnotherUnit_ThenTheCertifierSignsInAndCertifies()
    {
        using var browser = TownHallDelivered();

        ActAs(browser, SolsikkenContact);
        browser.Go(UnitPage("heim-skole"));
        browser.Has("save-assessment").Should().BeFalse("Solsikken's contact may not assess the school");
        browser.Driver.FindElements(By.CssSelector("[id^='action-']")).Should().BeEmpty("Solsikken's contact may take no action on the school");
        browser.Go(UnitPage("raadhuset"));
        browser.Has("action-Certify").Should().BeFalse("only the certifier certifies");
        browser.Has("certifierId").Should().BeFalse();
        browser.Go(UnitPage("solsikken"));
        browser.Has("save-assessment").Should().BeTrue("a unit's contact assesses their own unit");
        browser.Check("40-signed-in-as-a-unit-contact");

        ActAs(browser, Kari);
        browser.Go(UnitPage("raadhuset"));
        browser.Has("save-assessment").Should().BeFalse("the certifier records no assessments");
        Certify(browser, "MFT-2024-001");
        browser.MainText.Should().Contain("Sertifikat MFT-2024-001, gyldig til");
        browser.Check("41-certified-by-the-certifier");

        browser.Click("sign-out");
        browser.Driver.Url.Should().EndWith("/");
        browser.Go(UnitPage("raadhuset"));
        browser.Has("save-assessment").Should().BeFalse("a visitor who has not signed in changes nothing");
        browser.Driver.FindElements(By.CssSelector("[id^='action-']")).Should().BeEmpty();
        browser.Has("switch-actor").Should().BeTrue("the page offers to sign in");
    }

    [Fact]
    public void TheCoordinator_CannotCertify_EvenInTheCertifiersName()
    {
        using var browser = TownHallDelivered();
        ActAs(browser, Coordinator);

        browser.Go(UnitPage("raadhuset"));
        browser.Has("action-Certify").Should().BeFalse("a coordinator is offered no certification");
        browser.MainText.Should().NotContain("Sertifikat MFT");
    }

    /// <summary>The demo created, and its town hall through start-up, mapping and assessments, delivered by the mayor.</summary>
    private Browser TownHallDelivered()
    {
        var browser = Browser.Open(App);
        CreateDemo(browser);
        browser.Go(UnitPage("raadhuset"));
        Act(browser, "CompleteStartUp");
        Act(browser, "OpenMapping");
        AssessAll(browser, "raadhuset");
        ActAs(browser, Mayor);
        Act(browser, "Deliver");
        return browser;
    }
}
