using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Miljofyrtarn.Core.Internal.Json;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Contracts;

/// <summary>A role to grant or revoke, as a request body: <c>{"person": "ola@heim.kommune.no", "role": "unitContact", "unit": "solsikken-barnehage"}</c>.</summary>
/// <param name="Person">The person's ID, as the identity provider names them.</param>
/// <param name="Role">The role: <c>management</c>, <c>coordinator</c>, <c>unitContact</c>, <c>consultant</c> or <c>reader</c>.</param>
/// <param name="Unit">The unit it is held for, or null for the whole organisation (a unit's contact always has one).</param>
public sealed record RoleInput(
    string Person,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<SchemeRole>))] SchemeRole Role,
    UnitId? Unit = null);

/// <summary>A role granted in an organisation: who, what, for which unit, and when it was granted and revoked.</summary>
/// <param name="Person">The person's ID.</param>
/// <param name="Role">The role.</param>
/// <param name="Unit">The unit, or null for the whole organisation.</param>
/// <param name="GrantedAt">When it was granted.</param>
/// <param name="GrantedBy">Who granted it.</param>
/// <param name="RevokedAt">When it was revoked, or null while it is held.</param>
/// <param name="RevokedBy">Who revoked it, or null.</param>
public sealed record RoleGrantView(
    string Person,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<SchemeRole>))] SchemeRole Role,
    UnitId? Unit,
    [property: JsonConverter(typeof(IsoInstantConverter))] Instant GrantedAt,
    string GrantedBy,
    [property: JsonConverter(typeof(IsoInstantConverter))] Instant? RevokedAt,
    string? RevokedBy);

/// <summary>Who may do what in an organisation: whether roles govern it, every grant (revoked ones included), and the assigned certifier.</summary>
/// <param name="Governed">Whether role events govern the organisation (from its first one on).</param>
/// <param name="Grants">Every grant, in the order of the history.</param>
/// <param name="Certifier">The certifier assigned to the current round, or null.</param>
/// <param name="CertifierAssignedAt">When they were assigned, or null.</param>
public sealed record RolesView(
    bool Governed,
    IReadOnlyList<RoleGrantView> Grants,
    CertifierInput? Certifier,
    [property: JsonConverter(typeof(IsoInstantConverter))] Instant? CertifierAssignedAt);

/// <summary>The roles of a lifecycle as a contract.</summary>
public static class RoleContracts
{
    /// <summary>The organisation's roles: personal data (people's IDs), for its members and its certifier only.</summary>
    /// <param name="lifecycle">The lifecycle.</param>
    /// <returns>The view.</returns>
    public static RolesView ToRolesView(this OrganisationLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        var assignment = lifecycle.AssignedCertifier;
        ImmutableArray<RoleGrantView> grants = [.. lifecycle.RoleGrants.Select(g => new RoleGrantView(g.Person, g.Role, g.Unit, g.GrantedAt, g.GrantedBy, g.RevokedAt, g.RevokedBy))];
        return new RolesView(
            lifecycle.IsGoverned,
            grants,
            assignment is null ? null : new CertifierInput(assignment.Certifier.Id, assignment.Certifier.Name, assignment.Certifier.OrganisationNumber.Value),
            assignment?.AssignedAt);
    }
}
