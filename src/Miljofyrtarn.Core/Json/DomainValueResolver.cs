using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;

namespace Miljofyrtarn.Core.Json;

/// <summary>
/// The JSON shape of the domain values the contracts carry, registered at the edge instead of on the domain types: a
/// <see cref="UnitId"/> as its plain string, a <see cref="MeasureUnit"/> by its camelCase name. The context's own options
/// list the same converters; this resolver brings them into a host's options (<see cref="MiljofyrtarnJson.Configure"/>).
/// AOT-safe.
/// </summary>
internal sealed class DomainValueResolver : IJsonTypeInfoResolver
{
    public static DomainValueResolver Instance { get; } = new();

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        if (type == typeof(UnitId))
        {
            return JsonMetadataServices.CreateValueInfo<UnitId>(options, new UnitIdJsonConverter());
        }

        if (type == typeof(MeasureUnit))
        {
            return JsonMetadataServices.CreateValueInfo<MeasureUnit>(options, new CamelCaseEnumJsonConverter<MeasureUnit>().CreateConverter(typeof(MeasureUnit), options)!);
        }

        return null;
    }
}
