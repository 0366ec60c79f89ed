using System.Collections.Immutable;
using Miljofyrtarn.Core.Localization;
using NodaTime;

namespace Miljofyrtarn.Core.Catalog;

/// <summary>
/// A criteria set (kriteriesett): the common criteria (felleskriterier) of one version, or the industry
/// criteria (bransjekriterier) of one industry. Sets are versioned catalog data, never an enum.
/// </summary>
/// <remarks>Immutable and thread-safe. Reference equality: within one catalog there is one instance per ID.</remarks>
public sealed class CriteriaSet
{
    internal CriteriaSet(
        string id,
        CriteriaSetKind kind,
        LocalizedText name,
        LocalizedText? targetGroup,
        ImmutableArray<OrganisationKind> organisationKinds,
        LocalDate effectiveFrom,
        LocalDate? effectiveTo,
        ImmutableArray<Criterion> criteria,
        int ordinal,
        ImmutableArray<(Theme Theme, ImmutableArray<Criterion> Criteria)> themeGroups)
    {
        Id = id;
        Kind = kind;
        Name = name;
        TargetGroup = targetGroup;
        OrganisationKinds = organisationKinds;
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        Criteria = criteria;
        Ordinal = ordinal;
        ThemeGroups = themeGroups;
        var own = ImmutableDictionary.CreateBuilder<int, Theme>();
        foreach (var (theme, members) in ThemeGroups)
        {
            foreach (var member in members)
            {
                own[member.Id] = theme;
            }
        }

        _themeOf = own.ToImmutable();
        Themes = [.. ThemeGroups.Select(g => g.Theme).Concat(criteria.Where(c => !_themeOf.ContainsKey(c.Id)).Select(c => c.Theme).OrderBy(t => t.Ordinal)).Distinct()];
    }

    private readonly ImmutableDictionary<int, Theme> _themeOf;

    /// <summary>The set's ID in the catalog, for example <c>felles-kommune-2023</c>.</summary>
    public string Id { get; }

    /// <summary>Common, industry, or one of the retired kinds.</summary>
    public CriteriaSetKind Kind { get; }

    /// <summary>The set's name, for example «Barnehage».</summary>
    public LocalizedText Name { get; }

    /// <summary>A description of who the set is for, if the catalog gives one.</summary>
    public LocalizedText? TargetGroup { get; }

    /// <summary>The kinds of organisation the set is open to; empty means every kind.</summary>
    public ImmutableArray<OrganisationKind> OrganisationKinds { get; }

    /// <summary>The first day the set is in force.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>The last day the set is in force (inclusive), or null while it has no end.</summary>
    public LocalDate? EffectiveTo { get; }

    /// <summary>The set's criteria, in the order the set lists them.</summary>
    public ImmutableArray<Criterion> Criteria { get; }

    /// <summary>The set's position in the catalog (0-based).</summary>
    public int Ordinal { get; }

    /// <summary>
    /// The themes the set's criteria fall under, in the set's order: first the set's own grouping (for example the ten
    /// municipal categories, Forankring to Eierskap), then the themes of criteria the set does not group, in catalog order.
    /// </summary>
    public ImmutableArray<Theme> Themes { get; }

    /// <summary>
    /// The set's own grouping of its criteria into themes, in the set's order; empty when the set keeps every criterion's own theme.
    /// A criterion shared with other sets may sit under a different theme here than in them.
    /// </summary>
    internal ImmutableArray<(Theme Theme, ImmutableArray<Criterion> Criteria)> ThemeGroups { get; }

    /// <summary>The theme a criterion falls under in this set: the set's own grouping if it places the criterion, else the criterion's own theme.</summary>
    /// <param name="criterion">The criterion.</param>
    /// <returns>The theme.</returns>
    public Theme ThemeOf(Criterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return _themeOf.TryGetValue(criterion.Id, out var theme) ? theme : criterion.Theme;
    }

    /// <summary>Whether the set is in force on the given date: on or after <see cref="EffectiveFrom"/> and on or before <see cref="EffectiveTo"/> (inclusive).</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when the set is in force on that date.</returns>
    public bool IsInForceOn(LocalDate date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo.Value);

    /// <summary>Whether the set is open to the given kind of organisation.</summary>
    /// <param name="kind">The kind of organisation.</param>
    /// <returns><see langword="true"/> when <see cref="OrganisationKinds"/> is empty or contains <paramref name="kind"/>.</returns>
    public bool IsOpenTo(OrganisationKind kind) => OrganisationKinds.IsEmpty || OrganisationKinds.Contains(kind);

    /// <inheritdoc />
    public override string ToString() => Id;
}
