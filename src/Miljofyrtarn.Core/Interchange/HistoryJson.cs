using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;
using P = Miljofyrtarn.Core.Internal.Json.JsonPaths;

namespace Miljofyrtarn.Core.Interchange;

/// <summary>
/// An organisation's event history as a JSON document (<c>schemas/history.schema.json</c>), and single events as
/// JSON for event stores. Reading checks the document's form and refuses it whole, with coded errors naming the JSON
/// path and line; whether the events are allowed in order is checked by <see cref="OrganisationLifecycle.Replay"/>.
/// </summary>
public static class HistoryJson
{
    /// <summary>The schema version this library writes: 2, with each event's hash-chain value.</summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>The oldest schema version this library reads: 1, events without hashes, read as unverified.</summary>
    public const int OldestSchemaVersion = 1;

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

    /// <summary>
    /// Writes a history (compact UTF-8 JSON), each event with its <see cref="HistoryChain"/> hash. Only a document its
    /// reader accepts is written: one larger than the reader's limit is refused.
    /// </summary>
    /// <param name="catalogVersion">The version of the catalog the history was recorded with.</param>
    /// <param name="events">The events, in order from the first.</param>
    /// <param name="options">The limits of the reader the document is for; <see cref="InterchangeOptions.Default"/> when null.</param>
    /// <returns>The document.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// An event is null, or its sequence number or actor is one the reader would refuse, the catalog version is not the
    /// one the first event records (<see cref="ErrorCodes.HistoryBindingMismatch"/>), or the document would be larger
    /// than <see cref="InterchangeOptions.MaxBytes"/> (<see cref="ErrorCodes.DocumentTooLarge"/>).
    /// </exception>
    public static byte[] Write(string catalogVersion, IEnumerable<LifecycleEvent> events, InterchangeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events as IReadOnlyList<LifecycleEvent> ?? [.. events];
        InterchangeWriter.CheckWritable(list);
        if (list.Count > 0 && list[0] is OrganisationCreated created && created.CatalogVersion != catalogVersion)
        {
            throw Problems.Single(ErrorCodes.HistoryBindingMismatch, "catalogVersion", catalogVersion, created.CatalogVersion);
        }

        var documents = new List<EventDocument?>(list.Count);
        Span<byte> hash = stackalloc byte[HistoryChain.HashLength];
        foreach (var e in list)
        {
            var document = InterchangeWriter.Event(e);
            HistoryChain.Hash(hash, InterchangeJson.Write(document, c => c.EventDocument), hash);
            document.Hash = HistoryChain.ToHex(hash);
            documents.Add(document);
        }

        return InterchangeJson.Readable(
            InterchangeJson.Write(
                new HistoryDocument { Schema = SchemaId, SchemaVersion = CurrentSchemaVersion, CatalogVersion = catalogVersion, Events = documents },
                c => c.HistoryDocument),
            options);
    }

