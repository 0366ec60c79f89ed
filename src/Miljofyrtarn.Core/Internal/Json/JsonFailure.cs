using System.Text.Json;
using System.Text.RegularExpressions;
using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Core.Internal.Json;

/// <summary>Turns a <see cref="JsonException"/> from the serializer into coded diagnostics, in the library's own words.</summary>
internal static partial class JsonFailure
{
    /// <summary>
    /// Explains why deserialisation failed. The guard pass tells syntax errors, excessive depth and duplicate
    /// property names apart; when it finds none of those, the document was sound JSON with a value of the
    /// wrong type, reported at the serializer's path and line with the kind of value that belongs there. The
    /// serializer's own (English) text is kept as the diagnostic's <see cref="Diagnostic.Detail"/>.
    /// </summary>
    public static List<Diagnostic> Explain(ReadOnlyMemory<byte> utf8, int maxDepth, JsonException exception)
    {
        var problems = JsonGuard.Scan(utf8, maxDepth);
        if (problems.Count == 0 && Specific(exception) is { } specific)
        {
            problems.AddRange(specific);
        }
        else if (problems.Count == 0)
        {
            problems.Add(new Diagnostic(
                ErrorCodes.WrongJsonType,
                [ExpectedKind(exception.Message)],
                exception.Path,
                (exception.LineNumber ?? 0) + 1,
                (exception.BytePositionInLine ?? 0) + 1).WithDetail(JsonGuard.TrimMessage(exception.Message)));
        }

        return problems;
    }

    /// <summary>
    /// The failures the serializer reports in its own words that have a code of their own: a coded refusal from one of
    /// our converters (its diagnostics, at the serializer's path), a property the type does not define, a missing
    /// required property, and an unknown command name.
    /// </summary>
    private static IEnumerable<Diagnostic>? Specific(JsonException exception)
    {
        var path = exception.Path ?? JsonPaths.Root;
        if (exception.InnerException is MiljofyrtarnException refused)
        {
            return refused.Diagnostics.Select(d => new Diagnostic(d.Code, d.Arguments, path, Line(exception), Column(exception)));
        }

        var message = exception.Message;
        if (Unmapped().Match(message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            var at = path.EndsWith(name, StringComparison.Ordinal) || path.EndsWith(name + "']", StringComparison.Ordinal) ? path : JsonPaths.Property(path, name);
            return [new Diagnostic(ErrorCodes.UnknownProperty, [name], at, Line(exception), Column(exception)).WithDetail(JsonGuard.TrimMessage(message))];
        }

        if (Discriminator().Match(message) is { Success: true } discriminator)
        {
            return [new Diagnostic(ErrorCodes.InvalidValue, [discriminator.Groups["id"].Value, "addUnit, updateUnit, removeUnit, allocate, recordAssessment, completeStartUp, openMapping, deliver, certify, submitAnnualReport, correctAnnualReport, grantPostponement, openRecertification, recertify, withdraw, expire, expireCertificates, recordFollowUpAudit, recomputeClimateAccount, setClimateTarget"], JsonPaths.Property(JsonPaths.Root, "action"), Line(exception), Column(exception)).WithDetail(JsonGuard.TrimMessage(message))];
        }

        if (message.Contains("metadata property", StringComparison.Ordinal) && message.Contains("'$type'", StringComparison.Ordinal) is false && message.Contains("action", StringComparison.Ordinal))
        {
            return [new Diagnostic(ErrorCodes.MissingProperty, ["action"], JsonPaths.Property(JsonPaths.Root, "action"), Line(exception), Column(exception)).WithDetail(JsonGuard.TrimMessage(message))];
        }

        return null;
    }

    private static long Line(JsonException exception) => (exception.LineNumber ?? 0) + 1;

    private static long Column(JsonException exception) => (exception.BytePositionInLine ?? 0) + 1;

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"type discriminator id '(?<id>[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex Discriminator();

    /// <summary>The kind of JSON value that belongs where the serializer failed (a <c>jsontype</c> term).</summary>
    internal static string ExpectedKind(string message)
    {
        // Our own ISO converters name what they read; the serializer names the .NET type it converts to.
        if (message.Contains("ISO 8601 instant", StringComparison.Ordinal) || message.StartsWith("An instant", StringComparison.Ordinal))
        {
            return "instant";
        }

        if (message.Contains("ISO 8601 date", StringComparison.Ordinal) || message.StartsWith("A date", StringComparison.Ordinal))
        {
            return "date";
        }

        var type = ConvertedTo().Match(message) is { Success: true } match ? match.Groups["type"].Value : string.Empty;
        return type switch
        {
            "System.String" => "text",
            "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" or "System.Nullable`1[System.Int64]" => "integer",
            "System.Decimal" or "System.Double" or "System.Nullable`1[System.Decimal]" or "System.Nullable`1[System.Double]" => "number",
            "System.Boolean" or "System.Nullable`1[System.Boolean]" => "boolean",
            _ when type.Contains("List`1", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) || type.Contains("ImmutableArray", StringComparison.Ordinal) => "array",
            _ when type.Contains("Dictionary", StringComparison.Ordinal) || type.Contains("Document", StringComparison.Ordinal) => "object",
            _ => "value",
        };
    }

    [GeneratedRegex(@"converted to (?<type>\S+?)\.?\s", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertedTo();
}
