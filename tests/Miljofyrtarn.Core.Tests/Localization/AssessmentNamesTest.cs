using FluentAssertions;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Localization;

public sealed class AssessmentNamesTest
{
    [Theory]
    [InlineData(FulfilmentStatus.NotApplicable, Language.NorwegianBokmal, "Ikke relevant")]
    [InlineData(FulfilmentStatus.NotStarted, Language.NorwegianNynorsk, "Ikkje påbyrja")]
    [InlineData(FulfilmentStatus.InProgress, Language.English, "In progress")]
    public void Status_IsNamedInTheReadersLanguage(FulfilmentStatus status, Language language, string name) =>
        status.GetName(language).Should().Be(name);

    [Fact]
    public void EveryValue_HasItsOwnNameInEachLanguage_NeverTheEnumName()
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            string[] names =
            [
                .. Enum.GetValues<FulfilmentStatus>().Select(s => s.GetName(language)),
                .. Enum.GetValues<Obligation>().Select(o => o.GetName(language)),
                .. Enum.GetValues<ResponsibleParty>().Select(p => p.GetName(language)),
                .. Enum.GetValues<UnitRole>().Select(r => r.GetName(language)),
            ];
            names.Should().OnlyHaveUniqueItems($"each name means one thing ({language})")
                .And.NotContain(["NotStarted", "InProgress", "NotApplicable", "Headquarters"]);
        }

        UnitRole.Headquarters.GetName(Language.NorwegianNynorsk).Should().Be("Hovudkontor (HK)");
        ResponsibleParty.Headquarters.GetName(Language.NorwegianBokmal).Should().Be("Hovedkontoret");
        Obligation.Should.GetName(Language.NorwegianBokmal).Should().Be("Bør");
    }
}
