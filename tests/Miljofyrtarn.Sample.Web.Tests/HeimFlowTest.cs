using System.Net;
using FluentAssertions;
using Xunit;
using static Miljofyrtarn.Sample.Web.Tests.HeimSteps;

namespace Miljofyrtarn.Sample.Web.Tests;

/// <summary>
/// Heim's whole story through the pages in headless chromium: the demo on an empty store, the town hall's start-up,
/// assessments, delivery and certificate, the four units following, then (the app restarted a year later on the same
/// file) an annual report with figures and the climate account. Every page is screenshotted and checked with axe.
/// </summary>
public sealed class HeimFlowTest : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("miljofyrtarn-dashboard-").FullName;

    [Fact]
    public async Task TheWholeHeimFlow_ThroughThePages()
    {
        var database = Path.Combine(_directory, "heim.db");
        await using (var app = await DashboardApp.StartAsync(database, "2024-03-04"))
        using (var browser = Browser.Open(app))
        {
            browser.Go("/");
            browser.MainText.Should().Contain("Lageret er tomt");
            browser.Check("01-empty-store");
            CreateDemo(browser);
            browser.MainText.Should().Contain("Oppstart").And.Contain("I dag: 04.03.2024");
            browser.Check("02-overview-start-up");

            browser.Go(UnitPage("raadhuset"));
            browser.Check("03-unit-before-start-up");
            browser.MainText.Should().Contain("Åpne miljøkartlegging").And.Contain("Oppstarten for «Heim kommune» er ikke fullført", "a blocked action is listed with its reason");
            Act(browser, "CompleteStartUp");
            Act(browser, "OpenMapping");
            AssessAll(browser, "raadhuset");
            browser.Check("04-town-hall-assessed");
            ActAs(browser, Mayor);
            Act(browser, "Deliver");
            ActAs(browser, Kari);
            Certify(browser, "MFT-2024-001");
            browser.MainText.Should().Contain("Sertifikat MFT-2024-001, gyldig til");
            browser.Check("05-town-hall-certified");
            ActAs(browser, Coordinator);

            for (var i = 0; i < Units.Length; i++)
            {
                CertifyUnit(browser, Units[i], $"leder.{Units[i]}@heim.kommune.no", $"MFT-2024-10{i}", i == 0 ? browser.Check : null);
            }

            browser.Go(Heim);
            browser.MainText.Should().Contain("Forbedring").And.Contain("MFT-2024-103").And.NotContain("Ikke startet");
            browser.MainText.Should().Contain("Klima- og miljørapport: 01.04.2026", "the next deadline is the first report");
            browser.Check("06-overview-all-certified");
        }

        // Two years on, on the same file: the 2025 reports are due.
        await using (var app = await DashboardApp.StartAsync(database, "2026-02-02"))
        using (var browser = Browser.Open(app))
        {
            browser.Go(Heim + "/deadlines");
            ActAs(browser, Coordinator); // a new browser: sign in again
            browser.MainText.Should().Contain("Klima- og miljørapport 2025").And.Contain("01.04.2026");
            browser.Check("07-deadlines");
            browser.Choose("unit", "heimtun");
            browser.Choose("kind", "AnnualReport");
            browser.Click("filter");
            var rows = browser.Driver.FindElements(OpenQA.Selenium.By.CssSelector("table.deadlines tbody tr"));
            rows.Should().NotBeEmpty().And.OnlyContain(r => r.Text.Contains("Heimtun sykehjem") && r.Text.Contains("Klima- og miljørapport"));
            var calendar = browser.ById("calendar").GetAttribute("href")!;
            using var http = new HttpClient();
            using var ics = await http.GetAsync(calendar, TestContext.Current.CancellationToken);
            ics.StatusCode.Should().Be(HttpStatusCode.OK);
            ics.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
            (await ics.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().StartWith("BEGIN:VCALENDAR").And.Contain("Heimtun sykehjem");

            browser.Go(UnitPage("raadhuset"));
            browser.Click("report-2025");
            browser.Check("08-report-form");

            // Bad figures: each message beside its field, in Norwegian; nothing stored.
            browser.Fill("figure-strom", "mye");
            browser.Fill("figure-arsverk", "-3");
            browser.Click("submit-report");
            browser.ById("figure-strom-error").Text.Should().Contain("«mye» er ikke et tall");
            browser.ById("figure-strom").GetAttribute("aria-invalid").Should().Be("true");
            browser.Check("09-report-form-invalid");
            browser.Fill("figure-strom", "630 000");
            browser.Click("submit-report");
            browser.ById("figure-arsverk-error").Text.Should().NotBeEmpty();
            browser.Has("figure-strom-error").Should().BeFalse();
            browser.Go(UnitPage("raadhuset"));
            browser.MainText.Should().Contain("Rapport for 2025 (ikke levert)");

            SubmitReport(browser, 2025, 1.0);
            browser.MainText.Should().Contain("Rapporten er levert").And.Contain("630 000").And.Contain("Tidsstyrt ventilasjon");
            browser.Check("10-report-submitted");
        }

        // A year later: the units' 2025 reports are overdue; the town hall reports 2026 and the trend has two years.
        await using (var app = await DashboardApp.StartAsync(database, "2027-02-01"))
        using (var browser = Browser.Open(app))
        {
            browser.Go(Heim);
            ActAs(browser, Coordinator); // a new browser: sign in again
            browser.MainText.Should().Contain("I dag: 01.02.2027").And.Contain("Forfalt:").And.Contain("1 forfalt");
            browser.Driver.FindElements(OpenQA.Selenium.By.CssSelector("tr.overdue")).Should().HaveCount(4, "the four units have not reported 2025");
            browser.Check("11-overview-overdue");
            browser.Go(Heim + "/deadlines?kind=AnnualReport");
            browser.MainText.Should().Contain("forfalt");
            browser.Check("12-deadlines-overdue");
            SubmitReport(browser, 2026, 0.9);
            browser.Go(Heim + "/climate");
            browser.MainText.Should().Contain("Utslipp i 2026").And.Contain("Scope 1").And.Contain("Holdt utenfor regnskapet");
            browser.ById("scopes").Text.Should().MatchRegex(@"Sum\s+[1-9]");
            browser.Driver.FindElements(OpenQA.Selenium.By.CssSelector("svg[aria-labelledby='trend-title'] g")).Should().HaveCount(2, "the trend shows 2025 and 2026");
            browser.Check("13-climate-account");

            // Heim's municipal plan counts from 2025: −55 % by 2030 and −95 % by 2050. The town hall's 2026 report is 10 % under
            // 2025's, while the path asks for 11 % in the first year (55 % over five years), so 2026 is just above the path.
            browser.ById("target").Text.Should().Contain("Klimamålet").And.Contain("2030 −55 %").And.Contain("2050 −95 %");
            browser.ById("target-status").Text.Should().Contain("2026 ligger over sporet").And.Contain("For å nå målet for 2030");
            browser.Driver.FindElements(OpenQA.Selenium.By.CssSelector("#target circle.target-year")).Should().HaveCount(2, "2025 and 2026 against the path");
            browser.Driver.FindElements(OpenQA.Selenium.By.CssSelector("#target g.target-milestone")).Should().HaveCount(2);
            browser.Check("14-climate-target");

            // The coordinator uploads the foundation's list of certified enterprises: a bad file changes nothing and names
            // each bad row by its line; a good one replaces the list.
            browser.Go(Heim + "/enterprises");
            browser.ById("no-enterprises").Displayed.Should().BeTrue();
            Upload(browser, """
                organisasjonsnummer;navn;sertifikatnummer;gyldig til;bransje
                912345602;Heim Bakeri AS;MFT-9001;31.12.2028;Næringsmiddel
                912345611;Feil Sjekksiffer AS;MFT-9002;31.12.2028;Handel
                912345629;Fjordhotellet AS;MFT-9003;31/12/2028;Overnatting
                """);
            var problems = browser.ById("problems").Text;
            problems.Should().Contain("Linje 3 (organisasjonsnummer)").And.Contain("912345611").And.Contain("Linje 4 (gyldig til)").And.Contain("31/12/2028");
            browser.Has("enterprises").Should().BeFalse("nothing of a bad file is imported");
            Upload(browser, """
                organisasjonsnummer;navn;sertifikatnummer;gyldig til;bransje
                912345602;Heim Bakeri AS;MFT-9001;31.12.2028;Næringsmiddel
                912345610;Heim Regnskap AS;MFT-9004;2028-06-30;Tjenesteyting
                912345629;Fjordhotellet AS;MFT-9003;31.12.2028;Overnatting
                912345637;Utgått Transport AS;MFT-9005;31.12.2026;Transport
                """);
            browser.ById("enterprises").Text.Should().Contain("Heim Bakeri AS").And.Contain("30.06.2028").And.NotContain("Utgått Transport", "a certificate that ran out is not listed");
            browser.Check("15-enterprises");
        }

        // The public page, as a citizen reads it: not signed in, on a phone 390 px wide, in each language.
        await using (var app = await DashboardApp.StartAsync(database, "2027-02-01"))
        using (var citizen = Browser.Open(app))
        {
            citizen.Driver.Manage().Window.Size = new System.Drawing.Size(390, 844);
            citizen.Go("/public/964123454");
            citizen.MainText.Should().Contain("Miljøfyrtårn i Heim kommune").And.Contain("5 av 5 enheter er sertifisert").And.Contain("Heim Bakeri AS").And.Contain("Fjordhotellet AS");
            citizen.ById("certified-units").Text.Should().Contain("Rådhuset").And.Contain("Solsikken barnehage");
            citizen.ById("feedback-link").GetAttribute("href").Should().Be(DashboardApp.FeedbackUrl);
            citizen.Has("actor").Should().BeFalse("a citizen is offered no sign-in");
            Convert.ToInt64(citizen.Script("return document.documentElement.scrollWidth;"), System.Globalization.CultureInfo.InvariantCulture)
                .Should().BeLessThanOrEqualTo(390, "nothing makes the page wider than the phone");
            citizen.Script("return [...document.querySelectorAll('.table-wrap')].filter(w => w.scrollWidth > w.clientWidth).length;")
                .Should().Be(0L, "every column of both tables is seen at 390 px without scrolling");
            NoPersonalData(citizen.Driver.PageSource);
            citizen.Check("16-public-page");
            foreach (var (tag, heading) in new[] { ("nn", "Sertifiseringa til kommunen"), ("en", "The municipality's own certification") })
            {
                citizen.Go($"/public/964123454?lang={tag}");
                citizen.Lang.Should().Be(tag);
                citizen.MainText.Should().Contain(heading);
                NoPersonalData(citizen.Driver.PageSource);
                citizen.Axe().Should().BeEmpty();
            }
        }
    }

    /// <summary>Uploads a CSV file on the enterprises page.</summary>
    private void Upload(Browser browser, string csv)
    {
        var file = Path.Combine(_directory, $"virksomheter-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, csv);
        browser.ById("csv").SendKeys(file);
        browser.Click("upload-enterprises");
    }

    /// <summary>No e-mail address and no person's name of the demo: the public page shows units, enterprises and certificates only.</summary>
    private static void NoPersonalData(string html)
    {
        html.Should().NotMatchRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", "the public page shows no e-mail address");
        html.Should().NotContainAny(["Ordføreren", "Miljøkoordinatoren", "Miljøfyrtårnansvarlig", "Leder, ", "Kari Sertifisør", "kari@", "miljo@"]);
    }

    /// <summary>The town hall's report for a year, with plausible figures scaled by a factor.</summary>
    private static void SubmitReport(Browser browser, int year, double scale)
    {
        browser.Go(UnitPage("raadhuset") + "/reports/" + year);
        foreach (var (code, value) in new[]
        {
            ("arsverk", 120.0), ("oppvarmet-areal", 6000), ("sykefravaer", 6.4), ("avfall-sortert", 12600), ("avfall-restavfall", 6624),
            ("strom", 630000), ("fjernvarme", 300700), ("diesel", 340), ("kjoretoy-km", 5100), ("bensin", 120), ("fly-km", 10800),
        })
        {
            var scaled = code is "arsverk" or "oppvarmet-areal" or "sykefravaer" ? value : Math.Round(value * scale);
            browser.Fill("figure-" + code, scaled.ToString("#,0.#", System.Globalization.CultureInfo.GetCultureInfo("nb-NO")));
        }

        browser.Fill("measures", "LED-belysning i fellesarealer\nTidsstyrt ventilasjon");
        browser.Click("submit-report");
        browser.Has("problems").Should().BeFalse(browser.Has("problems") ? browser.ById("problems").Text : string.Empty);
        browser.Has("figure-strom").Should().BeFalse("the submitted report is shown, not the form");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
