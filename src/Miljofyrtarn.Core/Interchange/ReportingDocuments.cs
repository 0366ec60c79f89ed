using System.Text.Json;
using System.Text.Json.Serialization;

namespace Miljofyrtarn.Core.Interchange;

// The wire format of indicator catalogs (schemas/indicators.schema.json) and emission-factor sets
// (schemas/emission-factors.schema.json). Enumerations stay strings so the reader reports unknown values with their path.

internal sealed class IndicatorCatalogDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public int? SchemaVersion { get; set; }

    public string? Version { get; set; }

    public List<IndicatorDocument?>? Indicators { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class IndicatorDocument
{
    public string? Code { get; set; }

    public string? Theme { get; set; }

    public NameDocument? Name { get; set; }

    public string? Unit { get; set; }

    public bool? Mandatory { get; set; }

    public List<string?>? MandatoryForSets { get; set; }

    public int? FirstYear { get; set; }

    public int? LastYear { get; set; }

    public string? ReplacedBy { get; set; }

    public string? Activity { get; set; }

    public string? Role { get; set; }

    public double? KilowattHoursPerUnit { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class NameDocument
{
    public string? Nb { get; set; }

    public string? Nn { get; set; }

    public string? En { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class FactorSetDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public int? SchemaVersion { get; set; }

    public string? Id { get; set; }

    public string? Publisher { get; set; }

    public int? Year { get; set; }

    public NodaTime.LocalDate? PublishedOn { get; set; }

    public string? Region { get; set; }

    public string? GwpSet { get; set; }

    public string? Licence { get; set; }

    public string? Url { get; set; }

    public List<FactorDocument?>? Factors { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class FactorDocument
{
    public string? Activity { get; set; }

    public string? Unit { get; set; }

    public double? KgCo2ePerUnit { get; set; }

    public string? Scope { get; set; }

    public string? Origin { get; set; }

    public string? Method { get; set; }

    public int? Scope3Category { get; set; }

    public string? Source { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
