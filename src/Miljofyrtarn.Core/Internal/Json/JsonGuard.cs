using System.Globalization;
using System.Text;
using System.Text.Json;
using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Core.Internal.Json;

/// <summary>
/// One forward pass over a document before it is deserialised: checks the syntax, the nesting depth and
/// duplicate property names (which System.Text.Json would otherwise accept, the last one winning).
/// Allocates a little per nesting level, nothing per value.
/// </summary>
internal static class JsonGuard
{
    /// <summary>Scans the document and returns its problems; an empty list when it is sound.</summary>
    public static List<Diagnostic> Scan(ReadOnlyMemory<byte> json, int maxDepth)
    {
        var problems = new List<Diagnostic>();
        var names = new NameTable(json);
        var frames = new List<Frame>(8);
        var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions
        {
            MaxDepth = maxDepth + 1,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });

        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        CountArrayElement(frames);
                        if (reader.CurrentDepth + 1 > maxDepth)
                        {
                            problems.Add(Located(json.Span, reader.TokenStartIndex, new Diagnostic(
                                ErrorCodes.DocumentTooDeep,
                                [maxDepth.ToString(CultureInfo.InvariantCulture)],
                                BuildPath(frames, names))));
                            return problems;
                        }

                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, names.Open(frames.Count)));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames[^1];
                        var key = names.Add(ref reader);
                        frame.Property = key;
                        frames[^1] = frame;
                        if (!frame.Names.Add(key))
                        {
                            problems.Add(Located(json.Span, reader.TokenStartIndex, new Diagnostic(
                                ErrorCodes.DuplicateProperty,
                                [names.GetString(key)],
                                BuildPath(frames, names))));
                        }

                        break;
                    default:
                        CountArrayElement(frames);
                        break;
                }
            }
        }
        catch (JsonException exception)
        {
            problems.Add(new Diagnostic(
                ErrorCodes.MalformedJson,
                [],
                BuildPath(frames, names),
                (exception.LineNumber ?? 0) + 1,
                (exception.BytePositionInLine ?? 0) + 1).WithDetail(TrimMessage(exception.Message)));
        }
        catch (InvalidOperationException exception)
        {
            // A property name whose escapes do not decode (a lone UTF-16 surrogate such as \ud800): malformed text.
            problems.Add(new Diagnostic(ErrorCodes.MalformedJson, [], BuildPath(frames, names)).WithDetail(TrimMessage(exception.Message)));
        }

        return problems;
    }

    /// <summary>Removes System.Text.Json's own "LineNumber: .. | BytePositionInLine: .." suffix, which the diagnostic carries itself.</summary>
    internal static string TrimMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        }

        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }

    internal static Diagnostic Located(ReadOnlySpan<byte> json, long offset, Diagnostic diagnostic)
    {
        var (line, column) = LineAndColumn(json, offset);
        return diagnostic.WithLocation(line, column);
    }

    internal static (long Line, long Column) LineAndColumn(ReadOnlySpan<byte> json, long offset)
    {
        var before = json[..(int)Math.Min(offset, json.Length)];
        var line = before.Count((byte)'\n') + 1;
        var lastNewLine = before.LastIndexOf((byte)'\n');
        return (line, offset - lastNewLine);
    }

    private static void CountArrayElement(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            var frame = frames[^1];
            frame.Index++;
            frames[^1] = frame;
        }
    }

    private static string BuildPath(List<Frame> frames, NameTable names)
    {
        var path = JsonPaths.Root;
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                if (frame.Index >= 0)
                {
                    path = JsonPaths.Index(path, frame.Index);
                }
            }
            else if (frame.Property is { } property)
            {
                path = JsonPaths.Property(path, names.GetString(property));
            }
        }

        return path;
    }

    private struct Frame(bool isArray, HashSet<NameKey> names)
    {
        public readonly bool IsArray = isArray;
        public readonly HashSet<NameKey> Names = names;
        public int Index = -1;
        public NameKey? Property;
    }

    /// <summary>A property name as a slice of the document, or of the side buffer for names that had escapes.</summary>
    private readonly record struct NameKey(bool Unescaped, int Start, int Length);

    /// <summary>Holds the per-depth sets of property names and compares names as UTF-8 bytes.</summary>
    private sealed class NameTable(ReadOnlyMemory<byte> json) : IEqualityComparer<NameKey>
    {
        private readonly List<HashSet<NameKey>> _setsByDepth = [];
        private byte[] _side = [];
        private int _sideLength;

        public HashSet<NameKey> Open(int depth)
        {
            while (_setsByDepth.Count <= depth)
            {
                _setsByDepth.Add(new HashSet<NameKey>(this));
            }

            var set = _setsByDepth[depth];
            set.Clear();
            return set;
        }

        public NameKey Add(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped)
            {
                // The token starts at the opening quote; the name follows it.
                return new NameKey(false, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
            }

            var needed = _sideLength + reader.ValueSpan.Length;
            if (needed > _side.Length)
            {
                Array.Resize(ref _side, Math.Max(needed, Math.Max(256, _side.Length * 2)));
            }

            var written = reader.CopyString(_side.AsSpan(_sideLength));
            var key = new NameKey(true, _sideLength, written);
            _sideLength += written;
            return key;
        }

        public string GetString(NameKey key) => Encoding.UTF8.GetString(Bytes(key));

        public bool Equals(NameKey x, NameKey y) => Bytes(x).SequenceEqual(Bytes(y));

        public int GetHashCode(NameKey obj)
        {
            var hash = default(HashCode);
            hash.AddBytes(Bytes(obj));
            return hash.ToHashCode();
        }

        private ReadOnlySpan<byte> Bytes(NameKey key) =>
            key.Unescaped ? _side.AsSpan(key.Start, key.Length) : json.Span.Slice(key.Start, key.Length);
    }
}
