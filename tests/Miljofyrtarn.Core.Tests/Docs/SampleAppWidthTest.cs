using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Docs;

/// <summary>
/// The sample's tables and charts fit a 60- and a 100-column terminal without breaking a word: every word printed
/// in a narrow terminal is a whole word of the same output printed wide (a word cut or truncated mid-word is not).
/// </summary>
public partial class SampleAppWidthTest
{
    public static TheoryData<int, string[]> Commands()
    {
        string[][] commands =
        [
            ["walkthrough"],
            ["demo", "-o", "{dir}/demo.json"],
            ["ics", "{heim}", "-o", "{dir}/heim.ics"],
            ["walkthrough", "--lang", "nn"],
            ["walkthrough", "--lang", "en"],
            ["status", "{heim}"],
            ["readiness", "{heim}"],
            ["readiness", "{heim}", "--unit", "heimtun"],
            ["next", "{heim}"],
            ["next", "{heim}", "--unit", "hjemmetjenesten", "--lang", "en"],
            ["deadlines", "{heim}"],
            ["deadlines", "{heim}", "--from", "2026-01-01", "--to", "2028-12-31", "--lang", "nn"],
            ["report", "{heim}", "--unit", "raadhuset", "--year", "2025"],
            ["report", "{heim}", "--unit", "hjemmetjenesten", "--year", "2025", "--lang", "nn"],
            ["climate", "{heim}"],
            ["climate", "{heim}", "--year", "2025", "--lang", "en"],
            ["holidays", "2029"],
            ["validate-catalog", "{catalog}"],
            ["mermaid", "--lang", "en"],
            ["mermaid"],
        ];
        var data = new TheoryData<int, string[]>();
        foreach (var width in new[] { 60, 100 })
        {
            foreach (var command in commands)
            {
                data.Add(width, command);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task EveryWord_IsWhole_InANarrowTerminal(int width, string[] command)
    {
        var folder = Directory.CreateTempSubdirectory("mft-width-").FullName;
        var heim = Path.Combine(folder, "heim.json");
        (await SampleApp.Run(null, "demo", "-o", heim)).ExitCode.Should().Be(0);
        var catalog = Path.Combine(RepositoryFiles.Root, "src", "Miljofyrtarn.Core", "Catalog", "Data", "default-catalog.json");
        var arguments = command.Select(a => a.Replace("{heim}", heim, StringComparison.Ordinal).Replace("{catalog}", catalog, StringComparison.Ordinal)
            .Replace("{dir}", folder, StringComparison.Ordinal)).ToArray();

        var wide = await SampleApp.Run(400, arguments);
        var narrow = await SampleApp.Run(width, arguments);

        wide.ExitCode.Should().Be(0, wide.Error);
        narrow.ExitCode.Should().Be(0, narrow.Error);
        var whole = Words(wide.Output).ToHashSet(StringComparer.Ordinal);
        var broken = Words(narrow.Output).Where(w => !whole.Contains(w)).Distinct().ToList();
        broken.Should().BeEmpty($"at {width} columns no word is cut; the output was:\n{narrow.Output}");
        if (command[0] != "mermaid")
        {
            // Mermaid source is for a renderer, not a terminal: its lines are as long as the diagram needs.
            narrow.Output.Split('\n').Should().OnlyContain(l => l.TrimEnd('\r').Length <= width, "every line fits the terminal");
        }
    }

    private static IEnumerable<string> Words(string text) => Word().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Word();
}
