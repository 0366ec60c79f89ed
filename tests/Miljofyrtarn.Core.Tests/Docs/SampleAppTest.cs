using FluentAssertions;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Docs;

/// <summary>The sample console app, run as a user runs it: arguments in, output, errors and exit code out.</summary>
public class SampleAppTest
{
    private static Task<(int ExitCode, string Output, string Error)> Run(params string[] arguments) => SampleApp.Run(null, arguments);

    [Fact]
    public async Task Holidays2029_PrintsOneDateAndNamePerLine_WithDatesAsTheReaderWritesThem()
    {
        var (exitCode, output, _) = await Run("holidays", "2029");

        exitCode.Should().Be(0);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        lines.Should().HaveCount(12).And.OnlyContain(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d{2}\.\d{2}\.\d{4} \S.*$"));
        lines.Should().Contain("01.04.2029 Første påskedag");
        (await Run("holidays", "2029", "--lang", "nn")).Output.Should().Contain("01.04.2029 Første påskedag");
        (await Run("holidays", "2029", "--lang", "en")).Output.Should().Contain("2029-04-01 Easter Sunday");
    }

    [Fact]
    public async Task Walkthrough_WithoutArguments_TellsHeimsStoryToTheEnd()
    {
        var (exitCode, output, error) = await Run("--lang", "en");

        exitCode.Should().Be(0, error);
        output.Should().Contain("1. Start-up").And.Contain("phase 3. Approval").And.Contain("Headquarters 'Rådhuset' has no valid certificate")
            .And.Contain("must-criteria are unfulfilled").And.Contain("phase 4. Improvement").And.Contain("Recertification");
        output.Should().Contain("Every unit has submitted its report for 2027").And.Contain("climate account 2027").And.Contain("Trend, 2028-03-01");
        foreach (var year in new[] { "2025", "2026", "2027" })
        {
            output.Should().MatchRegex($@"│ {year} +│ [0-9,.]+ +│", "the trend has a row for each reported year");
        }
    }

    [Theory]
    [InlineData("nb", "Levering: Rådhuset", "Sertifisering: Kari Sertifisør sertifiserer Rådhuset")]
    [InlineData("nn", "Levering: Rådhuset", "Sertifisering: Kari Sertifisør sertifiserer Rådhuset")]
    [InlineData("en", "Delivery: Rådhuset", "Certification: Kari Sertifisør certifies Rådhuset")]
    public async Task Walkthrough_DatesEveryStep_CaptionsEveryTable_AndShowsHeadquartersDeliveryAndCertification(string language, string delivery, string certification)
    {
        var (exitCode, output, error) = await SampleApp.Run(200, "walkthrough", "--lang", language);

        exitCode.Should().Be(0, error);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var date = language == "en" ? @"\d{1,2} \p{L}+ \d{4}" : @"\d{1,2}\. \p{L}+ \d{4}";
        lines.Where(l => l.StartsWith("── ", StringComparison.Ordinal)).Should().HaveCount(5)
            .And.OnlyContain(l => System.Text.RegularExpressions.Regex.IsMatch(l, date), "every phase heading says the simulated date");
        var shortDate = language == "en" ? @"\d{4}-\d{2}-\d{2}" : @"\d{2}\.\d{2}\.\d{4}";
        var tables = lines.Select((l, i) => (Line: l, Index: i)).Where(x => x.Line.StartsWith('┌')).ToList();
        tables.Should().NotBeEmpty();
        tables.Should().OnlyContain(t => System.Text.RegularExpressions.Regex.IsMatch(lines[t.Index - 1], shortDate), "every table has a caption with its date");
        var steps = lines.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^" + shortDate + "  ")).ToList();
        steps.Should().Contain(l => l.Contains(delivery, StringComparison.Ordinal)).And.Contain(l => l.Contains(certification, StringComparison.Ordinal));
        steps.Should().HaveCountGreaterThan(8);
    }

    [Theory]
    [InlineData("status", "{missing}")]
    [InlineData("status", "{corrupt}")]
    [InlineData("next", "{heim}", "--unit", "ghost")]
    [InlineData("readiness", "{heim}", "--lang", "xx")]
    [InlineData("no-such-command")]
    [InlineData("validate-catalog", "{corrupt}")]
    [InlineData("holidays", "abc")]
    [InlineData("status", "{heim}", "--stream", "964123454")]
    [InlineData("deadlines", "{heim}", "--from", "1. mars")]
    public async Task BadInput_ExitsWithCode2AndAOneLineError(params string[] arguments)
    {
        var folder = Directory.CreateTempSubdirectory("mft-sample-").FullName;
        var heim = Path.Combine(folder, "heim.json");
        await File.WriteAllTextAsync(Path.Combine(folder, "corrupt.json"), "{\"schemaVersion\": 1,", TestContext.Current.CancellationToken);
        (await Run("demo", "-o", heim)).ExitCode.Should().Be(0);
        var resolved = arguments.Select(a => a.Replace("{missing}", Path.Combine(folder, "missing.json"), StringComparison.Ordinal)
            .Replace("{corrupt}", Path.Combine(folder, "corrupt.json"), StringComparison.Ordinal)
            .Replace("{heim}", heim, StringComparison.Ordinal)).ToArray();

        var (exitCode, _, error) = await Run(resolved);

        exitCode.Should().Be(2);
        error.Trim().Should().NotBeEmpty().And.NotContain("\n", "the error is one line, not a stack trace").And.StartWith("feil:", "the sample speaks Bokmål by default");
        error.Should().NotContainAny(["Failed to", "does not exist", "must be", "Unknown", "Could not", "Exception"], "no English reaches a Norwegian reader");
    }

    [Theory]
    [InlineData("heim.json")]
    [InlineData("heim.db")]
    public async Task Demo_SavesHeim_AndTheCommandsReadIt(string file)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mft-sample-").FullName, file);
        (await Run("demo", "-o", path)).ExitCode.Should().Be(0);

        (await Run("status", path, "--lang", "en")).Output.Should().Contain("phase 4. Improvement");
        (await SampleApp.Run(200, "next", path, "--unit", "raadhuset", "--lang", "en")).Output.Should().Contain("Open recertification");
        (await Run("deadlines", path, "--from", "2027-01-01", "--to", "2027-12-31", "--lang", "en")).Output.Should().Contain("2027-04-01");
        (await Run("readiness", path, "--unit", "solsikken", "--lang", "en")).Output.Should().Contain("100 %");
        var report = await Run("report", path, "--unit", "raadhuset", "--year", "2025");
        report.Output.Should().Contain("Rådhuset: klima- og miljørapport 2025").And.Contain("630\u00a0000\u00a0kWh").And.Contain("Sorteringsgrad").And.Contain("62,5\u00a0%")
            .And.Contain("Mål: ").And.Contain("Tiltak: ");
        (await Run("report", path, "--unit", "raadhuset", "--year", "2025", "--lang", "nn")).Output.Should().Contain("Nøkkeltal").And.Contain("Straumforbruk");
        (await Run("report", path, "--unit", "raadhuset", "--year", "2025", "--lang", "en")).Output.Should().Contain("Electricity use").And.Contain("630,000\u00a0kWh");
        var climate = await Run("climate", path, "--lang", "en");
        climate.Output.Should().Contain("climate account 2025").And.Contain("Scope 1: own combustion").And.Contain("Biogenic CO₂ (outside the total)")
            .And.Contain("Left out: District heating");
        (await Run("climate", path)).Output.Should().Contain("klimaregnskap 2025").And.Contain("Totalt (lokasjonsbasert)");
        (await Run("climate", path, "--lang", "nn")).Output.Should().Contain("klimarekneskap 2025").And.Contain("eiga forbrenning");
        var missing = await Run("report", path, "--unit", "raadhuset", "--year", "2024");
        missing.ExitCode.Should().Be(2);
        missing.Error.Should().Contain("Rådhuset har ikke levert en rapport med innhold for 2024");
        var ics = Path.ChangeExtension(path, ".ics");
        (await Run("ics", path, "-o", ics)).ExitCode.Should().Be(0);
        (await File.ReadAllTextAsync(ics, TestContext.Current.CancellationToken)).Should().StartWith("BEGIN:VCALENDAR");
    }

