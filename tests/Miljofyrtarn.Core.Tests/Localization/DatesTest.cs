using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Localization;

public class DatesTest
{
    [Theory]
    [InlineData(Language.NorwegianBokmal, "01.03.2027", "1. mars 2027")]
    [InlineData(Language.NorwegianNynorsk, "01.03.2027", "1. mars 2027")]
    [InlineData(Language.English, "2027-03-01", "1 March 2027")]
    public void Format_WritesTheDateAsTheReaderExpects(Language language, string @short, string prose)
    {
        Dates.Format(new LocalDate(2027, 3, 1), language).Should().Be(@short);
        Dates.FormatLong(new LocalDate(2027, 3, 1), language).Should().Be(prose);
    }

    [Fact]
    public void EveryMonth_HasItsNorwegianAndEnglishName()
    {
        var months = Enumerable.Range(1, 12).Select(m => new LocalDate(2026, m, 15)).ToList();

        months.Select(d => Dates.FormatLong(d, Language.NorwegianBokmal)).Should().Equal(
            "15. januar 2026", "15. februar 2026", "15. mars 2026", "15. april 2026", "15. mai 2026", "15. juni 2026",
            "15. juli 2026", "15. august 2026", "15. september 2026", "15. oktober 2026", "15. november 2026", "15. desember 2026");
        months.Select(d => Dates.FormatLong(d, Language.English)).Should().Equal(
            "15 January 2026", "15 February 2026", "15 March 2026", "15 April 2026", "15 May 2026", "15 June 2026",
            "15 July 2026", "15 August 2026", "15 September 2026", "15 October 2026", "15 November 2026", "15 December 2026");
    }

    [Fact]
    public void Messages_WriteTheirDatesAsTheReaderExpects_WhileTheArgumentsStayIso()
    {
        var diagnostic = new Diagnostic(ErrorCodes.PeriodEndsBeforeStart, ["2027-03-01", "2026-12-31"]);
        var report = new Diagnostic(ErrorCodes.ReportYearNotDue, ["Rådhuset", "2026", "2025", "2027-01-01"]);

        diagnostic.GetMessage(Language.NorwegianBokmal).Should().Contain("31.12.2026").And.Contain("01.03.2027").And.NotContain("2027-03-01");
        diagnostic.GetMessage(Language.English).Should().Contain("2026-12-31");
        diagnostic.Arguments.Should().Equal("2027-03-01", "2026-12-31");
        report.GetMessage(Language.NorwegianBokmal).Should().Be("«Rådhuset» kan ikke levere årsrapport for 2026 nå: første rapportår er 2025, og rapporten for 2026 kan leveres fra 1. januar 2027.");
        report.GetMessage(Language.English).Should().EndWith("can be submitted from 1 January 2027.");
    }
}
