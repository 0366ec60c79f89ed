using System.Buffers;

namespace Miljofyrtarn.Core.Internal.Json;

/// <summary>Reads a stream into a pooled buffer, refusing to read more than a limit.</summary>
internal static class BoundedReader
{
    /// <summary>
    /// Reads the whole stream. Returns false (and no buffer) as soon as more than <paramref name="maxBytes"/>
    /// bytes are seen, without reading the rest. The caller returns <paramref name="buffer"/> to
    /// <see cref="ArrayPool{T}.Shared"/>.
    /// </summary>
    public static bool TryReadAll(Stream stream, int maxBytes, out byte[] buffer, out int length)
    {
        ArgumentNullException.ThrowIfNull(stream);
        length = 0;
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
        {
            buffer = [];
            return false;
        }

        var initial = stream.CanSeek ? (int)Math.Min(stream.Length - stream.Position + 1, (long)maxBytes + 1) : 16 * 1024;
        buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 256));
        while (true)
        {
            if (length == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)maxBytes + 1));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = stream.Read(buffer, length, Math.Min(buffer.Length - length, maxBytes + 1 - length));
            if (read == 0)
            {
                return true;
            }

            length += read;
            if (length > maxBytes)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = [];
                length = 0;
                return false;
            }
        }
    }

    /// <summary>The span without a leading UTF-8 byte order mark.</summary>
    public static ReadOnlyMemory<byte> SkipBom(ReadOnlyMemory<byte> utf8) =>
        utf8.Span.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
}
