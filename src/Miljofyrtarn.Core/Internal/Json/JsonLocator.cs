using System.Text.Json;

namespace Miljofyrtarn.Core.Internal.Json;

/// <summary>
/// Finds the line and column of JSON paths in a well-formed document. Used only after validation has
/// found problems, so a successful load pays nothing for line numbers.
/// </summary>
internal static class JsonLocator
{
    /// <summary>
    /// Locates each path. A path that is not in the document (a missing property) gets the location of
    /// its nearest ancestor that is. Paths that cannot be located at all are left out.
    /// </summary>
    public static Dictionary<string, (long Line, long Column)> Locate(ReadOnlySpan<byte> json, IEnumerable<string> paths)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            for (var p = path; p.Length > 0; p = Parent(p))
            {
                wanted.Add(p);
            }
        }

        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        var stack = new List<Frame>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = CatalogMaxDepth });
        while (TryRead(ref reader))
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var top = stack[^1];
                    top.PropertyPath = JsonPaths.Property(top.Path, NameOf(ref reader));
                    stack[^1] = top;
                    Record(top.PropertyPath, reader.TokenStartIndex);
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    stack.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, ValuePath(reader.TokenStartIndex)));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.RemoveAt(stack.Count - 1);
                    break;
                default:
                    ValuePath(reader.TokenStartIndex);
                    break;
            }
        }

        var result = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        foreach (var path in wanted)
        {
            for (var p = path; p.Length > 0; p = Parent(p))
            {
                if (found.TryGetValue(p, out var offset))
                {
                    result[path] = JsonGuard.LineAndColumn(json, offset);
                    break;
                }
            }
        }

        return result;

        string ValuePath(long offset)
        {
            if (stack.Count == 0)
            {
                Record(JsonPaths.Root, offset);
                return JsonPaths.Root;
            }

            var top = stack[^1];
            if (!top.IsArray)
            {
                return top.PropertyPath ?? top.Path;
            }

            top.Index++;
            stack[^1] = top;
            var path = JsonPaths.Index(top.Path, top.Index);
            Record(path, offset);
            return path;
        }

        void Record(string path, long offset)
        {
            if (wanted.Contains(path))
            {
                found.TryAdd(path, offset);
            }
        }
    }

    private const int CatalogMaxDepth = 1024;

    /// <summary>Reads the next token; a document that turns out malformed ends the walk with what was found so far.</summary>
    private static bool TryRead(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A property name; one that is not valid UTF-8 is decoded with replacement characters rather than refused.</summary>
    private static string NameOf(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
        }
    }

    /// <summary>The parent of a path, or an empty string for the root.</summary>
    internal static string Parent(string path)
    {
        if (path.Length <= 1)
        {
            return string.Empty;
        }

        var cut = path[^1] == ']' ? path.LastIndexOf('[') : path.LastIndexOf('.');
        return cut <= 0 ? JsonPaths.Root : path[..cut];
    }

    private struct Frame(bool isArray, string path)
    {
        public readonly bool IsArray = isArray;
        public readonly string Path = path;
        public int Index = -1;
        public string? PropertyPath;
    }
}
