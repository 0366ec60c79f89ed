using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Localization;

public sealed class DetailNamesTest
{
    [Theory]
    [InlineData(Language.NorwegianBokmal, "Enheten «Rådhuset» mangler opplysninger: adresse, antall årsverk, miljøfyrtårnansvarlig.")]
    [InlineData(Language.NorwegianNynorsk, "Eininga «Rådhuset» manglar opplysningar: adresse, talet på årsverk, miljøfyrtårnansvarleg.")]
    [InlineData(Language.English, "The unit 'Rådhuset' is missing details: address, full-time equivalents, environmental officer.")]
    public void MissingUnitDetails_AreNamedInTheReadersLanguage(Language language, string expected)
    {
        var diagnostic = new Diagnostic(ErrorCodes.UnitDetailsIncomplete, ["Rådhuset", "address, fullTimeEquivalents, officer"]);

        diagnostic.GetMessage(language).Should().Be(expected);
        diagnostic.Arguments[1].Should().Be("address, fullTimeEquivalents, officer", "the argument stays the property names, for programs");
    }
}
