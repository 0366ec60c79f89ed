using System.Text.Json;
using System.Text.Json.Serialization;

namespace Miljofyrtarn.Core.Contracts;

/// <summary>
/// <see cref="ContractText"/> as a plain string when it carries one language, or as <c>{"nb": …, "nn": …, "en": …}</c>
/// when it carries all three. Reads both forms.
/// </summary>
internal sealed class ContractTextJsonConverter : JsonConverter<ContractText>
{
    /// <inheritdoc />
    public override ContractText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return ContractText.Of(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A text must be a string or an object with nb, nn and en, converted to System.String.");
        }

        string? nb = null, nn = null, en = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("A text's versions must be strings, converted to System.String.");
            switch (name)
            {
                case "nb": nb = value; break;
                case "nn": nn = value; break;
                case "en": en = value; break;
                default: throw new JsonException($"The JSON property '{name}' could not be mapped to any .NET member contained in type 'ContractText'.");
            }
        }

        return nb is not null && nn is not null && en is not null
            ? ContractText.Of(nb, nn, en)
            : throw new JsonException("A text object needs nb, nn and en, converted to System.String.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ContractText value, JsonSerializerOptions options)
    {
        if (!value.HasAllLanguages)
        {
            writer.WriteStringValue(value.Text ?? string.Empty);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("nb"u8, value.Bokmal);
        writer.WriteString("nn"u8, value.Nynorsk);
        writer.WriteString("en"u8, value.English);
        writer.WriteEndObject();
    }
}
