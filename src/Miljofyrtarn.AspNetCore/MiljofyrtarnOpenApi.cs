#if NET10_0_OR_GREATER
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Organisations;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace Miljofyrtarn.AspNetCore;

/// <summary>
/// Describes the values the library writes with its own converters, which the OpenAPI generator cannot see into:
/// IDs as patterned strings, dates as <c>format: date</c>, instants as <c>format: date-time</c>, and texts as a string or
/// an object with <c>nb</c>, <c>nn</c> and <c>en</c>. Added to every OpenAPI document of a host that calls <c>AddOpenApi()</c>.
/// </summary>
internal static class MiljofyrtarnOpenApi
{
    public static void Describe(OpenApiOptions options) => options.AddSchemaTransformer((schema, context, _) =>
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(UnitId))
        {
            schema.Type = JsonSchemaType.String;
            schema.Pattern = "^[A-Za-z0-9._-]{1,64}$";
        }
        else if (type == typeof(LocalDate))
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = "date";
            schema.Description ??= "An ISO 8601 date, for example 2027-03-01.";
        }
        else if (type == typeof(Instant))
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = "date-time";
            schema.Description ??= "An ISO 8601 instant in UTC, for example 2027-03-01T09:00:00Z.";
        }
        else if (type == typeof(ContractText))
        {
            schema.OneOf =
            [
                new OpenApiSchema { Type = JsonSchemaType.String },
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "nb", "nn", "en" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["nb"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["nn"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["en"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
            ];
        }

        return Task.CompletedTask;
    });
}
#endif
