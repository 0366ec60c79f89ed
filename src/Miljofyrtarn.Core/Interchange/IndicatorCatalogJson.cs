using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Reporting;
using static Miljofyrtarn.Core.Interchange.InterchangeVocabulary;
using P = Miljofyrtarn.Core.Internal.Json.JsonPaths;

namespace Miljofyrtarn.Core.Interchange;

/// <summary>
/// Indicator catalogs as JSON documents (<c>schemas/indicators.schema.json</c>): the standard indicators of a report
/// year, or an organisation's own, with the same limits, coded errors, paths and line numbers as the other documents.
/// </summary>
/// <remarks>Thread-safe (static, stateless).</remarks>
public static class IndicatorCatalogJson
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The <c>$schema</c> URI written into the documents.</summary>
    public const string SchemaId = "https://github.com/miljofyrtarn-core/miljofyrtarn-core/schemas/indicators.schema.json";

    /// <summary>The JSON Schema (draft 2020-12) of the documents.</summary>
    /// <returns>The schema's text.</returns>
    public static string GetJsonSchema() => Schemas.Read("indicators");

    /// <summary>Writes a catalog (compact UTF-8 JSON).</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The document.</returns>
    public static byte[] Write(IndicatorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return InterchangeJson.Write(new IndicatorCatalogDocument
        {
            Schema = SchemaId,
            SchemaVersion = CurrentSchemaVersion,
            Version = catalog.Version,
            Indicators = [.. catalog.Indicators.Select(i => (IndicatorDocument?)new IndicatorDocument
            {
                Code = i.Code,
                Theme = IndicatorThemes.Name(i.Theme),
                Name = new NameDocument { Nb = i.Name.Bokmal, Nn = i.Name.Nynorsk, En = i.Name.English },
                Unit = MeasureUnits.Name(i.Unit),
                Mandatory = i.IsMandatory ? true : null,
                MandatoryForSets = i.MandatoryForSets.IsEmpty ? null : [.. i.MandatoryForSets],
                FirstYear = i.FirstYear,
                LastYear = i.LastYear,
                ReplacedBy = i.ReplacedBy,
                Activity = i.Activity,
                Role = i.Role == IndicatorRole.None ? null : IndicatorRoles.Name(i.Role),
                KilowattHoursPerUnit = i.KilowattHoursPerUnit,
            })],
        }, c => c.IndicatorCatalogDocument);
    }

    /// <summary>Reads a catalog.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="options">Limits and leniency; <see cref="InterchangeOptions.Default"/> when null.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="MiljofyrtarnException">The document is refused; every problem is listed with its path and line.</exception>
    public static IndicatorCatalog Read(ReadOnlyMemory<byte> utf8Json, InterchangeOptions? options = null)
    {
        options ??= InterchangeOptions.Default;
        var document = InterchangeJson.Read(utf8Json, options, c => c.IndicatorCatalogDocument);
        var reader = new InterchangeReader(options);
        var indicators = ImmutableArray.CreateBuilder<Indicator>();
        string? version = null;
        if (reader.CheckSchemaVersion(document.SchemaVersion, CurrentSchemaVersion, P.Root))
        {
            reader.Unknown(document.Unknown, P.Root);
            version = reader.Required(document.Version, P.Root, "version");
            var codes = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < (reader.RequiredObject(document.Indicators, P.Root, "indicators")?.Count ?? 0); i++)
            {
                var path = P.Index(P.Property(P.Root, "indicators"), i);
                if (Indicator(reader, document.Indicators![i], path) is not { } indicator)
                {
                    continue;
                }

                if (!codes.Add(indicator.Code))
                {
                    reader.Report(ErrorCodes.DuplicateIndicator, P.Property(path, "code"), indicator.Code);
                }

                indicators.Add(indicator);
            }

            for (var i = 0; i < indicators.Count; i++)
            {
                if (indicators[i].ReplacedBy is { } replacement && !codes.Contains(replacement))
                {
                    reader.Report(ErrorCodes.UnknownIndicator, P.Property(P.Index(P.Property(P.Root, "indicators"), i), "replacedBy"), replacement);
                }
            }
        }

        if (reader.Failed)
        {
            throw InterchangeJson.Located(utf8Json.Span, reader.Problems);
        }

        return IndicatorCatalog.Create(version!, indicators.ToImmutable());
    }

    private static Indicator? Indicator(InterchangeReader reader, IndicatorDocument? d, string path)
    {
        if (d is null)
        {
            reader.Report(ErrorCodes.MissingProperty, path, "indicator");
            return null;
        }

        reader.Unknown(d.Unknown, path);
        var code = reader.Required(d.Code, path, "code");
        var theme = reader.Enum(d.Theme, path, "theme", IndicatorThemes);
        var unit = reader.Enum(d.Unit, path, "unit", MeasureUnits);
        var role = d.Role is null ? IndicatorRole.None : reader.Enum(d.Role, path, "role", IndicatorRoles);
        LocalizedText? name = null;
        if (reader.RequiredObject(d.Name, path, "name") is { } n)
        {
            var at = P.Property(path, "name");
            reader.Unknown(n.Unknown, at);
            var nb = reader.Required(n.Nb, at, "nb");
            var blank = false;
            foreach (var (language, text) in new[] { ("nn", n.Nn), ("en", n.En) })
            {
                if (text is not null && string.IsNullOrWhiteSpace(text))
                {
                    reader.Report(ErrorCodes.BlankText, P.Property(at, language), language);
                    blank = true;
                }
            }

            name = nb is null || blank ? null : new LocalizedText(nb, n.Nn, n.En);
        }

        var sets = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < (d.MandatoryForSets?.Count ?? 0); i++)
        {
            if (reader.Required(d.MandatoryForSets![i], P.Property(path, "mandatoryForSets"), i.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } set)
            {
                sets.Add(set);
            }
        }

        return code is null || theme is null || unit is null || role is null || name is null
            ? null
            : reader.Construct(() => new Indicator(code, theme.Value, name, unit.Value, d.Mandatory ?? false, sets.ToImmutable(), d.FirstYear, d.LastYear, d.ReplacedBy, d.Activity, role.Value, d.KilowattHoursPerUnit), path);
    }
}
