using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Testing;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Integrity;

/// <summary>Every refusal of a chain statement and its key, field by field, each with its code and the value it names.</summary>
public sealed class ChainStatementRefusalsTest
{
    private const string Stream = "964123454";
    private static readonly Instant Now = Instant.FromUtc(2027, 4, 1, 8, 0);
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("a host-held secret of at least 32 bytes!");

    private static ChainStatementKey Key() => ChainStatementKey.Hmac(Secret, "heim-2027");

    private static HistoryVerification Verified(int version = 3) =>
        new(version, HistoryChain.ComputeHead(EventStoreContract.Lifecycle(2).History.Take(version)), 0);

    private static Diagnostic Refused(Action action) => FluentActions.Invoking(action).Should().Throw<MiljofyrtarnException>().Which.Diagnostics[0];

    private static string Edited(string name, JsonNode? value)
    {
        using var key = Key();
        var json = JsonNode.Parse(ChainStatement.Create(Stream, Verified(), Now, key).ToJson())!.AsObject();
        if (value is null)
        {
            json.Remove(name);
        }
        else
        {
            json[name] = value;
        }

        return json.ToJsonString();
    }

    [Fact]
    public void AStatementsStream_IsCheckedWhenMadeAndWhenRead()
    {
        using var key = Key();
        foreach (var (stream, code, arguments) in new (string, string, string[])[]
        {
            (" ", ErrorCodes.BlankText, ["stream"]),
            (new string('s', 257), ErrorCodes.TextTooLong, ["stream", "257", "256"]),
            ("s\u0001t", ErrorCodes.InvalidText, ["stream", "U+0001", "2"]),
        })
        {
            var made = Refused(() => ChainStatement.Create(stream, Verified(), Now, key));
            made.Code.Should().Be(code);
            made.Arguments[0].Should().Be(arguments[0]);
            made.Arguments.Skip(1).Where(a => !a.StartsWith("U+", StringComparison.Ordinal)).Should().BeSubsetOf(made.Arguments);
            var read = Refused(() => ChainStatement.Parse(Edited("stream", stream)));
            read.Code.Should().Be(code);
            read.Arguments.Should().Equal(made.Arguments);
        }

        ChainStatement.Create(new string('s', 256), Verified(), Now, key).Stream.Should().HaveLength(256);
        Refused(() => ChainStatement.Create("s\u0001t", Verified(), Now, key)).Arguments[^1].Should().Be("2", "the position is 1-based");
        Refused(() => ChainStatement.Create(new string('s', 257), Verified(), Now, key)).Arguments.Should().Equal("stream", "257", "256");
    }

