using System.Collections.Immutable;
using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>
/// The roles an organisation's history grants, and the certifier assigned to its current round. An organisation is
/// <em>governed</em> from its first role event on: from then, every action needs a role (<see cref="RoleTable"/>).
/// Before that (every history written before roles existed) it keeps the rules it was written under.
/// </summary>
/// <remarks>
/// Besides the granted roles, the organisation's own structure implies some (<see cref="Implied"/>): whoever created
/// it is its coordinator, headquarters' officer is the coordinator too, a unit's officer is that unit's contact, and the
/// management users a unit definition names are that unit's management (headquarters' are the whole organisation's).
/// </remarks>
internal sealed class OrganisationRoles
{
    public static readonly OrganisationRoles None = new([], null, ImmutableList<CertifierAssignment>.Empty, governed: false, founder: null);

    private OrganisationRoles(ImmutableList<RoleGrant> grants, CertifierAssignment? assignment, ImmutableList<CertifierAssignment> assignments, bool governed, string? founder)
    {
        Grants = grants;
        Assignment = assignment;
        Assignments = assignments;
        IsGoverned = governed;
        Founder = founder;
    }

    /// <summary>Every grant in the history, in order, revoked ones included.</summary>
    public ImmutableList<RoleGrant> Grants { get; }

    /// <summary>The certifier of the current round, or null.</summary>
    public CertifierAssignment? Assignment { get; }

    /// <summary>Every assignment in the history, in order.</summary>
    public ImmutableList<CertifierAssignment> Assignments { get; }

    /// <summary>Whether the history holds a role event: then every action needs a role.</summary>
    public bool IsGoverned { get; }

    /// <summary>Who created the organisation (its first coordinator), or null when not known.</summary>
    public string? Founder { get; }

    public static OrganisationRoles Restored(ImmutableList<RoleGrant> grants, ImmutableList<CertifierAssignment> assignments, bool governed, string? founder) =>
        new(grants, assignments.IsEmpty ? null : assignments[^1], assignments, governed, founder);

    public OrganisationRoles WithFounder(string founder) => new(Grants, Assignment, Assignments, IsGoverned, founder);

    public OrganisationRoles Grant(RoleGrant grant) => new(Grants.Add(grant), Assignment, Assignments, governed: true, Founder);

    public OrganisationRoles Revoke(int index, Instant at, string by) => new(Grants.SetItem(index, Grants[index].Revoke(at, by)), Assignment, Assignments, governed: true, Founder);

    public OrganisationRoles Assign(CertifierAssignment assignment) => new(Grants, assignment, Assignments.Add(assignment), governed: true, Founder);

    /// <summary>The index of the active grant of this role to this person for this unit, or -1.</summary>
    public int ActiveGrant(string person, SchemeRole role, UnitId? unit)
    {
        for (var i = 0; i < Grants.Count; i++)
        {
            var grant = Grants[i];
            if (grant.IsActive && grant.Role == role && grant.Unit == unit && string.Equals(grant.Person, person, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The roles a person holds now for a unit (or the organisation, when <paramref name="unit"/> is null): granted ones
    /// that cover it, those the organisation's structure implies, and the certifier's when assigned. Not the foundation's,
    /// which only the host vouches for.
    /// </summary>
    public HashSet<SchemeRole> Held(string person, UnitId? unit, Organisation organisation)
    {
        var held = new HashSet<SchemeRole>();
        foreach (var grant in Grants)
        {
            if (grant.IsActive && grant.Covers(unit) && string.Equals(grant.Person, person, StringComparison.Ordinal))
            {
                held.Add(grant.Role);
            }
        }

        ImpliedFor(person, unit, organisation, held);

        if (Assignment is { } assignment && string.Equals(assignment.Certifier.Id, person, StringComparison.Ordinal))
        {
            held.Add(SchemeRole.Certifier);
        }

        return held;
    }

    /// <summary>Whether the person holds any role inside the organisation now, for any unit (granted or implied).</summary>
    public bool HoldsAnyRoleInside(string person, Organisation organisation) =>
        string.Equals(Founder, person, StringComparison.Ordinal) || organisation.NamesPerson(person)
        || Grants.Any(g => g.IsActive && string.Equals(g.Person, person, StringComparison.Ordinal));

    /// <summary>Whether the person held the consultant role at any time since <paramref name="since"/> (null: ever).</summary>
    public bool WasConsultantSince(string person, Instant? since) =>
        Grants.Any(g => g.Role == SchemeRole.Consultant && string.Equals(g.Person, person, StringComparison.Ordinal) && (since is null || g.RevokedAt is null || g.RevokedAt > since));

    /// <summary>
    /// Adds the roles the structure gives a person that count for a unit (or the organisation): founder, headquarters'
    /// officer and management (for every unit), and the unit's own officer and management. Looks at two units only, so
    /// checking an action costs the same for 5 units or 2,000.
    /// </summary>
    private void ImpliedFor(string person, UnitId? unit, Organisation organisation, HashSet<SchemeRole> held)
    {
        if (string.Equals(Founder, person, StringComparison.Ordinal))
        {
            held.Add(SchemeRole.Coordinator);
        }

        AddImplied(organisation.UnitAt(0), 0, person, held);
        if (unit is { } id && organisation.PositionOf(id) is > 0 and var position)
        {
            AddImplied(organisation.UnitAt(position), position, person, held);
        }
    }

    private static void AddImplied(Unit unit, int position, string person, HashSet<SchemeRole> held)
    {
        if (unit.Officer is { } officer && string.Equals(officer.Id, person, StringComparison.Ordinal))
        {
            held.Add(position == 0 ? SchemeRole.Coordinator : SchemeRole.UnitContact);
        }

        foreach (var manager in unit.Management)
        {
            if (string.Equals(manager.Id, person, StringComparison.Ordinal))
            {
                held.Add(SchemeRole.Management);
            }
        }
    }

    /// <summary>The roles the organisation's structure gives a person: founder and officers, and the management users each unit names.</summary>
    public IEnumerable<(SchemeRole Role, UnitId? Unit)> Implied(string person, Organisation organisation)
    {
        if (string.Equals(Founder, person, StringComparison.Ordinal))
        {
            yield return (SchemeRole.Coordinator, null);
        }

        for (var position = 0; position < organisation.UnitCount; position++)
        {
            var unit = organisation.UnitAt(position);
            if (unit.Officer is { } officer && string.Equals(officer.Id, person, StringComparison.Ordinal))
            {
                yield return position == 0 ? (SchemeRole.Coordinator, null) : (SchemeRole.UnitContact, unit.Id);
            }

            foreach (var manager in unit.Management)
            {
                if (string.Equals(manager.Id, person, StringComparison.Ordinal))
                {
                    yield return (SchemeRole.Management, position == 0 ? null : unit.Id);
                }
            }
        }
    }
}
