using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Internal.Json;
using NodaTime.Serialization.SystemTextJson;

namespace Miljofyrtarn.Core.Interchange;

/// <summary>The source-generated metadata with NodaTime's ISO converters, and the guarded read path shared by the documents.</summary>
internal static class InterchangeJson
{
    private static readonly ConcurrentDictionary<int, InterchangeJsonContext> ByDepth = new();

    public static InterchangeJsonContext Context(int maxDepth = 64) =>
        ByDepth.GetOrAdd(maxDepth, static depth =>
        {
            // Start from the generated options (camelCase, strict numbers, no comments) and add the limits and NodaTime.
            var options = new JsonSerializerOptions(InterchangeJsonContext.Default.Options)
            {
                MaxDepth = depth,
#if NET10_0_OR_GREATER
                AllowDuplicateProperties = false,
#endif
            };
            options.Converters.Add(NodaConverters.InstantConverter);
            options.Converters.Add(NodaConverters.LocalDateConverter);
            return new InterchangeJsonContext(options);
        });

    /// <summary>Reads a whole stream within the size limit.</summary>
    public static T Read<T>(Stream stream, InterchangeOptions options, Func<InterchangeJsonContext, JsonTypeInfo<T>> type)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!BoundedReader.TryReadAll(stream, options.MaxBytes, out var buffer, out var length))
        {
            throw TooLarge(options);
        }

        try
        {
            return Read(buffer.AsMemory(0, length), options, type);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Checks size, syntax, depth and duplicate names, and deserialises; every failure is a coded diagnostic with path and line.</summary>
    public static T Read<T>(ReadOnlyMemory<byte> utf8, InterchangeOptions options, Func<InterchangeJsonContext, JsonTypeInfo<T>> type)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        if (utf8.Length > options.MaxBytes)
        {
            throw TooLarge(options);
        }

        utf8 = BoundedReader.SkipBom(utf8);
#if !NET10_0_OR_GREATER
        var guard = JsonGuard.Scan(utf8, options.MaxDepth);
        if (guard.Count > 0)
        {
            throw new MiljofyrtarnException(guard);
        }
#endif
        try
        {
            return JsonSerializer.Deserialize(utf8.Span, type(Context(options.MaxDepth)))
                ?? throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.MissingProperty, ["document"], JsonPaths.Root));
        }
        catch (JsonException exception)
        {
            throw new MiljofyrtarnException(JsonFailure.Explain(utf8, options.MaxDepth, exception));
        }
    }

    public static byte[] Write<T>(T document, Func<InterchangeJsonContext, JsonTypeInfo<T>> type) =>
        JsonSerializer.SerializeToUtf8Bytes(document, type(Context()));

    /// <summary>Adds line numbers to the problems of a document that parsed.</summary>
    public static MiljofyrtarnException Located(ReadOnlySpan<byte> utf8, IReadOnlyList<Diagnostic> problems)
    {
        var locations = JsonLocator.Locate(BoundedReaderSkip(utf8), problems.Where(p => p.Path is not null).Select(p => p.Path!));
        return new MiljofyrtarnException([.. problems.Select(p => p.Path is not null && locations.TryGetValue(p.Path, out var at) ? p.WithLocation(at.Line, at.Column) : p)]);
    }

    private static ReadOnlySpan<byte> BoundedReaderSkip(ReadOnlySpan<byte> utf8) => utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;

    private static MiljofyrtarnException TooLarge(InterchangeOptions options) =>
        new(new Diagnostic(ErrorCodes.DocumentTooLarge, [options.MaxBytes.ToString(CultureInfo.InvariantCulture)], JsonPaths.Root));
}
