using System.Globalization;

namespace Miljofyrtarn.Core.Internal.Json;

/// <summary>Builds JSON paths in the form System.Text.Json reports them: <c>$.a.b[2]</c>, or <c>$['odd name']</c>.</summary>
internal static class JsonPaths
{
    public const string Root = "$";

    public static string Property(string parent, string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '$'))
            {
                return string.Concat(parent, "['", name.Replace("'", "\\'", StringComparison.Ordinal), "']");
            }
        }

        return name.Length == 0 ? parent + "['']" : string.Concat(parent, ".", name);
    }

    public static string Index(string parent, int index) => string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");
}
