using System.Text.Json;
using System.Text.Json.Serialization;

namespace Miljofyrtarn.Core.Interchange;

// The wire format of event histories (schemas/history.schema.json). Strings stay strings where the reader must
// report unknown values with their path; NodaTime values are ISO text (IsoInstantConverter, IsoLocalDateConverter).

internal sealed class HistoryDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public int? SchemaVersion { get; set; }

    public string? CatalogVersion { get; set; }

    public List<EventDocument?>? Events { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>One event: the common fields, the type, and the fields of that type (unused ones are absent).</summary>
internal sealed class EventDocument
{
    public string? Type { get; set; }

    public long? Sequence { get; set; }

    public NodaTime.Instant? OccurredAt { get; set; }

    public string? Actor { get; set; }

    /// <summary>The event's hash-chain value (history documents of schema version 2 only).</summary>
    public string? Hash { get; set; }

    public string? CatalogVersion { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? Number { get; set; }

    public NodaTime.LocalDate? StartedOn { get; set; }

    public UnitDocument? Headquarters { get; set; }

    public UnitDocument? UnitDefinition { get; set; }

    public string? Unit { get; set; }

    public int? CriterionId { get; set; }

    public string? Party { get; set; }

    public AssessmentDocument? Assessment { get; set; }

    public NodaTime.LocalDate? StartUpListSentOn { get; set; }

    public CertifierDocument? Certifier { get; set; }

    public string? CertificateNumber { get; set; }

    public bool? Recertification { get; set; }

    public int? Year { get; set; }

    public NodaTime.LocalDate? DueOn { get; set; }

    public string? CommonSetId { get; set; }

    public string? Reason { get; set; }

    public ReportContentDocument? Content { get; set; }

    public FactorSetReferenceDocument? FactorSet { get; set; }

    public ClimateTargetDocument? Target { get; set; }

    public string? Person { get; set; }

    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class UnitDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? Address { get; set; }

    public string? Municipality { get; set; }

    public decimal? FullTimeEquivalents { get; set; }

    public List<string?>? SetIds { get; set; }

    public string? MainSetId { get; set; }

    public Dictionary<string, bool>? Answers { get; set; }

    public PersonDocument? Officer { get; set; }

    public List<PersonDocument?>? Management { get; set; }

    public ArrangementDocument? Certificate { get; set; }

    public UnitLifecycleDocument? Lifecycle { get; set; }

    public AssessmentRecords? Assessments { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class PersonDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class ArrangementDocument
{
    public string? Kind { get; set; }

    public string? Host { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class CertifierDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? OrganisationNumber { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class AssessmentDocument
{
    public string? Status { get; set; }

    public NodaTime.Instant? RecordedAt { get; set; }

    public string? RecordedBy { get; set; }

    public string? Comment { get; set; }

    public string? Justification { get; set; }

    public List<EvidenceDocument?>? Evidence { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class EvidenceDocument
{
    public string? Reference { get; set; }

    public string? Sha256 { get; set; }

    public NodaTime.LocalDate? ValidUntil { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class UnitLifecycleDocument
{
    public string? State { get; set; }

    public NodaTime.LocalDate? FirstApprovedOn { get; set; }

    public List<NodaTime.LocalDate?>? FollowUpAudits { get; set; }

    public List<CertificateDocument?>? Certificates { get; set; }

    public List<ReportDocument?>? Reports { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class CertificateDocument
{
    public string? Number { get; set; }

    public string? Holder { get; set; }

    public List<string?>? Units { get; set; }

    public NodaTime.LocalDate? IssuedOn { get; set; }

    public NodaTime.LocalDate? ValidFrom { get; set; }

    public NodaTime.LocalDate? ValidTo { get; set; }

    public string? Status { get; set; }

    public string? Certifier { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class ReportDocument
{
    public int? Year { get; set; }

    public NodaTime.LocalDate? DueOn { get; set; }

    public NodaTime.Instant? SubmittedAt { get; set; }

    public bool? Postponed { get; set; }

    public ReportContentDocument? Content { get; set; }

    public List<CorrectionDocument?>? Corrections { get; set; }

    public FactorSetReferenceDocument? FactorSet { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>An annual report's content: the figures, goals and measures (unit and year come from around it).</summary>
internal sealed class ReportContentDocument
{
    public string? IndicatorCatalogVersion { get; set; }

    public List<IndicatorValueDocument?>? Values { get; set; }

    public List<GoalDocument?>? Goals { get; set; }

    public List<string?>? Measures { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class IndicatorValueDocument
{
    public string? Indicator { get; set; }

    public double? Value { get; set; }

    public string? Unit { get; set; }

    public bool? Estimated { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class GoalDocument
{
    public string? Text { get; set; }

    public int? TargetYear { get; set; }

    public string? Indicator { get; set; }

    public double? TargetValue { get; set; }

    public int? BaselineYear { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class CorrectionDocument
{
    public NodaTime.Instant? CorrectedAt { get; set; }

    public string? Actor { get; set; }

    public string? Reason { get; set; }

    public ReportContentDocument? Replaced { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>A climate target: its base year, the Scope 2 method, and its targets.</summary>
internal sealed class ClimateTargetDocument
{
    public int? BaseYear { get; set; }

    public string? Method { get; set; }

    public List<MilestoneDocument?>? Milestones { get; set; }

    public double? BaseEmissions { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class MilestoneDocument
{
    public int? Year { get; set; }

    public double? ReductionPercent { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>An emission factor set named by its ID and publication day (its version).</summary>
internal sealed class FactorSetReferenceDocument
{
    public string? Id { get; set; }

    public NodaTime.LocalDate? PublishedOn { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    NumberHandling = JsonNumberHandling.Strict,
    WriteIndented = false)]
[JsonSerializable(typeof(HistoryDocument))]
[JsonSerializable(typeof(SnapshotDocument))]
[JsonSerializable(typeof(EventDocument))]
[JsonSerializable(typeof(IndicatorCatalogDocument))]
[JsonSerializable(typeof(FactorSetDocument))]
internal sealed partial class InterchangeJsonContext : JsonSerializerContext;
