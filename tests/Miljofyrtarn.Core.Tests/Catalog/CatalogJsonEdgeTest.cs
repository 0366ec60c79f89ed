using System.Text.Json.Nodes;
using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Xunit;
using static Miljofyrtarn.Core.Tests.Catalog.CatalogDocuments;

namespace Miljofyrtarn.Core.Tests.Catalog;

/// <summary>The catalog reader's and writer's edges (issue 31's mutation score of Catalog/Json): every header field, each text's languages, and what a written catalog keeps.</summary>
public sealed class CatalogJsonEdgeTest
{
    private static IReadOnlyList<Diagnostic> Problems(byte[] json)
    {
        CriteriaCatalog.TryLoad(json, out var catalog, out var diagnostics).Should().BeFalse();
        catalog.Should().BeNull();
        FluentActions.Invoking(() => CriteriaCatalog.Load(json)).Should().Throw<CatalogLoadException>().Which.Diagnostics.Should().BeEquivalentTo(diagnostics);
        return diagnostics;
    }

    private static Diagnostic Single(byte[] json, string code)
    {
        var problems = Problems(json);
        problems.Should().ContainSingle().Which.Code.Should().Be(code);
        return problems[0];
    }

    [Theory]
    [InlineData("version", "$.version")]
    [InlineData("publishedOn", "$.publishedOn")]
    [InlineData("title", "$.title")]
    public void AMissingHeaderField_IsNamedAtItsPath(string field, string path)
    {
        var problem = Single(With(d => d.Remove(field)), ErrorCodes.MissingProperty);
        problem.Path.Should().Be(path);
        problem.Arguments.Should().Equal(field);
    }

    [Fact]
    public void AMissingSchemaVersion_IsNamed_AndAnotherOne_IsTheOnlyProblemReported()
    {
        var missing = Single(With(d => d.Remove("schemaVersion")), ErrorCodes.MissingProperty);
        (missing.Path, missing.Arguments[0]).Should().Be(("$.schemaVersion", "schemaVersion"));

        var other = Single(With(d => { d["schemaVersion"] = 2; d.Remove("version"); }), ErrorCodes.UnsupportedSchemaVersion);
        other.Path.Should().Be("$.schemaVersion");
        other.Arguments.Should().Equal("2", "1");
    }

    [Fact]
    public void AnEmptyDocument_IsRefusedAsACatalogMissing()
    {
        Single(Bytes("null"), ErrorCodes.MissingProperty).Arguments.Should().Equal("document");
    }

    [Fact]
    public void AnUnknownHeaderProperty_IsNamed()
    {
        var problem = Single(With(d => d["extra"] = 1), ErrorCodes.UnknownProperty);
        (problem.Path, problem.Arguments[0]).Should().Be(("$.extra", "extra"));
    }

    [Fact]
    public void ABadPublicationDay_OrBlankSource_IsNamedWithWhatIsExpected()
    {
        var date = Single(With(d => d["publishedOn"] = "1. juni 2024"), ErrorCodes.InvalidValue);
        (date.Path, date.Arguments[0], date.Arguments[1]).Should().Be(("$.publishedOn", "1. juni 2024", "yyyy-MM-dd"));
        var source = Single(With(d => d["source"] = " "), ErrorCodes.InvalidValue);
        (source.Path, source.Arguments[1]).Should().Be(("$.source", "null | text"));
        CriteriaCatalog.Load(With(d => d["source"] = "https://miljofyrtarn.no")).Source.Should().Be("https://miljofyrtarn.no");
    }

    [Theory]
    [InlineData("nn", "$.title.nn")]
    [InlineData("en", "$.title.en")]
    public void ABlankTranslation_IsRefusedAtItsPath(string language, string path)
    {
        var problem = Single(With(d => d["title"]![language] = "  "), ErrorCodes.InvalidValue);
        problem.Path.Should().Be(path);
        problem.Arguments.Should().Equal("  ", "null | text");
    }