    [Fact]
    public async Task Deadlines_WithTheEndBeforeTheStart_IsARefusalNamingBothDates()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mft-sample-").FullName, "heim.json");
        (await Run("demo", "-o", path)).ExitCode.Should().Be(0);

        var (exitCode, _, error) = await Run("deadlines", path, "--from", "2028-01-01", "--to", "2027-01-01");

        exitCode.Should().Be(1, "the library refused the range");
        error.Trim().Should().Contain("MFT0405").And.Contain("01.01.2027").And.Contain("01.01.2028").And.NotContain("overflow");
        error.Trim().Split('\n').Should().ContainSingle("an error is one line");
    }

    [Fact]
    public async Task AnUnknownStream_ListsTheStreamsTheFileHolds()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mft-sample-").FullName, "heim.db");
        (await Run("demo", "-o", path)).ExitCode.Should().Be(0);

        var (exitCode, _, error) = await Run("status", path, "--stream", "123", "--lang", "en");

        exitCode.Should().Be(2);
        error.Should().Contain("no organisation '123'").And.Contain("it holds 964123454");
    }

    [Fact]
    public async Task Mermaid_PrintsTheGeneratedDiagrams_InTheChosenLanguage_OrWithTheCodesIdentifiers()
    {
        (await Run("mermaid", "--ids")).Output.Should().Be(RepositoryFiles.Read("docs/lifecycle.md"));
        var bokmal = (await Run("mermaid")).Output;
        bokmal.Should().Be(Core.Lifecycle.OrganisationLifecycle.GetMermaidDiagrams(Core.Localization.Language.NorwegianBokmal));
        bokmal.Should().Contain("state \"Ikke startet\" as NotStarted").And.Contain("Åpne miljøkartlegging [oppstarten er fullført")
            .And.Contain("-->|ja|").And.NotContain("OpenMapping [");
        (await Run("mermaid", "--lang", "nn")).Output.Should().Contain("Sertifiseringsløpet").And.Contain("-->|nei|").And.Contain("alle skal-krav oppfylte");
        (await Run("mermaid", "--lang", "en")).Output.Should().Contain("state \"Not started\" as NotStarted").And.Contain("-->|yes|");
    }

    [Fact]
    public async Task ValidateCatalog_OnTheEmbeddedCatalog_Succeeds()
    {
        var path = Path.Combine(Path.GetTempPath(), $"catalog-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(path, Core.Catalog.CriteriaCatalog.LoadDefault().ToUtf8Json(), TestContext.Current.CancellationToken);

        var (exitCode, output, _) = await Run("validate-catalog", path);

        exitCode.Should().Be(0);
        output.Should().StartWith("2024.1-illustrative: 60 criteria");
    }
}
