using System.Globalization;
using System.Text;
using System.Text.Json;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Core.Storage;

/// <summary>
/// A signed statement of a history's chain head: "the stream <see cref="Stream"/> had <see cref="Version"/> events,
/// and its chain head was <see cref="ChainHead"/>", signed with a host's <see cref="ChainStatementKey"/>. The hash chain
/// alone cannot stop whoever can write the store or document from recomputing it after an edit; a statement kept where
/// they cannot reach (published in the annual report, sent to the certifier, kept in another system) can. Verifying a
/// history against statements finds the first stated version whose head is now another.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Its JSON (<see cref="ToJson"/>, <see cref="Parse"/>) is small and self-contained. What
/// each signature mode detects, and what it cannot, is in <c>docs/security.md</c>.
/// </remarks>
public sealed class ChainStatement
{
    private const string Preamble = "miljofyrtarn-chain-statement/1";
    private const int MaxJsonBytes = 4096;

    private ChainStatement(string stream, long version, string chainHead, Instant issuedAt, string algorithm, string keyId, byte[] signature)
    {
        Stream = stream;
        Version = version;
        ChainHead = chainHead;
        IssuedAt = issuedAt;
        Algorithm = algorithm;
        KeyId = keyId;
        _signature = signature;
    }

    private readonly byte[] _signature;

    /// <summary>The stream (usually the organisation number).</summary>
    public string Stream { get; }

    /// <summary>The number of events the statement covers.</summary>
    public long Version { get; }

    /// <summary>The chain head after <see cref="Version"/> events, 64 lowercase hexadecimal digits.</summary>
    public string ChainHead { get; }

    /// <summary>When the statement was made.</summary>
    public Instant IssuedAt { get; }

    /// <summary>The signature's algorithm: <see cref="ChainStatementKey.HmacAlgorithm"/> or <see cref="ChainStatementKey.EcdsaAlgorithm"/>.</summary>
    public string Algorithm { get; }

    /// <summary>The name of the key that signed it.</summary>
    public string KeyId { get; }

    /// <summary>The signature, base64url without padding.</summary>
    public string Signature => Convert.ToBase64String(_signature).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Makes and signs a statement of a verified history's head, for example from <see cref="IEventStore.VerifyAsync"/>.</summary>
    /// <param name="stream">The stream the history is (valid text, 1 to <see cref="Limits.StreamNameLength"/> characters).</param>
    /// <param name="verification">The verification of the history: its version and chain head.</param>
    /// <param name="issuedAt">When the statement is made (the host's clock).</param>
    /// <param name="key">The key to sign with (a private key for ECDSA).</param>
    /// <returns>The statement.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// The stream name is not valid, the history is not fully verified (<see cref="ErrorCodes.UnverifiedHistory"/>: a
    /// statement must not vouch for events nothing proved), the instant is out of range, or the key cannot sign.
    /// </exception>
    public static ChainStatement Create(string stream, HistoryVerification verification, Instant issuedAt, ChainStatementKey key)
    {
        ArgumentNullException.ThrowIfNull(verification);
        ArgumentNullException.ThrowIfNull(key);
        CheckStream(stream);
        if (!verification.IsFullyVerified)
        {
            throw Problems.Single(ErrorCodes.UnverifiedHistory, verification.UnverifiedThrough);
        }

        if (!SupportedRange.Contains(issuedAt))
        {
            throw new MiljofyrtarnException(SupportedRange.OutOfRange(issuedAt));
        }

        var unsigned = new ChainStatement(stream, verification.Version, verification.ChainHead, issuedAt, key.Algorithm, key.KeyId, []);
        return new ChainStatement(stream, verification.Version, verification.ChainHead, issuedAt, key.Algorithm, key.KeyId, key.Sign(unsigned.SignedBytes()));
    }

