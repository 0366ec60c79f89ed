using System.Collections.Immutable;

namespace Miljofyrtarn.Core.Organisations;

/// <summary>
/// What a host says about a unit (HK or UE) when adding or changing it: a plain description, checked by
/// <see cref="Organisation"/> against the catalog and the organisation's rules. Use <c>with</c> to change a copy.
/// </summary>
/// <remarks>Immutable. Value equality is record equality (collections compare by reference); compare units through <see cref="Organisation"/> instead.</remarks>
/// <param name="Id">The unit's stable ID.</param>
/// <param name="Name">The unit's name, for example «Rådhuset» or «Solsikken barnehage».</param>
public sealed record UnitDefinition(UnitId Id, string Name)
{
    /// <summary>The unit's address or location; units that share a certificate as co-located must have the same one.</summary>
    public string? Address { get; init; }

    /// <summary>
    /// The municipality (<i>kommune</i>) the unit is in, by its four-digit municipality number (<i>kommunenummer</i>),
    /// for example <c>4601</c> for Bergen or <c>0301</c> for Oslo; null while not given. A municipality's officer lists
    /// the certified units in it by this number (<see cref="ReadModels.MunicipalityOverview"/>).
    /// </summary>
    public string? Municipality { get; init; }

    /// <summary>The unit's full-time equivalents (årsverk), or null while not given.</summary>
    public decimal? FullTimeEquivalents { get; init; }

    /// <summary>
    /// The IDs of the unit's criteria sets, typically industry sets. The organisation's common set is always
    /// included and need not be listed; listing another common set is an error.
    /// </summary>
    public ImmutableArray<string> SetIds { get; init; } = [];

    /// <summary>The ID of the unit's main set (hovedkriteriesett), one of its sets including the common set; null while not chosen.</summary>
    public string? MainSetId { get; init; }

    /// <summary>The unit's answers to the introductory questions (innledende spørsmål), by question ID.</summary>
    public ImmutableDictionary<string, bool> Answers { get; init; } = ImmutableDictionary<string, bool>.Empty;

    /// <summary>The unit's Miljøfyrtårn officer (miljøfyrtårnansvarlig), if appointed.</summary>
    public Person? Officer { get; init; }

    /// <summary>The users with the management label (ledelsen); only they may deliver the mapping to the certifier.</summary>
    public ImmutableArray<Person> Management { get; init; } = [];

    /// <summary>How the unit is covered by a certificate; <see cref="CertificateArrangement.Own"/> by default.</summary>
    public CertificateArrangement Certificate { get; init; } = CertificateArrangement.Own;
}
