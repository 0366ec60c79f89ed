using System.Security.Claims;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Miljofyrtarn.AspNetCore;

/// <summary>What a request asks of an organisation.</summary>
public enum MiljofyrtarnAccess
{
    /// <summary>Read its state: overview, readiness, resolution, actions, deadlines, reports.</summary>
    Read = 0,

    /// <summary>Read its personal data: who recorded what, comments, the people who hold its roles.</summary>
    ReadPersonalData = 1,

    /// <summary>Change it: one <see cref="Operation"/>.</summary>
    Act = 2,
}

/// <summary>The requirement every organisation endpoint checks, against an <see cref="OrganisationResource"/>.</summary>
/// <param name="access">What is asked.</param>
/// <param name="operation">The operation, when <paramref name="access"/> is <see cref="MiljofyrtarnAccess.Act"/>; null for the clock's own actions.</param>
public sealed class MiljofyrtarnRequirement(MiljofyrtarnAccess access, Operation? operation = null) : IAuthorizationRequirement
{
    /// <summary>What is asked.</summary>
    public MiljofyrtarnAccess Access { get; } = access;

    /// <summary>The operation of an action, or null.</summary>
    public Operation? Operation { get; } = operation;
}

/// <summary>The organisation a request is about, the unit it acts on, and who acts (as the endpoint options resolve them).</summary>
/// <param name="lifecycle">The organisation's lifecycle, as loaded.</param>
/// <param name="unit">The unit, or null for the organisation as a whole.</param>
/// <param name="actor">Who acts, or null when nobody could be resolved.</param>
public sealed class OrganisationResource(OrganisationLifecycle lifecycle, UnitId? unit, string? actor)
{
    /// <summary>The organisation's lifecycle.</summary>
    public OrganisationLifecycle Lifecycle { get; } = lifecycle;

    /// <summary>The unit, or null.</summary>
    public UnitId? Unit { get; } = unit;

    /// <summary>Who acts, or null.</summary>
    public string? Actor { get; } = actor;
}

