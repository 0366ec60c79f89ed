using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Miljofyrtarn.Core.Diagnostics;
using NodaTime.Text;

namespace Miljofyrtarn.Core.Internal.Json;

/// <summary>
/// How the library writes its values as JSON text: instants and dates as ISO 8601, enums as camelCase names. The
/// contracts and the interchange documents name the converters below; the public twins in
/// <c>Miljofyrtarn.Core.Json</c> (for a host's own types) delegate to the same methods, so the two cannot drift, and the
/// contracts need not depend on the namespace that serialises them. A date or instant outside the supported range
/// (1900–2200) is refused as it is read, with <see cref="ErrorCodes.DateOutOfRange"/> at its path.
/// </summary>
internal static class IsoText
{
    public static Instant ReadInstant(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("An instant must be an ISO 8601 string such as 2024-03-01T09:00:00Z.");
        }

        var text = reader.GetString()!;
        var result = InstantPattern.ExtendedIso.Parse(text);
        return !result.Success ? throw new JsonException($"'{text}' is not an ISO 8601 instant such as 2024-03-01T09:00:00Z.")
            : SupportedRange.Contains(result.Value) ? result.Value
            : throw new JsonException("The instant is outside the supported range.", new MiljofyrtarnException(SupportedRange.OutOfRange(result.Value)));
    }

    public static void Write(Utf8JsonWriter writer, Instant value) => writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));

    public static LocalDate ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A date must be an ISO 8601 string such as 2024-03-01.");
        }

        var text = reader.GetString()!;
        var result = LocalDatePattern.Iso.Parse(text);
        return !result.Success ? throw new JsonException($"'{text}' is not an ISO 8601 date such as 2024-03-01.")
            : SupportedRange.Contains(result.Value) ? result.Value
            : throw new JsonException("The date is outside the supported range.", new MiljofyrtarnException(SupportedRange.OutOfRange(result.Value)));
    }

    public static void Write(Utf8JsonWriter writer, LocalDate value) => writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}

/// <summary><see cref="Instant"/> as ISO text; see <see cref="IsoText"/>.</summary>
internal sealed class IsoInstantConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => IsoText.ReadInstant(ref reader);

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) => IsoText.Write(writer, value);
}

/// <summary><see cref="LocalDate"/> as ISO text; see <see cref="IsoText"/>.</summary>
internal sealed class IsoLocalDateConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => IsoText.ReadDate(ref reader);

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) => IsoText.Write(writer, value);
}

/// <summary>An enum as its camelCase name, integers refused; see <see cref="IsoText"/>.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class CamelCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    public CamelCaseEnumConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}