    [Fact]
    public void ATextWithoutBokmål_OrWithAnUnknownLanguage_IsNamed()
    {
        var nb = Single(With(d => d["title"] = new JsonObject { ["en"] = "Test" }), ErrorCodes.MissingNorwegianText);
        (nb.Path, nb.Arguments[0]).Should().Be(("$.title.nb", "$.title"));
        var unknown = Single(With(d => d["title"]!["se"] = "Sámegiella"), ErrorCodes.UnknownProperty);
        unknown.Path.Should().Be("$.title.se");
        var description = Single(With(d => d["description"] = new JsonObject { ["nb"] = "Beskrivelse", ["nn"] = "" }), ErrorCodes.InvalidValue);
        description.Path.Should().Be("$.description.nn");
    }

    [Fact]
    public void EveryLanguageOfAText_IsReadBack()
    {
        var catalog = CriteriaCatalog.Load(With(d => d["title"] = new JsonObject { ["nb"] = "Bokmål", ["nn"] = "Nynorsk", ["en"] = "English" }));
        catalog.Title.Bokmal.Should().Be("Bokmål");
        catalog.Title.Nynorsk.Should().Be("Nynorsk");
        catalog.Title.English.Should().Be("English");
    }

    [Fact]
    public void TheIllustrativeFlag_IsFalseUnlessSaid_AndKeptWhenWritten()
    {
        CriteriaCatalog.Load(Bytes(Minimal)).IsIllustrative.Should().BeFalse();
        var illustrative = CriteriaCatalog.Load(With(d => d["illustrative"] = true));
        illustrative.IsIllustrative.Should().BeTrue();
        CriteriaCatalog.Load(illustrative.ToUtf8Json()).IsIllustrative.Should().BeTrue();
    }

    [Fact]
    public void TwoCommonSets_OnTheSameDay_ForDifferentKinds_AreNotAmbiguous_AndTheKindsAreWrittenBack()
    {
        var json = With(d =>
        {
            Set(d, 0)["organisationKinds"] = new JsonArray("municipality");
            var copy = Set(d, 0).DeepClone().AsObject();
            copy["id"] = "felles-virksomhet";
            copy["organisationKinds"] = new JsonArray("private");
            d["sets"]!.AsArray().Add(copy);
        });

        var catalog = CriteriaCatalog.Load(json);
        var reread = CriteriaCatalog.Load(catalog.ToUtf8Json());
        reread.Sets.Select(s => s.OrganisationKinds.Length).Should().Equal(catalog.Sets.Select(s => s.OrganisationKinds.Length));
        reread.Sets.Single(s => s.Id == "felles").OrganisationKinds.Should().ContainSingle();

        var third = With(d =>
        {
            var copy = Set(d, 0).DeepClone().AsObject();
            copy["id"] = "felles-2";
            d["sets"]!.AsArray().Add(copy);
            var fourth = Set(d, 0).DeepClone().AsObject();
            fourth["id"] = "felles-3";
            d["sets"]!.AsArray().Add(fourth);
        });
        var ambiguous = Problems(third).Where(p => p.Code == ErrorCodes.AmbiguousCommonSets).ToList();
        ambiguous.Select(p => (p.Arguments[0], p.Arguments[1], p.Path)).Should().Equal(
            ("felles", "felles-2", "$.sets[2]"), ("felles", "felles-3", "$.sets[3]"), ("felles-2", "felles-3", "$.sets[3]"));
    }

    [Fact]
    public void TheWriter_RefusesNulls_AndWritesWhatItRead()
    {
        var catalog = CriteriaCatalog.LoadDefault();
        FluentActions.Invoking(() => catalog.WriteTo(null!)).Should().Throw<ArgumentNullException>();
        using var stream = new MemoryStream();
        catalog.WriteTo(stream);
        stream.ToArray().Should().Equal(catalog.ToUtf8Json());
        CriteriaCatalog.Load(catalog.ToUtf8Json()).ToUtf8Json().Should().Equal(catalog.ToUtf8Json());
    }

    [Fact]
    public void DuplicatePropertiesInADocument_AreRefused()
    {
        var text = Minimal.Replace("\"version\": \"test-1\",", "\"version\": \"test-1\", \"version\": \"test-2\",", StringComparison.Ordinal);
        Problems(Bytes(text)).Should().NotBeEmpty();
    }
}
