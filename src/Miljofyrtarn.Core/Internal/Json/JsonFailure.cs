using System.Text.Json;
using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Core.Internal.Json;

/// <summary>Turns a <see cref="JsonException"/> from the serializer into coded diagnostics.</summary>
internal static class JsonFailure
{
    /// <summary>
    /// Explains why deserialisation failed. The guard pass tells syntax errors, excessive depth and duplicate
    /// property names apart; when it finds none of those, the document was sound JSON with a value of the
    /// wrong type, reported at the serializer's path and line.
    /// </summary>
    public static List<Diagnostic> Explain(ReadOnlyMemory<byte> utf8, int maxDepth, JsonException exception)
    {
        var problems = JsonGuard.Scan(utf8, maxDepth);
        if (problems.Count == 0)
        {
            problems.Add(new Diagnostic(
                ErrorCodes.WrongJsonType,
                [JsonGuard.TrimMessage(exception.Message)],
                exception.Path,
                (exception.LineNumber ?? 0) + 1,
                (exception.BytePositionInLine ?? 0) + 1));
        }

        return problems;
    }
}
