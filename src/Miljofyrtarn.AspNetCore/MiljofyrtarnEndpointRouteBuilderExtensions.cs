using System.Globalization;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Json;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Miljofyrtarn.AspNetCore;

/// <summary>Maps the web contracts as a JSON API.</summary>
public static partial class MiljofyrtarnEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the library's JSON API under <paramref name="prefix"/>, one organisation per organisation number:
    /// <list type="bullet">
    /// <item><c>GET /organisations</c> (paged: <c>after</c>, <c>limit</c>; each with its number, name, kind and version) and <c>POST /organisations</c> (start one);</item>
    /// <item><c>GET /organisations/{organisation}</c>: the overview, with an <c>ETag</c> of its version, language and day (<c>If-Match</c> takes it);</item>
    /// <item><c>GET …/readiness</c>, <c>GET …/units/{unit}/readiness</c>, <c>…/resolution</c>, <c>…/assessments</c> and <c>…/actions</c>;</item>
    /// <item><c>POST /organisations/{organisation}/actions</c>: apply a <see cref="LifecycleCommand"/>, with <c>If-Match</c> for optimistic concurrency (412 when stale; required, 428, when <see cref="MiljofyrtarnOptions.RequireIfMatch"/> is on); without it, a change that meets another writer is applied again to the new state (<see cref="MiljofyrtarnOptions.CommandRetries"/>);</item>
    /// <item><c>GET …/deadlines</c> (<c>from</c>, <c>to</c>, <c>unit</c>, <c>kind</c>) and <c>GET …/calendar.ics</c> (<c>text/calendar</c>);</item>
    /// <item><c>GET …/units/{unit}/reports/{year}</c> and <c>GET …/climate/{year}</c>;</item>
    /// <item><c>GET …/history</c> (paged: <c>after</c>, <c>limit</c>), the audit trail, and <c>GET /catalog</c>, the criteria catalog.</item>
    /// </list>
    /// Texts are in the language of <c>?lang=nb|nn|en|all</c>, else <c>Accept-Language</c>, else Bokmål. Every library
    /// error is answered with problem details (<see cref="MiljofyrtarnProblems"/>).
    /// </summary>
    /// <param name="endpoints">The host's routes.</param>
    /// <param name="prefix">The path prefix; <c>/api</c> by default.</param>
    /// <param name="configure">Endpoint options (who acts), or null.</param>
    /// <returns>The route group, for the host's own conventions (authorisation, rate limits, OpenAPI tags).</returns>
    public static RouteGroupBuilder MapMiljofyrtarn(this IEndpointRouteBuilder endpoints, string prefix = "/api", Action<MiljofyrtarnEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = new MiljofyrtarnEndpointOptions();
        configure?.Invoke(options);
        var group = endpoints.MapGroup(prefix).WithTags("Miljøfyrtårn").WithMetadata(new MiljofyrtarnEndpointMetadata());
        endpoints.ServiceProvider.GetService<ApiPrefixes>()?.Add(new PathString(prefix));
        Close(endpoints, group, options);

        group.MapGet("/organisations", (HttpContext http, [FromServices] LifecycleRepository repository, [FromServices] IOptions<MiljofyrtarnOptions> settings, CancellationToken ct) =>
            RunAsync(http, async _ =>
            {
                var limit = IntQuery(http, "limit") ?? settings.Value.DefaultPageSize;
                var page = await repository.ListOrganisationsAsync(http.Request.Query["after"].FirstOrDefault(), limit, ct).ConfigureAwait(false);
                var visible = new List<OrganisationSummary>(page.Items.Count);
                foreach (var summary in page.Items)
                {
                    if (await CanSeeAsync(http, options, repository, summary.Number, ct).ConfigureAwait(false))
                    {
                        visible.Add(summary);
                    }
                }

                return Json(new Page<OrganisationSummary>(visible, page.Next));
            }))
            .WithName("ListOrganisations").Produces<Page<OrganisationSummary>>().ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapPost("/organisations", (HttpContext http, [FromServices] LifecycleRepository repository, CancellationToken ct) =>
            RunAsync(http, async language =>
            {
                var actor = Actor(http, options);
                var command = await MiljofyrtarnJson.ReadStartCommandAsync(http.Request.Body, ct).ConfigureAwait(false);
                CheckCreate(http, options, command, actor);
                var lifecycle = await repository.CreateAsync(command, actor, ct).ConfigureAwait(false);
                Applied(http, "start");
                http.Response.Headers.ETag = ViewTag(http, lifecycle);
                http.Response.Headers.Location = $"{http.Request.PathBase}{http.Request.Path}/{LifecycleRepository.StreamOf(lifecycle)}";
                return TypedResults.Json(lifecycle.ToOverview(language, Deadlines(http)), MiljofyrtarnJson.GetTypeInfo<OrganisationOverview>(), statusCode: StatusCodes.Status201Created);
            }))
            .WithName("StartOrganisation").Accepts<StartOrganisationCommand>("application/json")
            .Produces<OrganisationOverview>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/organisations/{organisation}", (string organisation, HttpContext http, [FromServices] LifecycleRepository repository, CancellationToken ct) =>
            RunAsync(http, async language =>
            {
                var lifecycle = await ReadAsync(http, options, repository, organisation, ct).ConfigureAwait(false);
                return Tagged(http, lifecycle) ?? Json(lifecycle.ToOverview(language, Deadlines(http)));
            }))
            .WithName("GetOverview").Produces<OrganisationOverview>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/organisations/{organisation}/readiness", (string organisation, HttpContext http, [FromServices] LifecycleRepository repository, CancellationToken ct) =>
            RunAsync(http, async language =>
            {
                var lifecycle = await ReadAsync(http, options, repository, organisation, ct).ConfigureAwait(false);
                return Tagged(http, lifecycle) ?? Json(ContractViews.ToView(lifecycle.Organisation.GetReadiness(), language));
            }))
            .WithName("GetReadiness").Produces<OrganisationReadinessView>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/organisations/{organisation}/units/{unit}/readiness", (string organisation, string unit, HttpContext http, [FromServices] LifecycleRepository repository, CancellationToken ct) =>
            RunAsync(http, async language =>
            {
                var lifecycle = await ReadAsync(http, options, repository, organisation, ct).ConfigureAwait(false);
                return Tagged(http, lifecycle) ?? Json(ContractViews.ToView(lifecycle.Organisation.GetReadiness(new UnitId(unit)), language));
            }))
            .WithName("GetUnitReadiness").Produces<UnitReadinessView>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/organisations/{organisation}/units/{unit}/resolution", (string organisation, string unit, HttpContext http, [FromServices] LifecycleRepository repository, CancellationToken ct) =>
            RunAsync(http, async language =>
            {
                var lifecycle = await ReadAsync(http, options, repository, organisation, ct).ConfigureAwait(false);
                return Tagged(http, lifecycle) ?? Json(lifecycle.Organisation.ToResolutionView(new UnitId(unit), language));
            }))
            .WithName("GetResolution").Produces<ResolutionView>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/organisations/{organisation}/units/{unit}/assessments", (string organisation, string unit, HttpContext http, [FromServices] LifecycleRepository repository, CancellationToken ct) =>
            RunAsync(http, async _ =>
            {
                var lifecycle = await LoadAsync(http, options, repository, organisation, ReadingPersonalData, new UnitId(unit), ct).ConfigureAwait(false);
                return Tagged(http, lifecycle) ?? Json(lifecycle.Organisation.ToAssessmentViews(new UnitId(unit)));
            }))
            .WithName("GetAssessments").Produces<IReadOnlyList<AssessmentView>>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/organisations/{organisation}/units/{unit}/actions", (string organisation, string unit, HttpContext http, [FromServices] LifecycleRepository repository, CancellationToken ct) =>
            RunAsync(http, async language =>
            {
                var lifecycle = await ReadAsync(http, options, repository, organisation, ct).ConfigureAwait(false);
                return Tagged(http, lifecycle, options.ResolveActor(http)) ?? Json(lifecycle.ToActionViews(new UnitId(unit), options.ResolveActor(http), language));
            }))
            .WithName("GetActions").Produces<IReadOnlyList<ActionView>>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/organisations/{organisation}/actions", (string organisation, HttpContext http, [FromServices] LifecycleRepository repository, [FromServices] CommandRetry retry, [FromServices] IOptions<MiljofyrtarnOptions> settings, CancellationToken ct) =>
            RunAsync(http, async language =>
            {
                var expected = ExpectedVersion(http);
                if (expected is null && settings.Value.RequireIfMatch)
                {
                    throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.PreconditionRequired, ["If-Match: \"<version>\""], "If-Match"));
                }

                var actor = Actor(http, options);
                var command = await MiljofyrtarnJson.ReadCommandAsync(http.Request.Body, ct).ConfigureAwait(false);
                using var activity = CommandActivity(organisation, command.Name);

                // Changes to one organisation take turns in this host; without If-Match, a change that meets another
                // host's append is applied again to the new state.
                OrganisationLifecycle lifecycle;
                try
                {
                    lifecycle = await retry.RunAsync(
                        organisation,
                        expected is null,
                        async token =>
                        {
                            var loaded = await LoadAsync(http, options, repository, organisation, new MiljofyrtarnRequirement(MiljofyrtarnAccess.Act, command.Operation), command.Subject, token).ConfigureAwait(false);
                            if (options.RequireAuthorization && command.ActingPerson is { } person && person != actor)
                            {
                                // The certifier certifies: nobody posts a certification in someone else's name.
                                throw Forbidden(actor, loaded, command.Operation);
                            }

                            var changed = loaded.Apply(command, ActingAs(http, actor, loaded.Organisation.Number.Value), expected);
                            await repository.SaveAsync(changed, loaded.Version, token).ConfigureAwait(false);
                            return changed;
                        },
                        ct).ConfigureAwait(false);
                }
                catch (MiljofyrtarnException refused)
                {
                    activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, refused.Code);
                    activity?.SetTag("error.type", refused.Code);
                    throw;
                }

                activity?.SetTag("miljofyrtarn.version", lifecycle.Version);
                Applied(http, command.Name);
                http.Response.Headers.ETag = ViewTag(http, lifecycle);
                return Json(lifecycle.ToOverview(language, Deadlines(http)));
            }))
            .WithName("ApplyAction").Accepts<LifecycleCommand>("application/json").Produces<OrganisationOverview>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        MapSchedule(group, options);
        MapReports(group, options);
        MapRoles(group, options);
        MapHistory(group, options);
        return group;
    }

    private static async Task<IResult> RunAsync(HttpContext http, Func<ContractLanguage, Task<IResult>> body)
    {
        var language = RequestLanguage.Of(http);
        http.Response.Headers.ContentLanguage = RequestLanguage.Header(language);
        http.Response.Headers.Append("Vary", "Accept-Language");
        try
        {
            try
            {
                return await body(language).ConfigureAwait(false);
            }
            catch (BadHttpRequestException bad)
            {
                http.Response.StatusCode = bad.StatusCode;
                throw MiljofyrtarnProblems.FromBadRequest(bad, http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize);
            }
        }
        catch (MiljofyrtarnException refused)
        {
            var services = http.RequestServices;
            MiljofyrtarnExceptionHandler.Refused(
                services.GetRequiredService<MiljofyrtarnInstruments>(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MiljofyrtarnEndpointRouteBuilderExtensions).FullName!),
                refused);
            http.Response.Headers.Remove("ETag");
            return TypedResults.Problem(MiljofyrtarnProblems.Create(refused, language, http.Request.Headers.IfMatch.Count > 0, http.Request.Path, http.TraceIdentifier));
        }
    }

    /// <summary>The activity of one command: the organisation and the action, and the version it made or the code that refused it.</summary>
    private static System.Diagnostics.Activity? CommandActivity(string organisation, string action)
    {
        var activity = MiljofyrtarnInstruments.Source.StartActivity("miljofyrtarn.command");
        activity?.SetTag("miljofyrtarn.organisation", organisation);
        activity?.SetTag("miljofyrtarn.action", action);
        return activity;
    }

    private static IResult Json<T>(T value) => TypedResults.Json(value, MiljofyrtarnJson.GetTypeInfo<T>());

    private static DeadlineOptions Deadlines(HttpContext http) => http.RequestServices.GetRequiredService<DeadlineOptions>();

    private static void Applied(HttpContext http, string action) =>
        http.RequestServices.GetRequiredService<MiljofyrtarnInstruments>().ActionsApplied.Add(1, new KeyValuePair<string, object?>("miljofyrtarn.action", action));

    private static string Actor(HttpContext http, MiljofyrtarnEndpointOptions options) =>
        options.ResolveActor(http) is { Length: > 0 } actor
            ? actor
            : throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.ActorRequired, [$"{http.Request.Method} {http.Request.Path}"]));

    /// <summary>
    /// The entity tag of a view of an organisation: its version (what <c>If-Match</c> takes), the language, and the day
    /// in Norway, since deadlines, overdue reports and the actions allowed change with the date alone; for a view that
    /// depends on who asks, a short hash of the actor too. <c>"7-nb-20261207"</c>.
    /// </summary>
    private static string ViewTag(HttpContext http, OrganisationLifecycle lifecycle, string? actor = null)
    {
        var language = RequestLanguage.Of(http);
        var tag = string.Create(CultureInfo.InvariantCulture, $"\"{lifecycle.Version}-{(language.AllLanguages ? "all" : language.ToString())}-{lifecycle.Today.ToString("uuuuMMdd", CultureInfo.InvariantCulture)}");
        return actor is null
            ? tag + "\""
            : tag + "-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(actor)).AsSpan(0, 4)).ToLowerInvariant() + "\"";
    }

    /// <summary>Sets the view's ETag; a 304 result when the request's If-None-Match already has it.</summary>
    private static IResult? Tagged(HttpContext http, OrganisationLifecycle lifecycle, string? actor = null)
    {
        var tag = ViewTag(http, lifecycle, actor);
        http.Response.Headers.ETag = tag;
        var known = http.Request.Headers.IfNoneMatch;
        return known.Any(k => k is not null && k.Split(',').Any(t => t.Trim() == tag || t.Trim() == "*"))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : null;
    }

    /// <summary>The version of an If-Match (<c>"7"</c>); null without one or for <c>*</c>.</summary>
    private static long? ExpectedVersion(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return null;
        }

        var text = header.ToString().Trim();
        if (text == "*")
        {
            return null;
        }

        // The version is the tag's number, alone ("7", as older hosts sent) or before the view's language and day ("7-nb-20261207").
        var inner = text.Length > 2 && text[0] == '"' && text[^1] == '"' ? text.AsSpan(1, text.Length - 2) : [];
        var dash = inner.IndexOf('-');
        return inner.Length > 0
            && long.TryParse(dash < 0 ? inner : inner[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.InvalidValue, [header.ToString(), "\"<version>\""], "If-Match"));
    }

    private static int? IntQuery(HttpContext http, string name)
    {
        var text = http.Request.Query[name].FirstOrDefault();
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.InvalidValue, [text, "1–" + EventStoreRules.MaxPageSize.ToString(CultureInfo.InvariantCulture)], name));
    }
}
