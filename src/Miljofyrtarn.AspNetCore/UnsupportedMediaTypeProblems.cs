using Miljofyrtarn.Core.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Miljofyrtarn.AspNetCore;

/// <summary>
/// Gives routing's own 415 (a body of a content type an endpoint does not accept, refused before any endpoint runs) a
/// problem body with a code (<see cref="ErrorCodes.UnsupportedMediaType"/>), as every other refusal has (issue 32: it
/// was an empty 415). Added in front of the host's pipeline by <c>AddMiljofyrtarn</c>, for the paths the library's API
/// is mapped under only (<see cref="ApiPrefixes"/>); the host's own endpoints, an answer that already has a body, or
/// one that has started, are left alone.
/// </summary>
internal sealed class UnsupportedMediaTypeProblems(ApiPrefixes prefixes) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            await following(context).ConfigureAwait(false);
            if (context.Response is { StatusCode: StatusCodes.Status415UnsupportedMediaType, HasStarted: false, ContentLength: null, ContentType: null }
                && prefixes.Contains(context.Request.Path))
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

/// <summary>The path prefixes <c>MapMiljofyrtarn</c> mapped the API under.</summary>
internal sealed class ApiPrefixes
{
    private readonly List<PathString> _prefixes = [];

    public void Add(PathString prefix)
    {
        lock (_prefixes)
        {
            _prefixes.Add(prefix);
        }
    }

    public bool Contains(PathString path)
    {
        lock (_prefixes)
        {
            return _prefixes.Exists(prefix => path.StartsWithSegments(prefix));
        }
    }
}
