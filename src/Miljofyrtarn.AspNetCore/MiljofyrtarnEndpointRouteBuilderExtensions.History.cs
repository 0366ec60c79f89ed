using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Miljofyrtarn.AspNetCore;

/// <summary>What a frontend reads besides the views: an organisation's history (its audit trail), and the criteria catalog.</summary>
public static partial class MiljofyrtarnEndpointRouteBuilderExtensions
{
    /// <summary>
    /// <c>GET …/history</c> (paged: <c>after</c>, a version, and <c>limit</c>; for those who may see personal data): the
    /// events in order, each as in a history document (<c>schemas/history.schema.json</c>: type, sequence, time, actor and
    /// what it records), as <c>{"items": [...], "next": "…"}</c>. <c>GET /catalog</c>: the criteria catalog in force,
    /// in its own format (<c>docs/catalog-format.md</c>): its sets, introductory questions and criteria.
    /// </summary>
    private static void MapHistory(RouteGroupBuilder group, MiljofyrtarnEndpointOptions options)
    {
        group.MapGet("/organisations/{organisation}/history", (string organisation, HttpContext http, [FromServices] LifecycleRepository repository, [FromServices] IOptions<MiljofyrtarnOptions> settings, CancellationToken ct) =>
            RunAsync(http, async _ =>
            {
                var limit = IntQuery(http, "limit") ?? settings.Value.DefaultPageSize;
                var after = LongQuery(http, "after") ?? 0;
                EventStoreRules.CheckPageSize(limit);
                var lifecycle = await LoadAsync(http, options, repository, organisation, ReadingPersonalData, null, ct).ConfigureAwait(false);
                if (Tagged(http, lifecycle) is { } notModified)
                {
                    return notModified;
                }

                // The store's page, not the lifecycle's History: a lifecycle loaded from a kept state or a snapshot holds
                // only the events since then. Read up to the version checked above, so the page and its ETag agree.
                var page = after >= lifecycle.Version ? [] : await repository.Store.ReadPageAsync(organisation, Math.Max(after, 0), (int)Math.Min(limit, lifecycle.Version - Math.Max(after, 0)), ct).ConfigureAwait(false);
                var buffer = new ArrayBufferWriter<byte>();
                using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartObject();
                    json.WriteStartArray("items");
                    foreach (var e in page)
                    {
                        json.WriteRawValue(StoredEvents.Encode(e), skipInputValidation: true);
                    }

                    json.WriteEndArray();
                    if (page.Count == limit && page[^1].Sequence < lifecycle.Version)
                    {
                        json.WriteString("next", page[^1].Sequence.ToString(CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.WriteNull("next");
                    }

                    json.WriteEndObject();
                }

                return TypedResults.Bytes(buffer.WrittenMemory.ToArray(), "application/json");
            }))
            .WithName("GetHistory").Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/catalog", (HttpContext http, [FromServices] CriteriaCatalog catalog) =>
            RunAsync(http, _ =>
            {
                var tag = $"\"catalog-{catalog.Version}\"";
                http.Response.Headers.ETag = tag;
                return Task.FromResult<IResult>(http.Request.Headers.IfNoneMatch.Any(k => k is not null && k.Split(',').Any(t => t.Trim() == tag))
                    ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                    : TypedResults.Bytes(catalog.ToUtf8Json(), "application/json"));
            }))
            .WithName("GetCatalog").Produces(StatusCodes.Status200OK, contentType: "application/json");
    }

    private static long? LongQuery(HttpContext http, string name)
    {
        var text = http.Request.Query[name].FirstOrDefault();
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new Core.Diagnostics.MiljofyrtarnException(new Core.Diagnostics.Diagnostic(Core.Diagnostics.ErrorCodes.InvalidValue, [text, "0–" + long.MaxValue.ToString(CultureInfo.InvariantCulture)], name));
    }
}
