using FluentAssertions;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Docs;

/// <summary>The Miljofyrtarn.Testing package's README, like every package's: short, its own, its example verbatim from a test that runs.</summary>
public class TestingPackageReadmeTest
{
    [Fact]
    public void TheTestingPackage_HasAShortReadme_WithItsExampleVerbatim()
    {
        var readme = RepositoryFiles.Read("src/Miljofyrtarn.Testing/README.md").Replace("\r\n", "\n", StringComparison.Ordinal);

        readme.Should().StartWith("# Miljofyrtarn.Testing").And.Contain("dotnet add package Miljofyrtarn.Testing");
        readme.Length.Should().BeLessThan(4000, "a package README is short; the repository README has the rest");
        readme.Should().Contain(RepositoryFiles.Region("tests/Miljofyrtarn.Storage.Sqlite.Tests/TestingPackageExampleTest.cs", "testing"));
        readme.Should().NotContain("](docs/").And.NotContain("](../", "relative links do not work on a package page");
    }
}
