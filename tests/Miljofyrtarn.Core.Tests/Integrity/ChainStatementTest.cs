using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Core.Tests.Lifecycle;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Integrity;

/// <summary>
/// Issue 31, finding 3: the chain is unkeyed, so whoever can write can recompute it. A signed statement of the head,
/// kept elsewhere, finds even a whole recomputed chain, in both signature modes.
/// </summary>
public sealed class ChainStatementTest : IDisposable
{
    private const string Stream = "964123454";
    private static readonly Instant Now = Instant.FromUtc(2027, 4, 1, 8, 0);
    private readonly ECDsa _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _ecdsa.Dispose();

    private ChainStatementKey Key(string mode) => mode == "HMAC"
        ? ChainStatementKey.Hmac(Encoding.UTF8.GetBytes("a host-held secret of at least 32 bytes!"), "heim-2027")
        : ChainStatementKey.Ecdsa(_ecdsa, "heim-2027");

    private static OrganisationLifecycle History() => OrganisationLifecycleProperties.Run(OrganisationLifecycleProperties.HappyPathForTests).Lifecycle;

    private static ChainStatement StatementOf(IReadOnlyList<LifecycleEvent> events, int version, ChainStatementKey key) =>
        ChainStatement.Create(Stream, new HistoryVerification(version, HistoryChain.ComputeHead(events.Take(version)), 0), Now, key);

    private static Diagnostic Refused(Action action) => FluentActions.Invoking(action).Should().Throw<MiljofyrtarnException>().Which.Diagnostics[0];

    [Theory]
    [InlineData("HMAC")]
    [InlineData("ECDSA")]
    public void AStatement_RoundTripsAsJson_AndAnUntouchedHistoryAgrees(string mode)
    {
        using var key = Key(mode);
        var events = History().History;
        var statement = StatementOf(events, events.Count, key);

        var kept = ChainStatement.Parse(statement.ToJson());

        kept.ToJson().Should().Be(statement.ToJson());
        kept.Algorithm.Should().Be(mode == "HMAC" ? "HS256" : "ES256");
        ChainStatement.Verify(Stream, events, [kept], key);
    }

    [Theory]
    [InlineData("HMAC")]
    [InlineData("ECDSA")]
    public void AWholeRecomputedChain_IsFound_AtTheFirstStatedVersionThatDiffers(string mode)
    {
        using var key = Key(mode);
        var lifecycle = History();
        var events = lifecycle.History;
        ChainStatement[] kept = [StatementOf(events, 10, key), StatementOf(events, 20, key), StatementOf(events, events.Count, key)];

        // An insider edits event 15's actor and writes the document again: HistoryJson.Write recomputes every hash, so
        // the document's own chain verifies.
        var recomputed = HistoryJson.Read(HistoryJson.Write(lifecycle.Organisation.Catalog.Version, events.Select(e => e.Sequence == 15 ? e with { Actor = "mallory" } : e)));
        recomputed.Verification.IsFullyVerified.Should().BeTrue("the chain was recomputed, so it holds on its own");

        var refused = Refused(() => ChainStatement.Verify(Stream, recomputed.Events, kept, key));

        refused.Code.Should().Be(ErrorCodes.HistoryDiffersFromStatement);
        refused.Arguments.Should().Equal(Stream, "20");
    }

    [Theory]
    [InlineData("HMAC")]
    [InlineData("ECDSA")]
    public void EventsRemovedAtTheEnd_AreFound(string mode)
    {
        using var key = Key(mode);
        var events = History().History;
        var kept = StatementOf(events, events.Count, key);

        Refused(() => ChainStatement.Verify(Stream, events.Take(events.Count - 2), [kept], key))
            .Arguments.Should().Equal(Stream, events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("HMAC")]
    [InlineData("ECDSA")]
    public void AnAlteredStatement_OrAnotherKey_FailsItsSignature(string mode)
    {
        using var key = Key(mode);
        var events = History().History;
        var json = JsonNode.Parse(StatementOf(events, events.Count, key).ToJson())!.AsObject();
        json["version"] = 3;
        json["chainHead"] = HistoryChain.ComputeHead(events.Take(3));
        var forged = ChainStatement.Parse(json.ToJsonString());

        Refused(() => forged.VerifySignature(key)).Code.Should().Be(ErrorCodes.InvalidStatementSignature);
        using var other = mode == "HMAC" ? ChainStatementKey.Hmac(new byte[32], "heim-2027") : ChainStatementKey.Ecdsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), "heim-2027");
        Refused(() => StatementOf(events, events.Count, key).VerifySignature(other)).Code.Should().Be(ErrorCodes.InvalidStatementSignature);
    }

    [Fact]
    public void APublishedEcdsaStatement_IsCheckedWithThePublicKeyAlone()
    {
        using var signing = Key("ECDSA");
        var events = History().History;
        var statement = StatementOf(events, events.Count, signing);
        using var publicOnly = ECDsa.Create(_ecdsa.ExportParameters(includePrivateParameters: false));
        using var verifying = ChainStatementKey.Ecdsa(publicOnly, "heim-2027");

        ChainStatement.Verify(Stream, events, [statement], verifying);
        Refused(() => StatementOf(events, 3, verifying)).Code.Should().Be(ErrorCodes.InvalidValue, "a public key checks but cannot sign");
    }

    [Fact]
    public void AnUnverifiedHistory_GetsNoStatement_AndAShortSecret_NoKey()
    {
        using var key = Key("HMAC");

        Refused(() => ChainStatement.Create(Stream, new HistoryVerification(56, new string('0', 64), 56), Now, key)).Code.Should().Be(ErrorCodes.UnverifiedHistory);
        Refused(() => ChainStatementKey.Hmac(new byte[16], "kort")).Code.Should().Be(ErrorCodes.NumberOutOfRange);
        Refused(() => ChainStatement.Parse("{\"stream\":1}")).Code.Should().Be(ErrorCodes.WrongJsonType);
        Refused(() => ChainStatement.Parse("{not json")).Code.Should().Be(ErrorCodes.MalformedJson);
    }
}
