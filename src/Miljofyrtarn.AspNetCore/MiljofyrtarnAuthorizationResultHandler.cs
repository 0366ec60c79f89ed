using Miljofyrtarn.Core.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Miljofyrtarn.AspNetCore;

/// <summary>Marks the endpoints <see cref="MiljofyrtarnEndpointRouteBuilderExtensions.MapMiljofyrtarn"/> maps.</summary>
internal sealed class MiljofyrtarnEndpointMetadata;

/// <summary>
/// Answers a Miljøfyrtårn endpoint's request that has no signed-in user as the authentication scheme does (401 with its
/// <c>WWW-Authenticate</c>, or its redirect to a sign-in page), and, when that is a 401, with a problem body too:
/// <c>MFT0507</c> in the request's language, like every other refusal of the API. Other endpoints are left to the
/// default handler.
/// </summary>
internal sealed class MiljofyrtarnAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
        if (authorizeResult.Challenged && context.Response.StatusCode == StatusCodes.Status401Unauthorized && !context.Response.HasStarted
            && context.GetEndpoint()?.Metadata.GetMetadata<MiljofyrtarnEndpointMetadata>() is not null)
        {
            var language = RequestLanguage.Of(context);
            var refused = new MiljofyrtarnException(new Diagnostic(ErrorCodes.ActorRequired, [$"{context.Request.Method} {context.Request.Path}"]));
            var problem = MiljofyrtarnProblems.Create(refused, language, false, context.Request.Path, context.TraceIdentifier);
            context.Response.Headers.ContentLanguage = RequestLanguage.Header(language);
            await Results.Problem(problem).ExecuteAsync(context).ConfigureAwait(false);
        }
    }
}
