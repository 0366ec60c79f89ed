namespace Miljofyrtarn.Core;

/// <summary>
/// The kind of organisation that is certified. It decides which common criteria (felleskriterier) apply.
/// </summary>
public enum OrganisationKind
{
    /// <summary>A municipality (kommune).</summary>
    Municipality = 0,

    /// <summary>A county municipality (fylkeskommune).</summary>
    CountyMunicipality = 1,

    /// <summary>A private enterprise or a group of enterprises (privat virksomhet, konsern).</summary>
    Private = 2,

    /// <summary>A state enterprise (statlig virksomhet).</summary>
    State = 3,
}
