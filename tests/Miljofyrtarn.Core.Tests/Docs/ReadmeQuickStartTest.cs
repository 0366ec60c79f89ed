using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Localization;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Docs;

public class ReadmeQuickStartTest
{
    [Fact]
    public void QuickStart_RunsAndPrintsWhatTheReadmeSays()
    {
        // The README's snippet writes to Console; this local shadows System.Console to capture it.
        var Console = new StringWriter();

        #region quickstart
        // The illustrative catalog embedded in the package: one call, no files.
        var catalog = CriteriaCatalog.LoadDefault();

        // Which common criteria does a municipality starting on 1 September 2024 follow?
        var common = catalog.SelectCommonSet(OrganisationKind.Municipality, new LocalDate(2024, 9, 1));
        Console.WriteLine(common.Name.Get(Language.English));   // Common criteria, municipalities and county municipalities

        // O(1), allocation-free lookups; retired criteria point to their replacement.
        var criterion = catalog.GetCriterion(1868);
        Console.WriteLine(catalog.ResolveActive(criterion).Id);  // 1871
        #endregion

        Console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            .Should().Equal("Common criteria, municipalities and county municipalities", "1871");
    }

    [Fact]
    public void Readme_ContainsTheQuickStartVerbatim()
    {
        var source = RepositoryFiles.Read("tests/Miljofyrtarn.Core.Tests/Docs/ReadmeQuickStartTest.cs").Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = source.IndexOf("#region quickstart\n", StringComparison.Ordinal) + "#region quickstart\n".Length;
        var end = source.IndexOf("        #endregion", start, StringComparison.Ordinal);
        var snippet = string.Join('\n', source[start..end].TrimEnd('\n').Split('\n').Select(line => line.Length >= 8 ? line[8..] : line.TrimStart()));

        RepositoryFiles.Read("README.md").Replace("\r\n", "\n", StringComparison.Ordinal).Should().Contain(snippet);
    }

    [Fact]
    public void Readme_StatesTheTestCommandThatCiRuns()
    {
        const string command = "dotnet test Miljofyrtarn.Core.sln -c Release";

        RepositoryFiles.Read("README.md").Should().Contain(command);
        RepositoryFiles.Read(".ci/run").Should().Contain(command);
    }

    [Fact]
    public void ErrorCodesDocument_ListsEveryCode()
    {
        var document = RepositoryFiles.Read("docs/error-codes.md");

        foreach (var field in typeof(Miljofyrtarn.Core.Diagnostics.ErrorCodes).GetFields())
        {
            document.Should().Contain($"| {field.GetRawConstantValue()} | `{field.Name}` |");
        }
    }
}
