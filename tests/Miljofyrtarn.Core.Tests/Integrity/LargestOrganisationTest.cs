using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Tests;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Integrity;

/// <summary>
/// Issue 31: the readers' limits are derived from the writers', so the widest organisation the limits allow reads back
/// from every store and document. (The SQLite and PostgreSQL stores run the same round trip in their own test projects.)
/// </summary>
public class LargestOrganisationTest
{
    private static readonly OrganisationLifecycle Widest = WidestOrganisation.Build();

    [Fact]
    public void EveryEvent_OfTheWidestOrganisation_FitsOneStoredEvent()
    {
        var sizes = Widest.History.Select(e => StoredEvents.Encode(e).Length).ToList();

        sizes.Should().OnlyContain(size => size <= Limits.EventBytes);
        sizes.Max().Should().BeGreaterThan(100_000, "the widest assessment carries 50 evidence references of 2,048 characters");
    }

    [Fact]
    public async Task TheInMemoryStore_ReadsItBack() =>
        await WidestOrganisationRoundTrip.ShouldReadBackAsync(new InMemoryEventStore(), TestContext.Current.CancellationToken);

    [Fact]
    public void TheSnapshotDocument_ReadsItBack_ByteForByte()
    {
        var written = SnapshotJson.Write(Widest);

        var read = SnapshotJson.Read(written, Widest.Organisation.Catalog, WidestOrganisation.Clock());

        written.Length.Should().BeLessThanOrEqualTo(InterchangeOptions.Default.MaxBytes);
        SnapshotJson.Write(read).Should().Equal(written);
    }

    [Fact]
    public void TheHistoryDocument_ReadsItBack_Verified()
    {
        var written = HistoryJson.Write(Widest.Organisation.Catalog.Version, Widest.History);

        var read = HistoryJson.Read(written);

        HistoryJson.Write(read.CatalogVersion, read.Events).Should().Equal(written);
        read.Verification.IsFullyVerified.Should().BeTrue();
        read.Verification.ChainHead.Should().Be(HistoryChain.ComputeHead(Widest.History));
    }

    [Fact]
    public void AnOrganisationWhoseDocumentWouldExceedTheReadersLimit_IsRefusedAtWriting_NeverWrittenUnreadable()
    {
        // A store reads any organisation event by event; a document is read whole, so it has a budget of its own
        // (InterchangeOptions.MaxBytes, 64 MiB by default). Writing past it is refused with a code; a host that exports
        // very large organisations raises MaxBytes on both sides.
        var size = HistoryJson.Write(Widest.Organisation.Catalog.Version, Widest.History).Length;
        var reader = new InterchangeOptions { MaxBytes = size - 1 };

        FluentActions.Invoking(() => HistoryJson.Write(Widest.Organisation.Catalog.Version, Widest.History, reader))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.DocumentTooLarge);
        FluentActions.Invoking(() => SnapshotJson.Write(Widest, new InterchangeOptions { MaxBytes = 100_000 }))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.DocumentTooLarge);
    }
}
