using System.Globalization;
using System.Reflection;
using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Localization;

public class LocalizationTest
{
    private static readonly string[] Codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    public static TheoryData<string> AllCodes() => new(Codes);

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void EveryErrorCode_HasADistinctMessageInEachLanguage(string code)
    {
        var arguments = Enumerable.Range(0, 4).Select(i => $"<arg{i}>").ToArray();
        var diagnostic = new Diagnostic(code, arguments);

        var nb = diagnostic.GetMessage(Language.NorwegianBokmal);
        var nn = diagnostic.GetMessage(Language.NorwegianNynorsk);
        var en = diagnostic.GetMessage(Language.English);

        new[] { nb, nn, en }.Should().OnlyContain(m => !string.IsNullOrWhiteSpace(m) && !m.Contains('{'));
        en.Should().NotBe(nb);
        if (code == ErrorCodes.MalformedJson)
        {
            // Malformed JSON is named by where it is: the path and line, which every document diagnostic carries.
            new Diagnostic(code, [], "$.units[2]", 14, 3).ToString(Language.NorwegianBokmal).Should().Contain("$.units[2]").And.Contain("linje 14");
        }
        else
        {
            nb.Should().Contain("<arg0>", "every message names the bad value");
        }
    }

    [Fact]
    public void ErrorCodes_AreUniqueAndWellFormed()
    {
        var codes = Codes;

        codes.Should().OnlyHaveUniqueItems();
        codes.Should().OnlyContain(c => System.Text.RegularExpressions.Regex.IsMatch(c, "^MFT[0-9]{4}$"));
        Messages.Codes.Should().BeEquivalentTo(codes, "every code has messages and every message has a code");
    }

    [Theory]
    [InlineData("nb", Language.NorwegianBokmal)]
    [InlineData("nb-NO", Language.NorwegianBokmal)]
    [InlineData("no", Language.NorwegianBokmal)]
    [InlineData("NN", Language.NorwegianNynorsk)]
    [InlineData("nn-NO", Language.NorwegianNynorsk)]
    [InlineData("en", Language.English)]
    [InlineData("en-GB", Language.English)]
    public void TryParseTag_KnownTags_Parse(string tag, Language expected)
    {
        LanguageExtensions.TryParseTag(tag, out var language).Should().BeTrue();
        language.Should().Be(expected);
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseTag_UnknownTags_Fail(string? tag)
    {
        LanguageExtensions.TryParseTag(tag, out _).Should().BeFalse();
    }

    [Fact]
    public void FromCulture_UnsupportedOrInvariant_IsBokmal()
    {
        LanguageExtensions.FromCulture(CultureInfo.InvariantCulture).Should().Be(Language.NorwegianBokmal);
        LanguageExtensions.FromCulture(CultureInfo.GetCultureInfo("de-DE")).Should().Be(Language.NorwegianBokmal);
        LanguageExtensions.FromCulture(CultureInfo.GetCultureInfo("en-US")).Should().Be(Language.English);
    }

    [Fact]
    public void LocalizedText_MissingVersion_FallsBackToBokmal()
    {
        var text = new LocalizedText("Energi", english: "Energy");

        text.Get(Language.English).Should().Be("Energy");
        text.Get(Language.NorwegianNynorsk).Should().Be("Energi");
        text.Should().Be(new LocalizedText("Energi", null, "Energy"));
        text.GetHashCode().Should().Be(new LocalizedText("Energi", null, "Energy").GetHashCode());
        text.Should().NotBe(new LocalizedText("Energi"));
    }

    [Fact]
    public void LocalizedText_BlankBokmal_Throws()
    {
        FluentActions.Invoking(() => new LocalizedText(" ")).Should().Throw<ArgumentException>().WithMessage("*bokmal*");
        FluentActions.Invoking(() => new LocalizedText("x", "")).Should().Throw<ArgumentException>().WithMessage("*nynorsk*");
    }

    [Fact]
    public void Diagnostic_ToString_ShowsCodePathLineAndMessage()
    {
        var diagnostic = new Diagnostic(ErrorCodes.UnknownTheme, ["7", "astrologi"], "$.criteria[0].theme", 12, 5);

        diagnostic.ToString(Language.English).Should().Be("MFT0102 at $.criteria[0].theme (line 12, column 5): Criterion 7 refers to the theme 'astrologi', which is not in the catalog.");
        diagnostic.ToString(Language.NorwegianBokmal).Should().StartWith("MFT0102 ved $.criteria[0].theme (linje 12, kolonne 5): Kriterium 7");
    }
}
