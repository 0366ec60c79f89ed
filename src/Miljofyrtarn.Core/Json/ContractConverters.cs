using System.Text.Json;
using System.Text.Json.Serialization;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;

namespace Miljofyrtarn.Core.Json;

/// <summary>
/// <see cref="UnitId"/> as its plain string (<c>"raadhuset"</c>), not an object. Reading refuses an invalid ID with a
/// <see cref="JsonException"/> whose inner exception is the coded <see cref="MiljofyrtarnException"/>
/// (<see cref="ErrorCodes.InvalidUnitId"/>).
/// </summary>
public sealed class UnitIdJsonConverter : JsonConverter<UnitId>
{
    /// <inheritdoc />
    public override UnitId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A unit ID must be a string, converted to System.String.");
        }

        var text = reader.GetString()!;
        try
        {
            return new UnitId(text);
        }
        catch (MiljofyrtarnException refused)
        {
            throw new JsonException(refused.GetMessage(Localization.Language.English), refused);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, UnitId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);

    /// <inheritdoc />
    public override UnitId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read(ref reader, typeToConvert, options);

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, UnitId value, JsonSerializerOptions options) => writer.WritePropertyName(value.Value);
}

/// <summary>
/// An enum as its camelCase name (<c>"mappingOpen"</c>); integers are refused when reading, so a contract never
/// depends on the order of an enum's members.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class CamelCaseEnumJsonConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Creates the converter.</summary>
    public CamelCaseEnumJsonConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}

/// <summary>
/// A number read into a <see cref="double"/> must be finite: <c>1e999</c> parses as infinity, which no figure is and no
/// JSON can hold, so it is refused with <see cref="ErrorCodes.InvalidValue"/> at its path rather than accepted.
/// </summary>
internal sealed class FiniteDoubleJsonConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("The JSON value could not be converted to System.Double.");
        }

        var value = reader.GetDouble();
        if (double.IsFinite(value))
        {
            return value;
        }

        var text = System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        throw new JsonException("A number is out of range.", new MiljofyrtarnException(new Diagnostic(ErrorCodes.InvalidValue, [text, "a finite number"])));
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
