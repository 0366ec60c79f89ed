using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

// The events that say who may do what: roles granted and revoked inside the organisation, and the certifier the
// foundation assigned. The first of them makes the organisation governed (see OrganisationRoles).

/// <summary>A role in the organisation was granted to a person.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who granted it.</param>
/// <param name="Person">The person's ID.</param>
/// <param name="Role">The role: one held inside the organisation (not <see cref="SchemeRole.Certifier"/> or <see cref="SchemeRole.Foundation"/>).</param>
/// <param name="Unit">The unit it is held for, or null for the whole organisation; a unit's contact always has one.</param>
public sealed partial record RoleGranted(long Sequence, Instant OccurredAt, string Actor, string Person, SchemeRole Role, UnitId? Unit) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.ManageRoles, null);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context)
    {
        CheckGrant(state, Person, Role, Unit);
        if (state.Roles.ActiveGrant(Person, Role, Unit) >= 0)
        {
            throw Problems.Single(ErrorCodes.RoleAlreadyHeld, Person, Role.ToString(), state.Organisation.Name);
        }

        return state with { Roles = state.Roles.Grant(new RoleGrant(Person, Role, Unit, OccurredAt, Actor)) };
    }

    /// <summary>A grant names a person, a role held inside the organisation, and a unit of it when it is a unit's contact.</summary>
    private static void CheckGrant(LifecycleState state, string person, SchemeRole role, UnitId? unit)
    {
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(person))
        {
            problems.Add(ErrorCodes.BlankText, "person");
        }
        else if (person.Length > Lifecycle.Actor.MaxLength)
        {
            Lifecycle.Actor.CheckPersonId(person);
        }

        if (role is SchemeRole.Certifier or SchemeRole.Foundation || !Enum.IsDefined(role))
        {
            problems.Add(ErrorCodes.RoleNotGrantable, role.ToString());
        }
        else if (role == SchemeRole.UnitContact && unit is null)
        {
            problems.Add(ErrorCodes.UnitRoleNeedsUnit, person ?? string.Empty);
        }

        if (unit is { } id && state.Organisation.PositionOf(id) < 0)
        {
            problems.Add(ErrorCodes.UnknownUnit, id.Value);
        }

        problems.ThrowIfAny();
    }
}

/// <summary>A role in the organisation was taken from a person.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who revoked it.</param>
/// <param name="Person">The person's ID.</param>
/// <param name="Role">The role.</param>
/// <param name="Unit">The unit it was held for, or null for the whole organisation.</param>
public sealed partial record RoleRevoked(long Sequence, Instant OccurredAt, string Actor, string Person, SchemeRole Role, UnitId? Unit) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.ManageRoles, null);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context)
    {
        var index = state.Roles.ActiveGrant(Person, Role, Unit);
        return index < 0
            ? throw Problems.Single(ErrorCodes.RoleNotHeld, Person, Role.ToString(), state.Organisation.Name)
            : state with { Roles = state.Roles.Revoke(index, OccurredAt, Actor) };
    }
}

/// <summary>
/// The foundation assigned the certifier of the organisation's next certification round. It replaces any earlier
/// assignment: only the certifier assigned last may certify.
/// </summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who assigned them, for the foundation.</param>
/// <param name="Certifier">The certifier.</param>
public sealed partial record CertifierAssigned(long Sequence, Instant OccurredAt, string Actor, Certifier Certifier) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.AssignCertifier, null);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context)
    {
        if (Certifier is null)
        {
            throw Problems.Single(ErrorCodes.MissingProperty, "certifier");
        }

        Lifecycle.Actor.CheckPersonId(Certifier.Id);

        if (Impartiality.Check(state, context.Rules, context.Today, Certifier, assigned: false) is { } refused)
        {
            throw new MiljofyrtarnException(refused);
        }

        return state with { Roles = state.Roles.Assign(new CertifierAssignment(Certifier, OccurredAt, Actor)) };
    }
}
