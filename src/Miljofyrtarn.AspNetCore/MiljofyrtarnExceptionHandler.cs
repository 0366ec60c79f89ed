using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Miljofyrtarn.AspNetCore;

/// <summary>
/// Answers a <see cref="MiljofyrtarnException"/> thrown anywhere in the host's own endpoints with problem details
/// (<see cref="MiljofyrtarnProblems"/>) in the request's language, when the host uses <c>app.UseExceptionHandler()</c>,
/// and so does the server's own refusal of a request it was reading (<see cref="BadHttpRequestException"/>: a body over
/// the limit is 413, not 500). Other exceptions are left to the host.
/// </summary>
internal sealed partial class MiljofyrtarnExceptionHandler(IProblemDetailsService problems, MiljofyrtarnInstruments instruments, ILogger<MiljofyrtarnExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var refused = exception switch
        {
            MiljofyrtarnException library => library,

            // A client error the server found while reading the request stays a client error: 413 or 400, never 500.
            BadHttpRequestException bad => MiljofyrtarnProblems.FromBadRequest(bad, httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize),
            _ => null,
        };
        if (refused is null)
        {
            return false;
        }

        var language = RequestLanguage.Of(httpContext);
        var details = MiljofyrtarnProblems.Create(refused, language, httpContext.Request.Headers.IfMatch.Count > 0, httpContext.Request.Path, httpContext.TraceIdentifier);
        Refused(instruments, logger, refused);
        if (exception is BadHttpRequestException { StatusCode: var status })
        {
            details.Status = status;
        }

        httpContext.Response.StatusCode = details.Status ?? StatusCodes.Status400BadRequest;
        httpContext.Response.Headers.ContentLanguage = RequestLanguage.Header(language);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception }).ConfigureAwait(false);
    }

    internal static void Refused(MiljofyrtarnInstruments instruments, ILogger logger, MiljofyrtarnException refused)
    {
        instruments.Refusals.Add(1, new("error.type", refused.Code), new("miljofyrtarn.error.category", refused.Category.ToString()));
        if (MiljofyrtarnProblems.IsInternal(refused.Category))
        {
            // The store's own words (a path, a socket, a server's message) go to the log only, never to the caller.
            LogStoreFailure(logger, refused.Code, refused.Category, refused.GetMessage(Core.Localization.Language.English), refused);
        }
        else
        {
            LogRefused(logger, refused.Code, refused.Category);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Refused with {Code} ({Category})")]
    private static partial void LogRefused(ILogger logger, string code, ErrorCategory category);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Store failure {Code} ({Category}): {Detail}")]
    private static partial void LogStoreFailure(ILogger logger, string code, ErrorCategory category, string detail, Exception exception);
}

/// <summary>The language a request asks for: <c>?lang=nb|nn|en|all</c>, else <c>Accept-Language</c>, else Bokmål.</summary>
internal static class RequestLanguage
{
    public static ContractLanguage Of(HttpContext context) =>
        ContractLanguage.FromRequest(context.Request.Query["lang"].ToString(), context.Request.Headers.AcceptLanguage.ToString());

    public static string Header(ContractLanguage language) => language.AllLanguages ? "nb, nn, en" : language.ToString();
}