/// <summary>
/// The library's default rule for who may see and change an organisation, registered by
/// <see cref="MiljofyrtarnServiceCollectionExtensions.AddMiljofyrtarn"/>; a host replaces it with
/// <see cref="MiljofyrtarnBuilder.UseAuthorizationHandler{THandler}"/>.
/// <list type="bullet">
/// <item>A <b>member</b> may read: someone whose claims name the organisation number
/// (<see cref="MiljofyrtarnOptions.OrganisationClaimType"/>), who holds a role in it by its history or structure, or its
/// assigned certifier. So may the foundation (<see cref="MiljofyrtarnOptions.FoundationRole"/>).</item>
/// <item>Personal data: in a governed organisation, the roles that may (<see cref="Operation.ReadPersonalData"/>); in one
/// not yet governed, its members.</item>
/// <item>An action: in a governed organisation, what the role table allows the actor; in one not yet governed, its members
/// (the role events themselves: the roles its structure implies, and the foundation for assigning a certifier).
/// Certifying, recertifying and recording a follow-up audit: always the certifier the foundation assigned, so an
/// organisation cannot certify itself over the web even before it is governed.</item>
/// </list>
/// Nobody else succeeds: a user of another municipality is refused, and so is an anonymous one.
/// </summary>
public class OrganisationAuthorizationHandler(IOptions<MiljofyrtarnOptions> options) : AuthorizationHandler<MiljofyrtarnRequirement, OrganisationResource>
{
    /// <summary>The options with the claim types and role names.</summary>
    protected MiljofyrtarnOptions Options { get; } = options.Value;

    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MiljofyrtarnRequirement requirement, OrganisationResource resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(resource);
        if (Allows(context.User, requirement, resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether the user may do what the requirement asks of the organisation.</summary>
    /// <param name="user">The user.</param>
    /// <param name="requirement">What is asked.</param>
    /// <param name="resource">The organisation, unit and actor.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    protected virtual bool Allows(ClaimsPrincipal user, MiljofyrtarnRequirement requirement, OrganisationResource resource)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(resource);
        if (user.Identity?.IsAuthenticated != true || string.IsNullOrWhiteSpace(resource.Actor))
        {
            return false;
        }

        var lifecycle = resource.Lifecycle;
        var foundation = IsFoundation(user);
        var actor = ActorFor(user, resource.Actor, lifecycle.Organisation.Number.Value);
        var member = IsMember(user, lifecycle, resource.Actor);
        switch (requirement.Access)
        {
            case MiljofyrtarnAccess.Read:
                return member || foundation;
            case MiljofyrtarnAccess.ReadPersonalData:
                return lifecycle.IsGoverned ? lifecycle.May(actor, Operation.ReadPersonalData, resource.Unit) : member;
        }

        if (requirement.Operation is not { } operation)
        {
            return member || foundation;
        }

        if (operation is Operation.Certify or Operation.Recertify or Operation.RecordFollowUpAudit)
        {
            return lifecycle.AssignedCertifier?.Certifier.Id == resource.Actor && lifecycle.May(actor, operation, resource.Unit);
        }

        return lifecycle.IsGoverned || operation is Operation.ManageRoles or Operation.AssignCertifier
            ? lifecycle.May(actor, operation, resource.Unit)
            : member;
    }

    /// <summary>Whether the host vouches that the user acts for the foundation: they are in <see cref="MiljofyrtarnOptions.FoundationRole"/>.</summary>
    /// <param name="user">The user.</param>
    /// <returns><see langword="true"/> when they are.</returns>
    public bool IsFoundation(ClaimsPrincipal user) => Options.FoundationRole is { Length: > 0 } role && user is not null && user.IsInRole(role);

    /// <summary>
    /// The actor as the library sees them in an organisation: vouched for as the foundation when the user is in
    /// <see cref="MiljofyrtarnOptions.FoundationRole"/>, and with the roles their claims give them there
    /// (<see cref="MiljofyrtarnOptions.RoleClaimType"/>: <c>964123454:coordinator</c>).
    /// </summary>
    /// <param name="user">The user.</param>
    /// <param name="actor">The actor's ID.</param>
    /// <param name="organisationNumber">The organisation the request is about.</param>
    /// <returns>The actor.</returns>
    public Actor ActorFor(ClaimsPrincipal user, string actor, string organisationNumber)
    {
        ArgumentNullException.ThrowIfNull(user);
        var who = IsFoundation(user) ? Actor.ForFoundation(actor) : new Actor(actor);
        return who.WithRoles(ClaimedRoles(user, organisationNumber));
    }

    /// <summary>
    /// The roles the user's claims give them in an organisation: each claim of <see cref="MiljofyrtarnOptions.RoleClaimType"/>
    /// whose value is the organisation number, a colon and a role held inside an organisation (<c>management</c>,
    /// <c>coordinator</c>, <c>unitContact</c>, <c>consultant</c>, <c>reader</c>). Other values are ignored.
    /// </summary>
    /// <param name="user">The user.</param>
    /// <param name="organisationNumber">The organisation number.</param>
    /// <returns>The roles.</returns>
    public IEnumerable<SchemeRole> ClaimedRoles(ClaimsPrincipal user, string organisationNumber)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (Options.RoleClaimType is not { Length: > 0 } type)
        {
            yield break;
        }

        foreach (var claim in user.FindAll(type))
        {
            var separator = claim.Value.IndexOf(':', StringComparison.Ordinal);
            if (separator > 0 && claim.Value.AsSpan(0, separator).SequenceEqual(organisationNumber)
                && Claimable.TryGetValue(claim.Value[(separator + 1)..], out var role))
            {
                yield return role;
            }
        }
    }

    private static readonly Dictionary<string, SchemeRole> Claimable = new(StringComparer.Ordinal)
    {
        ["management"] = SchemeRole.Management,
        ["coordinator"] = SchemeRole.Coordinator,
        ["unitContact"] = SchemeRole.UnitContact,
        ["consultant"] = SchemeRole.Consultant,
        ["reader"] = SchemeRole.Reader,
    };

    /// <summary>Whether the user belongs to the organisation: by a claim naming its number, or by a role its history or structure gives the actor.</summary>
    /// <param name="user">The user.</param>
    /// <param name="lifecycle">The organisation.</param>
    /// <param name="actor">The actor's ID.</param>
    /// <returns><see langword="true"/> when they do.</returns>
    public bool IsMember(ClaimsPrincipal user, OrganisationLifecycle lifecycle, string actor)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(lifecycle);
        var number = lifecycle.Organisation.Number.Value;
        return ClaimsOrganisation(user, number) || ClaimedRoles(user, number).Any() || (actor is { Length: > 0 } && lifecycle.HoldsAnyRole(actor));
    }

    /// <summary>Whether the user's claims name the organisation number (<see cref="MiljofyrtarnOptions.OrganisationClaimType"/>).</summary>
    /// <param name="user">The user.</param>
    /// <param name="organisationNumber">The organisation number.</param>
    /// <returns><see langword="true"/> when a claim names it.</returns>
    public bool ClaimsOrganisation(ClaimsPrincipal user, string organisationNumber) =>
        user is not null && Options.OrganisationClaimType is { Length: > 0 } type && user.FindAll(type).Any(c => string.Equals(c.Value, organisationNumber, StringComparison.Ordinal));
}
