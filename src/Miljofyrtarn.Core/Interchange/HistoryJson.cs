using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using P = Miljofyrtarn.Core.Internal.Json.JsonPaths;

namespace Miljofyrtarn.Core.Interchange;

/// <summary>
/// An organisation's event history as a JSON document (<c>schemas/history.schema.json</c>), and single events as
/// JSON for event stores. Reading checks the document's form and refuses it whole, with coded errors naming the JSON
/// path and line; whether the events are allowed in order is checked by <see cref="OrganisationLifecycle.Replay"/>.
/// </summary>
public static class HistoryJson
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The JSON Schema (draft 2020-12) of the document, as shipped in the package.</summary>
    /// <returns>The schema document.</returns>
    public static string GetJsonSchema()
    {
        using var stream = Catalog.CriteriaCatalog.OpenResource("Miljofyrtarn.Core.history.schema.json");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The <c>$schema</c> URI written into history documents.</summary>
    public const string SchemaId = "https://github.com/miljofyrtarn-core/miljofyrtarn-core/schemas/history.schema.json";

    /// <summary>Writes a history (compact UTF-8 JSON).</summary>
    /// <param name="catalogVersion">The version of the catalog the history was recorded with.</param>
    /// <param name="events">The events, in order.</param>
    /// <returns>The document.</returns>
    /// <exception cref="MiljofyrtarnException">An event is null, or its sequence number or actor is one the reader would refuse.</exception>
    public static byte[] Write(string catalogVersion, IEnumerable<LifecycleEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events as IReadOnlyList<LifecycleEvent> ?? [.. events];
        InterchangeWriter.CheckWritable(list);
        return InterchangeJson.Write(
            new HistoryDocument { Schema = SchemaId, SchemaVersion = CurrentSchemaVersion, CatalogVersion = catalogVersion, Events = [.. list.Select(e => (EventDocument?)InterchangeWriter.Event(e))] },
            c => c.HistoryDocument);
    }

    /// <summary>Reads a history document.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="options">Limits and leniency; <see cref="InterchangeOptions.Default"/> when null.</param>
    /// <returns>The catalog version and the events, in order.</returns>
    /// <exception cref="MiljofyrtarnException">The document is refused; every problem is listed with its path and line.</exception>
    public static (string CatalogVersion, ImmutableArray<LifecycleEvent> Events) Read(ReadOnlyMemory<byte> utf8Json, InterchangeOptions? options = null)
    {
        options ??= InterchangeOptions.Default;
        var document = InterchangeJson.Read(utf8Json, options, c => c.HistoryDocument);
        var reader = new InterchangeReader(options);
        var versionOk = reader.CheckSchemaVersion(document.SchemaVersion, CurrentSchemaVersion, P.Root);
        var catalog = versionOk ? reader.Required(document.CatalogVersion, P.Root, "catalogVersion") : null;
        var events = ImmutableArray.CreateBuilder<LifecycleEvent>();
        if (versionOk)
        {
            reader.Unknown(document.Unknown, P.Root);
            if (document.Events is null)
            {
                reader.Report(ErrorCodes.MissingProperty, P.Property(P.Root, "events"), "events");
            }

            for (var i = 0; i < (document.Events?.Count ?? 0); i++)
            {
                if (reader.Event(document.Events![i], P.Index(P.Property(P.Root, "events"), i)) is { } e)
                {
                    events.Add(e);
                }
            }
        }

        if (reader.Failed)
        {
            throw InterchangeJson.Located(utf8Json.Span, reader.Problems);
        }

        return (catalog!, events.ToImmutable());
    }

    /// <summary>One event as compact UTF-8 JSON, for an event store.</summary>
    /// <param name="event">The event.</param>
    /// <returns>The JSON.</returns>
    public static byte[] WriteEvent(LifecycleEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        InterchangeWriter.CheckWritable([@event]);
        return InterchangeJson.Write(InterchangeWriter.Event(@event), c => c.EventDocument);
    }

    /// <summary>Reads one event written by <see cref="WriteEvent"/>.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="options">Limits and leniency; <see cref="InterchangeOptions.Default"/> when null.</param>
    /// <returns>The event.</returns>
    /// <exception cref="MiljofyrtarnException">The JSON is refused.</exception>
    public static LifecycleEvent ReadEvent(ReadOnlyMemory<byte> utf8Json, InterchangeOptions? options = null)
    {
        options ??= InterchangeOptions.Default;
        var document = InterchangeJson.Read(utf8Json, options, c => c.EventDocument);
        var reader = new InterchangeReader(options);
        var e = reader.Event(document, P.Root);
        if (reader.Failed || e is null)
        {
            throw InterchangeJson.Located(utf8Json.Span, reader.Problems);
        }

        return e;
    }
}
