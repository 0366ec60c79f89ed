using FluentAssertions;

namespace Miljofyrtarn.Sample.Web.Tests;

/// <summary>Heim's story as a coordinator clicks it, one step per method, each checked on the page it lands on.</summary>
public static class HeimSteps
{
    public const string Heim = "/o/964123454";
    public const string Coordinator = "miljo@heim.kommune.no";
    public const string Mayor = "ordforer@heim.kommune.no";

    /// <summary>The certifier the foundation assigned to the demo: the only one who may certify Heim.</summary>
    public const string Kari = "kari@certnor.no";

    public static readonly string[] Units = ["solsikken", "heim-skole", "heimtun", "hjemmetjenesten"];

    public static string UnitPage(string unit) => $"{Heim}/units/{unit}";

    public static void CreateDemo(Browser browser)
    {
        browser.Go("/");
        browser.Click("create-demo");
        browser.Driver.Url.Should().Contain(Heim);
        browser.MainText.Should().Contain("Heim kommune").And.Contain("Rådhuset");
    }

    public static void Act(Browser browser, string action)
    {
        browser.Has("action-" + action).Should().BeTrue($"«{action}» is offered on {browser.Driver.Url}: {browser.MainText}");
        browser.Click("action-" + action);
        browser.Has("problems").Should().BeFalse($"«{action}» is stored: {(browser.Has("problems") ? browser.ById("problems").Text : string.Empty)}");
    }

    public static void ActAs(Browser browser, string person)
    {
        browser.Choose("actor", person);
        browser.Click("switch-actor");
    }

    /// <summary>Records every criterion the unit fulfils itself as fulfilled, one form at a time.</summary>
    public static void AssessAll(Browser browser, string unit)
    {
        browser.Go(UnitPage(unit));
        var criteria = browser.Options("criterion");
        criteria.Should().NotBeEmpty();
        foreach (var criterion in criteria)
        {
            browser.Choose("criterion", criterion);
            browser.Choose("status", "Fulfilled");
            browser.Click("save-assessment");
            browser.Has("problems").Should().BeFalse($"criterion {criterion} is saved: {(browser.Has("problems") ? browser.ById("problems").Text : string.Empty)}");
        }
    }

    public static void Certify(Browser browser, string number)
    {
        browser.Has("certifierName").Should().BeTrue($"certifying is offered on {browser.Driver.Url}: {browser.MainText}");
        browser.Fill("certifierName", "Kari Sertifisør");
        browser.Fill("certifierId", "kari@certnor.no");
        browser.Fill("certifierOrganisation", "974 760 673");
        browser.Fill("certificateNumber", number);
        Act(browser, "Certify");
    }

    /// <summary>Start-up, the mapping, every assessment, the delivery (signed by the leader) and the certificate (by the certifier).</summary>
    public static void CertifyUnit(Browser browser, string unit, string leader, string certificate, Action<string>? check = null)
    {
        browser.Go(UnitPage(unit));
        Act(browser, "OpenMapping");
        AssessAll(browser, unit);
        browser.MainText.Should().Contain("Klar til å levere");
        check?.Invoke("assessed-" + unit);
        ActAs(browser, leader);
        Act(browser, "Deliver");
        ActAs(browser, Kari);
        Certify(browser, certificate);
        browser.MainText.Should().Contain("Sertifisert").And.Contain(certificate);
        ActAs(browser, Coordinator);
    }
}
