using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Reporting;
using static Miljofyrtarn.Core.Interchange.InterchangeVocabulary;
using P = Miljofyrtarn.Core.Internal.Json.JsonPaths;

namespace Miljofyrtarn.Core.Interchange;

/// <summary>
/// Emission-factor sets as JSON documents (<c>schemas/emission-factors.schema.json</c>), so a host loads a set built
/// from another publisher's figures (for example UK DESNZ's flat file for flights and waste) in the library's format.
/// </summary>
/// <remarks>Thread-safe (static, stateless).</remarks>
public static class EmissionFactorSetJson
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The <c>$schema</c> URI written into the documents.</summary>
    public const string SchemaId = "https://github.com/miljofyrtarn-core/miljofyrtarn-core/schemas/emission-factors.schema.json";

    /// <summary>The JSON Schema (draft 2020-12) of the documents.</summary>
    /// <returns>The schema's text.</returns>
    public static string GetJsonSchema() => Schemas.Read("emission-factors");

    /// <summary>Writes a set (compact UTF-8 JSON).</summary>
    /// <param name="set">The set.</param>
    /// <returns>The document.</returns>
    public static byte[] Write(EmissionFactorSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return InterchangeJson.Write(new FactorSetDocument
        {
            Schema = SchemaId,
            SchemaVersion = CurrentSchemaVersion,
            Id = set.Id,
            Publisher = set.Publisher,
            Year = set.Year,
            PublishedOn = set.PublishedOn,
            Region = set.Region,
            GwpSet = set.GwpSet,
            Licence = set.Licence,
            Url = set.Url,
            Factors = [.. set.Factors.Select(f => (FactorDocument?)new FactorDocument
            {
                Activity = f.Activity,
                Unit = MeasureUnits.Name(f.Unit),
                KgCo2ePerUnit = f.KilogramsCo2ePerUnit,
                Scope = Scopes.Name(f.Scope),
                Origin = f.Origin == CarbonOrigin.Fossil ? null : Origins.Name(f.Origin),
                Method = f.Method is { } method ? Methods.Name(method) : null,
                Scope3Category = f.Scope3Category,
                Source = f.Source,
            })],
        }, c => c.FactorSetDocument);
    }

    /// <summary>Reads a set.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="options">Limits and leniency; <see cref="InterchangeOptions.Default"/> when null.</param>
    /// <returns>The set.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// The document is refused; every problem is listed with its path and line, among them two factors for one activity
    /// (<see cref="ErrorCodes.DuplicateEmissionFactor"/>).
    /// </exception>
    public static EmissionFactorSet Read(ReadOnlyMemory<byte> utf8Json, InterchangeOptions? options = null)
    {
        options ??= InterchangeOptions.Default;
        var d = InterchangeJson.Read(utf8Json, options, c => c.FactorSetDocument);
        var reader = new InterchangeReader(options);
        var factors = ImmutableArray.CreateBuilder<EmissionFactor>();
        EmissionFactorSet? set = null;
        if (reader.CheckSchemaVersion(d.SchemaVersion, CurrentSchemaVersion, P.Root))
        {
            reader.Unknown(d.Unknown, P.Root);
            var id = reader.Required(d.Id, P.Root, "id");
            var publisher = reader.Required(d.Publisher, P.Root, "publisher");
            var year = reader.Required(d.Year, P.Root, "year");
            var published = reader.Required(d.PublishedOn, P.Root, "publishedOn");
            var region = reader.Required(d.Region, P.Root, "region");
            var gwp = reader.Required(d.GwpSet, P.Root, "gwpSet");
            var licence = reader.Required(d.Licence, P.Root, "licence");
            var url = reader.Required(d.Url, P.Root, "url");
            var seen = new HashSet<(string, Scope2Method?)>();
            for (var i = 0; i < (reader.RequiredObject(d.Factors, P.Root, "factors")?.Count ?? 0); i++)
            {
                var path = P.Index(P.Property(P.Root, "factors"), i);
                if (Factor(reader, d.Factors![i], path) is { } factor)
                {
                    if (!seen.Add((factor.Activity, factor.Method)))
                    {
                        reader.Report(ErrorCodes.DuplicateEmissionFactor, P.Property(path, "activity"), factor.Activity, $"{year}", region ?? string.Empty);
                    }

                    factors.Add(factor);
                }
            }

            if (!reader.Failed)
            {
                set = reader.Construct(() => EmissionFactorSet.Create(id!, publisher!, year!.Value, published!.Value, region!, gwp!, licence!, url!, factors.ToImmutable()), P.Root);
            }
        }

        if (reader.Failed || set is null)
        {
            throw InterchangeJson.Located(utf8Json.Span, reader.Problems);
        }

        return set;
    }

    private static EmissionFactor? Factor(InterchangeReader reader, FactorDocument? d, string path)
    {
        if (d is null)
        {
            reader.Report(ErrorCodes.MissingProperty, path, "factor");
            return null;
        }

        reader.Unknown(d.Unknown, path);
        var activity = reader.Required(d.Activity, path, "activity");
        var unit = reader.Enum(d.Unit, path, "unit", MeasureUnits);
        var kilograms = reader.Required(d.KgCo2ePerUnit, path, "kgCo2ePerUnit");
        var scope = reader.Enum(d.Scope, path, "scope", Scopes);
        var origin = d.Origin is null ? CarbonOrigin.Fossil : reader.Enum(d.Origin, path, "origin", Origins);
        Scope2Method? method = d.Method is null ? null : reader.Enum(d.Method, path, "method", Methods);
        return activity is null || unit is null || kilograms is null || scope is null || origin is null || (d.Method is not null && method is null)
            ? null
            : reader.Construct(() => new EmissionFactor(activity, unit.Value, kilograms.Value, scope.Value, origin.Value, method, d.Scope3Category, d.Source), path);
    }
}
