using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Storage;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Interchange;

/// <summary>
/// <see cref="HistoryChain.VerifyRange"/> checks long runs in parallel slices: whichever slice a bad link falls in, the
/// first bad event is the one named, exactly as a check from the start would name it.
/// </summary>
public class ChainRangeTest
{
    // Long enough for several slices on any machine with more than one processor.
    private const int Count = 40_000;

    private static (byte[][] Payloads, byte[][] Hashes) Chain(int count, int seed)
    {
        var random = new Random(seed);
        var payloads = new byte[count][];
        var hashes = new byte[count][];
        var previous = HistoryChain.Genesis.ToArray();
        for (var i = 0; i < count; i++)
        {
            payloads[i] = new byte[random.Next(1, 400)];
            random.NextBytes(payloads[i]);
            hashes[i] = previous = HistoryChain.Hash(previous, payloads[i]);
        }

        return (payloads, hashes);
    }

    private static string[] Refused(long firstSequence, ReadOnlySpan<byte> previous, byte[][] payloads, byte[][] hashes)
    {
        try
        {
            HistoryChain.VerifyRange(firstSequence, previous, payloads, hashes);
        }
        catch (MiljofyrtarnException exception)
        {
            exception.Code.Should().Be(ErrorCodes.TamperedHistory);
            return [.. exception.Diagnostics[0].Arguments];
        }

        throw new InvalidOperationException("The run was accepted.");
    }

    [Fact]
    public void AnUntouchedRun_Verifies()
    {
        var (payloads, hashes) = Chain(Count, 1);

        FluentActions.Invoking(() => HistoryChain.VerifyRange(1, HistoryChain.Genesis, payloads, hashes)).Should().NotThrow();
        FluentActions.Invoking(() => HistoryChain.VerifyRange(1, HistoryChain.Genesis, [], [])).Should().NotThrow("an empty run has nothing to break");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Count / 2 - 1)]
    [InlineData(Count / 2)]
    [InlineData(Count / 2 + 1)]
    [InlineData(Count - 1)]
    public void OneChangedByte_AnywhereInTheRun_NamesThatEvent(int index)
    {
        var (payloads, hashes) = Chain(Count, 2);
        payloads[index][0] ^= 1;

        Refused(1, HistoryChain.Genesis, payloads, hashes).Should().Equal($"{index + 1}");
    }

    [Fact]
    public void TwoChangedEvents_InDifferentSlices_NameTheFirst()
    {
        var (payloads, hashes) = Chain(Count, 3);
        payloads[Count - 10][0] ^= 1;
        payloads[Count / 3][0] ^= 1;
        payloads[Count / 3 * 2][0] ^= 1;

        Refused(1, HistoryChain.Genesis, payloads, hashes).Should().Equal($"{Count / 3 + 1}");
    }

    [Fact]
    public void AChangedStoredHash_BreaksTheLinkItIsPartOf()
    {
        var (payloads, hashes) = Chain(Count, 4);
        hashes[Count / 2] = (byte[])hashes[Count / 2].Clone();
        hashes[Count / 2][5] ^= 1;

        Refused(1, HistoryChain.Genesis, payloads, hashes).Should().Equal($"{Count / 2 + 1}");
    }

    [Fact]
    public void ARunFromTheMiddle_ChainsFromTheHashBeforeIt_AndNumbersFromItsFirstSequence()
    {
        var (payloads, hashes) = Chain(Count, 5);
        var (tail, tailHashes) = (payloads[100..], hashes[100..]);

        FluentActions.Invoking(() => HistoryChain.VerifyRange(101, hashes[99], tail, tailHashes)).Should().NotThrow();
        Refused(101, HistoryChain.Genesis, tail, tailHashes).Should().Equal(["101"], "the first event does not chain from the genesis hash");
        tail[20_000][3] ^= 1;
        Refused(101, hashes[99], tail, tailHashes).Should().Equal("20101");
    }

    [Fact]
    public void AMissingHash_NamesTheFirstEventWithout()
    {
        var (payloads, hashes) = Chain(10, 6);

        Refused(1, HistoryChain.Genesis, payloads, hashes[..7]).Should().Equal("8");
    }
}
