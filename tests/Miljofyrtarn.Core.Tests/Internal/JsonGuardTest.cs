using System.Text;
using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Internal.Json;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Internal;

public class JsonGuardTest
{
    private static List<Diagnostic> Scan(string json, int maxDepth = 32) => JsonGuard.Scan(Encoding.UTF8.GetBytes(json), maxDepth);

    [Theory]
    [InlineData("{}")]
    [InlineData("[1, {\"a\": 1}, {\"a\": 2}]")]
    [InlineData("{\"a\": {\"b\": 1}, \"b\": {\"a\": 1}}")]
    [InlineData("{\"é\": 1, \"e\": 2}")]
    public void Scan_SoundDocument_FindsNothing(string json)
    {
        Scan(json).Should().BeEmpty();
    }

    [Fact]
    public void Scan_DuplicatesInNestedObjects_ReportsEachWithItsPath()
    {
        var problems = Scan("{\"list\": [{\"x\": 1}, {\"x\": 1, \"x\": 2}], \"o\": {\"p\": {\"q\": 1, \"q\": 1}}}");

        problems.Select(p => p.Path).Should().Equal("$.list[1].x", "$.o.p.q");
        problems.Should().OnlyContain(p => p.Code == ErrorCodes.DuplicateProperty);
    }

    [Fact]
    public void Scan_ManyProperties_StaysLinear()
    {
        var json = "{" + string.Join(",", Enumerable.Range(0, 50_000).Select(i => $"\"p{i}\": {i}")) + ", \"p49999\": 0}";

        Scan(json).Should().ContainSingle().Which.Arguments.Should().Equal("p49999");
    }

    [Theory]
    [InlineData(1, "[[1]]", false)]
    [InlineData(2, "[[1]]", true)]
    [InlineData(2, "{\"a\": {\"b\": {}}}", false)]
    [InlineData(3, "{\"a\": {\"b\": {}}}", true)]
    public void Scan_Depth_IsCountedInContainers(int maxDepth, string json, bool ok)
    {
        Scan(json, maxDepth).Should().HaveCount(ok ? 0 : 1);
    }

    [Fact]
    public void Locate_FindsLinesOfNestedPathsAndFallsBackToParents()
    {
        var json = Encoding.UTF8.GetBytes("{\n  \"a\": [\n    {\"b\": 1},\n    {\"c\": 2}\n  ]\n}");

        var found = JsonLocator.Locate(json, ["$.a[1].c", "$.a[0].missing", "$.a"]);

        found["$.a[1].c"].Line.Should().Be(4);
        found["$.a[0].missing"].Line.Should().Be(3);
        found["$.a"].Line.Should().Be(2);
    }
}
