using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Miljofyrtarn.AspNetCore;

/// <summary>How the endpoints of <see cref="MiljofyrtarnEndpointRouteBuilderExtensions.MapMiljofyrtarn"/> behave.</summary>
public sealed class MiljofyrtarnEndpointOptions
{
    /// <summary>
    /// Whether every endpoint needs a signed-in user, and each organisation's endpoints a user the authorisation handler
    /// (<see cref="OrganisationAuthorizationHandler"/>) lets in: <see langword="true"/>, the default. Set it to
    /// <see langword="false"/> only when the host authorises every request itself in front of the library: then anyone
    /// who reaches the routes reads every organisation and changes any of them (see <c>docs/security.md</c>).
    /// </summary>
    public bool RequireAuthorization { get; set; } = true;

    /// <summary>
    /// Who acts: recorded in the history, and asked about by the authorisation handler. Null refuses a change with 401
    /// (<c>MFT0507</c>). By default the signed-in user's subject: the <c>sub</c> claim, else the name identifier, else the name.
    /// </summary>
    public Func<HttpContext, string?> ResolveActor { get; set; } = DefaultActor;

    private static string? DefaultActor(HttpContext context)
    {
        var user = context.User;
        if (user.Identity is not { IsAuthenticated: true })
        {
            return null;
        }

        return NonBlank(user.FindFirst("sub")?.Value) ?? NonBlank(user.FindFirst(ClaimTypes.NameIdentifier)?.Value) ?? NonBlank(user.Identity.Name);
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
