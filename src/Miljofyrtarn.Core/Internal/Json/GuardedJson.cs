using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Core.Internal.Json;

/// <summary>
/// The read path every document shares: the size limit, a byte order mark, the guard pass where the serializer cannot
/// refuse duplicate names itself (before .NET 10), deserialisation, and a coded, located explanation of any failure.
/// </summary>
internal static class GuardedJson
{
    /// <summary>Reads a whole stream within the size limit into a pooled buffer, and reads the bytes while the buffer is alive.</summary>
    public static TResult ReadStream<TResult>(Stream stream, int maxBytes, Func<IReadOnlyList<Diagnostic>, Exception> fail, Func<ReadOnlyMemory<byte>, TResult> read)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!BoundedReader.TryReadAll(stream, maxBytes, out var buffer, out var length))
        {
            throw fail([TooLarge(maxBytes)]);
        }

        try
        {
            return read(buffer.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Deserialises a document; the returned document is sound JSON of the right shape, not yet checked for meaning.</summary>
    public static T Read<T>(ReadOnlyMemory<byte> utf8, int maxBytes, int maxDepth, JsonTypeInfo<T> type, Func<IReadOnlyList<Diagnostic>, Exception> fail)
        where T : class
    {
        if (utf8.Length > maxBytes)
        {
            throw fail([TooLarge(maxBytes)]);
        }

        utf8 = BoundedReader.SkipBom(utf8);
#if !NET10_0_OR_GREATER
        // Before .NET 10 the serializer silently accepts duplicate property names (the last wins), so a guard pass
        // checks syntax, depth and duplicates first. On .NET 10 the serializer refuses them itself, and the guard
        // runs only to explain a failure.
        var guard = JsonGuard.Scan(utf8, maxDepth);
        if (guard.Count > 0)
        {
            throw fail(guard);
        }
#endif
        try
        {
            return JsonSerializer.Deserialize(utf8.Span, type) ?? throw fail([new Diagnostic(ErrorCodes.MissingProperty, ["document"], JsonPaths.Root)]);
        }
        catch (JsonException exception)
        {
            throw fail(JsonFailure.Explain(utf8, maxDepth, exception));
        }
    }

    /// <summary>Adds the line and column of each problem's path.</summary>
    public static List<Diagnostic> Locate(ReadOnlySpan<byte> utf8, IReadOnlyList<Diagnostic> problems)
    {
        utf8 = utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
        var locations = JsonLocator.Locate(utf8, problems.Where(p => p.Path is not null).Select(p => p.Path!));
        return [.. problems.Select(p => p.Path is not null && locations.TryGetValue(p.Path, out var at) ? p.WithLocation(at.Line, at.Column) : p)];
    }

    private static Diagnostic TooLarge(int maxBytes) =>
        new(ErrorCodes.DocumentTooLarge, [maxBytes.ToString(CultureInfo.InvariantCulture)], JsonPaths.Root);
}
