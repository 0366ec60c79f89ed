using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Miljofyrtarn.Core.Benchmarks;

// Plain DTOs of the snapshot format, for the baseline of SnapshotBenchmarks: the same JSON, read and written by
// source-generated System.Text.Json with nothing mapped, checked or rebuilt.

#pragma warning disable CS1591
public sealed class PlainSnapshot
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public int SchemaVersion { get; set; }

    public string? CatalogVersion { get; set; }

    public long Version { get; set; }

    public Instant LastEventAt { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? Number { get; set; }

    public LocalDate StartedOn { get; set; }

    public string? CommonSetId { get; set; }

    public LocalDate? StartUpListSentOn { get; set; }

    public Dictionary<string, string>? Allocation { get; set; }

    public List<PlainUnit>? Units { get; set; }
}

public sealed class PlainUnit
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? Address { get; set; }

    public decimal? FullTimeEquivalents { get; set; }

    public List<string>? SetIds { get; set; }

    public string? MainSetId { get; set; }

    public Dictionary<string, bool>? Answers { get; set; }

    public PlainPerson? Officer { get; set; }

    public List<PlainPerson>? Management { get; set; }

    public PlainLifecycle? Lifecycle { get; set; }

    public List<PlainAssessment>? Assessments { get; set; }
}

public sealed class PlainPerson
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}

public sealed class PlainLifecycle
{
    public string? State { get; set; }

    public LocalDate? FirstApprovedOn { get; set; }
}

public sealed class PlainAssessment
{
    public string? Status { get; set; }

    public Instant RecordedAt { get; set; }

    public string? RecordedBy { get; set; }

    public string? Comment { get; set; }

    public string? Justification { get; set; }

    public List<PlainEvidence>? Evidence { get; set; }

    public int CriterionId { get; set; }
}

public sealed class PlainEvidence
{
    public string? Reference { get; set; }

    public string? Sha256 { get; set; }

    public LocalDate? ValidUntil { get; set; }
}
#pragma warning restore CS1591

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PlainSnapshot))]
internal sealed partial class PlainSnapshotContext : JsonSerializerContext
{
    private static PlainSnapshotContext? _withNodaTime;

    /// <summary>The context with NodaTime's ISO converters, as the library's documents use (created on first use, after <c>Default</c>).</summary>
    public static PlainSnapshotContext WithNodaTime => _withNodaTime ??= Create();

    private static PlainSnapshotContext Create()
    {
        var options = new JsonSerializerOptions(Default.Options);
        options.Converters.Add(NodaConverters.InstantConverter);
        options.Converters.Add(NodaConverters.LocalDateConverter);
        return new PlainSnapshotContext(options);
    }
}
