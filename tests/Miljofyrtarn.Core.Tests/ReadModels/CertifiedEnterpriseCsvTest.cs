using System.Text;
using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.ReadModels;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.ReadModels;

/// <summary>
/// Issue 34: the list of certified enterprises in the municipality, as the coordinator saves it from a spreadsheet.
/// A good file reads whole; each kind of bad row is refused with its code, line and column, and nothing is imported.
/// </summary>
public sealed class CertifiedEnterpriseCsvTest
{
    private const string Header = "Organisasjonsnummer;Navn;Sertifikatnummer;Gyldig til;Bransje";

    private static IReadOnlyList<Diagnostic> Refused(string csv) =>
        FluentActions.Invoking(() => CertifiedEnterpriseCsv.Read(csv)).Should().Throw<MiljofyrtarnException>().Which.Diagnostics;

    [Fact]
    public void AGoodFile_WithSemicolons_QuotesAndBothDateForms_ReadsWhole()
    {
        var csv = Header + "\r\n"
            + "974760673;\"Heim Bakeri; avd. sentrum\";MFT-2024-0101;01.03.2027;Næringsmiddel\r\n"
            + "964 123 454;\"Heim \"\"Grønne\"\" Kontor\";MFT-2025-0042;2028-12-31;Kontor og administrasjon\r\n"
            + "\r\n";

        var enterprises = CertifiedEnterpriseCsv.Read(csv);

        enterprises.Should().Equal(
            new CertifiedEnterprise(OrganisationNumber.Parse("974760673"), "Heim Bakeri; avd. sentrum", "MFT-2024-0101", new LocalDate(2027, 3, 1), "Næringsmiddel"),
            new CertifiedEnterprise(OrganisationNumber.Parse("964123454"), "Heim \"Grønne\" Kontor", "MFT-2025-0042", new LocalDate(2028, 12, 31), "Kontor og administrasjon"));
    }

    [Fact]
    public void AFileWithCommas_InAnyColumnOrder_WithEnglishNamesAndABom_ReadsWhole()
    {
        var csv = "\uFEFFvalid to,industry,name,organisation number,certificate number\n2027-01-31,Retail,\"Heim Sko, AS\",974760673,X-1\n";

        var enterprise = CertifiedEnterpriseCsv.Read(Encoding.UTF8.GetBytes(csv)).Should().ContainSingle().Subject;

        enterprise.Name.Should().Be("Heim Sko, AS");
        enterprise.ValidTo.Should().Be(new LocalDate(2027, 1, 31));
        enterprise.Number.Value.Should().Be("974760673");
    }

    [Fact]
    public void ABadCheckDigit_IsRefused_AtItsLineAndColumn()
    {
        var problem = Refused(Header + "\n974760673;A;1;01.03.2027;X\n974760674;B;2;01.03.2027;X\n").Should().ContainSingle().Subject;

        problem.Code.Should().Be(ErrorCodes.InvalidOrganisationNumber);
        problem.Arguments.Should().Equal("974760674");
        (problem.Line, problem.Column, problem.Path).Should().Be((3L, 1L, "organisasjonsnummer"));
        problem.GetMessage(Language.NorwegianBokmal).Should().Contain("«974760674» er ikke et gyldig organisasjonsnummer");
    }

    [Theory]
    [InlineData("1. mars 2027")]
    [InlineData("03/01/2027")]
    [InlineData("2027-13-01")]
    [InlineData("31.02.2027")]
    public void AnUnknownDateForm_IsRefused_NamingTheText(string date)
    {
        var problem = Refused(Header + $"\n974760673;A;1;{date};X\n").Should().ContainSingle().Subject;

        problem.Code.Should().Be(ErrorCodes.UnrecognisedDate);
        problem.Arguments.Should().Equal(date);
        (problem.Line, problem.Column, problem.Path).Should().Be((2L, 4L, "gyldig til"));
        problem.GetMessage(Language.NorwegianNynorsk).Should().Contain("01.03.2027 eller 2027-03-01");
    }

    [Fact]
    public void AMissingColumn_InTheHeader_OrInARow_IsRefused()
    {
        var header = Refused("Organisasjonsnummer;Navn;Sertifikatnummer;Bransje\n974760673;A;1;X\n").Should().ContainSingle().Subject;
        header.Code.Should().Be(ErrorCodes.MissingCsvColumn);
        header.Arguments.Should().Equal("gyldig til", "1");

        var row = Refused(Header + "\n974760673;A;1\n").Select(p => (p.Code, p.Arguments[0], p.Line)).ToList();
        row.Should().Equal((ErrorCodes.MissingCsvColumn, "gyldig til", 2L), (ErrorCodes.MissingCsvColumn, "bransje", 2L));

        Refused("").Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.MissingCsvColumn);
    }

    [Fact]
    public void ADuplicateEnterprise_IsRefused_NamingBothLines()
    {
        var problem = Refused(Header + "\n974760673;A;1;01.03.2027;X\n964123454;B;2;01.03.2027;X\n974 760 673;A igjen;3;01.03.2027;X\n").Should().ContainSingle().Subject;

        problem.Code.Should().Be(ErrorCodes.DuplicateEntry);
        problem.Arguments.Should().Equal("organisasjonsnummer", "974760673", "2");
        problem.Line.Should().Be(4);
    }

    [Fact]
    public void EveryBadRow_IsReported_AndNothingIsImported()
    {
        var problems = Refused(Header + "\n974760674;A;1;01.03.2027;X\n974760673;;1;1. mars;X\n964123454;C;3;01.03.2027;X\n");

        problems.Select(p => (p.Code, p.Line)).Should().Equal((ErrorCodes.InvalidOrganisationNumber, 2L), (ErrorCodes.BlankText, 3L), (ErrorCodes.UnrecognisedDate, 3L));
    }

    [Fact]
    public void TextThatIsNotText_OrTooLong_OrADateOutOfRange_IsRefused()
    {
        Refused(Header + "\n974760673;A\u0001;1;01.03.2027;X\n").Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.InvalidText);
        Refused(Header + $"\n974760673;{new string('n', Limits.NameLength + 1)};1;01.03.2027;X\n").Should().ContainSingle().Which.Arguments.Should().Equal("navn", "201", "200");
        Refused(Header + $"\n974760673;A;{new string('c', Limits.CertificateNumberLength + 1)};01.03.2027;X\n").Should().ContainSingle().Which.Arguments.Should().Equal("sertifikatnummer", "65", "64");
        Refused(Header + "\n974760673;A;1;01.03.2300;X\n").Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.DateOutOfRange);
        FluentActions.Invoking(() => CertifiedEnterpriseCsv.Read([0xC3, 0x28])).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.InvalidText);
    }
}
