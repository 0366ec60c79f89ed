using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Reporting;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Reporting;

/// <summary>
/// Factor sets and indicator catalogs field by field (issue 31's mutation run found these untested): each required field
/// missing is a coded refusal at its own path, unknown fields are refused where they stand, and the writer leaves out
/// what defaults.
/// </summary>
public class ReportingDocumentFieldsTest
{
    private static readonly EmissionFactorSet Set = EmissionFactorSet.Create("test-2024", "NVE", 2024, new LocalDate(2025, 6, 30), "NO", "AR5", "NLOD 2.0", "https://www.nve.no/",
    [
        new EmissionFactor("electricity", MeasureUnit.KilowattHour, 0.015, EmissionScope.Scope2, method: Scope2Method.LocationBased, source: "NVE"),
        new EmissionFactor("biodiesel", MeasureUnit.Litre, 2.51, EmissionScope.Scope1, CarbonOrigin.Biogenic, source: "Miljødirektoratet"),
    ]);

    private static readonly IndicatorCatalog Catalog = IndicatorCatalog.Create("test", [
        new Indicator("strom", IndicatorTheme.Energy, new Core.Localization.LocalizedText("Strømforbruk", "Straumforbruk", "Electricity use"), MeasureUnit.KilowattHour, true, ["barnehage", "kontor"], activity: "electricity", role: IndicatorRole.Electricity),
        new Indicator("diesel", IndicatorTheme.Transport, new Core.Localization.LocalizedText("Diesel"), MeasureUnit.Litre, false),
    ]);

    private static JsonObject SetDocument() => JsonNode.Parse(EmissionFactorSetJson.Write(Set))!.AsObject();

    private static JsonObject CatalogDocument() => JsonNode.Parse(IndicatorCatalogJson.Write(Catalog))!.AsObject();

    private static IReadOnlyList<Diagnostic> Refused(Action read) =>
        FluentActions.Invoking(read).Should().Throw<MiljofyrtarnException>().Which.Diagnostics;

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    [Theory]
    [InlineData("id")]
    [InlineData("publisher")]
    [InlineData("year")]
    [InlineData("publishedOn")]
    [InlineData("region")]
    [InlineData("gwpSet")]
    [InlineData("licence")]
    [InlineData("url")]
    [InlineData("factors")]
    public void AFactorSetWithoutAField_IsRefusedAtIt(string field)
    {
        var document = SetDocument();
        document.Remove(field);

        Refused(() => EmissionFactorSetJson.Read(Bytes(document))).Should().Contain(d => d.Code == ErrorCodes.MissingProperty && d.Path == "$." + field);
    }

    [Theory]
    [InlineData("activity")]
    [InlineData("unit")]
    [InlineData("kgCo2ePerUnit")]
    [InlineData("scope")]
    public void AFactorWithoutAField_IsRefusedAtIt(string field)
    {
        var document = SetDocument();
        document["factors"]![1]!.AsObject().Remove(field);

        Refused(() => EmissionFactorSetJson.Read(Bytes(document))).Should().Contain(d => d.Code == ErrorCodes.MissingProperty && d.Path == "$.factors[1]." + field);
    }

