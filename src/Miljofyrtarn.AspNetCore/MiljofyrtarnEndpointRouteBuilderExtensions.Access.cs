using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Miljofyrtarn.AspNetCore;

/// <summary>Who may see and change what: every organisation endpoint loads the organisation, then asks the authorisation service.</summary>
public static partial class MiljofyrtarnEndpointRouteBuilderExtensions
{
    /// <summary>Closes the group unless the host opted out, and fails at start-up when nobody could ever sign in.</summary>
    private static void Close(IEndpointRouteBuilder endpoints, RouteGroupBuilder group, MiljofyrtarnEndpointOptions options)
    {
        if (!options.RequireAuthorization)
        {
            return;
        }

        var schemes = endpoints.ServiceProvider.GetService<IAuthenticationSchemeProvider>();
        if (schemes is null || schemes.GetDefaultChallengeSchemeAsync().GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException(
                "MapMiljofyrtarn requires signed-in users, and no authentication scheme is registered: add one (for example "
                + "builder.Services.AddAuthentication().AddJwtBearer(...) or .AddCookie(...)) before mapping, or opt this group out "
                + "with options.RequireAuthorization = false when the host authorises every request itself (see docs/security.md).");
        }

        group.RequireAuthorization();
    }

    /// <summary>Loads an organisation and checks that the request may do what it asks of it; 403 (forbidden) otherwise.</summary>
    private static async Task<OrganisationLifecycle> LoadAsync(
        HttpContext http, MiljofyrtarnEndpointOptions options, LifecycleRepository repository, string organisation, MiljofyrtarnRequirement requirement, UnitId? unit, CancellationToken ct)
    {
        var lifecycle = await repository.GetAsync(organisation, ct).ConfigureAwait(false);
        await AuthorizeAsync(http, options, lifecycle, unit, requirement).ConfigureAwait(false);
        return lifecycle;
    }

    private static Task<OrganisationLifecycle> ReadAsync(HttpContext http, MiljofyrtarnEndpointOptions options, LifecycleRepository repository, string organisation, CancellationToken ct) =>
        LoadAsync(http, options, repository, organisation, Reading, null, ct);

    private static readonly MiljofyrtarnRequirement Reading = new(MiljofyrtarnAccess.Read);

    private static readonly MiljofyrtarnRequirement ReadingPersonalData = new(MiljofyrtarnAccess.ReadPersonalData, Operation.ReadPersonalData);

    private static async Task AuthorizeAsync(HttpContext http, MiljofyrtarnEndpointOptions options, OrganisationLifecycle lifecycle, UnitId? unit, MiljofyrtarnRequirement requirement)
    {
        if (!options.RequireAuthorization)
        {
            return;
        }

        var actor = options.ResolveActor(http);
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        var result = await authorization.AuthorizeAsync(http.User, new OrganisationResource(lifecycle, unit, actor), requirement).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw Forbidden(actor, lifecycle, requirement.Operation);
        }
    }

    /// <summary>The refusal of a request the authorisation service did not allow: the actor, what they asked, and who may.</summary>
    private static MiljofyrtarnException Forbidden(string? actor, OrganisationLifecycle lifecycle, Operation? operation) =>
        new(new Diagnostic(ErrorCodes.ActorLacksRole, [
            actor ?? "–",
            operation?.ToString() ?? "Read",
            lifecycle.Organisation.Name,
            string.Join(", ", operation is { } o ? (IEnumerable<SchemeRole>)RoleTable.RolesFor(o) : Enum.GetValues<SchemeRole>())]));

    /// <summary>Whether the user may see an organisation in the list: by a claim, as the foundation, or as a member by its history.</summary>
    private static async Task<bool> CanSeeAsync(HttpContext http, MiljofyrtarnEndpointOptions options, LifecycleRepository repository, string organisation, CancellationToken ct)
    {
        if (!options.RequireAuthorization)
        {
            return true;
        }

        var handler = http.RequestServices.GetRequiredService<OrganisationAuthorizationHandler>();
        if (handler.IsFoundation(http.User) || handler.ClaimsOrganisation(http.User, organisation))
        {
            return true;
        }

        var lifecycle = await repository.FindAsync(organisation, ct).ConfigureAwait(false);
        if (lifecycle is null)
        {
            return false;
        }

        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(http.User, new OrganisationResource(lifecycle, null, options.ResolveActor(http)), Reading).ConfigureAwait(false)).Succeeded;
    }

    /// <summary>
    /// Whether the user may start this organisation: in <see cref="MiljofyrtarnOptions.CreatorRole"/>, acting for the
    /// foundation, or with a claim naming its organisation number (a municipality starts itself).
    /// </summary>
    private static void CheckCreate(HttpContext http, MiljofyrtarnEndpointOptions options, StartOrganisationCommand command, string actor)
    {
        if (!options.RequireAuthorization)
        {
            return;
        }

        var settings = http.RequestServices.GetRequiredService<IOptions<MiljofyrtarnOptions>>().Value;
        var handler = http.RequestServices.GetRequiredService<OrganisationAuthorizationHandler>();
        var allowed = (settings.CreatorRole is { Length: > 0 } role && http.User.IsInRole(role))
            || handler.IsFoundation(http.User)
            || (command.Number is { } number && handler.ClaimsOrganisation(http.User, number));
        if (!allowed)
        {
            throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.ActorLacksRole, [actor, "StartOrganisation", command.Name ?? command.Number ?? "–", settings.CreatorRole ?? "–"]));
        }
    }

    /// <summary>The actor for the library, with what the host vouches for from the user's claims in this organisation.</summary>
    private static Core.Lifecycle.Actor ActingAs(HttpContext http, string actor, string organisation) =>
        http.RequestServices.GetRequiredService<OrganisationAuthorizationHandler>().ActorFor(http.User, actor, organisation);
}
