using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Docs;

/// <summary>The README and the documents link only to files inside the repository, and every such link resolves.</summary>
public partial class DocumentLinksTest
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryFiles.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryRelativeLink_ResolvesToAFileInTheRepository(string document)
    {
        var text = RepositoryFiles.Read(document);
        var folder = Path.GetDirectoryName(Path.Combine(RepositoryFiles.Root, document))!;
        var root = Path.GetFullPath(RepositoryFiles.Root) + Path.DirectorySeparatorChar;

        text.Should().NotContain("../shared", "users of the repository do not have the workspace's shared folder");
        foreach (Match link in MarkdownLink().Matches(text))
        {
            var target = link.Groups["target"].Value.Split('#')[0];
            if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(folder, target));
            full.Should().StartWith(root, $"{document} links {target}, outside the repository");
            (File.Exists(full) || Directory.Exists(full)).Should().BeTrue($"{document} links {target}, which does not exist");
        }
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