    [Fact]
    public void AFactorSet_RefusesUnknownFieldsAndValues_WhereTheyStand()
    {
        var unknown = SetDocument();
        unknown["extra"] = 1;
        unknown["factors"]![0]!["note"] = "x";
        Refused(() => EmissionFactorSetJson.Read(Bytes(unknown))).Select(d => (d.Code, d.Path)).Should().BeEquivalentTo(
            [(ErrorCodes.UnknownProperty, "$.extra"), (ErrorCodes.UnknownProperty, "$.factors[0].note")]);

        var values = SetDocument();
        values["factors"]![1]!["origin"] = "plastic";
        values["factors"]![0]!["method"] = "guessed";
        values["factors"]!.AsArray().Add(null);
        Refused(() => EmissionFactorSetJson.Read(Bytes(values))).Select(d => (d.Code, d.Path)).Should().BeEquivalentTo(
            [(ErrorCodes.InvalidValue, "$.factors[1].origin"), (ErrorCodes.InvalidValue, "$.factors[0].method"), (ErrorCodes.MissingProperty, "$.factors[2]")]);

        var twice = SetDocument();
        twice["factors"]!.AsArray().Add(twice["factors"]![1]!.DeepClone());
        Refused(() => EmissionFactorSetJson.Read(Bytes(twice))).Should().ContainSingle().Which.Arguments.Should().Equal("biodiesel", "2024", "NO");

        Refused(() => EmissionFactorSetJson.Read(Bytes(SetDocument()), new InterchangeOptions { MaxBytes = 64 })).Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.DocumentTooLarge);
    }

    [Fact]
    public void TheFactorSetWriter_LeavesOutFossilOrigin_AndNeedsASet()
    {
        var factors = SetDocument()["factors"]!.AsArray();

        factors[0]!.AsObject().ContainsKey("origin").Should().BeFalse("fossil is the default");
        factors[1]!["origin"]!.GetValue<string>().Should().Be("biogenic");
        FluentActions.Invoking(() => EmissionFactorSetJson.Write(null!)).Should().Throw<ArgumentNullException>();
        EmissionFactorSetJson.Read(EmissionFactorSetJson.Write(Set)).Factors.Should().Equal(Set.Factors);
    }

    [Theory]
    [InlineData("code")]
    [InlineData("theme")]
    [InlineData("unit")]
    [InlineData("name")]
    public void AnIndicatorWithoutAField_IsRefusedAtIt(string field)
    {
        var document = CatalogDocument();
        document["indicators"]![0]!.AsObject().Remove(field);

        Refused(() => IndicatorCatalogJson.Read(Bytes(document))).Should().Contain(d => d.Code == ErrorCodes.MissingProperty && d.Path == "$.indicators[0]." + field);
    }

    [Fact]
    public void AnIndicator_RefusesBadNamesRolesAndUnknownFields_WhereTheyStand()
    {
        var names = CatalogDocument();
        names["indicators"]![0]!["name"]!.AsObject().Remove("nb");
        names["indicators"]![0]!["name"]!["nn"] = " ";
        names["indicators"]![1]!["name"]!["en"] = "";
        names["indicators"]![1]!["name"]!["note"] = "x";
        Refused(() => IndicatorCatalogJson.Read(Bytes(names))).Select(d => (d.Code, d.Path)).Should().BeEquivalentTo(
        [
            (ErrorCodes.MissingProperty, "$.indicators[0].name.nb"), (ErrorCodes.BlankText, "$.indicators[0].name.nn"),
            (ErrorCodes.BlankText, "$.indicators[1].name.en"), (ErrorCodes.UnknownProperty, "$.indicators[1].name.note"),
        ]);

        var other = CatalogDocument();
        other["indicators"]![0]!["role"] = "boss";
        other["indicators"]![1]!["note"] = "x";
        other["indicators"]![0]!["mandatoryForSets"]!.AsArray().Add(null);
        other["indicators"]!.AsArray().Add(null);
        var refused = Refused(() => IndicatorCatalogJson.Read(Bytes(other)));
        refused.Should().Contain(d => d.Code == ErrorCodes.InvalidValue && d.Path == "$.indicators[0].role");
        refused.Should().Contain(d => d.Code == ErrorCodes.UnknownProperty && d.Path == "$.indicators[1].note");
        refused.Should().Contain(d => d.Code == ErrorCodes.MissingProperty && d.Path!.StartsWith("$.indicators[0].mandatoryForSets", StringComparison.Ordinal));
        refused.Should().Contain(d => d.Code == ErrorCodes.MissingProperty && d.Path == "$.indicators[2]");
    }

    [Fact]
    public void TheCatalogWriter_LeavesOutDefaults_AndTheSetsAnIndicatorIsMandatoryFor_RoundTrip()
    {
        var indicators = CatalogDocument()["indicators"]!.AsArray();

        indicators[0]!["role"]!.GetValue<string>().Should().Be("electricity");
        indicators[0]!["mandatoryForSets"]!.AsArray().Select(s => (string?)s).Should().Equal("barnehage", "kontor");
        indicators[1]!.AsObject().ContainsKey("role").Should().BeFalse("no role is the default");
        indicators[1]!.AsObject().ContainsKey("mandatoryForSets").Should().BeFalse("mandatory for every set, or not at all, is the default");
        IndicatorCatalogJson.Read(IndicatorCatalogJson.Write(Catalog)).Indicators.Select(i => string.Join(",", i.MandatoryForSets)).Should().Equal("barnehage,kontor", "");
        FluentActions.Invoking(() => IndicatorCatalogJson.Write(null!)).Should().Throw<ArgumentNullException>();
    }
}
