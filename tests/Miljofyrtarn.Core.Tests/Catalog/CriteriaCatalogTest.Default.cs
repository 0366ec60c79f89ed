using System.Text.Json.Nodes;
using FluentAssertions;
using Json.Schema;
using Miljofyrtarn.Core.Catalog;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Catalog;

public class CriteriaCatalogDefaultTest
{
    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.LoadDefault();

    [Fact]
    public void LoadDefault_IsHonestAboutBeingIllustrative()
    {
        Catalog.IsIllustrative.Should().BeTrue();
        Catalog.Source.Should().Contain("miljofyrtarn.no");
        Catalog.Description!.Bokmal.Should().Contain("ikke de offisielle");
        Catalog.Description.English.Should().Contain("not the official");
    }

    [Fact]
    public void LoadDefault_CoversTheThemesOfTheRulebook_AndTheMunicipalCategories()
    {
        Catalog.Themes.Select(t => t.Name.Bokmal).Should().BeEquivalentTo(
        [
            "System", "Arbeidsmiljø", "Innkjøp", "Energi", "Transport", "Avfall og ombruk",
            "Naturmangfold og arealbruk", "Utslipp til vann", "Estetikk", "Kjemikaliebruk",
            "Forankring", "Styring", "Offentliggjøring", "Eierskap",
        ]);
        Catalog.Themes.Should().OnlyContain(t => Catalog.Sets.Any(s => s.Criteria.Any(c => s.ThemeOf(c) == t)), "every theme has criteria in some set");
    }

    [Fact]
    public void LoadDefault_HasTheMunicipalCommonCriteria()
    {
        var common = Catalog.GetSet("felles-kommune-2023");

        common.Kind.Should().Be(CriteriaSetKind.Common);
        common.Criteria.Should().HaveCount(26);
        common.EffectiveFrom.Should().Be(new NodaTime.LocalDate(2023, 3, 1));
        common.OrganisationKinds.Should().BeEquivalentTo([OrganisationKind.Municipality, OrganisationKind.CountyMunicipality]);
        common.Criteria.Should().Contain(c => c.Id == 7 && c.FulfilledBy == ResponsibilityHint.Headquarters);
    }

    [Fact]
    public void LoadDefault_HasTheIndustrySetsAMunicipalityUses()
    {
        var industry = Catalog.Sets.Where(s => s.Kind == CriteriaSetKind.Industry).Select(s => s.Name.Bokmal).ToList();

        industry.Should().HaveCountGreaterThanOrEqualTo(8);
        industry.Should().Contain(["Barnehage", "Grunnskole/SFO", "Sykehjem", "Hjemmebaserte tjenester", "Kantine", "Idrettsanlegg", "Badeanlegg og bassengbad"]);
        Catalog.Sets.Where(s => s.Kind == CriteriaSetKind.Industry).Should().OnlyContain(s => s.Criteria.Length >= 3);
    }

    [Fact]
    public void LoadDefault_HasFourIntroductoryQuestionsThatEachSwitchOnCriteria()
    {
        Catalog.Questions.Should().HaveCount(4);
        foreach (var question in Catalog.Questions)
        {
            Catalog.Criteria.Should().Contain(c => c.AppliesWhen != null && c.AppliesWhen.QuestionId == question.Id, $"question {question.Id} switches something on");
        }
    }

    [Fact]
    public void LoadDefault_HasRetiredCriteriaWithReplacements()
    {
        var retired = Catalog.GetCriterion(1868);

        retired.IsRetired.Should().BeTrue();
        retired.ReplacedById.Should().Be(1871);
        Catalog.ResolveActive(retired).Id.Should().Be(1871);
        Catalog.ResolveActive(Catalog.GetCriterion(7)).Id.Should().Be(7, "an active criterion resolves to itself");
    }

    [Fact]
    public void LoadDefault_ReturnsTheSameSharedInstance()
    {
        CriteriaCatalog.LoadDefault().Should().BeSameAs(Catalog);
    }

    [Fact]
    public void Lookups_ById_FindEveryCriterionAndSet()
    {
        foreach (var criterion in Catalog.Criteria)
        {
            Catalog.GetCriterion(criterion.Id).Should().BeSameAs(criterion);
            Catalog.TryGetCriterion(criterion.Id, out var found).Should().BeTrue();
            found.Should().BeSameAs(criterion);
        }

        foreach (var set in Catalog.Sets)
        {
            Catalog.GetSet(set.Id).Should().BeSameAs(set);
        }

        Catalog.TryGetTheme("energi", out var theme).Should().BeTrue();
        theme!.Name.English.Should().Be("Energy");
        Catalog.TryGetQuestion("kitchen", out var question).Should().BeTrue();
        question!.Text.Nynorsk.Should().NotBeNull();
    }

