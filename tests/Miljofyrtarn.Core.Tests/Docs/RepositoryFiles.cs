namespace Miljofyrtarn.Core.Tests.Docs;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>The code between <c>#region name</c> and <c>#endregion</c> in a file, with its common indentation removed: a README snippet kept in a test.</summary>
    public static string Region(string relativePath, string name)
    {
        var source = Read(relativePath).Replace("\r\n", "\n", StringComparison.Ordinal);
        var marker = $"#region {name}\n";
        var start = source.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var end = source.IndexOf("#endregion", start, StringComparison.Ordinal);
        var lines = source[start..end].TrimEnd(' ', '\n').Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Miljofyrtarn.Core.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Miljofyrtarn.Core.sln) was not found above " + AppContext.BaseDirectory);
    }
}
