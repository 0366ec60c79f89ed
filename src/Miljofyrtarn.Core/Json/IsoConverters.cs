using System.Text.Json;
using System.Text.Json.Serialization;
using Miljofyrtarn.Core.Internal.Json;
using NodaTime;

namespace Miljofyrtarn.Core.Json;

/// <summary>
/// <see cref="Instant"/> as NodaTime's extended ISO text (<c>2024-03-01T09:00:00Z</c>), the form NodaTime.Serialization
/// writes. Our own because that package's converters are not trim-safe, and the library must publish with Native AOT.
/// A value that is not such a string is refused with a <see cref="JsonException"/>.
/// </summary>
public sealed class IsoInstantJsonConverter : JsonConverter<Instant>
{
    /// <inheritdoc />
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => IsoText.ReadInstant(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        IsoText.Write(writer, value);
}

/// <summary><see cref="LocalDate"/> as ISO text (<c>2024-03-01</c>); see <see cref="IsoInstantJsonConverter"/> for why it is our own.</summary>
public sealed class IsoLocalDateJsonConverter : JsonConverter<LocalDate>
{
    /// <inheritdoc />
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => IsoText.ReadDate(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        IsoText.Write(writer, value);
}
