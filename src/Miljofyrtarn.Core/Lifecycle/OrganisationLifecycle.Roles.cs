using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>Who may do what: the roles the history grants, the assigned certifier, and the questions a host asks of them.</summary>
public sealed partial class OrganisationLifecycle
{
    /// <summary>
    /// Whether the organisation is governed by roles: from its first role event (<see cref="GrantRole"/>,
    /// <see cref="AssignCertifier"/>) on, every action needs a role that may take it (<see cref="RoleTable"/>), and only
    /// the assigned certifier may certify. A history written before roles existed is not, and keeps the rules it was
    /// written under; a host governs every organisation it starts.
    /// </summary>
    public bool IsGoverned => _state.Roles.IsGoverned;

    /// <summary>Every role granted in the history, in order, revoked ones included: who could do what, and when.</summary>
    public ImmutableArray<RoleGrant> RoleGrants => [.. _state.Roles.Grants];

    /// <summary>The certifier the foundation assigned to the current round, or null.</summary>
    public CertifierAssignment? AssignedCertifier => _state.Roles.Assignment;

    /// <summary>
    /// The roles a person holds now for a unit (or for the organisation as a whole): those granted, those the
    /// organisation's structure implies (its founder and headquarters' officer are coordinators, a unit's officer is its
    /// contact, the management users a unit names are its management) and the certifier's when assigned.
    /// </summary>
    /// <param name="person">The person's ID.</param>
    /// <param name="unit">The unit, or null for roles held for the whole organisation.</param>
    /// <returns>The roles, in the order of <see cref="SchemeRole"/>.</returns>
    public ImmutableArray<SchemeRole> GetRoles(string person, UnitId? unit = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        return [.. _state.Roles.Held(person, unit, Organisation).Order()];
    }

    /// <summary>
    /// Whether the person belongs to the organisation: holds a role in it (granted, or implied by its structure) or is
    /// the certifier assigned to it. A host lets members see the organisation.
    /// </summary>
    /// <param name="person">The person's ID.</param>
    /// <returns><see langword="true"/> when they do.</returns>
    public bool HoldsAnyRole(string person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return _state.Roles.HoldsAnyRoleInside(person, Organisation) || _state.Roles.Assignment?.Certifier.Id == person;
    }

    /// <summary>Whether an actor may take an operation now (always, while the organisation is not governed).</summary>
    /// <param name="actor">Who.</param>
    /// <param name="operation">What.</param>
    /// <param name="unit">The unit it acts on, or null for the organisation as a whole.</param>
    /// <returns><see langword="true"/> when the role table allows it.</returns>
    public bool May(Actor actor, Operation operation, UnitId? unit = null) =>
        actor.Id is not null && RoleTable.Check(_state, actor, operation, unit) is null;

    /// <summary>
    /// Grants a role in the organisation. The first role event makes the organisation governed. Only the organisation's
    /// own roles can be granted: the certifier is assigned by the foundation, and the foundation is vouched for by the host.
    /// </summary>
    /// <param name="person">The person's ID.</param>
    /// <param name="role">The role.</param>
    /// <param name="unit">The unit it is held for (required for a unit's contact), or null for the whole organisation.</param>
    /// <param name="actor">Who grants it: management or the coordinator.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">Refused (the role cannot be granted, is held already, or the actor may not grant it); nothing changed.</exception>
    public OrganisationLifecycle GrantRole(string person, SchemeRole role, UnitId? unit, Actor actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new RoleGranted(n, at, actor.Id, person, role, unit), actor);

    /// <summary>Revokes a role the person holds; the grant stays in the history, with when and by whom it ended.</summary>
    /// <param name="person">The person's ID.</param>
    /// <param name="role">The role.</param>
    /// <param name="unit">The unit it is held for, or null.</param>
    /// <param name="actor">Who revokes it: management or the coordinator.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">Refused (<see cref="ErrorCodes.RoleNotHeld"/>, or the actor may not); nothing changed.</exception>
    public OrganisationLifecycle RevokeRole(string person, SchemeRole role, UnitId? unit, Actor actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new RoleRevoked(n, at, actor.Id, person, role, unit), actor);

    /// <summary>
    /// Records the certifier the foundation assigned to the organisation's next certification round; only they may
    /// certify and recertify from now on. The certifier must be impartial: of another organisation, holding no role in
    /// this one, and never its consultant (see <see cref="SchemeRules.ConsultantIndependence"/>).
    /// </summary>
    /// <param name="certifier">The certifier.</param>
    /// <param name="actor">Who assigns them: someone the host vouches for as acting for the foundation (<see cref="Actor.ForFoundation"/>).</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">Refused (the certifier is not impartial, or the actor does not act for the foundation); nothing changed.</exception>
    public OrganisationLifecycle AssignCertifier(Certifier certifier, Actor actor, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(certifier);
        return Do(expectedVersion, (n, at) => new CertifierAssigned(n, at, actor.Id, certifier), actor);
    }
}
