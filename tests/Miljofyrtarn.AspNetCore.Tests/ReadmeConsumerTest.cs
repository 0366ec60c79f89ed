using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentAssertions;
using Miljofyrtarn.Core.Tests.Docs;
using Xunit;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>
/// Issue 32's web-SDK consumer: the package README's own code, as a new user would paste it. This test extracts the
/// packages its Install section names (<c>dotnet add package …</c>) and its Example's C# block, and writes them as a
/// <c>Microsoft.NET.Sdk.Web</c> project in <c>artifacts/readme-consumer</c>, cut off from the repository's build
/// settings. <c>.ci/run</c> then restores it from the packed <c>.nupkg</c> files only, builds it and starts it, so a
/// README whose code stops compiling, or that forgets a package its code needs, fails CI.
/// </summary>
public sealed partial class ReadmeConsumerTest
{
    private const string Readme = "src/Miljofyrtarn.AspNetCore/README.md";

    [Fact]
    public void ThePackageReadme_IsWrittenOutAsAProjectOfItsOwn()
    {
        var readme = RepositoryFiles.Read(Readme).Replace("\r\n", "\n", StringComparison.Ordinal);
        var packages = AddPackage().Matches(Section(readme, "## Install")).Select(m => m.Groups[1].Value).ToList();
        var program = CSharpBlock().Match(Section(readme, "## Example")).Groups[1].Value;

        packages.Should().Contain("Miljofyrtarn.AspNetCore").And.OnlyHaveUniqueItems();
        program.Should().Contain("MapMiljofyrtarn").And.Contain("app.Run();");

        var directory = Path.Combine(RepositoryFiles.Root, "artifacts", "readme-consumer");
        Directory.CreateDirectory(directory);
        var versions = XDocument.Parse(RepositoryFiles.Read("Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!);
        var project = new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk.Web"),
            new XElement("PropertyGroup",
                new XElement("TargetFramework", "net10.0"),
                new XElement("Nullable", "enable"),
                new XElement("ImplicitUsings", "enable"),
                new XElement("TreatWarningsAsErrors", "true")),
            new XElement("ItemGroup", packages.Select(name => new XElement("PackageReference",
                new XAttribute("Include", name),
                new XAttribute("Version", name.StartsWith("Miljofyrtarn.", StringComparison.Ordinal) ? "0.1.0" : versions.GetValueOrDefault(name) ?? throw new InvalidOperationException($"{Readme} names {name}, which Directory.Packages.props does not pin."))))));
        File.WriteAllText(Path.Combine(directory, "ReadmeConsumer.csproj"), project.ToString() + "\n");
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        // A new user's project: none of the repository's build settings or central package versions reach it.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local-packages" value="../packages" />
              </packageSources>
            </configuration>

            """);
    }

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, $"{Readme} has a section '{heading}'");
        var end = markdown.IndexOf("\n## ", start + heading.Length + 2, StringComparison.Ordinal);
        return markdown[start..(end < 0 ? markdown.Length : end)];
    }

    [GeneratedRegex(@"^dotnet add package ([A-Za-z0-9_.]+)", RegexOptions.Multiline)]
    private static partial Regex AddPackage();

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
