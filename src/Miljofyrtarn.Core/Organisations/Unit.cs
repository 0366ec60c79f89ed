using System.Collections.Immutable;
using Miljofyrtarn.Core.Catalog;

namespace Miljofyrtarn.Core.Organisations;

/// <summary>Whether a unit is the headquarters or an underlying unit.</summary>
public enum UnitRole
{
    /// <summary>Headquarters (hovedkontor, HK): for a municipality, typically the town hall (rådhuset).</summary>
    Headquarters = 0,

    /// <summary>An underlying unit (underliggende enhet, UE): a kindergarten, school, nursing home, ….</summary>
    Unit = 1,
}

/// <summary>
/// A unit of an <see cref="Organisation"/>, checked against the catalog: its sets are resolved to catalog
/// sets (the organisation's common set first) and its answers refer to known questions.
/// </summary>
/// <remarks>Immutable and thread-safe. Reference equality; a changed unit is a new instance.</remarks>
public sealed class Unit
{
    internal Unit(UnitDefinition definition, UnitRole role, ImmutableArray<CriteriaSet> sets, CriteriaSet? mainSet)
    {
        Definition = definition;
        Role = role;
        Sets = sets;
        MainSet = mainSet;
    }

    /// <summary>The unit's stable ID.</summary>
    public UnitId Id => Definition.Id;

    /// <summary>The unit's name.</summary>
    public string Name => Definition.Name;

    /// <summary>Headquarters or underlying unit.</summary>
    public UnitRole Role { get; }

    /// <summary>Whether the unit is the headquarters (HK).</summary>
    public bool IsHeadquarters => Role == UnitRole.Headquarters;

    /// <summary>The unit's address or location, if given.</summary>
    public string? Address => Definition.Address;

    /// <summary>The municipality number (<i>kommunenummer</i>) of the municipality the unit is in; null while not given.</summary>
    public string? Municipality => Definition.Municipality;

    /// <summary>The unit's full-time equivalents (årsverk), if given.</summary>
    public decimal? FullTimeEquivalents => Definition.FullTimeEquivalents;

    /// <summary>The unit's criteria sets: the organisation's common set first, then the others in the order given.</summary>
    public ImmutableArray<CriteriaSet> Sets { get; }

    /// <summary>The unit's main set (hovedkriteriesett), if chosen.</summary>
    public CriteriaSet? MainSet { get; }

    /// <summary>The unit's answers to the introductory questions, by question ID.</summary>
    public ImmutableDictionary<string, bool> Answers => Definition.Answers;

    /// <summary>The unit's Miljøfyrtårn officer, if appointed.</summary>
    public Person? Officer => Definition.Officer;

    /// <summary>The users with the management label (ledelsen).</summary>
    public ImmutableArray<Person> Management => Definition.Management;

    /// <summary>How the unit is covered by a certificate.</summary>
    public CertificateArrangement Certificate => Definition.Certificate;

    /// <summary>The description the unit was created from; change a copy with <c>with</c> and pass it to <see cref="Organisation.UpdateUnit"/>.</summary>
    public UnitDefinition Definition { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name})";
}
