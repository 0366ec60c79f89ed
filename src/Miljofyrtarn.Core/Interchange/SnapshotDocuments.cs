using System.Text.Json;
using System.Text.Json.Serialization;

namespace Miljofyrtarn.Core.Interchange;

// The wire format of snapshots (schemas/snapshot.schema.json): the state an organisation's events fold into, with the
// units' lifecycles and reports in the documents of EventDocuments.cs.

internal sealed class SnapshotDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public int? SchemaVersion { get; set; }

    public string? CatalogVersion { get; set; }

    public long? Version { get; set; }

    public NodaTime.Instant? LastEventAt { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? Number { get; set; }

    public NodaTime.LocalDate? StartedOn { get; set; }

    public string? CommonSetId { get; set; }

    public string? PendingCommonSetId { get; set; }

    public NodaTime.LocalDate? StartUpListSentOn { get; set; }

    public Dictionary<string, string>? Allocation { get; set; }

    public List<UnitDocument?>? Units { get; set; }

    public RolesDocument? Roles { get; set; }

    public List<RecomputationDocument?>? Recomputations { get; set; }

    public ClimateTargetDocument? ClimateTarget { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>A snapshot's roles: who founded the organisation, whether it is governed, every grant and every assignment.</summary>
internal sealed class RolesDocument
{
    public string? Founder { get; set; }

    public bool? Governed { get; set; }

    public List<RoleGrantDocument?>? Grants { get; set; }

    public List<CertifierAssignmentDocument?>? Assignments { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class RoleGrantDocument
{
    public string? Person { get; set; }

    public string? Role { get; set; }

    public string? Unit { get; set; }

    public NodaTime.Instant? GrantedAt { get; set; }

    public string? GrantedBy { get; set; }

    public NodaTime.Instant? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class CertifierAssignmentDocument
{
    public CertifierDocument? Certifier { get; set; }

    public NodaTime.Instant? AssignedAt { get; set; }

    public string? AssignedBy { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>A recorded recomputation of a year's climate account.</summary>
internal sealed class RecomputationDocument
{
    public int? Year { get; set; }

    public FactorSetReferenceDocument? FactorSet { get; set; }

    public NodaTime.Instant? RecomputedAt { get; set; }

    public string? Actor { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
