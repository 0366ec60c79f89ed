using Miljofyrtarn.Core.Localization;

namespace Miljofyrtarn.Core.Contracts;

/// <summary>
/// A user-facing text in a web contract: either one string in the language the caller asked for, written to JSON as a
/// plain string, or all three versions, written as <c>{"nb": …, "nn": …, "en": …}</c>
/// (see <see cref="ContractLanguage.All"/>).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(ContractTextJsonConverter))]
public readonly struct ContractText : IEquatable<ContractText>
{
    private ContractText(string? text, string? bokmal, string? nynorsk, string? english)
    {
        Text = text;
        Bokmal = bokmal;
        Nynorsk = nynorsk;
        English = english;
    }

    /// <summary>The text in the one language asked for; null when the text carries all three languages.</summary>
    public string? Text { get; }

    /// <summary>The Bokmål version, when the text carries all three languages.</summary>
    public string? Bokmal { get; }

    /// <summary>The Nynorsk version, when the text carries all three languages.</summary>
    public string? Nynorsk { get; }

    /// <summary>The English version, when the text carries all three languages.</summary>
    public string? English { get; }

    /// <summary>Whether the text carries all three languages rather than one.</summary>
    public bool HasAllLanguages => Text is null && Bokmal is not null;

    /// <summary>A text in one language.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The contract text.</returns>
    public static ContractText Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(text, null, null, null);
    }

    /// <summary>A text in all three languages.</summary>
    /// <param name="bokmal">The Bokmål version.</param>
    /// <param name="nynorsk">The Nynorsk version.</param>
    /// <param name="english">The English version.</param>
    /// <returns>The contract text.</returns>
    public static ContractText Of(string bokmal, string nynorsk, string english)
    {
        ArgumentNullException.ThrowIfNull(bokmal);
        ArgumentNullException.ThrowIfNull(nynorsk);
        ArgumentNullException.ThrowIfNull(english);
        return new(null, bokmal, nynorsk, english);
    }

    /// <summary>The text in a language: the one version it has, or the asked-for one of the three.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The text; empty for a default instance.</returns>
    public string Get(Language language) => Text ?? language switch
    {
        Language.NorwegianNynorsk => Nynorsk,
        Language.English => English,
        _ => Bokmal,
    } ?? string.Empty;

    /// <inheritdoc />
    public bool Equals(ContractText other) =>
        Text == other.Text && Bokmal == other.Bokmal && Nynorsk == other.Nynorsk && English == other.English;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ContractText other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Text, Bokmal, Nynorsk, English);

    /// <summary>The text in Bokmål, or its one version.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Get(Language.NorwegianBokmal);

    /// <summary>Compares two texts.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ContractText left, ContractText right) => left.Equals(right);

    /// <summary>Compares two texts.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ContractText left, ContractText right) => !left.Equals(right);
}

/// <summary>
/// The language a web contract is written in: one of <see cref="Language"/>, or all three
/// (<see cref="All"/>) for a frontend that switches language without asking again.
/// </summary>
public readonly record struct ContractLanguage
{
    private ContractLanguage(Language language, bool allLanguages)
    {
        Language = language;
        AllLanguages = allLanguages;
    }

    /// <summary>The language of single-language texts; Bokmål when <see cref="AllLanguages"/>.</summary>
    public Language Language { get; }

    /// <summary>Whether texts carry all three languages.</summary>
    public bool AllLanguages { get; }

    /// <summary>Bokmål, the default.</summary>
    public static ContractLanguage Default => default;

    /// <summary>All three languages in every text.</summary>
    public static ContractLanguage All { get; } = new(Language.NorwegianBokmal, true);

    /// <summary>One language.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The contract language.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined language.</exception>
    public static ContractLanguage Of(Language language) =>
        Enum.IsDefined(language) ? new(language, false) : throw new ArgumentOutOfRangeException(nameof(language), language, "Not a defined language.");

    /// <summary>One language.</summary>
    /// <param name="language">The language.</param>
    public static implicit operator ContractLanguage(Language language) => Of(language);

    /// <summary>
    /// The language a request asks for: an explicit choice (<c>nb</c>, <c>nn</c>, <c>en</c>, or <c>all</c>, typically a
    /// <c>lang</c> query parameter) wins; otherwise the <c>Accept-Language</c> header
    /// (<see cref="LanguageExtensions.FromAcceptLanguage(string?)"/>); Bokmål by default.
    /// </summary>
    /// <param name="choice">The explicit choice, or null.</param>
    /// <param name="acceptLanguage">The <c>Accept-Language</c> header, or null.</param>
    /// <returns>The contract language.</returns>
    public static ContractLanguage FromRequest(string? choice, string? acceptLanguage)
    {
        if (string.Equals(choice?.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            return All;
        }

        return LanguageExtensions.TryParseTag(choice, out var chosen) ? Of(chosen) : Of(LanguageExtensions.FromAcceptLanguage(acceptLanguage));
    }

    /// <summary>A catalog text in this language (or all three).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The contract text.</returns>
    public ContractText Text(LocalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AllLanguages
            ? ContractText.Of(text.Get(Language.NorwegianBokmal), text.Get(Language.NorwegianNynorsk), text.Get(Language.English))
            : ContractText.Of(text.Get(Language));
    }

    /// <summary>A text produced per language (a message, a term) in this language (or all three).</summary>
    /// <param name="text">Writes the text in a language.</param>
    /// <returns>The contract text.</returns>
    public ContractText Text(Func<Language, string> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AllLanguages
            ? ContractText.Of(text(Language.NorwegianBokmal), text(Language.NorwegianNynorsk), text(Language.English))
            : ContractText.Of(text(Language));
    }

    /// <summary>The tag: <c>nb</c>, <c>nn</c>, <c>en</c> or <c>all</c>.</summary>
    /// <returns>The tag.</returns>
    public override string ToString() => AllLanguages ? "all" : Language.ToTag();
}
