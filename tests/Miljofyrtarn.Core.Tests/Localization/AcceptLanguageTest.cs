using FluentAssertions;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Localization;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Localization;

public sealed class AcceptLanguageTest
{
    [Theory]
    [InlineData(null, Language.NorwegianBokmal)]
    [InlineData("", Language.NorwegianBokmal)]
    [InlineData("de-DE,fr;q=0.8", Language.NorwegianBokmal)]
    [InlineData("nn-NO,nn;q=0.9,en;q=0.5", Language.NorwegianNynorsk)]
    [InlineData("en-GB", Language.English)]
    [InlineData("de,en;q=0.4,nn;q=0.7", Language.NorwegianNynorsk)]
    [InlineData("no", Language.NorwegianBokmal)]
    [InlineData("en;q=0, nn;q=0.1", Language.NorwegianNynorsk)]
    [InlineData("en;q=abc, nn", Language.NorwegianNynorsk)]
    [InlineData("en;q=2", Language.NorwegianBokmal)]
    [InlineData("*", Language.NorwegianBokmal)]
    [InlineData("en, nn", Language.English)]
    public void TheBestSupportedLanguage_IsChosen_BokmalOtherwise(string? header, Language expected) =>
        LanguageExtensions.FromAcceptLanguage(header).Should().Be(expected);

    [Theory]
    [InlineData("all", "en", "all")]
    [InlineData("nn", "en", "nn")]
    [InlineData(null, "en-US", "en")]
    [InlineData("xx", "nn", "nn")]
    [InlineData(null, null, "nb")]
    public void AnExplicitChoice_WinsOverTheHeader(string? choice, string? header, string expected) =>
        ContractLanguage.FromRequest(choice, header).ToString().Should().Be(expected);
}
