using Microsoft.AspNetCore.Http;

namespace Miljofyrtarn.AspNetCore;

/// <summary>How the endpoints of <see cref="MiljofyrtarnEndpointRouteBuilderExtensions.MapMiljofyrtarn"/> behave.</summary>
public sealed class MiljofyrtarnEndpointOptions
{
    /// <summary>
    /// Who acts in a request that changes something, recorded in the history; null refuses the change with
    /// 401 (<c>MFT0507</c>). By default the signed-in user's name (<c>HttpContext.User.Identity.Name</c>).
    /// </summary>
    public Func<HttpContext, string?> ResolveActor { get; set; } = DefaultActor;

    private static string? DefaultActor(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;
}
