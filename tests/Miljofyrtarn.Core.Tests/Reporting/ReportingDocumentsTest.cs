using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Json.Schema;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Reporting;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Reporting;

/// <summary>Indicator catalogs and factor sets as documents: written, validated by their schemas, read back the same, and refused with codes and paths.</summary>
public class ReportingDocumentsTest
{
    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static void Valid(string schema, byte[] document)
    {
        var result = JsonSchema.FromText(schema).Evaluate(JsonNode.Parse(document), new EvaluationOptions { OutputFormat = OutputFormat.List });
        result.IsValid.Should().BeTrue(string.Join("; ", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void TheDefaultIndicatorCatalog_RoundTrips_AndValidates()
    {
        var written = IndicatorCatalogJson.Write(IndicatorCatalog.Default);

        var read = IndicatorCatalogJson.Read(written);

        Text(IndicatorCatalogJson.Write(read)).Should().Be(Text(written));
        read.Indicators.Select(i => (i.Code, i.Theme, i.Unit, i.IsMandatory, i.FirstYear, i.LastYear, i.ReplacedBy, i.Activity, i.Role, i.KilowattHoursPerUnit, i.Name))
            .Should().Equal(IndicatorCatalog.Default.Indicators.Select(i => (i.Code, i.Theme, i.Unit, i.IsMandatory, i.FirstYear, i.LastYear, i.ReplacedBy, i.Activity, i.Role, i.KilowattHoursPerUnit, i.Name)));
        Valid(IndicatorCatalogJson.GetJsonSchema(), written);
        File.ReadAllText(Path.Combine(Docs.RepositoryFiles.Root, "schemas", "indicators.schema.json")).Should().Be(IndicatorCatalogJson.GetJsonSchema());
    }

    [Fact]
    public void EveryDefaultFactorSet_RoundTrips_AndValidates()
    {
        foreach (var set in EmissionFactorSet.Defaults)
        {
            var written = EmissionFactorSetJson.Write(set);

            var read = EmissionFactorSetJson.Read(written);

            Text(EmissionFactorSetJson.Write(read)).Should().Be(Text(written));
            read.Factors.Should().Equal(set.Factors);
            (read.Id, read.Year, read.PublishedOn, read.Region, read.GwpSet).Should().Be((set.Id, set.Year, set.PublishedOn, set.Region, set.GwpSet));
            Valid(EmissionFactorSetJson.GetJsonSchema(), written);
        }

        File.ReadAllText(Path.Combine(Docs.RepositoryFiles.Root, "schemas", "emission-factors.schema.json")).Should().Be(EmissionFactorSetJson.GetJsonSchema());
    }

    [Fact]
    public void AFactorSetFromAnotherPublisher_LoadsAndCounts()
    {
        const string desnz = """
            {"schemaVersion":1,"id":"desnz-2023","publisher":"UK DESNZ","year":2023,"publishedOn":"2023-06-28","region":"UK","gwpSet":"AR5 GWP100",
             "licence":"Open Government Licence v3.0","url":"https://www.gov.uk/government/collections/government-conversion-factors-for-company-reporting",
             "factors":[{"activity":"flight-domestic","unit":"kilometre","kgCo2ePerUnit":0.27,"scope":"scope3","scope3Category":6,"source":"Illustrative, not DESNZ's figure"}]}
            """;

        var set = EmissionFactorSetJson.Read(Encoding.UTF8.GetBytes(desnz));

        set.TryGetFactor("flight-domestic", null, out var factor).Should().BeTrue();
        factor!.Scope3Category.Should().Be(6);
    }

    private static IReadOnlyList<Diagnostic> Refused(Func<byte[], object> read, string text) =>
        FluentActions.Invoking(() => read(Encoding.UTF8.GetBytes(text))).Should().Throw<MiljofyrtarnException>().Which.Diagnostics;

    [Fact]
    public void ABadIndicatorCatalog_IsRefusedAtThePaths()
    {
        var text = Text(IndicatorCatalogJson.Write(IndicatorCatalog.Default));

        Refused(b => IndicatorCatalogJson.Read(b), text.Replace("\"theme\":\"energy\"", "\"theme\":\"power\"", StringComparison.Ordinal))
            .Should().Contain(d => d.Code == ErrorCodes.InvalidValue && d.Path == "$.indicators[6].theme" && d.Line != null);
        Refused(b => IndicatorCatalogJson.Read(b), text.Replace("\"code\":\"fjernvarme\"", "\"code\":\"strom\"", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == ErrorCodes.DuplicateIndicator && d.Path == "$.indicators[7].code");
        Refused(b => IndicatorCatalogJson.Read(b), text.Replace("\"replacedBy\":\"innkjop-sertifiserte\"", "\"replacedBy\":\"finnes-ikke\"", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.UnknownIndicator);
        Refused(b => IndicatorCatalogJson.Read(b), text.Replace("\"kilowattHoursPerUnit\":10.08", "\"kilowattHoursPerUnit\":-1", StringComparison.Ordinal))
            .Should().Contain(d => d.Code == ErrorCodes.InvalidIndicatorValue);
        Refused(b => IndicatorCatalogJson.Read(b), text.Replace("\"version\":\"2024.1\",", "", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == ErrorCodes.MissingProperty && d.Path == "$.version");
        Refused(b => IndicatorCatalogJson.Read(b), "{\"schemaVersion\":1,\"version\":\"1\",\"indicators\":[],\"extra\":1}")
            .Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.UnknownProperty);
        Refused(b => IndicatorCatalogJson.Read(b), "{\"schemaVersion\":2}").Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.UnsupportedSchemaVersion);
        Refused(b => IndicatorCatalogJson.Read(b), "[").Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.MalformedJson);
    }

    [Fact]
    public void ABadFactorSet_IsRefusedAtThePaths()
    {
        var text = Text(EmissionFactorSetJson.Write(EmissionFactorSet.Defaults.Single(s => s.Year == 2020)));

        Refused(b => EmissionFactorSetJson.Read(b), text.Replace("\"activity\":\"petrol\"", "\"activity\":\"diesel\"", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == ErrorCodes.DuplicateEmissionFactor && d.Path == "$.factors[1].activity" && d.Arguments[1] == "2020");
        Refused(b => EmissionFactorSetJson.Read(b), text.Replace("\"kgCo2ePerUnit\":2.66", "\"kgCo2ePerUnit\":\"2.66\"", StringComparison.Ordinal))
            .Should().Contain(d => d.Code == ErrorCodes.WrongJsonType);
        Refused(b => EmissionFactorSetJson.Read(b), text.Replace(",\"method\":\"marketBased\"", "", StringComparison.Ordinal))
            .Should().Contain(d => d.Code == ErrorCodes.InvalidValue && d.Path == $"$.factors[{EmissionFactorSet.Defaults.Single(s => s.Year == 2020).Factors.ToList().FindIndex(f => f.Method == Scope2Method.MarketBased)}]");
        Refused(b => EmissionFactorSetJson.Read(b), text.Replace("\"scope\":\"scope1\"", "\"scope\":\"scope4\"", StringComparison.Ordinal))
            .Should().Contain(d => d.Code == ErrorCodes.InvalidValue && d.Path == "$.factors[0].scope");
    }

    [Fact]
    public void TheSchemas_RejectWhatTheReadersReject()
    {
        var indicators = JsonSchema.FromText(IndicatorCatalogJson.GetJsonSchema());
        var factors = JsonSchema.FromText(EmissionFactorSetJson.GetJsonSchema());
        var catalog = Text(IndicatorCatalogJson.Write(IndicatorCatalog.Default));
        var set = Text(EmissionFactorSetJson.Write(EmissionFactorSet.Defaults[^1]));

        indicators.Evaluate(JsonNode.Parse(catalog.Replace("\"theme\":\"energy\"", "\"theme\":\"power\"", StringComparison.Ordinal))).IsValid.Should().BeFalse();
        indicators.Evaluate(JsonNode.Parse(catalog.Replace("\"code\":\"strom\"", "\"code\":\"Strøm\"", StringComparison.Ordinal))).IsValid.Should().BeFalse();
        factors.Evaluate(JsonNode.Parse(set.Replace("\"kgCo2ePerUnit\":2.66", "\"kgCo2ePerUnit\":-2.66", StringComparison.Ordinal))).IsValid.Should().BeFalse();
        factors.Evaluate(JsonNode.Parse(set.Replace(",\"method\":\"locationBased\"", "", StringComparison.Ordinal))).IsValid.Should().BeFalse();
    }
}