    [Fact]
    public void Lookups_UnknownIds_FailClearly()
    {
        Catalog.TryGetCriterion(999_999, out _).Should().BeFalse();
        var criterion = FluentActions.Invoking(() => Catalog.GetCriterion(999_999)).Should().Throw<Core.Diagnostics.MiljofyrtarnException>().Which;
        var set = FluentActions.Invoking(() => Catalog.GetSet("no-such-set")).Should().Throw<Core.Diagnostics.MiljofyrtarnException>().Which;

        criterion.Code.Should().Be(Core.Diagnostics.ErrorCodes.UnknownCriterion);
        criterion.Diagnostics[0].Arguments.Should().Equal("999999");
        set.Code.Should().Be(Core.Diagnostics.ErrorCodes.UnknownSet);
        set.Diagnostics[0].Arguments[0].Should().Be("no-such-set");
    }

    [Fact]
    public void Lookups_FromManyThreads_AgreeWithSequentialLookups()
    {
        var ids = Catalog.Criteria.Select(c => c.Id).ToArray();

        var results = ids.AsParallel().WithDegreeOfParallelism(4).Select(id => Catalog.GetCriterion(id).Id).ToArray();

        results.Should().BeEquivalentTo(ids);
    }

    [Fact]
    public void RoundTrip_EmbeddedCatalogThroughJson_LosesNothing()
    {
        var json = Catalog.ToUtf8Json();
        var reloaded = CriteriaCatalog.Load(json);

        reloaded.Should().BeEquivalentTo(Catalog, options => options.WithStrictOrdering());
        reloaded.ToUtf8Json().Should().Equal(json, "writing is deterministic");
    }

    [Fact]
    public void RoundTrip_WriteToStream_MatchesToUtf8Json()
    {
        using var stream = new MemoryStream();
        Catalog.WriteTo(stream);

        stream.ToArray().Should().Equal(Catalog.ToUtf8Json());
    }

    [Fact]
    public void EmbeddedCatalog_ValidatesAgainstTheJsonSchema()
    {
        var schema = JsonSchema.FromText(CriteriaCatalog.GetJsonSchema());
        var document = JsonNode.Parse(CriteriaCatalog.ReadEmbeddedBytes());

        var result = schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });

        result.IsValid.Should().BeTrue(string.Join("; ", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void WrittenCatalog_ValidatesAgainstTheJsonSchema()
    {
        var schema = JsonSchema.FromText(CriteriaCatalog.GetJsonSchema());

        schema.Evaluate(JsonNode.Parse(Catalog.ToUtf8Json())).IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData("criteria", "obligation", "maybe")]
    [InlineData("sets", "kind", "other")]
    [InlineData("criteria", "colour", "green")]
    public void JsonSchema_RejectsWhatTheLoaderRejects(string list, string property, string value)
    {
        var schema = JsonSchema.FromText(CriteriaCatalog.GetJsonSchema());
        var document = JsonNode.Parse(CriteriaCatalog.ReadEmbeddedBytes())!;
        document[list]![0]![property] = value;

        schema.Evaluate(document).IsValid.Should().BeFalse();
        FluentActions.Invoking(() => CriteriaCatalog.Load(CatalogDocuments.Bytes(document))).Should().Throw<CatalogLoadException>();
    }

    [Fact]
    public void SchemaInRepository_IsTheSchemaShippedInThePackage()
    {
        var file = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "catalog.schema.json"));

        file.Should().Be(CriteriaCatalog.GetJsonSchema());
    }

    [Fact]
    public void LoadFile_ReadsACatalogFromDisk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"catalog-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, Catalog.ToUtf8Json());
        try
        {
            CriteriaCatalog.LoadFile(path).Criteria.Should().HaveCount(Catalog.Criteria.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_MissingFile_IsTheCodedFileNotFound_WithTheIoExceptionInside()
    {
        var refused = FluentActions.Invoking(() => CriteriaCatalog.LoadFile(Path.Combine(Path.GetTempPath(), "no-such-catalog.json"))).Should().Throw<CatalogLoadException>().Which;

        refused.Code.Should().Be(Core.Diagnostics.ErrorCodes.FileNotFound);
        refused.InnerException.Should().BeOfType<FileNotFoundException>();
    }
}