    [Fact]
    public async Task AStatement_IsNotMadeOutsideTheSupportedRange_NorWithANullArgument()
    {
        using var key = Key();
        Refused(() => ChainStatement.Create(Stream, Verified(), Instant.FromUtc(2300, 1, 1, 0, 0), key)).Code.Should().Be(ErrorCodes.DateOutOfRange);
        FluentActions.Invoking(() => ChainStatement.Create(Stream, null!, Now, key)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("verification");
        FluentActions.Invoking(() => ChainStatement.Create(Stream, Verified(), Now, null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("key");
        var statement = ChainStatement.Create(Stream, Verified(), Now, key);
        FluentActions.Invoking(() => statement.VerifySignature(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ChainStatement.Verify(Stream, null!, [statement], key)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("events");
        FluentActions.Invoking(() => ChainStatement.Verify(Stream, [], null!, key)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("statements");
        FluentActions.Invoking(() => ChainStatement.Verify(Stream, [], [null!], key)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("statements");
        FluentActions.Invoking(() => ChainStatement.Parse(null!)).Should().Throw<ArgumentNullException>();
        await FluentActions.Awaiting(() => ChainStatement.VerifyAsync(null!, Stream, [statement], key)).Should().ThrowAsync<ArgumentNullException>();
    }

    [Fact]
    public async Task AStoredStream_IsCheckedAgainstItsStatements_AndAStatementOfAnotherStream_IsRefused()
    {
        using var key = Key();
        var store = new InMemoryEventStore();
        await store.SaveAsync(Stream, EventStoreContract.Lifecycle(2), 0, TestContext.Current.CancellationToken);
        var statement = ChainStatement.Create(Stream, await store.VerifyAsync(Stream, TestContext.Current.CancellationToken), Now, key);

        await ChainStatement.VerifyAsync(store, Stream, [statement], key, TestContext.Current.CancellationToken);
        var other = Refused(() => ChainStatement.Verify("974760673", EventStoreContract.Lifecycle(2).History, [statement], key));
        other.Code.Should().Be(ErrorCodes.InvalidValue);
        other.Arguments.Should().Equal(Stream, "974760673");
        ChainStatement.Verify(Stream, EventStoreContract.Lifecycle(2).History, [ChainStatement.Create(Stream, Verified(3), Now, key), ChainStatement.Create(Stream, Verified(1), Now, key)], key);
    }

    [Fact]
    public void TheSignature_MustBeTheKeys_AlgorithmAndKeyIdIncluded()
    {
        using var key = Key();
        using var sameSecretOtherName = ChainStatementKey.Hmac(Secret, "heim-2028");
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var otherAlgorithm = ChainStatementKey.Ecdsa(ecdsa, "heim-2027");
        var statement = ChainStatement.Create(Stream, Verified(), Now, key);

        statement.VerifySignature(key);
        foreach (var wrong in new[] { sameSecretOtherName, otherAlgorithm })
        {
            var refused = Refused(() => statement.VerifySignature(wrong));
            refused.Code.Should().Be(ErrorCodes.InvalidStatementSignature);
            refused.Arguments.Should().Equal(Stream, "3");
        }
    }

    [Theory]
    [InlineData("version", "-1")]
    [InlineData("version", "1000001")]
    [InlineData("version", "1.5")]
    [InlineData("version", "\"3\"")]
    public void AStatedVersionOutOfRange_IsRefused(string name, string value)
    {
        var refused = Refused(() => ChainStatement.Parse(Edited(name, JsonNode.Parse(value))));
        refused.Code.Should().Be(ErrorCodes.InvalidValue);
        refused.Arguments.Should().Equal("version", "0–1000000");
    }

    [Fact]
    public void TheEdgesOfEachField_AreReadBack()
    {
        ChainStatement.Parse(Edited("version", 0)).Version.Should().Be(0);
        ChainStatement.Parse(Edited("version", 1_000_000)).Version.Should().Be(1_000_000);
        ChainStatement.Parse(Edited("issuedAt", "2200-12-31T12:00:00Z")).IssuedAt.Should().Be(Instant.FromUtc(2200, 12, 31, 12, 0));
    }

    [Fact]
    public void EachOtherField_IsRefusedWithItsCode_AndNamed()
    {
        Refused(() => ChainStatement.Parse(Edited("chainHead", new string('A', 64)))).Code.Should().Be(ErrorCodes.InvalidSha256);
        Refused(() => ChainStatement.Parse(Edited("chainHead", new string('a', 63)))).Arguments.Should().Equal(new string('a', 63));
        Refused(() => ChainStatement.Parse(Edited("chainHead", new string('g', 64)))).Code.Should().Be(ErrorCodes.InvalidSha256);
        Refused(() => ChainStatement.Parse(Edited("chainHead", new string('a', 81)))).Arguments.Should().Equal(new string('a', 80) + "…");
        Refused(() => ChainStatement.Parse(Edited("chainHead", new string('a', 80)))).Arguments.Should().Equal(new string('a', 80));
        Refused(() => ChainStatement.Parse(Edited("issuedAt", "1. april 2027"))).Arguments.Should().Equal("issuedAt", "2026-12-07T09:00:00Z");
        Refused(() => ChainStatement.Parse(Edited("issuedAt", "2300-01-01T00:00:00Z"))).Arguments.Should().Equal("issuedAt", "2026-12-07T09:00:00Z");
        Refused(() => ChainStatement.Parse(Edited("algorithm", "RS256"))).Arguments.Should().Equal("algorithm", "HS256, ES256");
        Refused(() => ChainStatement.Parse(Edited("signature", "!!!"))).Arguments.Should().Equal("signature", "base64url");
        Refused(() => ChainStatement.Parse(Edited("signature", ""))).Arguments.Should().Equal("signature", "base64url");
        Refused(() => ChainStatement.Parse(Edited("keyId", 7))).Arguments.Should().Equal("text");
        Refused(() => ChainStatement.Parse(Edited("keyId", null))).Arguments.Should().Equal("keyId");
        Refused(() => ChainStatement.Parse(Edited("extra", "x"))).Should().Match<Diagnostic>(d => d.Code == ErrorCodes.UnknownProperty && d.Arguments[0] == "extra");
        Refused(() => ChainStatement.Parse("[]")).Arguments.Should().Equal("object");
        Refused(() => ChainStatement.Parse("{\"stream\":{\"a\":{\"b\":1}}}")).Code.Should().Be(ErrorCodes.MalformedJson, "a statement is one flat object");
        var malformed = Refused(() => ChainStatement.Parse("{\n  \"stream\": x"));
        malformed.Path.Should().Be("$");
        (malformed.Line, malformed.Column).Should().Be((2, 13));
        Refused(() => ChainStatement.Parse(new string(' ', 4097))).Code.Should().Be(ErrorCodes.DocumentTooLarge);
        Refused(() => ChainStatement.Parse(new string('æ', 2049))).Code.Should().Be(ErrorCodes.DocumentTooLarge, "2,049 characters are 4,098 bytes");
        var surrogate = Refused(() => ChainStatement.Parse("{\"stream\":\"a\ud800\"}"));
        surrogate.Code.Should().Be(ErrorCodes.InvalidText);
        surrogate.Arguments[2].Should().Be("13");
    }

    [Fact]
    public void AKey_IsNamed_AndSized()
    {
        foreach (var (keyId, code, last) in new (string, string, string)[] { (" ", ErrorCodes.BlankText, "keyId"), (new string('k', 65), ErrorCodes.TextTooLong, "64"), ("k\u0001", ErrorCodes.InvalidText, "2") })
        {
            var hmac = Refused(() => ChainStatementKey.Hmac(Secret, keyId));
            hmac.Code.Should().Be(code);
            hmac.Arguments[^1].Should().Be(last);
            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            Refused(() => ChainStatementKey.Ecdsa(ecdsa, keyId)).Code.Should().Be(code);
        }

        using (ChainStatementKey.Hmac(Secret, new string('k', 64)))
        {
        }

        Refused(() => ChainStatementKey.Hmac(new byte[31], "k")).Arguments.Should().Equal("secret", "31", "32", int.MaxValue.ToString(CultureInfo.InvariantCulture));
        using (ChainStatementKey.Hmac(new byte[32], "k"))
        {
        }

        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Refused(() => ChainStatementKey.Ecdsa(p384, "k")).Arguments.Should().Equal("384", "P-256");
        FluentActions.Invoking(() => ChainStatementKey.Ecdsa(null!, "k")).Should().Throw<ArgumentNullException>();
        using var publicOnly = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var verifying = ChainStatementKey.Ecdsa(publicOnly, "k");
        verifying.Algorithm.Should().Be("ES256");
    }

    [Fact]
    public void AnHmacKeysSecret_IsClearedWhenDisposed_SoItNoLongerSigns()
    {
        var key = Key();
        var before = ChainStatement.Create(Stream, Verified(), Now, key);
        key.Dispose();

        var after = ChainStatement.Create(Stream, Verified(), Now, key);
        after.Signature.Should().NotBe(before.Signature, "the secret is zeroed");
        using var fresh = Key();
        before.VerifySignature(fresh);
        Refused(() => after.VerifySignature(fresh)).Code.Should().Be(ErrorCodes.InvalidStatementSignature);
    }
}
