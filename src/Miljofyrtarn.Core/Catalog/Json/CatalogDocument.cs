using System.Text.Json;
using System.Text.Json.Serialization;

namespace Miljofyrtarn.Core.Catalog.Json;

// The wire format of a catalog (schemas/catalog.schema.json). Everything is nullable and strings stay
// strings here, so that the validator, not the serializer, reports every problem with its path.

internal sealed class CatalogDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public int? SchemaVersion { get; set; }

    public string? Version { get; set; }

    public string? PublishedOn { get; set; }

    public TextDocument? Title { get; set; }

    public TextDocument? Description { get; set; }

    public bool? Illustrative { get; set; }

    public string? Source { get; set; }

    public List<ThemeDocument?>? Themes { get; set; }

    public List<QuestionDocument?>? Questions { get; set; }

    public List<CriterionDocument?>? Criteria { get; set; }

    public List<SetDocument?>? Sets { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class TextDocument
{
    public string? Nb { get; set; }

    public string? Nn { get; set; }

    public string? En { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class ThemeDocument
{
    public string? Id { get; set; }

    public TextDocument? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class QuestionDocument
{
    public string? Id { get; set; }

    public TextDocument? Text { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class ConditionDocument
{
    public string? Question { get; set; }

    public bool? Answer { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class CriterionDocument
{
    public int? Id { get; set; }

    public string? Theme { get; set; }

    public string? Obligation { get; set; }

    public string? Status { get; set; }

    public int? ReplacedBy { get; set; }

    public string? FulfilledBy { get; set; }

    public ConditionDocument? AppliesWhen { get; set; }

    public TextDocument? Title { get; set; }

    public TextDocument? Text { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class SetDocument
{
    public string? Id { get; set; }

    public string? Kind { get; set; }

    public TextDocument? Name { get; set; }

    public TextDocument? TargetGroup { get; set; }

    public List<string?>? OrganisationKinds { get; set; }

    public string? EffectiveFrom { get; set; }

    public string? EffectiveTo { get; set; }

    public List<int?>? Criteria { get; set; }

    public List<SetThemeDocument?>? Themes { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>A set's own grouping: the criteria of the set that it places under one theme.</summary>
internal sealed class SetThemeDocument
{
    public string? Theme { get; set; }

    public List<int?>? Criteria { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    NumberHandling = JsonNumberHandling.Strict,
    MaxDepth = CatalogLoadOptions.MaxConfigurableDepth + 1,
    WriteIndented = true)]
[JsonSerializable(typeof(CatalogDocument))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
