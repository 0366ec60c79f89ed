using System.Text;
using System.Text.Json.Nodes;

namespace Miljofyrtarn.Fuzz;

/// <summary>Mutations of a valid JSON document, at the byte level and at the level of its structure.</summary>
internal sealed class Mutator(Random random)
{
    private static readonly string[] OddTexts =
    [
        "\u0000", "\uFEFF", "\u202E", "æøå", "𝔐", "\\ud800", "\\u0000", "\"", "\\", "1e999999", "-0", "9223372036854775808",
        "99999-12-31", "9999-12-31T23:30:00Z", "0000-00-00", "NaN", "true", "null", "[]", "{}", new string('a', 5000),
    ];

    public byte[] Mutate(byte[] seed)
    {
        var rounds = 1 + random.Next(3);
        var bytes = seed;
        for (var i = 0; i < rounds; i++)
        {
            bytes = random.Next(12) switch
            {
                0 => FlipByte(bytes),
                1 => Truncate(bytes),
                2 => DeleteRange(bytes),
                3 => DuplicateRange(bytes),
                4 => DeepNesting(bytes),
                5 => InsertOdd(bytes),
                6 => InvalidUtf8(bytes),
                _ => TryStructural(bytes) ?? FlipByte(bytes),
            };
        }

        return bytes;
    }

    private byte[] FlipByte(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        if (copy.Length > 0)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private byte[] Truncate(byte[] bytes) => bytes[..random.Next(bytes.Length + 1)];

    private byte[] DeleteRange(byte[] bytes)
    {
        var start = random.Next(bytes.Length + 1);
        var length = Math.Min(random.Next(64), bytes.Length - start);
        return [.. bytes[..start], .. bytes[(start + length)..]];
    }

    private byte[] DuplicateRange(byte[] bytes)
    {
        var start = random.Next(bytes.Length + 1);
        var length = Math.Min(random.Next(128), bytes.Length - start);
        return [.. bytes[..(start + length)], .. bytes[start..]];
    }

    private byte[] DeepNesting(byte[] bytes)
    {
        var depth = random.Next(10, 3000);
        var at = random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)), .. bytes[at..]];
    }

    private byte[] InsertOdd(byte[] bytes)
    {
        var at = random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. Encoding.UTF8.GetBytes(OddTexts[random.Next(OddTexts.Length)]), .. bytes[at..]];
    }

    private byte[] InvalidUtf8(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        var quote = Array.IndexOf(copy, (byte)'"', random.Next(Math.Max(1, copy.Length)));
        if (quote >= 0 && quote + 2 < copy.Length)
        {
            copy[quote + 1] = (byte)(random.Next(2) == 0 ? 0xC3 : 0x80);
            copy[quote + 2] = 0x28;
        }

        return copy;
    }

    private byte[]? TryStructural(byte[] bytes)
    {
        try
        {
            return Structural(bytes);
        }
        catch (Exception)
        {
            // An earlier mutation made a document JsonNode cannot edit (a duplicate key, say): mutate by bytes instead.
            return null;
        }
    }

    /// <summary>Edits of the tree: values swapped, replaced, nulled, turned into strings; keys duplicated; array items reordered.</summary>
    private byte[]? Structural(byte[] bytes)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes);
        }
        catch (Exception)
        {
            return null;
        }

        if (root is null)
        {
            return null;
        }

        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        if (nodes.Count < 2)
        {
            return null;
        }

        var node = nodes[random.Next(nodes.Count)];
        var other = nodes[random.Next(nodes.Count)];
        var text = root.ToJsonString();
        switch (random.Next(6))
        {
            case 0:
                Replace(node, JsonValue.Create(OddTexts[random.Next(OddTexts.Length)]));
                break;
            case 1:
                Replace(node, null);
                break;
            case 2 when node is JsonValue value:
                Replace(node, JsonValue.Create(value.ToJsonString().Trim('"')));
                break;
            case 3 when other is JsonValue && other.Parent is not null:
                Replace(node, other.DeepClone());
                break;
            case 4 when node.Parent is JsonArray array && array.Count > 1:
                var i = array.IndexOf(node);
                var j = random.Next(array.Count);
                var moved = array[j]!.DeepClone();
                array[j] = node.DeepClone();
                array[i] = moved;
                break;
            case 5 when node.Parent is JsonObject parent:
                var name = node.GetPropertyName();
                var json = parent.ToJsonString();
                var entry = $"\"{name}\":";
                var at = json.IndexOf(entry, StringComparison.Ordinal);
                if (at >= 0)
                {
                    // A duplicate key: the same name once more at the start of its object.
                    return Encoding.UTF8.GetBytes(text.Replace(json, "{" + entry + "0," + json[1..], StringComparison.Ordinal));
                }

                break;
            default:
                return null;
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static void Replace(JsonNode node, JsonNode? with)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = with;
                break;
            case JsonArray array:
                array[array.IndexOf(node)] = with;
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    if (child is not null)
                    {
                        into.Add(child);
                        Collect(child, into);
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is not null)
                    {
                        into.Add(child);
                        Collect(child, into);
                    }
                }

                break;
        }
    }
}
