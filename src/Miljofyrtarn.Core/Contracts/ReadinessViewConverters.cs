using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Resolution;

namespace Miljofyrtarn.Core.Contracts;

/// <summary>
/// The two contracts a large readiness consists of (one per theme and one per blocking criterion of every unit), written
/// directly with pre-encoded names: the generated serializer cannot take its fast path for records whose properties have
/// converters, and these are thousands per response. Read back strictly, as the generated code would: every property
/// required, none unknown.
/// </summary>
internal static class ReadinessJson
{
    public static readonly JsonEncodedText Theme = JsonEncodedText.Encode("theme");
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    public static readonly JsonEncodedText Counts = JsonEncodedText.Encode("counts");
    public static readonly JsonEncodedText Criterion = JsonEncodedText.Encode("criterion");
    public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    public static readonly JsonEncodedText FulfilledBy = JsonEncodedText.Encode("fulfilledBy");

    private static readonly JsonEncodedText[] Statuses = Names<FulfilmentStatus>();
    private static readonly JsonEncodedText[] Parties = Names<ResponsibleParty>();

    public static void WriteStatus(Utf8JsonWriter writer, FulfilmentStatus status) => writer.WriteString(Status, Statuses[(int)status]);

    public static void WriteParty(Utf8JsonWriter writer, ResponsibleParty party) => writer.WriteString(FulfilledBy, Parties[(int)party]);

    public static T ReadEnum<T>(ref Utf8JsonReader reader)
        where T : struct, Enum
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var names = Names<T>();
            for (var i = 0; i < names.Length; i++)
            {
                if (reader.ValueTextEquals(names[i].EncodedUtf8Bytes))
                {
                    return Enum.GetValues<T>()[i];
                }
            }
        }

        throw new JsonException($"The JSON value could not be converted to {typeof(T).FullName}.");
    }

    public static void Unknown(ref Utf8JsonReader reader, string type) =>
        throw new JsonException($"The JSON property '{reader.GetString()}' could not be mapped to any .NET member contained in type '{type}'.");

    public static JsonException Missing(string type, string property) =>
        new($"JSON deserialization for type '{type}' was missing required properties including: '{property}'.");

    public static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"The JSON value could not be converted to {(token == JsonTokenType.StartObject ? "System.Object" : "System.String")}.");
        }
    }

    private static JsonEncodedText[] Names<T>()
        where T : struct, Enum =>
        [.. Enum.GetNames<T>().Select(n => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(n)))];
}

/// <summary>Writes and reads <see cref="BlockingCriterionView"/>.</summary>
internal sealed class BlockingCriterionViewJsonConverter : JsonConverter<BlockingCriterionView>
{
    private static readonly ContractTextJsonConverter Text = new();

    public override BlockingCriterionView Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ReadinessJson.Expect(ref reader, JsonTokenType.StartObject);
        int? criterion = null;
        ContractText? title = null;
        string? theme = null;
        FulfilmentStatus? status = null;
        ResponsibleParty? party = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(ReadinessJson.Criterion.EncodedUtf8Bytes))
            {
                reader.Read();
                criterion = reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : throw new JsonException("The JSON value could not be converted to System.Int32.");
            }
            else if (reader.ValueTextEquals(ReadinessJson.Title.EncodedUtf8Bytes))
            {
                reader.Read();
                title = Text.Read(ref reader, typeof(ContractText), options);
            }
            else if (reader.ValueTextEquals(ReadinessJson.Theme.EncodedUtf8Bytes))
            {
                reader.Read();
                ReadinessJson.Expect(ref reader, JsonTokenType.String);
                theme = reader.GetString();
            }
            else if (reader.ValueTextEquals(ReadinessJson.Status.EncodedUtf8Bytes))
            {
                reader.Read();
                status = ReadinessJson.ReadEnum<FulfilmentStatus>(ref reader);
            }
            else if (reader.ValueTextEquals(ReadinessJson.FulfilledBy.EncodedUtf8Bytes))
            {
                reader.Read();
                party = ReadinessJson.ReadEnum<ResponsibleParty>(ref reader);
            }
            else
            {
                ReadinessJson.Unknown(ref reader, nameof(BlockingCriterionView));
            }
        }

        return new BlockingCriterionView(
            criterion ?? throw ReadinessJson.Missing(nameof(BlockingCriterionView), "criterion"),
            title ?? throw ReadinessJson.Missing(nameof(BlockingCriterionView), "title"),
            theme ?? throw ReadinessJson.Missing(nameof(BlockingCriterionView), "theme"),
            status ?? throw ReadinessJson.Missing(nameof(BlockingCriterionView), "status"),
            party ?? throw ReadinessJson.Missing(nameof(BlockingCriterionView), "fulfilledBy"));
    }

    public override void Write(Utf8JsonWriter writer, BlockingCriterionView value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber(ReadinessJson.Criterion, value.Criterion);
        writer.WritePropertyName(ReadinessJson.Title);
        Text.Write(writer, value.Title, options);
        writer.WriteString(ReadinessJson.Theme, value.Theme);
        ReadinessJson.WriteStatus(writer, value.Status);
        ReadinessJson.WriteParty(writer, value.FulfilledBy);
        writer.WriteEndObject();
    }
}

/// <summary>Writes and reads <see cref="ThemeReadinessView"/>; its counts through the generated metadata.</summary>
internal sealed class ThemeReadinessViewJsonConverter : JsonConverter<ThemeReadinessView>
{
    private static readonly ContractTextJsonConverter Text = new();

    public override ThemeReadinessView Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ReadinessJson.Expect(ref reader, JsonTokenType.StartObject);
        string? theme = null;
        ContractText? name = null;
        CountsView? counts = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(ReadinessJson.Theme.EncodedUtf8Bytes))
            {
                reader.Read();
                ReadinessJson.Expect(ref reader, JsonTokenType.String);
                theme = reader.GetString();
            }
            else if (reader.ValueTextEquals(ReadinessJson.Name.EncodedUtf8Bytes))
            {
                reader.Read();
                name = Text.Read(ref reader, typeof(ContractText), options);
            }
            else if (reader.ValueTextEquals(ReadinessJson.Counts.EncodedUtf8Bytes))
            {
                reader.Read();
                counts = JsonSerializer.Deserialize(ref reader, CountsInfo(options));
            }
            else
            {
                ReadinessJson.Unknown(ref reader, nameof(ThemeReadinessView));
            }
        }

        return new ThemeReadinessView(
            theme ?? throw ReadinessJson.Missing(nameof(ThemeReadinessView), "theme"),
            name ?? throw ReadinessJson.Missing(nameof(ThemeReadinessView), "name"),
            counts ?? throw ReadinessJson.Missing(nameof(ThemeReadinessView), "counts"));
    }

    public override void Write(Utf8JsonWriter writer, ThemeReadinessView value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(ReadinessJson.Theme, value.Theme);
        writer.WritePropertyName(ReadinessJson.Name);
        Text.Write(writer, value.Name, options);
        writer.WritePropertyName(ReadinessJson.Counts);
        JsonSerializer.Serialize(writer, value.Counts, CountsInfo(options));
        writer.WriteEndObject();
    }

    /// <summary>The counts' contract from the caller's options (the library's context under <c>MiljofyrtarnJson.Options</c>).</summary>
    private static JsonTypeInfo<CountsView> CountsInfo(JsonSerializerOptions options) => (JsonTypeInfo<CountsView>)options.GetTypeInfo(typeof(CountsView));
}
