using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Json;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Miljofyrtarn.AspNetCore;

/// <summary>Who may do what: the roles of an organisation, granted and revoked, and the certifier the foundation assigns.</summary>
public static partial class MiljofyrtarnEndpointRouteBuilderExtensions
{
    /// <summary>
    /// <c>GET …/roles</c> (for those who may see personal data), <c>POST …/roles</c> and <c>POST …/roles/revoke</c> (a
    /// <see cref="RoleInput"/>; management or the coordinator), and <c>POST …/certifier</c> (a <see cref="CertifierInput"/>;
    /// the foundation).
    /// </summary>
    private static void MapRoles(RouteGroupBuilder group, MiljofyrtarnEndpointOptions options)
    {
        group.MapGet("/organisations/{organisation}/roles", (string organisation, HttpContext http, [FromServices] LifecycleRepository repository, CancellationToken ct) =>
            RunAsync(http, async _ =>
            {
                var lifecycle = await LoadAsync(http, options, repository, organisation, ReadingPersonalData, null, ct).ConfigureAwait(false);
                return Tagged(http, lifecycle) ?? Json(lifecycle.ToRolesView());
            }))
            .WithName("GetRoles").Produces<RolesView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        MapRoleChange(group, options, "/organisations/{organisation}/roles", "GrantRole", "grantRole", (lifecycle, input, actor, expected) => lifecycle.GrantRole(input.Person, input.Role, input.Unit, actor, expected))
            .ProducesProblem(StatusCodes.Status409Conflict);
        MapRoleChange(group, options, "/organisations/{organisation}/roles/revoke", "RevokeRole", "revokeRole", (lifecycle, input, actor, expected) => lifecycle.RevokeRole(input.Person, input.Role, input.Unit, actor, expected))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/organisations/{organisation}/certifier", (string organisation, HttpContext http, [FromServices] LifecycleRepository repository, CancellationToken ct) =>
            ChangeRolesAsync(http, options, repository, organisation, "assignCertifier", async (lifecycle, actor, expected) =>
            {
                var input = await MiljofyrtarnJson.ReadInputAsync<CertifierInput>(http.Request.Body, ct).ConfigureAwait(false);
                return lifecycle.AssignCertifier(input.ToCertifier("$"), actor, expected);
            }, Operation.AssignCertifier, ct))
            .WithName("AssignCertifier").Accepts<CertifierInput>("application/json").Produces<RolesView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>A <c>POST</c> that grants or revokes a role (a <see cref="RoleInput"/>): management or the coordinator.</summary>
    private static RouteHandlerBuilder MapRoleChange(
        RouteGroupBuilder group,
        MiljofyrtarnEndpointOptions options,
        string pattern,
        string endpointName,
        string metricName,
        Func<OrganisationLifecycle, RoleInput, Core.Lifecycle.Actor, long?, OrganisationLifecycle> change) =>
        group.MapPost(pattern, (string organisation, HttpContext http, [FromServices] LifecycleRepository repository, CancellationToken ct) =>
            ChangeRolesAsync(http, options, repository, organisation, metricName, async (lifecycle, actor, expected) =>
                change(lifecycle, await MiljofyrtarnJson.ReadInputAsync<RoleInput>(http.Request.Body, ct).ConfigureAwait(false), actor, expected), Operation.ManageRoles, ct))
            .WithName(endpointName).Accepts<RoleInput>("application/json").Produces<RolesView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

    private static Task<IResult> ChangeRolesAsync(
        HttpContext http,
        MiljofyrtarnEndpointOptions options,
        LifecycleRepository repository,
        string organisation,
        string name,
        Func<OrganisationLifecycle, Core.Lifecycle.Actor, long?, Task<OrganisationLifecycle>> change,
        Operation operation,
        CancellationToken ct) =>
        RunAsync(http, async _ =>
        {
            var expected = ExpectedVersion(http);
            var id = Actor(http, options);
            var loaded = await LoadAsync(http, options, repository, organisation, new MiljofyrtarnRequirement(MiljofyrtarnAccess.Act, operation), null, ct).ConfigureAwait(false);
            var actor = ActingAs(http, id, loaded.Organisation.Number.Value);
            var changed = await change(loaded, actor, expected).ConfigureAwait(false);
            await repository.SaveAsync(changed, loaded.Version, ct).ConfigureAwait(false);
            Applied(http, name);
            http.Response.Headers.ETag = ViewTag(http, changed);
            return Json(changed.ToRolesView());
        });
}
