using System.Collections.Immutable;
using System.Globalization;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Internal.Json;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Core.Catalog.Json;

/// <content>The criteria sets, with their members and their own grouping into themes.</content>
internal sealed partial class CatalogReader
{
    private static string MemberPath(string set, int index) => JsonPaths.Index(JsonPaths.Property(set, "criteria"), index);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static bool IsRetired(CriterionDocument document) => string.Equals(document.Status, "retired", StringComparison.Ordinal);

    private List<CriteriaSet> BuildSets(List<SetDocument?>? items, string root, CriterionTable criteria, Dictionary<string, Theme?> themes, LocalDate? publishedOn)
    {
        var result = new List<CriteriaSet>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var path = JsonPaths.Property(root, "sets");
        if (items is null)
        {
            Report(ErrorCodes.MissingProperty, path, "sets");
            return result;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var at = JsonPaths.Index(path, i);
            if (items[i] is not { } item)
            {
                Report(ErrorCodes.MissingProperty, at, "set");
                continue;
            }

            CheckUnknown(item.Unknown, at);
            var id = RequiredString(item.Id, at, "id");
            if (id is not null && !ids.Add(id))
            {
                Report(ErrorCodes.DuplicateId, JsonPaths.Property(at, "id"), "set", id);
            }

            var kind = RequiredEnum(item.Kind, at, "kind", Vocabulary.SetKinds);
            var name = RequiredText(item.Name, at, "name");
            var targetGroup = OptionalText(item.TargetGroup, at, "targetGroup");
            var from = RequiredDate(item.EffectiveFrom, at, "effectiveFrom");
            var to = OptionalDate(item.EffectiveTo, at, "effectiveTo");
            if (from is { } start && to is { } end && end < start)
            {
                Report(ErrorCodes.PeriodEndsBeforeStart, JsonPaths.Property(at, "effectiveTo"),
                    LocalDatePattern.Iso.Format(start), LocalDatePattern.Iso.Format(end));
            }

            var kinds = ImmutableArray.CreateBuilder<OrganisationKind>();
            if (item.OrganisationKinds is { } kindNames)
            {
                var kindsPath = JsonPaths.Property(at, "organisationKinds"); // one per set
                for (var k = 0; k < kindNames.Count; k++)
                {
                    var parsed = EnumAt(kindNames[k], JsonPaths.Index(kindsPath, k), "organisationKinds", Vocabulary.OrganisationKinds);
                    if (parsed is { } value && !kinds.Contains(value))
                    {
                        kinds.Add(value);
                    }
                }
            }

            // A set is still in force if it has no end, or ends on or after the catalog's publication.
            var inForce = to is null || (publishedOn is { } published && to.Value >= published);
            var members = ImmutableArray.CreateBuilder<Criterion>();
            var seen = new HashSet<int>();
            if (item.Criteria is null)
            {
                Report(ErrorCodes.MissingProperty, JsonPaths.Property(at, "criteria"), "criteria");
            }
            else
            {
                for (var c = 0; c < item.Criteria.Count; c++)
                {
                    if (item.Criteria[c] is not { } criterionId)
                    {
                        Report(ErrorCodes.MissingProperty, MemberPath(at, c), "criteria");
                        continue;
                    }

                    if (!criteria.Declared.TryGetValue(criterionId, out var declared))
                    {
                        Report(ErrorCodes.UnknownCriterionInSet, MemberPath(at, c), id ?? string.Empty, Id(criterionId));
                        continue;
                    }

                    if (!seen.Add(criterionId))
                    {
                        Report(ErrorCodes.DuplicateCriterionInSet, MemberPath(at, c), id ?? string.Empty, Id(criterionId));
                        continue;
                    }

                    if (inForce && IsRetired(declared))
                    {
                        Report(ErrorCodes.RetiredCriterionInActiveSet, MemberPath(at, c), id ?? string.Empty, Id(criterionId));
                    }

                    if (criteria.ById.TryGetValue(criterionId, out var criterion))
                    {
                        members.Add(criterion);
                    }
                }
            }

            var groups = BuildThemeGroups(item.Themes, at, id ?? string.Empty, members, themes);
            if (id is null || kind is null || name is null || from is null)
            {
                continue;
            }

            result.Add(new CriteriaSet(id, kind.Value, name, targetGroup, kinds.ToImmutable(), from.Value, to, members.ToImmutable(), result.Count, groups));
        }

        return result;
    }

    /// <summary>A set's own grouping into themes: known themes, each criterion a member of the set and placed once.</summary>
    private ImmutableArray<(Theme Theme, ImmutableArray<Criterion> Criteria)> BuildThemeGroups(
        List<SetThemeDocument?>? items, string at, string setId, ImmutableArray<Criterion>.Builder members, Dictionary<string, Theme?> themes)
    {
        if (items is null)
        {
            return [];
        }

        var path = JsonPaths.Property(at, "themes");
        var groups = ImmutableArray.CreateBuilder<(Theme, ImmutableArray<Criterion>)>(items.Count);
        var placed = new HashSet<int>();
        var seenThemes = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < items.Count; g++)
        {
            var groupPath = JsonPaths.Index(path, g);
            if (items[g] is not { } item)
            {
                Report(ErrorCodes.MissingProperty, groupPath, "themes");
                continue;
            }

            CheckUnknown(item.Unknown, groupPath);
            Theme? theme = null;
            if (RequiredString(item.Theme, groupPath, "theme") is { } themeId)
            {
                if (!themes.TryGetValue(themeId, out theme) || theme is null)
                {
                    Report(ErrorCodes.UnknownSetTheme, JsonPaths.Property(groupPath, "theme"), setId, themeId);
                }
                else if (!seenThemes.Add(themeId))
                {
                    Report(ErrorCodes.DuplicateId, JsonPaths.Property(groupPath, "theme"), "theme", themeId);
                }
            }

            var criteria = ImmutableArray.CreateBuilder<Criterion>();
            if (item.Criteria is null)
            {
                Report(ErrorCodes.MissingProperty, JsonPaths.Property(groupPath, "criteria"), "criteria");
                continue;
            }

            for (var c = 0; c < item.Criteria.Count; c++)
            {
                var criterionPath = JsonPaths.Index(JsonPaths.Property(groupPath, "criteria"), c);
                var member = item.Criteria[c] is { } criterionId ? members.FirstOrDefault(m => m.Id == criterionId) : null;
                if (member is null || !placed.Add(member.Id))
                {
                    Report(ErrorCodes.SetThemeCriterion, criterionPath, setId, Id(item.Criteria[c] ?? 0));
                    continue;
                }

                criteria.Add(member);
            }

            if (theme is not null)
            {
                groups.Add((theme, criteria.ToImmutable()));
            }
        }

        return groups.ToImmutable();
    }
}
