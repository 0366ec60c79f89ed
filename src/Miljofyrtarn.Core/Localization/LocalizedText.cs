namespace Miljofyrtarn.Core.Localization;

/// <summary>
/// A text in Norwegian Bokmål (required) with optional Nynorsk and English versions, as used for
/// names, titles and criterion texts in the catalog.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Two instances are equal when all three versions are equal (ordinal).
/// <see cref="Get(Language)"/> falls back to Bokmål when the requested version is missing.
/// </remarks>
public sealed class LocalizedText : IEquatable<LocalizedText>
{
    /// <summary>Creates a text.</summary>
    /// <param name="bokmal">The Norwegian Bokmål text (<c>nb</c>); required, not blank.</param>
    /// <param name="nynorsk">The Norwegian Nynorsk text (<c>nn</c>), or <see langword="null"/>.</param>
    /// <param name="english">The English text (<c>en</c>), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="bokmal"/> is blank, or an optional version is blank but not null.</exception>
    public LocalizedText(string bokmal, string? nynorsk = null, string? english = null)
    {
        Internal.Preconditions.CheckNotBlank(bokmal, nameof(bokmal));
        Internal.Preconditions.CheckNullOrNotBlank(nynorsk, nameof(nynorsk));
        Internal.Preconditions.CheckNullOrNotBlank(english, nameof(english));
        Bokmal = bokmal;
        Nynorsk = nynorsk;
        English = english;
    }

    /// <summary>The Norwegian Bokmål text (<c>nb</c>). Never blank.</summary>
    public string Bokmal { get; }

    /// <summary>The Norwegian Nynorsk text (<c>nn</c>), if any.</summary>
    public string? Nynorsk { get; }

    /// <summary>The English text (<c>en</c>), if any.</summary>
    public string? English { get; }

    /// <summary>The text in the given language, or the Bokmål text when that version is missing.</summary>
    /// <param name="language">The wanted language.</param>
    /// <returns>The text; never null.</returns>
    public string Get(Language language) => language switch
    {
        Language.NorwegianNynorsk => Nynorsk ?? Bokmal,
        Language.English => English ?? Bokmal,
        _ => Bokmal,
    };

    /// <inheritdoc />
    public bool Equals(LocalizedText? other) =>
        other is not null
        && string.Equals(Bokmal, other.Bokmal, StringComparison.Ordinal)
        && string.Equals(Nynorsk, other.Nynorsk, StringComparison.Ordinal)
        && string.Equals(English, other.English, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LocalizedText);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(
        StringComparer.Ordinal.GetHashCode(Bokmal),
        Nynorsk is null ? 0 : StringComparer.Ordinal.GetHashCode(Nynorsk),
        English is null ? 0 : StringComparer.Ordinal.GetHashCode(English));

    /// <summary>The Bokmål text.</summary>
    /// <returns>The Bokmål text.</returns>
    public override string ToString() => Bokmal;
}
