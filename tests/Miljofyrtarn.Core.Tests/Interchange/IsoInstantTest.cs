using System.Text;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Miljofyrtarn.Core.Interchange;
using NodaTime;
using NodaTime.Text;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Interchange;

public class IsoInstantTest
{
    private static readonly Gen<Instant> WholeSeconds =
        Gen.Choose(0, int.MaxValue).Select(s => Instant.FromUtc(1, 1, 1, 0, 0) + Duration.FromSeconds((long)s * 146));

    [Property(MaxTest = 2000)]
    public Property FormatAndParse_AgreeWithNodaTimesExtendedIsoPattern() => Prop.ForAll(WholeSeconds.ToArbitrary(), instant =>
    {
        Span<byte> bytes = stackalloc byte[IsoInstant.Length];
        var formatted = IsoInstant.TryFormat(instant, bytes);
        var text = InstantPattern.ExtendedIso.Format(instant);
        var parsed = IsoInstant.TryParse(Encoding.UTF8.GetBytes(text), out var back);
        return formatted && Encoding.UTF8.GetString(bytes) == text && parsed && back == instant;
    });

    [Theory]
    [InlineData("2023-02-29T10:00:00Z")]
    [InlineData("2024-13-01T10:00:00Z")]
    [InlineData("2024-01-01T24:00:00Z")]
    [InlineData("2024-01-01T10:00:00")]
    [InlineData("2024-01-01T10:00:00.5Z")]
    [InlineData("2024-01-01 10:00:00Z")]
    public void TryParse_LeavesEverythingElseToNodaTime(string text)
    {
        IsoInstant.TryParse(Encoding.UTF8.GetBytes(text), out _).Should().BeFalse();
    }

    [Fact]
    public void TryFormat_LeavesFractionsToNodaTime()
    {
        Span<byte> bytes = stackalloc byte[IsoInstant.Length];
        IsoInstant.TryFormat(Instant.FromUtc(2024, 1, 1, 10, 0) + Duration.FromMilliseconds(5), bytes).Should().BeFalse();
    }
}
