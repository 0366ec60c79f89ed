using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Miljofyrtarn.AspNetCore;

/// <summary>Turns the library's errors into RFC 9457 problem details, with the status taken from the error's category.</summary>
public static class MiljofyrtarnProblems
{
    /// <summary>Where each code is explained; the problem's <c>type</c> is this with the code as fragment.</summary>
    public const string TypeBase = "https://github.com/miljofyrtarn-core/miljofyrtarn-core/blob/main/docs/error-codes.md#";

    /// <summary>
    /// The HTTP status for a category: 400 invalid input, 403 forbidden, 404 not found, 422 refused by a rule, 409 conflict (412 when
    /// the request carried an <c>If-Match</c> precondition), 500 corrupt data, 503 unavailable.
    /// </summary>
    /// <param name="category">The category.</param>
    /// <param name="preconditionGiven">Whether the request carried <c>If-Match</c>.</param>
    /// <returns>The status.</returns>
    public static int StatusFor(ErrorCategory category, bool preconditionGiven = false) => category switch
    {
        ErrorCategory.NotFound => StatusCodes.Status404NotFound,
        ErrorCategory.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCategory.RefusedByRule => StatusCodes.Status422UnprocessableEntity,
        ErrorCategory.Conflict => preconditionGiven ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
        ErrorCategory.CorruptData => StatusCodes.Status500InternalServerError,
        ErrorCategory.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>
    /// The problem details of a library error: the status from its category (401 for <see cref="ErrorCodes.ActorRequired"/>,
    /// 413 for a request body over its limit, <see cref="ErrorCodes.DocumentTooLarge"/>),
    /// the first code as <c>code</c> and in <c>type</c>, the category's localised name as <c>title</c>, every message as
    /// <c>detail</c>, and every problem (code, message and, for documents, the JSON path) as <c>problems</c>.
    /// </summary>
    /// <param name="exception">The error.</param>
    /// <param name="language">The language of the texts.</param>
    /// <param name="preconditionGiven">Whether the request carried <c>If-Match</c>.</param>
    /// <param name="instance">The request path, or null.</param>
    /// <returns>The problem details.</returns>
    /// <param name="traceId">The request's trace ID, written as <c>traceId</c> so a caller can quote it; null to leave it out.</param>
    /// <remarks>
    /// A store or data failure (<see cref="ErrorCategory.Unavailable"/>, <see cref="ErrorCategory.CorruptData"/>) is answered
    /// generically: its code, category, title and trace ID, and no message, because a store's message may name a
    /// connection, a socket or a file of the machine. The whole of it goes to the log.
    /// </remarks>
    public static ProblemDetails Create(MiljofyrtarnException exception, ContractLanguage language, bool preconditionGiven, string? instance, string? traceId = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var category = exception.Category;
        var text = language.AllLanguages ? Language.NorwegianBokmal : language.Language;
        var generic = IsInternal(category);
        var problem = new ProblemDetails
        {
            Status = exception.Code switch
            {
                ErrorCodes.ActorRequired => StatusCodes.Status401Unauthorized,
                ErrorCodes.DocumentTooLarge => StatusCodes.Status413PayloadTooLarge,
                ErrorCodes.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
                ErrorCodes.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
                _ => StatusFor(category, preconditionGiven),
            },
            Type = TypeBase + exception.Code.ToLowerInvariant(),
            Title = category.GetTitle(text),
            Detail = generic ? null : exception.GetMessage(text),
            Instance = instance,
        };
        problem.Extensions["code"] = exception.Code;
        problem.Extensions["category"] = JsonNamingPolicyCamel(category.ToString());
        problem.Extensions["problems"] = generic
            ? exception.Diagnostics.Select(d => new Dictionary<string, string> { ["code"] = d.Code }).ToArray()
            : ContractViews.ToReasons(exception.Diagnostics, language).ToArray();
        if (traceId is not null)
        {
            problem.Extensions["traceId"] = traceId;
        }

        return problem;
    }

    /// <summary>
    /// A request the server itself refused while reading it (Kestrel's <see cref="BadHttpRequestException"/>: a body over
    /// the server's limit, a body cut short) as a library error, so it is answered with problem details and its own
    /// status, never as a 500.
    /// </summary>
    /// <param name="exception">The server's refusal.</param>
    /// <param name="limit">The request body limit in force, for the message, or null when unknown.</param>
    /// <returns>The library error: <see cref="ErrorCodes.DocumentTooLarge"/> for 413, <see cref="ErrorCodes.MalformedJson"/> otherwise.</returns>
    internal static MiljofyrtarnException FromBadRequest(BadHttpRequestException exception, long? limit) =>
        exception.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? new MiljofyrtarnException([new Diagnostic(ErrorCodes.DocumentTooLarge, [(limit ?? Core.Json.MiljofyrtarnJson.MaxCommandBytes).ToString(System.Globalization.CultureInfo.InvariantCulture)], "$")], exception)
            : new MiljofyrtarnException([new Diagnostic(ErrorCodes.MalformedJson, [], "$")], exception);

    /// <summary>Whether errors of a category come from inside (the store, stored data) and are answered without their text.</summary>
    /// <param name="category">The category.</param>
    /// <returns><see langword="true"/> for <see cref="ErrorCategory.Unavailable"/> and <see cref="ErrorCategory.CorruptData"/>.</returns>
    public static bool IsInternal(ErrorCategory category) => category is ErrorCategory.Unavailable or ErrorCategory.CorruptData;

    private static string JsonNamingPolicyCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
