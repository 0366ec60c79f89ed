using Miljofyrtarn.Core.Internal;
using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>
/// The state an organisation's events fold into: the organisation, each unit's lifecycle (by position, in a structure a
/// transition changes one path of), the start-up, and the last event.
/// </summary>
internal sealed record LifecycleState(
    Organisation Organisation,
    PersistentVector<UnitLifecycle> Units,
    LocalDate? StartUpListSentOn,
    Instant LastEventAt,
    long Version)
{
    /// <summary>
    /// The number of every certificate in <see cref="Units"/>, when carried from the state before; null when not known
    /// (a restored state, or after a unit was removed), and then <see cref="IsCertificateNumberUsed"/> looks through the units.
    /// </summary>
    public PersistentHashMap<string, bool>? CertificateNumbers { get; init; }

    /// <summary>The roles the history grants, the assigned certifier, and whether the organisation is governed by them.</summary>
    public OrganisationRoles Roles { get; init; } = OrganisationRoles.None;

    /// <summary>The organisation's climate target, or null while it has set none.</summary>
    public Reporting.ClimateTarget? ClimateTarget { get; init; }

    /// <summary>The recorded recomputations of the climate account, oldest first.</summary>
    public System.Collections.Immutable.ImmutableArray<AccountRecomputation> Recomputations { get; init; } = [];

    /// <summary>Whether any unit holds a certificate with this number (ordinal comparison).</summary>
    public bool IsCertificateNumberUsed(string number) => AllCertificateNumbers().ContainsKey(number);

    /// <summary>The number of every certificate in <see cref="Units"/> (as keys): the carried set, or one built from the units.</summary>
    public PersistentHashMap<string, bool> AllCertificateNumbers() =>
        CertificateNumbers ?? PersistentHashMap<string, bool>.From(Units.SelectMany(u => u.Certificates).Select(c => KeyValuePair.Create(c.Number, true)), StringComparer.Ordinal);
}
