using System.Globalization;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Localization;

// Prints a summary of a criteria catalog: the embedded illustrative one, or a file given as argument.
//   dotnet run --project samples/Miljofyrtarn.Sample.Console [-- [--lang nb|nn|en] [catalog.json]]
var language = Language.NorwegianBokmal;
string? path = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--lang" && i + 1 < args.Length && LanguageExtensions.TryParseTag(args[i + 1], out var chosen))
    {
        language = chosen;
        i++;
    }
    else if (args[i].StartsWith('-'))
    {
        Console.Error.WriteLine($"Unknown option '{args[i]}'. Usage: [--lang nb|nn|en] [catalog.json]");
        return 2;
    }
    else
    {
        path = args[i];
    }
}

CriteriaCatalog catalog;
try
{
    catalog = path is null ? CriteriaCatalog.LoadDefault() : CriteriaCatalog.LoadFile(path);
}
catch (CatalogLoadException exception)
{
    Console.Error.WriteLine(exception.GetMessage(language));
    return 2;
}
catch (IOException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

var culture = CultureInfo.InvariantCulture;
Console.WriteLine(catalog.Title.Get(language));
Console.WriteLine(string.Create(culture, $"Version {catalog.Version}, published {catalog.PublishedOn:yyyy-MM-dd}{(catalog.IsIllustrative ? " (illustrative)" : string.Empty)}"));
if (catalog.Source is not null)
{
    Console.WriteLine($"Official criteria: {catalog.Source}");
}

Console.WriteLine();
Console.WriteLine(string.Create(culture, $"{catalog.Criteria.Length} criteria ({catalog.Criteria.Count(c => c.IsRetired)} retired) in {catalog.Themes.Length} themes, {catalog.Sets.Length} sets, {catalog.Questions.Length} introductory questions"));
Console.WriteLine();
foreach (var theme in catalog.Themes)
{
    Console.WriteLine(string.Create(culture, $"  {theme.Name.Get(language),-30} {catalog.Criteria.Count(c => c.Theme == theme),3} criteria"));
}

Console.WriteLine();
foreach (var set in catalog.Sets)
{
    var period = set.EffectiveTo is { } to ? string.Create(culture, $"{set.EffectiveFrom:yyyy-MM-dd} – {to:yyyy-MM-dd}") : string.Create(culture, $"from {set.EffectiveFrom:yyyy-MM-dd}");
    Console.WriteLine(string.Create(culture, $"  [{set.Kind,-10}] {set.Name.Get(language),-45} {set.Criteria.Length,3} criteria, {period}"));
}

return 0;