    /// <summary>
    /// Reads a history document and verifies its hash chain. A version 1 document (without hashes) is refused unless
    /// <see cref="InterchangeOptions.AllowUnverifiedHistory"/> is on; then it is read as unverified, and
    /// <see cref="HistoryContent.Verification"/> says so.
    /// </summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="options">Limits and leniency; <see cref="InterchangeOptions.Default"/> when null.</param>
    /// <returns>The catalog version, the events in order, and the chain's verification.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// The document is refused; every problem is listed with its path and line. A changed, deleted, inserted or
    /// reordered event is <see cref="ErrorCodes.TamperedHistory"/> at the first bad event.
    /// </exception>
    public static HistoryContent Read(ReadOnlyMemory<byte> utf8Json, InterchangeOptions? options = null)
    {
        options ??= InterchangeOptions.Default;
        var document = InterchangeJson.Read(utf8Json, options, c => c.HistoryDocument);
        var reader = new InterchangeReader(options);
        var versionOk = reader.CheckSchemaVersion(document.SchemaVersion, CurrentSchemaVersion, P.Root, OldestSchemaVersion);
        var catalog = versionOk ? reader.Required(document.CatalogVersion, P.Root, "catalogVersion") : null;
        var events = ImmutableArray.CreateBuilder<LifecycleEvent>();
        var hashed = document.SchemaVersion >= 2;
        Span<byte> chain = stackalloc byte[HistoryChain.HashLength];
        var broken = false;
        if (versionOk)
        {
            reader.Unknown(document.Unknown, P.Root);
            if (document.Events is null)
            {
                reader.Report(ErrorCodes.MissingProperty, P.Property(P.Root, "events"), "events");
            }

            for (var i = 0; i < (document.Events?.Count ?? 0); i++)
            {
                var path = P.Index(P.Property(P.Root, "events"), i);
                var d = document.Events![i];
                if (!hashed && d?.Hash is not null)
                {
                    reader.Report(ErrorCodes.UnknownProperty, P.Property(path, "hash"), "hash");
                }

                if (reader.Event(d, path) is not { } e)
                {
                    continue;
                }

                events.Add(e);
                if (hashed && !broken && d!.Hash is null)
                {
                    broken = true;
                    reader.Report(ErrorCodes.MissingProperty, P.Property(path, "hash"), "hash");
                }

                if (hashed && !broken)
                {
                    HistoryChain.Hash(chain, WriteEvent(e), chain);
                    if (!string.Equals(d!.Hash, HistoryChain.ToHex(chain), StringComparison.Ordinal))
                    {
                        // Only the first bad event is named: every hash after it differs too.
                        broken = true;
                        reader.Report(ErrorCodes.TamperedHistory, P.Property(path, "hash"), (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
            }
        }

        // The header is outside the chain; the first event, which records the catalog, is inside it.
        if (catalog is not null && events.Count > 0 && events[0] is OrganisationCreated created && created.CatalogVersion != catalog)
        {
            reader.Report(ErrorCodes.HistoryBindingMismatch, P.Property(P.Root, "catalogVersion"), "catalogVersion", catalog, created.CatalogVersion);
        }

        if (versionOk && !hashed && !options.AllowUnverifiedHistory)
        {
            reader.Report(ErrorCodes.UnverifiedHistory, P.Property(P.Root, "schemaVersion"), events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (reader.Failed)
        {
            throw InterchangeJson.Located(utf8Json.Span, reader.Problems);
        }

        var count = events.Count;
        var verification = hashed
            ? new HistoryVerification(count, HistoryChain.ToHex(chain), 0)
            : new HistoryVerification(count, HistoryChain.ComputeHead(events), count);
        return new HistoryContent(catalog!, events.ToImmutable(), verification);
    }

    /// <summary>One event as compact UTF-8 JSON, for an event store.</summary>
    /// <param name="event">The event.</param>
    /// <returns>The JSON.</returns>
    internal static byte[] WriteEvent(LifecycleEvent @event)
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
    internal static LifecycleEvent ReadEvent(ReadOnlyMemory<byte> utf8Json, InterchangeOptions? options = null)
    {
        options ??= InterchangeOptions.Default;
        var document = InterchangeJson.Read(utf8Json, options, c => c.EventDocument);
        var reader = new InterchangeReader(options);
        if (document.Hash is not null)
        {
            reader.Report(ErrorCodes.UnknownProperty, P.Property(P.Root, "hash"), "hash");
        }

        var e = reader.Event(document, P.Root);
        if (reader.Failed || e is null)
        {
            throw InterchangeJson.Located(utf8Json.Span, reader.Problems);
        }

        return e;
    }
}

/// <summary>What a history document holds: the catalog version, the events, and the verification of their hash chain.</summary>
/// <remarks>Immutable and thread-safe. What was read, compared by reference; deconstruct it into its parts.</remarks>
/// <param name="catalogVersion">The version of the catalog the history was recorded with.</param>
/// <param name="events">The events, in order.</param>
/// <param name="verification">
/// The chain head and whether the chain was proven: a version 2 document is verified event by event; a version 1
/// document has no hashes, so its head is computed now and <see cref="HistoryVerification.UnverifiedThrough"/> covers every event.
/// </param>
public sealed class HistoryContent(string catalogVersion, ImmutableArray<LifecycleEvent> events, HistoryVerification verification)
{
    /// <summary>The version of the catalog the history was recorded with.</summary>
    public string CatalogVersion { get; } = catalogVersion;

    /// <summary>The events, in order.</summary>
    public ImmutableArray<LifecycleEvent> Events { get; } = events;

    /// <summary>
    /// The chain head and whether the chain was proven: a version 2 document is verified event by event; a version 1
    /// document has no hashes, so its head is computed now and <see cref="HistoryVerification.UnverifiedThrough"/> covers every event.
    /// </summary>
    public HistoryVerification Verification { get; } = verification;

    /// <summary>Deconstructs into the catalog version, the events and the verification.</summary>
    /// <param name="catalogVersion">The catalog version.</param>
    /// <param name="events">The events.</param>
    /// <param name="verification">The verification of the hash chain.</param>
    public void Deconstruct(out string catalogVersion, out ImmutableArray<LifecycleEvent> events, out HistoryVerification verification)
    {
        (catalogVersion, events) = this;
        verification = Verification;
    }

    /// <summary>Deconstructs into the catalog version and the events.</summary>
    /// <param name="catalogVersion">The catalog version.</param>
    /// <param name="events">The events.</param>
    public void Deconstruct(out string catalogVersion, out ImmutableArray<LifecycleEvent> events)
    {
        catalogVersion = CatalogVersion;
        events = Events;
    }
}
