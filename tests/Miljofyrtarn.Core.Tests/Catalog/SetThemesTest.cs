using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Tests.Lifecycle;
using Miljofyrtarn.Core.Tests.Organisations;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Catalog;

/// <summary>
/// A set's own grouping into themes: the municipal common criteria use the ten municipal categories, while the same
/// criteria keep the older themes in the older common sets.
/// </summary>
public class SetThemesTest
{
    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.LoadDefault();

    /// <summary>The ten categories of the municipal common criteria, in the rulebook's order (DOMAIN §1; miljofyrtarn.no felleskriterier-faq).</summary>
    private static readonly string[] MunicipalCategories =
    [
        "Forankring", "Styring", "Offentliggjøring", "Innkjøp", "Avfall og ombruk",
        "Energi", "Transport", "Naturmangfold og arealbruk", "Arbeidsmiljø", "Eierskap",
    ];

    [Fact]
    public void TheMunicipalCommonSet_GroupsItsTwentySixCriteriaIntoTheTenMunicipalCategories()
    {
        var municipal = Catalog.GetSet("felles-kommune-2023");

        municipal.Themes.Select(t => t.Name.Bokmal).Should().Equal(MunicipalCategories);
        var counts = municipal.Criteria.GroupBy(municipal.ThemeOf).ToDictionary(g => g.Key.Name.Bokmal, g => g.Count());
        counts.Keys.Should().BeEquivalentTo(MunicipalCategories, "every criterion sits in one of the ten categories");
        counts.Values.Sum().Should().Be(26);
        counts.Values.Should().OnlyContain(n => n > 0);
    }

    [Fact]
    public void TheOlderCommonSets_KeepTheOlderThemes_ForTheCriteriaTheyShareWithTheMunicipalSet()
    {
        var municipal = Catalog.GetSet("felles-kommune-2023");
        var municipalOnly = new[] { "forankring", "styring", "offentliggjoring", "eierskap" };
        foreach (var older in new[] { Catalog.GetSet("felles-2016"), Catalog.GetSet("felles-privat-statlig-2022") })
        {
            older.Themes.Select(t => t.Id).Should().NotIntersectWith(municipalOnly, $"{older.Id} predates the municipal categories");
            var shared = older.Criteria.Intersect(municipal.Criteria).ToList();
            shared.Should().NotBeEmpty();
            shared.Should().OnlyContain(c => older.ThemeOf(c) == c.Theme);
        }

        var policy = Catalog.GetCriterion(1001);
        Catalog.GetSet("felles-2016").ThemeOf(policy).Id.Should().Be("system");
        municipal.ThemeOf(policy).Id.Should().Be("forankring");
        municipal.ThemeOf(Catalog.GetCriterion(7)).Id.Should().Be("offentliggjoring");
    }

    [Fact]
    public void ASetWithoutItsOwnGrouping_ListsItsCriteriasThemesInCatalogOrder()
    {
        var kindergarten = Catalog.GetSet("barnehage");

        kindergarten.Themes.Should().BeInAscendingOrder(t => t.Ordinal);
        kindergarten.Themes.Should().BeEquivalentTo(kindergarten.Criteria.Select(c => c.Theme).Distinct());
        kindergarten.Criteria.Should().OnlyContain(c => kindergarten.ThemeOf(c) == c.Theme);
    }

    [Fact]
    public void Readiness_OfAMunicipality_IsListedInTheMunicipalCategories()
    {
        var heim = Heim.Create();

        var readiness = heim.GetReadiness(Heim.Raadhuset);
        readiness.Themes.Select(t => t.Theme.Name.Bokmal).Take(10).Should().Equal(MunicipalCategories);
        var total = heim.GetReadiness().Themes.Select(t => t.Theme.Name.Bokmal).ToList();
        total.Where(MunicipalCategories.Contains).Should().Equal(MunicipalCategories.Where(total.Contains), "the totals follow the municipal order too");
        heim.Resolve(Heim.Raadhuset).Criteria.Single(c => c.Criterion.Id == 1001).Theme.Id.Should().Be("forankring");
        heim.Resolve(Heim.Raadhuset).Criteria.Should().OnlyContain(c => heim.CommonSet.Criteria.Contains(c.Criterion) ? c.Theme == heim.CommonSet.ThemeOf(c.Criterion) : c.Theme == c.Criterion.Theme);
    }

