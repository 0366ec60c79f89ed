using Miljofyrtarn.Core.Localization;

namespace Miljofyrtarn.Core.Catalog;

/// <summary>A theme (tema) that criteria belong to, such as Energi or Avfall og ombruk. Themes are catalog data, not an enum.</summary>
/// <remarks>Immutable and thread-safe. Reference equality: a theme is the same theme only within one catalog.</remarks>
public sealed class Theme
{
    internal Theme(string id, LocalizedText name, int ordinal)
    {
        Id = id;
        Name = name;
        Ordinal = ordinal;
    }

    /// <summary>The theme's ID in the catalog, for example <c>energi</c>.</summary>
    public string Id { get; }

    /// <summary>The theme's name.</summary>
    public LocalizedText Name { get; }

    /// <summary>The theme's position in the catalog (0-based); themes are listed in this order.</summary>
    public int Ordinal { get; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
