using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using NodaTime;

namespace Miljofyrtarn.Core.Interchange;

/// <summary>
/// An organisation's whole state (organisation, units, allocation, assessments, lifecycles, certificates, reports) as a
/// JSON document (<c>schemas/snapshot.schema.json</c>). Writing and reading gives an equal state. Reading refuses a
/// document whole, with coded errors naming the JSON path and line, including references that do not resolve.
/// </summary>
public static class SnapshotJson
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The JSON Schema (draft 2020-12) of the document, as shipped in the package.</summary>
    /// <returns>The schema document.</returns>
    public static string GetJsonSchema()
    {
        using var stream = Catalog.CriteriaCatalog.OpenResource("Miljofyrtarn.Core.snapshot.schema.json");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The <c>$schema</c> URI written into snapshot documents.</summary>
    public const string SchemaId = "https://github.com/miljofyrtarn-core/miljofyrtarn-core/schemas/snapshot.schema.json";

    /// <summary>
    /// Writes a lifecycle's state (compact UTF-8 JSON). The history is not included; store it with <see cref="HistoryJson"/>.
    /// Only a document its reader accepts is written: one larger than the reader's limit is refused.
    /// </summary>
    /// <param name="lifecycle">The lifecycle.</param>
    /// <param name="options">The limits of the reader the document is for; <see cref="InterchangeOptions.Default"/> when null.</param>
    /// <returns>The document.</returns>
    /// <exception cref="MiljofyrtarnException">The document would be larger than <see cref="InterchangeOptions.MaxBytes"/> (<see cref="ErrorCodes.DocumentTooLarge"/>).</exception>
    public static byte[] Write(OrganisationLifecycle lifecycle, InterchangeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        return InterchangeJson.Readable(InterchangeJson.Write(InterchangeWriter.Snapshot(lifecycle), c => c.SnapshotDocument), options);
    }

    /// <summary>Reads a snapshot into a lifecycle whose history starts after the snapshot's version.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="catalog">The catalog the snapshot was written with (same version).</param>
    /// <param name="clock">The clock for further actions.</param>
    /// <param name="rules">The rule book; <see cref="SchemeRuleBook.Default"/> when null.</param>
    /// <param name="options">Limits and leniency; <see cref="InterchangeOptions.Default"/> when null.</param>
    /// <returns>The lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">The document is refused; every problem is listed with its path and line.</exception>
    public static OrganisationLifecycle Read(ReadOnlyMemory<byte> utf8Json, CriteriaCatalog catalog, IClock clock, SchemeRuleBook? rules = null, InterchangeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(clock);
        options ??= InterchangeOptions.Default;
        var document = InterchangeJson.Read(utf8Json, options, c => c.SnapshotDocument);
        var reader = new InterchangeReader(options);
        var lifecycle = reader.Snapshot(document, catalog, clock, rules ?? SchemeRuleBook.Default);
        if (reader.Failed || lifecycle is null)
        {
            throw InterchangeJson.Located(utf8Json.Span, reader.Problems);
        }

        return lifecycle;
    }
}