    [Fact]
    public void Readiness_WhileHeadquartersIsPending_GroupsHeadquartersByTheNewVersion_AndTheUnitsByTheOld()
    {
        var clock = HeimLifecycle.Clock(2022, 10, 3);
        var heim = HeimLifecycle.Start(clock, headquarters: Heim.Headquarters() with { MainSetId = "felles-2016" });
        heim = HeimLifecycle.Certify(heim.CompleteStartUp(new NodaTime.LocalDate(2022, 10, 10), HeimLifecycle.Coordinator), Heim.Raadhuset, "HK-2022");
        HeimLifecycle.SetDate(clock, 2025, 6, 1);
        heim = heim.OpenRecertification(Heim.Raadhuset, HeimLifecycle.Coordinator);

        heim.Organisation.GetReadiness(Heim.Raadhuset).Themes.Select(t => t.Theme.Id).Should().Contain("forankring");
        heim.Organisation.GetReadiness(Heim.Skole).Themes.Select(t => t.Theme.Id).Should().NotContain("forankring").And.Contain("system");
        var total = heim.Organisation.GetReadiness();
        total.Counts.Total.Should().Be(total.Themes.Sum(t => t.Counts.Total), "every criterion is counted under exactly one theme");
    }

    [Theory]
    [InlineData("""[{ "theme": "nope", "criteria": [1] }]""", ErrorCodes.UnknownSetTheme, "$.sets[0].themes[0].theme")]
    [InlineData("""[{ "theme": "energi", "criteria": [3] }]""", ErrorCodes.SetThemeCriterion, "$.sets[0].themes[0].criteria[0]")]
    [InlineData("""[{ "theme": "energi", "criteria": [1] }, { "theme": "system", "criteria": [2, 1] }]""", ErrorCodes.SetThemeCriterion, "$.sets[0].themes[1].criteria[1]")]
    [InlineData("""[{ "theme": "energi", "criteria": [1] }, { "theme": "energi", "criteria": [2] }]""", ErrorCodes.DuplicateId, "$.sets[0].themes[1].theme")]
    [InlineData("""[{ "theme": "energi" }]""", ErrorCodes.MissingProperty, "$.sets[0].themes[0].criteria")]
    [InlineData("""[{ "theme": "energi", "criteria": [1], "colour": "green" }]""", ErrorCodes.UnknownProperty, "$.sets[0].themes[0].colour")]
    public void ABrokenGrouping_IsRefusedAtItsPath(string themes, string code, string path)
    {
        var json = CatalogDocuments.With(d => CatalogDocuments.Set(d, 0)["themes"] = System.Text.Json.Nodes.JsonNode.Parse(themes));

        var problems = FluentActions.Invoking(() => CriteriaCatalog.Load(json)).Should().Throw<CatalogLoadException>().Which.Diagnostics;

        problems.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == code && d.Path == path);
    }

    [Fact]
    public void AGrouping_IsWrittenAndReadBack()
    {
        var json = CatalogDocuments.With(d => CatalogDocuments.Set(d, 0)["themes"] = System.Text.Json.Nodes.JsonNode.Parse("""[{ "theme": "energi", "criteria": [1] }]"""));
        var catalog = CriteriaCatalog.Load(json);
        var set = catalog.GetSet("felles");
        set.ThemeOf(catalog.GetCriterion(1)).Id.Should().Be("energi");
        set.ThemeOf(catalog.GetCriterion(2)).Id.Should().Be("energi", "criterion 2 is an energy criterion of its own");
        set.Themes.Select(t => t.Id).Should().Equal("energi");

        var again = CriteriaCatalog.Load(catalog.ToUtf8Json());
        again.GetSet("felles").ThemeOf(again.GetCriterion(1)).Id.Should().Be("energi");
        again.ToUtf8Json().Should().Equal(catalog.ToUtf8Json());
        CriteriaCatalog.Load(Catalog.ToUtf8Json()).GetSet("felles-kommune-2023").Themes.Should().HaveCount(10);
    }
}
