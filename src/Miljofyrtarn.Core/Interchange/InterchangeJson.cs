using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Internal.Json;

namespace Miljofyrtarn.Core.Interchange;

/// <summary>The source-generated metadata with NodaTime's ISO converters, and the guarded read path shared by the documents.</summary>
internal static class InterchangeJson
{
    private static readonly ConcurrentDictionary<int, InterchangeJsonContext> ByDepth = new();

    public static InterchangeJsonContext Context(int maxDepth = 64) =>
        ByDepth.GetOrAdd(maxDepth, static depth =>
        {
            // Start from the generated options (camelCase, strict numbers, no comments) and add the limits and the ISO converters.
            var options = new JsonSerializerOptions(InterchangeJsonContext.Default.Options)
            {
                MaxDepth = depth,
#if NET10_0_OR_GREATER
                AllowDuplicateProperties = false,
#endif
            };
            options.Converters.Add(new IsoInstantConverter());
            options.Converters.Add(new IsoLocalDateConverter());
            return new InterchangeJsonContext(options);
        });

    /// <summary>Checks size, syntax, depth and duplicate names, and deserialises; every failure is a coded diagnostic with path and line.</summary>
    public static T Read<T>(ReadOnlyMemory<byte> utf8, InterchangeOptions options, Func<InterchangeJsonContext, JsonTypeInfo<T>> type)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        return GuardedJson.Read(utf8, options.MaxBytes, options.MaxDepth, type(Context(options.MaxDepth)), static problems => new MiljofyrtarnException(problems));
    }

    public static byte[] Write<T>(T document, Func<InterchangeJsonContext, JsonTypeInfo<T>> type) =>
        JsonSerializer.SerializeToUtf8Bytes(document, type(Context()));

    /// <summary>A written document, refused when its reader with these options would refuse it for its size.</summary>
    public static byte[] Readable(byte[] document, InterchangeOptions? options)
    {
        var max = (options ?? InterchangeOptions.Default).MaxBytes;
        return document.Length <= max ? document : throw Problems.Single(ErrorCodes.DocumentTooLarge, max);
    }

    /// <summary>Adds line numbers to the problems of a document that parsed.</summary>
    public static MiljofyrtarnException Located(ReadOnlySpan<byte> utf8, IReadOnlyList<Diagnostic> problems) => new(GuardedJson.Locate(utf8, problems));

}
