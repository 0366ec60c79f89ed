using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Core.Tests.Lifecycle;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Interchange;

/// <summary>History documents carry the hash chain: any changed, deleted, inserted or reordered event is found and named.</summary>
public class HistoryChainTest
{
    private static (byte[] Document, string Head) Written()
    {
        var (lifecycle, _, _) = OrganisationLifecycleProperties.Run(OrganisationLifecycleProperties.HappyPathForTests);
        return (HistoryJson.Write(lifecycle.Organisation.Catalog.Version, lifecycle.History), HistoryChain.ComputeHead(lifecycle.History));
    }

    private static Diagnostic Tampered(Action<JsonArray> edit)
    {
        var root = JsonNode.Parse(Written().Document)!.AsObject();
        edit((JsonArray)root["events"]!);
        var refused = FluentActions.Invoking(() => HistoryJson.Read(Encoding.UTF8.GetBytes(root.ToJsonString())))
            .Should().Throw<MiljofyrtarnException>().Which.Diagnostics;
        return refused.Should().ContainSingle(d => d.Code == ErrorCodes.TamperedHistory).Which;
    }

    [Fact]
    public void AnUntouchedDocument_Verifies_WithTheChainHeadOfItsHistory()
    {
        var (document, head) = Written();

        var content = HistoryJson.Read(document);

        content.Verification.ChainHead.Should().Be(head);
        content.Verification.IsFullyVerified.Should().BeTrue();
        HistoryJson.Write(content.CatalogVersion, content.Events).Should().Equal(document, "writing what was read gives the same bytes");
    }

    [Fact]
    public void AnEditedCatalogVersionHeader_IsRefused_BecauseTheChainedFirstEventRecordsTheCatalog()
    {
        // Issue 31, finding 4: the header is outside the chain, so before the fix an edited catalogVersion read without error.
        var root = JsonNode.Parse(Written().Document)!.AsObject();
        var recorded = (string)root["catalogVersion"]!;
        root["catalogVersion"] = "2019.1";

        var refused = FluentActions.Invoking(() => HistoryJson.Read(Encoding.UTF8.GetBytes(root.ToJsonString())))
            .Should().Throw<MiljofyrtarnException>().Which.Diagnostics.Should().ContainSingle().Which;

        refused.Code.Should().Be(ErrorCodes.HistoryBindingMismatch);
        refused.Path.Should().Be("$.catalogVersion");
        refused.Arguments.Should().Equal("catalogVersion", "2019.1", recorded);
    }

    [Fact]
    public void WritingAHistoryUnderAnotherCatalogVersion_IsRefused_SoTheLibraryNeverWritesWhatItsReaderRefuses()
    {
        var (lifecycle, _, _) = OrganisationLifecycleProperties.Run(OrganisationLifecycleProperties.HappyPathForTests);

        FluentActions.Invoking(() => HistoryJson.Write("2019.1", lifecycle.History))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.HistoryBindingMismatch);
    }

    [Fact]
    public void AChangedEvent_IsNamed()
    {
        var bad = Tampered(events => events[4]!["actor"] = "mallory@heim.kommune.no");

        bad.Arguments.Should().Equal("5");
        bad.Path.Should().Be("$.events[4].hash");
        bad.Line.Should().NotBeNull();
    }

    [Fact]
    public void ADeletedEvent_IsNamedByThePositionWhereTheChainBreaks() =>
        Tampered(events => events.RemoveAt(5)).Arguments.Should().Equal("6");

    [Fact]
    public void AnInsertedEvent_IsNamed() =>
        Tampered(events => events.Insert(3, events[2]!.DeepClone())).Arguments.Should().Equal("4");

    [Fact]
    public void ReorderedEvents_AreNamedAtTheFirstMovedOne() =>
        Tampered(events =>
        {
            var seventh = events[6]!.DeepClone();
            events[6] = events[7]!.DeepClone();
            events[7] = seventh;
        }).Arguments.Should().Equal("7");

    [Fact]
    public void AChangedHash_IsNamed() =>
        Tampered(events => events[9]!["hash"] = new string('0', 64)).Arguments.Should().Equal("10");

    [Fact]
    public void AVersion1Document_IsRefusedByDefault_AsUnverified()
    {
        // Finding 2 of issue 31: a downgrade to version 1 (every hash deleted) used to read without error.
        var refused = FluentActions.Invoking(() => HistoryJson.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "history.v1.json"))))
            .Should().Throw<MiljofyrtarnException>().Which.Diagnostics.Single();

        refused.Code.Should().Be(ErrorCodes.UnverifiedHistory);
        refused.Path.Should().Be("$.schemaVersion");
    }

    [Fact]
    public void ADowngradedDocument_WithAnEditedActor_IsRefused()
    {
        var root = JsonNode.Parse(Written().Document)!.AsObject();
        root["schemaVersion"] = 1;
        foreach (var e in root["events"]!.AsArray())
        {
            e!.AsObject().Remove("hash");
        }

        root["events"]![3]!["actor"] = "mallory";

        FluentActions.Invoking(() => HistoryJson.Read(Encoding.UTF8.GetBytes(root.ToJsonString())))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.UnverifiedHistory);
    }

    [Fact]
    public void AVersion1Document_LoadsAsUnverified_WhenAllowedExplicitly()
    {
        var content = HistoryJson.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "history.v1.json")), new InterchangeOptions { AllowUnverifiedHistory = true });

        content.Verification.IsFullyVerified.Should().BeFalse();
        content.Verification.UnverifiedThrough.Should().Be(content.Events.Length);
        content.Verification.ChainHead.Should().Be(HistoryChain.ComputeHead(content.Events));
    }

    [Fact]
    public void AHashInAVersion1Document_IsAnUnknownProperty()
    {
        var root = JsonNode.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "history.v1.json")))!.AsObject();
        root["events"]![0]!["hash"] = new string('a', 64);

        FluentActions.Invoking(() => HistoryJson.Read(Encoding.UTF8.GetBytes(root.ToJsonString()), new InterchangeOptions { AllowUnverifiedHistory = true }))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.UnknownProperty);
    }
}
