#if NET10_0_OR_GREATER
using System.Text.Json;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
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
    /// <summary>
    /// The NodaTime types the generator found inside <see cref="LocalDate"/> (its calendar, era and day of the week),
    /// which the JSON never carries: a date is a string.
    /// </summary>
    private static readonly string[] Internals = ["CalendarSystem", "Era", "IsoDayOfWeek"];

    public static void Describe(OpenApiOptions options)
    {
        options.AddSchemaTransformer(DescribeSchema);
        options.AddDocumentTransformer((document, _, _) =>
        {
            foreach (var name in Internals)
            {
                document.Components?.Schemas?.Remove(name);
            }

            return Task.CompletedTask;
        });
    }

    private static Task DescribeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
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
            schema.Properties = null;
            schema.Required = null;
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
            schema.OneOf = Text().OneOf;
        }
        else if (Written(type) is { } written)
        {
            // Written by the library's own converter, so the generator sees no properties: describe them.
            Describe(schema, written);
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && Written(type.GetGenericArguments()[0]) is { } items)
        {
            var element = new OpenApiSchema();
            Describe(element, items);
            schema.Items = element;
        }

        return Task.CompletedTask;
    }

    private static Dictionary<string, IOpenApiSchema>? Written(Type type) =>
        type == typeof(ThemeReadinessView) ? new()
        {
            ["theme"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["name"] = Text(),
            ["counts"] = Counts(),
        }
        : type == typeof(BlockingCriterionView) ? new()
        {
            ["criterion"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["title"] = Text(),
            ["theme"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = Enum<FulfilmentStatus>(),
            ["fulfilledBy"] = Enum<ResponsibleParty>(),
        }
        : null;

    private static void Describe(OpenApiSchema schema, Dictionary<string, IOpenApiSchema> properties)
    {
        schema.Type = JsonSchemaType.Object;
        schema.Properties = properties;
        schema.Required = new HashSet<string>(properties.Keys);
    }

    private static OpenApiSchema Text() => new()
    {
        OneOf =
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
        ],
    };

    private static OpenApiSchema Counts() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string>(CountNames),
        Properties = CountNames.ToDictionary(n => n, IOpenApiSchema (_) => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" }),
    };

    private static readonly string[] CountNames = ["notStarted", "inProgress", "fulfilled", "notApplicable", "mustTotal", "mustFulfilled", "mustNotApplicable", "mustBlocking"];

    private static OpenApiSchema Enum<T>()
        where T : struct, System.Enum => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. System.Enum.GetNames<T>().Select(n => (System.Text.Json.Nodes.JsonNode)JsonNamingPolicy.CamelCase.ConvertName(n))],
    };
}
#endif