    /// <summary>Checks the statement's signature with a key.</summary>
    /// <param name="key">The key (for ECDSA, the public key suffices).</param>
    /// <exception cref="MiljofyrtarnException">The signature is not the key's (<see cref="ErrorCodes.InvalidStatementSignature"/>): the statement was altered, or signed with another key or algorithm.</exception>
    public void VerifySignature(ChainStatementKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Algorithm != Algorithm || key.KeyId != KeyId || !key.Verify(SignedBytes(), _signature))
        {
            throw Problems.Single(ErrorCodes.InvalidStatementSignature, Stream, Version);
        }
    }

    /// <summary>
    /// Checks a history against kept statements of the same stream: each statement's signature, then the history's chain
    /// head at each stated version, the earliest first. A history changed anywhere up to a stated version, even with its
    /// chain recomputed, has another head there; one cut short of a stated version no longer reaches it.
    /// </summary>
    /// <param name="stream">The stream the history is.</param>
    /// <param name="events">The history's events in order from the first, as a store or a history document returns them.</param>
    /// <param name="statements">The kept statements.</param>
    /// <param name="key">The key the statements were signed with.</param>
    /// <exception cref="MiljofyrtarnException">
    /// A statement is of another stream (<see cref="ErrorCodes.InvalidValue"/>) or its signature does not verify
    /// (<see cref="ErrorCodes.InvalidStatementSignature"/>), or the history differs from a statement
    /// (<see cref="ErrorCodes.HistoryDiffersFromStatement"/>, naming the earliest stated version that differs).
    /// </exception>
    public static void Verify(string stream, IEnumerable<LifecycleEvent> events, IEnumerable<ChainStatement> statements, ChainStatementKey key)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(statements);
        var ordered = statements.OrderBy(s => s?.Version ?? 0).ToList();
        foreach (var statement in ordered)
        {
            ArgumentNullException.ThrowIfNull(statement, nameof(statements));
            if (statement.Stream != stream)
            {
                throw Problems.Single(ErrorCodes.InvalidValue, statement.Stream, stream);
            }

            statement.VerifySignature(key);
        }

        Span<byte> head = stackalloc byte[HistoryChain.HashLength];
        long version = 0;
        var next = 0;
        using var enumerator = events.GetEnumerator();
        while (next < ordered.Count)
        {
            if (ordered[next].Version == version)
            {
                if (HistoryChain.ToHex(head) != ordered[next].ChainHead)
                {
                    throw Problems.Single(ErrorCodes.HistoryDiffersFromStatement, stream, ordered[next].Version);
                }

                next++;
                continue;
            }

            if (!enumerator.MoveNext())
            {
                throw Problems.Single(ErrorCodes.HistoryDiffersFromStatement, stream, ordered[next].Version);
            }

            HistoryChain.Hash(head, HistoryJson.WriteEvent(enumerator.Current), head);
            version++;
        }
    }

    /// <summary>Checks a stream in a store against kept statements; see <see cref="Verify"/>. The store verifies its own chain as it reads.</summary>
    /// <param name="store">The store.</param>
    /// <param name="stream">The stream.</param>
    /// <param name="statements">The kept statements.</param>
    /// <param name="key">The key the statements were signed with.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A task that completes when the stream agrees with every statement.</returns>
    /// <exception cref="MiljofyrtarnException">The stream differs from a statement, a statement does not verify, or the store refuses the read.</exception>
    public static async Task VerifyAsync(IEventStore store, string stream, IEnumerable<ChainStatement> statements, ChainStatementKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var events = await store.ReadAsync(stream, 0, cancellationToken).ConfigureAwait(false);
        Verify(stream, events, statements, key);
    }

    /// <summary>The statement as compact JSON, to publish or keep.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("stream", Stream);
            writer.WriteNumber("version", Version);
            writer.WriteString("chainHead", ChainHead);
            writer.WriteString("issuedAt", InstantPattern.ExtendedIso.Format(IssuedAt));
            writer.WriteString("algorithm", Algorithm);
            writer.WriteString("keyId", KeyId);
            writer.WriteString("signature", Signature);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a statement written by <see cref="ToJson"/>; its signature is checked by <see cref="VerifySignature"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="MiljofyrtarnException">The text is not a statement: malformed, too large, or a field missing, unknown or invalid.</exception>
    public static ChainStatement Parse(string json) => StatementJson.Parse(json);

    /// <summary>What is signed: the statement's fields on lines, after a preamble that names the format.</summary>
    private byte[] SignedBytes() => Encoding.UTF8.GetBytes(string.Join(
        '\n',
        Preamble,
        Stream,
        Version.ToString(CultureInfo.InvariantCulture),
        ChainHead,
        InstantPattern.ExtendedIso.Format(IssuedAt),
        Algorithm,
        KeyId));

    internal static void CheckStream(string stream)
    {
        if (string.IsNullOrWhiteSpace(stream))
        {
            throw Problems.Single(ErrorCodes.BlankText, "stream");
        }

        if (stream.Length > Limits.StreamNameLength)
        {
            throw Problems.Single(ErrorCodes.TextTooLong, "stream", stream.Length, Limits.StreamNameLength);
        }

        if (TextRules.FirstInvalid(stream, multiline: false) is { } at)
        {
            throw Problems.Single(ErrorCodes.InvalidText, "stream", TextRules.Describe(stream, at), at + 1);
        }
    }

    /// <summary>Reading the JSON form, strictly.</summary>
    private static class StatementJson
    {
        private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static ChainStatement Parse(string json)
        {
            ArgumentNullException.ThrowIfNull(json);
            if (json.Length > MaxJsonBytes)
            {
                throw Problems.Single(ErrorCodes.DocumentTooLarge, MaxJsonBytes);
            }

            byte[] utf8;
            try
            {
                // A lone surrogate is not text: refuse it with its position rather than let the JSON reader throw.
                utf8 = StrictUtf8.GetBytes(json);
            }
            catch (EncoderFallbackException exception)
            {
                throw new MiljofyrtarnException([new Diagnostic(ErrorCodes.InvalidText, ["statement", TextRules.Describe(json, exception.Index), (exception.Index + 1).ToString(CultureInfo.InvariantCulture)])], exception);
            }

            if (utf8.Length > MaxJsonBytes)
            {
                throw Problems.Single(ErrorCodes.DocumentTooLarge, MaxJsonBytes);
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 2 });
            }
            catch (JsonException exception)
            {
                throw new MiljofyrtarnException([new Diagnostic(ErrorCodes.MalformedJson, [], "$", (exception.LineNumber ?? 0) + 1, (exception.BytePositionInLine ?? 0) + 1)], exception);
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw Problems.Single(ErrorCodes.WrongJsonType, "object");
                }

                string[] known = ["stream", "version", "chainHead", "issuedAt", "algorithm", "keyId", "signature"];
                foreach (var property in root.EnumerateObject())
                {
                    if (Array.IndexOf(known, property.Name) < 0)
                    {
                        throw Problems.Single(ErrorCodes.UnknownProperty, property.Name);
                    }
                }

                var stream = Text(root, "stream");
                CheckStream(stream);
                var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n is >= 0 and <= Limits.Events
                    ? n
                    : throw Problems.Single(ErrorCodes.InvalidValue, "version", "0–" + Limits.Events.ToString(CultureInfo.InvariantCulture));
                var head = Text(root, "chainHead");
                if (head.Length != 2 * HistoryChain.HashLength || !head.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)))
                {
                    throw Problems.Single(ErrorCodes.InvalidSha256, head.Length > 80 ? head[..80] + "…" : head);
                }

                var at = InstantPattern.ExtendedIso.Parse(Text(root, "issuedAt"));
                if (!at.Success || !SupportedRange.Contains(at.Value))
                {
                    throw Problems.Single(ErrorCodes.InvalidValue, "issuedAt", "2026-12-07T09:00:00Z");
                }

                var algorithm = Text(root, "algorithm");
                if (algorithm is not (ChainStatementKey.HmacAlgorithm or ChainStatementKey.EcdsaAlgorithm))
                {
                    throw Problems.Single(ErrorCodes.InvalidValue, "algorithm", ChainStatementKey.HmacAlgorithm + ", " + ChainStatementKey.EcdsaAlgorithm);
                }

                var keyId = Text(root, "keyId");
                var signature = Base64Url(Text(root, "signature"));
                return new ChainStatement(stream, version, head, at.Value, algorithm, keyId, signature);
            }
        }

        private static string Text(JsonElement root, string name) =>
            !root.TryGetProperty(name, out var value) ? throw Problems.Single(ErrorCodes.MissingProperty, name)
            : value.ValueKind == JsonValueKind.String ? value.GetString()!
            : throw Problems.Single(ErrorCodes.WrongJsonType, "text");

        private static byte[] Base64Url(string text)
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var buffer = new byte[padded.Length];
            return Convert.TryFromBase64String(padded, buffer, out var written) && written > 0
                ? buffer[..written]
                : throw Problems.Single(ErrorCodes.InvalidValue, "signature", "base64url");
        }
    }
}
