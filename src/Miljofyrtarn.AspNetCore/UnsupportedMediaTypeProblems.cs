using Miljofyrtarn.Core.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Miljofyrtarn.AspNetCore;

/// <summary>
/// Gives routing's own 415 (a body of a content type an endpoint does not accept, refused before any endpoint runs) a
/// problem body with a code (<see cref="ErrorCodes.UnsupportedMediaType"/>), as every other refusal has (issue 32: it
/// was an empty 415). Added in front of the host's pipeline by <c>AddMiljofyrtarn</c>; an answer that already has a
/// body, or has started, is left alone.
/// </summary>
internal sealed class UnsupportedMediaTypeProblems : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            await following(context).ConfigureAwait(false);
            if (context.Response is { StatusCode: StatusCodes.Status415UnsupportedMediaType, HasStarted: false, ContentLength: null, ContentType: null })
            {
                var language = RequestLanguage.Of(context);
                var refused = new MiljofyrtarnException(new Diagnostic(ErrorCodes.UnsupportedMediaType, [context.Request.ContentType ?? string.Empty]));
                var details = MiljofyrtarnProblems.Create(refused, language, preconditionGiven: false, context.Request.Path, context.TraceIdentifier);
                context.Response.Headers.ContentLanguage = RequestLanguage.Header(language);
                await context.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details }).ConfigureAwait(false);
            }
        });
        next(app);
    };
}
