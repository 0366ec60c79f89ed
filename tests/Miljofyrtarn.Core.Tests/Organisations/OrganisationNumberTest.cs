using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Organisations;

public class OrganisationNumberTest
{
    [Theory]
    [InlineData("974760673")]
    [InlineData("974 760 673")]
    [InlineData(" 964123454 ")]
    public void Parse_ValidNumbers_Succeed(string text)
    {
        OrganisationNumber.Parse(text).Value.Should().Be(text.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("974760674")]
    [InlineData("97476067")]
    [InlineData("9747606731")]
    [InlineData("97476067A")]
    [InlineData("")]
    [InlineData("-74760673")]
    public void Parse_InvalidNumbers_FailWithMFT0201NamingTheValue(string text)
    {
        var act = () => OrganisationNumber.Parse(text);

        var exception = act.Should().Throw<MiljofyrtarnException>().Which;
        exception.Code.Should().Be(ErrorCodes.InvalidOrganisationNumber);
        exception.Diagnostics[0].Arguments.Should().Equal(text);
    }

    [Fact]
    public void Parse_RemainderTen_HasNoValidCheckDigit()
    {
        // 93900002?: the weighted sum leaves a remainder of 1, so the check digit would be 10: no such number is valid.
        Enumerable.Range(0, 10).Select(d => $"93900002{d}").Where(n => OrganisationNumber.TryParse(n, out _)).Should().BeEmpty();
    }

    /// <summary>An independent statement of MOD11: the weighted sum of all nine digits, check digit weighted 1, is divisible by 11.</summary>
    private static bool Mod11Holds(string digits)
    {
        int[] weights = [3, 2, 7, 6, 5, 4, 3, 2, 1];
        var sum = digits.Select((c, i) => (c - '0') * weights[i]).Sum();
        return sum % 11 == 0;
    }

    [Property(MaxTest = 2000)]
    public Property TryParse_AgreesWithTheWeightedSumRule()
    {
        var nineDigits = Gen.ArrayOf(Gen.Choose(0, 9), 9).Select(d => string.Concat(d));
        return Prop.ForAll(nineDigits.ToArbitrary(), digits => OrganisationNumber.TryParse(digits, out _) == Mod11Holds(digits));
    }

    [Fact]
    public void Equality_IsByDigits()
    {
        OrganisationNumber.Parse("974 760 673").Should().Be(OrganisationNumber.Parse("974760673"));
        (OrganisationNumber.Parse("974760673") == OrganisationNumber.Parse("974760673")).Should().BeTrue();
        default(OrganisationNumber).IsDefault.Should().BeTrue();
    }
}
