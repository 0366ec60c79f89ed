using FluentAssertions;
using Miljofyrtarn.Core.Schedule;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Schedule;

/// <summary>Two option sets with the same settings are equal, however their offsets were made (a record compares an <c>ImmutableArray</c> by reference unless told otherwise).</summary>
public class DeadlineOptionsEqualityTest
{
    [Fact]
    public void TheSameSettings_AreEqual_AndEachSettingTellsThemApart()
    {
        var options = new DeadlineOptions { ReminderOffsets = [30, 7, 1] };

        options.Should().Be(DeadlineOptions.Default);
        options.GetHashCode().Should().Be(DeadlineOptions.Default.GetHashCode());
        (options with { ReminderOffsets = [7, 30, 1] }).Should().Be(options, "the offsets are kept latest first");
        (options with { ReminderOffsets = [30, 7] }).Should().NotBe(options);
        (options with { ReminderOffsets = [30, 7, 2] }).Should().NotBe(options);
        (options with { DueSoonDays = 29 }).Should().NotBe(options);
        (options with { ReminderTime = new LocalTime(8, 0) }).Should().NotBe(options);
        options.Equals(null).Should().BeFalse();
    }
}
