using System.Collections.Immutable;
using System.Globalization;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Internal.Json;

namespace Miljofyrtarn.Core.Catalog.Json;

/// <summary>
/// Turns a catalog document into a <see cref="CriteriaCatalog"/>: guard pass (syntax, depth, duplicate
/// names), source-generated deserialisation, then validation of the whole document, collecting every
/// problem before anything is built.
/// </summary>
internal sealed partial class CatalogReader
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const int SchemaVersion = 1;

    private readonly List<Diagnostic> _problems = [];

    private CatalogReader()
    {
    }

    public static CriteriaCatalog Read(Stream stream, CatalogLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return GuardedJson.ReadStream(stream, options.MaxBytes, Fail, bytes => Read(bytes, options));
    }

    public static CriteriaCatalog Read(ReadOnlyMemory<byte> utf8, CatalogLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var document = GuardedJson.Read(utf8, options.MaxBytes, options.MaxDepth, CatalogJson.TypeInfo(options.MaxDepth), Fail);
        var reader = new CatalogReader();
        var catalog = reader.Build(document);
        if (reader._problems.Count > 0 || catalog is null)
        {
            throw new CatalogLoadException(GuardedJson.Locate(utf8.Span, reader._problems));
        }

        return catalog;
    }

    private static CatalogLoadException Fail(IReadOnlyList<Diagnostic> problems) => new(problems);

    private void Report(string code, string path, params string[] arguments) => _problems.Add(new Diagnostic(code, arguments, path));

    private CriteriaCatalog? Build(CatalogDocument? document)
    {
        const string root = JsonPaths.Root;
        if (document is null)
        {
            Report(ErrorCodes.MissingProperty, root, "catalog");
            return null;
        }

        CheckUnknown(document.Unknown, root);
        if (document.SchemaVersion is null)
        {
            Report(ErrorCodes.MissingProperty, JsonPaths.Property(root, "schemaVersion"), "schemaVersion");
        }
        else if (document.SchemaVersion != SchemaVersion)
        {
            // A different version is a different format: report only this, the rest would mislead.
            Report(ErrorCodes.UnsupportedSchemaVersion, JsonPaths.Property(root, "schemaVersion"),
                document.SchemaVersion.Value.ToString(CultureInfo.InvariantCulture), SchemaVersion.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        var version = RequiredString(document.Version, root, "version");
        var publishedOn = RequiredDate(document.PublishedOn, root, "publishedOn");
        var title = RequiredText(document.Title, root, "title");
        var description = OptionalText(document.Description, root, "description");
        var source = OptionalString(document.Source, root, "source");

        var themes = BuildThemes(document.Themes, root);
        var questions = BuildQuestions(document.Questions, root);
        var criteria = BuildCriteria(document.Criteria, root, themes, questions);
        CheckReplacements(document.Criteria, criteria);
        var sets = BuildSets(document.Sets, root, criteria, themes, publishedOn);
        CheckCommonSetsUnambiguous(sets, root);

        if (_problems.Count > 0)
        {
            return null;
        }

        return new CriteriaCatalog(
            version!,
            publishedOn!.Value,
            title!,
            description,
            document.Illustrative ?? false,
            source,
            themes.Values.OrderBy(t => t!.Ordinal).ToImmutableArray()!,
            questions.Values.OrderBy(q => q!.Ordinal).ToImmutableArray()!,
            criteria.Ordered.ToImmutableArray(),
            sets.ToImmutableArray());
    }

    private Dictionary<string, Theme?> BuildThemes(List<ThemeDocument?>? items, string root)
    {
        // Declared IDs map to null when the theme itself is invalid, so references to it do not cascade.
        var result = new Dictionary<string, Theme?>(StringComparer.Ordinal);
        var path = JsonPaths.Property(root, "themes");
        if (items is null)
        {
            Report(ErrorCodes.MissingProperty, path, "themes");
            return result;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var at = JsonPaths.Index(path, i);
            if (items[i] is not { } item)
            {
                Report(ErrorCodes.MissingProperty, at, "theme");
                continue;
            }

            CheckUnknown(item.Unknown, at);
            var id = RequiredString(item.Id, at, "id");
            var name = RequiredText(item.Name, at, "name");
            if (id is null)
            {
                continue;
            }

            if (!result.TryAdd(id, name is null ? null : new Theme(id, name, i)))
            {
                Report(ErrorCodes.DuplicateId, JsonPaths.Property(at, "id"), "theme", id);
            }
        }

        return result;
    }

    private Dictionary<string, IntroductoryQuestion?> BuildQuestions(List<QuestionDocument?>? items, string root)
    {
        var result = new Dictionary<string, IntroductoryQuestion?>(StringComparer.Ordinal);
        var path = JsonPaths.Property(root, "questions");
        if (items is null)
        {
            Report(ErrorCodes.MissingProperty, path, "questions");
            return result;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var at = JsonPaths.Index(path, i);
            if (items[i] is not { } item)
            {
                Report(ErrorCodes.MissingProperty, at, "question");
                continue;
            }

            CheckUnknown(item.Unknown, at);
            var id = RequiredString(item.Id, at, "id");
            var text = RequiredText(item.Text, at, "text");
            if (id is null)
            {
                continue;
            }

            if (!result.TryAdd(id, text is null ? null : new IntroductoryQuestion(id, text, i)))
            {
                Report(ErrorCodes.DuplicateId, JsonPaths.Property(at, "id"), "question", id);
            }
        }

        return result;
    }

    private sealed class CriterionTable
    {
        public List<Criterion> Ordered { get; } = [];

        public Dictionary<int, Criterion> ById { get; } = [];

        /// <summary>Every criterion the document declares with a valid ID, built or not, so references to it do not cascade.</summary>
        public Dictionary<int, CriterionDocument> Declared { get; } = [];
    }

    private CriterionTable BuildCriteria(
        List<CriterionDocument?>? items,
        string root,
        Dictionary<string, Theme?> themes,
        Dictionary<string, IntroductoryQuestion?> questions)
    {
        var table = new CriterionTable();
        var path = JsonPaths.Property(root, "criteria");
        if (items is null)
        {
            Report(ErrorCodes.MissingProperty, path, "criteria");
            return table;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var at = JsonPaths.Index(path, i);
            if (items[i] is not { } item)
            {
                Report(ErrorCodes.MissingProperty, at, "criterion");
                continue;
            }

            CheckUnknown(item.Unknown, at);
            var ok = true;
            if (item.Id is not { } id)
            {
                Report(ErrorCodes.MissingProperty, JsonPaths.Property(at, "id"), "id");
                ok = false;
                id = 0;
            }
            else if (id <= 0)
            {
                Report(ErrorCodes.InvalidValue, JsonPaths.Property(at, "id"), id.ToString(CultureInfo.InvariantCulture), "≥ 1");
                ok = false;
            }

            if (ok && !table.Declared.TryAdd(id, item))
            {
                Report(ErrorCodes.DuplicateId, JsonPaths.Property(at, "id"), "criterion", id.ToString(CultureInfo.InvariantCulture));
                ok = false;
            }

            Theme? theme = null;
            var themeId = RequiredString(item.Theme, at, "theme");
            if (themeId is not null && !themes.TryGetValue(themeId, out theme))
            {
                Report(ErrorCodes.UnknownTheme, JsonPaths.Property(at, "theme"), id.ToString(CultureInfo.InvariantCulture), themeId);
            }

            var obligation = RequiredEnum(item.Obligation, at, "obligation", Vocabulary.Obligations);
            var status = OptionalEnum(item.Status, at, "status", Vocabulary.Statuses, CriterionStatus.Active);
            var fulfilledBy = OptionalEnum(item.FulfilledBy, at, "fulfilledBy", Vocabulary.Responsibilities, ResponsibilityHint.EachUnit);
            var title = RequiredText(item.Title, at, "title");
            var text = RequiredText(item.Text, at, "text");

            ApplicabilityCondition? condition = null;
            if (item.AppliesWhen is { } when)
            {
                var whenPath = JsonPaths.Property(at, "appliesWhen"); // rare: only conditional criteria
                CheckUnknown(when.Unknown, whenPath);
                var questionId = RequiredString(when.Question, whenPath, "question");
                if (when.Answer is null)
                {
                    Report(ErrorCodes.MissingProperty, JsonPaths.Property(whenPath, "answer"), "answer");
                }

                if (questionId is not null && !questions.ContainsKey(questionId))
                {
                    Report(ErrorCodes.UnknownQuestion, JsonPaths.Property(whenPath, "question"), questionId);
                }
                else if (questionId is not null && when.Answer is { } answer)
                {
                    condition = new ApplicabilityCondition(questionId, answer);
                }
            }

            if (status == CriterionStatus.Active && item.ReplacedBy is { } replacement)
            {
                Report(ErrorCodes.ActiveWithReplacement, JsonPaths.Property(at, "replacedBy"),
                    id.ToString(CultureInfo.InvariantCulture), replacement.ToString(CultureInfo.InvariantCulture));
            }

            if (!ok || theme is null || obligation is null || status is null || fulfilledBy is null || title is null || text is null)
            {
                continue;
            }

            var criterion = new Criterion(id, theme, title, text, obligation.Value, status.Value,
                status == CriterionStatus.Retired ? item.ReplacedBy : null, condition, fulfilledBy.Value, table.Ordered.Count);
            if (table.ById.TryAdd(id, criterion))
            {
                table.Ordered.Add(criterion);
            }
            else
            {
                Report(ErrorCodes.DuplicateId, JsonPaths.Property(at, "id"), "criterion", id.ToString(CultureInfo.InvariantCulture));
            }
        }

        return table;
    }

    private void CheckReplacements(List<CriterionDocument?>? items, CriterionTable table)
    {
        if (items is null)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { Id: { } id } item || !IsRetired(item) || !ReferenceEquals(table.Declared.GetValueOrDefault(id), item))
            {
                continue;
            }

            var at = JsonPaths.Property(JsonPaths.Index(JsonPaths.Property(JsonPaths.Root, "criteria"), i), "replacedBy");
            var idText = id.ToString(CultureInfo.InvariantCulture);
            if (item.ReplacedBy is not { } next)
            {
                Report(ErrorCodes.RetiredWithoutReplacement, at, idText);
                continue;
            }

            // Follow the chain to an active criterion; every hop must exist and none may repeat.
            var chain = new List<int> { id };
            var current = next;
            while (true)
            {
                if (!table.Declared.TryGetValue(current, out var successor))
                {
                    // Report an unknown replacement once, at the criterion that names it.
                    if (chain.Count == 1)
                    {
                        Report(ErrorCodes.UnknownReplacement, at, idText, current.ToString(CultureInfo.InvariantCulture));
                    }

                    break;
                }

                if (chain.Contains(current))
                {
                    chain.Add(current);
                    Report(ErrorCodes.CyclicReplacement, at, idText, string.Join(" → ", chain.Select(c => c.ToString(CultureInfo.InvariantCulture))));
                    break;
                }

                chain.Add(current);
                if (!IsRetired(successor) || successor.ReplacedBy is not { } further)
                {
                    break;
                }

                current = further;
            }
        }
    }

    private void CheckCommonSetsUnambiguous(List<CriteriaSet> sets, string root)
    {
        var common = sets.Where(s => s.Kind == CriteriaSetKind.Common).ToList();
        for (var a = 0; a < common.Count; a++)
        {
            for (var b = a + 1; b < common.Count; b++)
            {
                var x = common[a];
                var y = common[b];
                var overlap = x.OrganisationKinds.IsEmpty || y.OrganisationKinds.IsEmpty || x.OrganisationKinds.Intersect(y.OrganisationKinds).Any();
                if (x.EffectiveFrom == y.EffectiveFrom && overlap)
                {
                    Report(ErrorCodes.AmbiguousCommonSets, JsonPaths.Index(JsonPaths.Property(root, "sets"), y.Ordinal), x.Id, y.Id);
                }
            }
        }
    }
}
