using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Miljofyrtarn.Core.Catalog.Json;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Core.Catalog;

/// <summary>
/// A versioned catalog of Miljøfyrtårn criteria: themes, introductory questions (innledende spørsmål),
/// criteria and criteria sets (kriteriesett). Loaded from JSON in the format of
/// <c>schemas/catalog.schema.json</c>; <see cref="LoadDefault"/> gives the illustrative catalog that ships
/// with the package.
/// </summary>
/// <remarks>
/// Immutable and safe to share across threads. Lookups by criterion ID, set ID, theme ID and question ID
/// are O(1) and allocation-free. Equality is reference equality; compare <see cref="Version"/> to tell
/// catalogs apart.
/// </remarks>
public sealed class CriteriaCatalog
{
    /// <summary>The <c>$schema</c> URI written into catalog documents.</summary>
    public const string SchemaId = "https://github.com/miljofyrtarn-core/miljofyrtarn-core/schemas/catalog.schema.json";

    private const string DefaultResource = "Miljofyrtarn.Core.default-catalog.json";
    private const string SchemaResource = "Miljofyrtarn.Core.catalog.schema.json";

    private static readonly Lazy<CriteriaCatalog> DefaultCatalog = new(() => LoadEmbedded(CatalogLoadOptions.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<int, Criterion> _criteriaById;
    private readonly FrozenDictionary<string, CriteriaSet> _setsById;
    private readonly FrozenDictionary<string, Theme> _themesById;
    private readonly FrozenDictionary<string, IntroductoryQuestion> _questionsById;

    internal CriteriaCatalog(
        string version,
        LocalDate publishedOn,
        LocalizedText title,
        LocalizedText? description,
        bool isIllustrative,
        string? source,
        ImmutableArray<Theme> themes,
        ImmutableArray<IntroductoryQuestion> questions,
        ImmutableArray<Criterion> criteria,
        ImmutableArray<CriteriaSet> sets)
    {
        Version = version;
        PublishedOn = publishedOn;
        Title = title;
        Description = description;
        IsIllustrative = isIllustrative;
        Source = source;
        Themes = themes;
        Questions = questions;
        Criteria = criteria;
        Sets = sets;
        _criteriaById = criteria.ToFrozenDictionary(c => c.Id);
        _setsById = sets.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        _themesById = themes.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
        _questionsById = questions.ToFrozenDictionary(q => q.Id, StringComparer.Ordinal);
    }

    /// <summary>The catalog's version label, for example <c>2024.1-illustrative</c>.</summary>
    public string Version { get; }

    /// <summary>The date the catalog was published.</summary>
    public LocalDate PublishedOn { get; }

    /// <summary>The catalog's title.</summary>
    public LocalizedText Title { get; }

    /// <summary>A description of the catalog, if any.</summary>
    public LocalizedText? Description { get; }

    /// <summary>
    /// Whether the catalog is illustrative (written for demonstration and tests) rather than the official
    /// criteria of Stiftelsen Miljøfyrtårn. The embedded default catalog is illustrative.
    /// </summary>
    public bool IsIllustrative { get; }

    /// <summary>Where the criteria come from (a URL or a reference), if stated.</summary>
    public string? Source { get; }

    /// <summary>The themes, in catalog order.</summary>
    public ImmutableArray<Theme> Themes { get; }

    /// <summary>The introductory questions, in catalog order.</summary>
    public ImmutableArray<IntroductoryQuestion> Questions { get; }

    /// <summary>All criteria, active and retired, in catalog order.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <summary>All criteria sets, in catalog order.</summary>
    public ImmutableArray<CriteriaSet> Sets { get; }

    /// <summary>
    /// The illustrative catalog embedded in the package: one call, no files. It covers the ten themes of a
    /// municipality, the common criteria versions, industry sets a municipality uses, the four
    /// introductory questions and a retired criterion. It is written in the library's own words and is
    /// not the official criteria (see <see cref="Source"/> for those). Loaded once and shared.
    /// </summary>
    /// <returns>The embedded catalog.</returns>
    public static CriteriaCatalog LoadDefault() => DefaultCatalog.Value;

    /// <summary>Loads a catalog from a UTF-8 JSON stream, validating all of it, with the default limits.</summary>
    /// <param name="utf8Json">The document; read to the end, not closed.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="CatalogLoadException">The document has problems; every one is listed, none of the catalog is returned.</exception>
    public static CriteriaCatalog Load(Stream utf8Json) => CatalogReader.Read(utf8Json, CatalogLoadOptions.Default);

    /// <summary>Loads a catalog from a UTF-8 JSON stream, validating all of it.</summary>
    /// <param name="utf8Json">The document; read to the end, not closed.</param>
    /// <param name="options">Size and depth limits.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="CatalogLoadException">The document has problems; every one is listed, none of the catalog is returned.</exception>
    public static CriteriaCatalog Load(Stream utf8Json, CatalogLoadOptions options) => CatalogReader.Read(utf8Json, options);

    /// <summary>Loads a catalog from UTF-8 JSON bytes, validating all of it, with the default limits.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="CatalogLoadException">The document has problems; every one is listed, none of the catalog is returned.</exception>
    public static CriteriaCatalog Load(ReadOnlyMemory<byte> utf8Json) => CatalogReader.Read(utf8Json, CatalogLoadOptions.Default);

    /// <summary>Loads a catalog from UTF-8 JSON bytes, validating all of it.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="options">Size and depth limits.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="CatalogLoadException">The document has problems; every one is listed, none of the catalog is returned.</exception>
    public static CriteriaCatalog Load(ReadOnlyMemory<byte> utf8Json, CatalogLoadOptions options) => CatalogReader.Read(utf8Json, options);

    /// <summary>Loads a catalog from a JSON file, such as one with the official criteria in the catalog format.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">Size and depth limits; <see cref="CatalogLoadOptions.Default"/> when null.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="CatalogLoadException">The document has problems; every one is listed.</exception>
    /// <exception cref="CatalogLoadException">
    /// Also when the file cannot be read: <see cref="ErrorCodes.FileNotFound"/> or <see cref="ErrorCodes.FileNotReadable"/>,
    /// naming the path, with the I/O exception as the inner exception.
    /// </exception>
    public static CriteriaCatalog LoadFile(string path, CatalogLoadOptions? options = null)
    {
        Internal.Preconditions.CheckNotBlank(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var code = exception is FileNotFoundException or DirectoryNotFoundException ? ErrorCodes.FileNotFound : ErrorCodes.FileNotReadable;
            throw new CatalogLoadException([new Diagnostic(code, [path])], exception);
        }

        using (stream)
        {
            try
            {
                return Load(stream, options ?? CatalogLoadOptions.Default);
            }
            catch (IOException exception)
            {
                throw new CatalogLoadException([new Diagnostic(ErrorCodes.FileNotReadable, [path])], exception);
            }
        }
    }

    /// <summary>Loads a catalog, returning the problems instead of throwing when the document has any.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="catalog">The catalog, when the document is valid.</param>
    /// <param name="diagnostics">Every problem found; empty when the document is valid.</param>
    /// <param name="options">Size and depth limits; <see cref="CatalogLoadOptions.Default"/> when null.</param>
    /// <returns><see langword="true"/> when the catalog was loaded.</returns>
    public static bool TryLoad(ReadOnlyMemory<byte> utf8Json, [NotNullWhen(true)] out CriteriaCatalog? catalog, out IReadOnlyList<Diagnostic> diagnostics, CatalogLoadOptions? options = null)
    {
        try
        {
            catalog = Load(utf8Json, options ?? CatalogLoadOptions.Default);
            diagnostics = [];
            return true;
        }
        catch (CatalogLoadException exception)
        {
            catalog = null;
            diagnostics = exception.Diagnostics;
            return false;
        }
    }

    /// <summary>The JSON Schema (draft 2020-12) of the catalog format, as shipped in the package.</summary>
    /// <returns>The schema document.</returns>
    public static string GetJsonSchema()
    {
        using var stream = OpenResource(SchemaResource);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Writes the catalog in the catalog format (UTF-8 JSON, indented). Loading the output gives an equal catalog.</summary>
    /// <param name="utf8Json">The stream to write to; not closed.</param>
    public void WriteTo(Stream utf8Json) => CatalogWriter.Write(this, utf8Json);

    /// <summary>The catalog in the catalog format as UTF-8 JSON bytes.</summary>
    /// <returns>The document.</returns>
    public byte[] ToUtf8Json() => CatalogWriter.WriteToBytes(this);

    /// <summary>The criterion with the given ID.</summary>
    /// <param name="id">The criterion's ID.</param>
    /// <returns>The criterion (active or retired).</returns>
    /// <exception cref="MiljofyrtarnException">No criterion has that ID (<see cref="ErrorCodes.UnknownCriterion"/>); use <see cref="TryGetCriterion"/> to ask without throwing.</exception>
    public Criterion GetCriterion(int id) =>
        _criteriaById.TryGetValue(id, out var criterion)
            ? criterion
            : throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.UnknownCriterion, [id.ToString(CultureInfo.InvariantCulture)]));

    /// <summary>Looks up a criterion by ID without throwing. O(1), allocation-free.</summary>
    /// <param name="id">The criterion's ID.</param>
    /// <param name="criterion">The criterion, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetCriterion(int id, [NotNullWhen(true)] out Criterion? criterion) => _criteriaById.TryGetValue(id, out criterion);

    /// <summary>The criteria set with the given ID.</summary>
    /// <param name="id">The set's ID.</param>
    /// <returns>The set.</returns>
    /// <exception cref="MiljofyrtarnException">No set has that ID (<see cref="ErrorCodes.UnknownSet"/>); use <see cref="TryGetSet"/> to ask without throwing.</exception>
    public CriteriaSet GetSet(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _setsById.TryGetValue(id, out var set)
            ? set
            : throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.UnknownSet, [id, Version]));
    }

    /// <summary>Looks up a criteria set by ID without throwing. O(1), allocation-free.</summary>
    /// <param name="id">The set's ID.</param>
    /// <param name="set">The set, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetSet(string id, [NotNullWhen(true)] out CriteriaSet? set)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _setsById.TryGetValue(id, out set);
    }

    /// <summary>Looks up a theme by ID.</summary>
    /// <param name="id">The theme's ID.</param>
    /// <param name="theme">The theme, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetTheme(string id, [NotNullWhen(true)] out Theme? theme)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _themesById.TryGetValue(id, out theme);
    }

    /// <summary>Looks up an introductory question by ID.</summary>
    /// <param name="id">The question's ID.</param>
    /// <param name="question">The question, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetQuestion(string id, [NotNullWhen(true)] out IntroductoryQuestion? question)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _questionsById.TryGetValue(id, out question);
    }

    /// <summary>
    /// The criterion that is in force for the given one: the criterion itself when active, otherwise the
    /// end of its replacement chain ("ID 1868 is covered by ID 1871"). Loading guarantees the chain ends.
    /// </summary>
    /// <param name="criterion">A criterion of this catalog.</param>
    /// <returns>An active criterion.</returns>
    public Criterion ResolveActive(Criterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        var current = criterion;
        while (current.ReplacedById is { } next)
        {
            current = _criteriaById[next];
        }

        return current;
    }

    /// <summary>
    /// Chooses the common criteria (felleskriterier) for an organisation that starts on a date: among the
    /// common sets open to <paramref name="kind"/> and in force on <paramref name="startedOn"/>, the one
    /// that took effect last. With the official sets this gives Felleskriterier (2016) before 15 June 2022,
    /// «privat og statlig» for private and state enterprises from 15 June 2022, and «kommuner og
    /// fylkeskommuner» for municipalities and county municipalities from 1 March 2023.
    /// </summary>
    /// <param name="kind">The kind of organisation.</param>
    /// <param name="startedOn">The date the organisation started (its start-up date, or the date of the recertification that moves it to a newer version).</param>
    /// <returns>The common set.</returns>
    /// <exception cref="MiljofyrtarnException">No common set applies (code <see cref="ErrorCodes.NoCommonSet"/>).</exception>
    public CriteriaSet SelectCommonSet(OrganisationKind kind, LocalDate startedOn) =>
        TrySelectCommonSet(kind, startedOn, out var set)
            ? set
            : throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.NoCommonSet, [kind.ToString(), LocalDatePattern.Iso.Format(startedOn)]));

    /// <summary>Like <see cref="SelectCommonSet"/>, without throwing.</summary>
    /// <param name="kind">The kind of organisation.</param>
    /// <param name="startedOn">The start date.</param>
    /// <param name="set">The common set, when one applies.</param>
    /// <returns><see langword="true"/> when a common set applies.</returns>
    public bool TrySelectCommonSet(OrganisationKind kind, LocalDate startedOn, [NotNullWhen(true)] out CriteriaSet? set)
    {
        set = null;
        foreach (var candidate in Sets)
        {
            if (candidate.Kind != CriteriaSetKind.Common || !candidate.IsOpenTo(kind) || !candidate.IsInForceOn(startedOn))
            {
                continue;
            }

            // The latest start wins; loading refuses two candidates with the same start (MFT0113).
            if (set is null || candidate.EffectiveFrom > set.EffectiveFrom)
            {
                set = candidate;
            }
        }

        return set is not null;
    }

    internal static CriteriaCatalog LoadEmbedded(CatalogLoadOptions options)
    {
        using var stream = OpenResource(DefaultResource);
        return Load(stream, options);
    }

    internal static Stream OpenResource(string name) =>
        typeof(CriteriaCatalog).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture, "The embedded resource '{0}' is missing from the assembly.", name));

    internal static byte[] ReadEmbeddedBytes()
    {
        using var stream = OpenResource(DefaultResource);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
