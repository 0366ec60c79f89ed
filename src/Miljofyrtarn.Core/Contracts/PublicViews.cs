using System.Text.Json.Serialization;
using Miljofyrtarn.Core.Internal.Json;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Contracts;

/// <summary>
/// What anyone may know of an organisation: its name and number, its phase, and each unit's state and certificate. No
/// personal data: no people, no e-mail addresses, no comments, not even the certifier's name.
/// </summary>
/// <param name="Number">The organisation number.</param>
/// <param name="Name">The organisation's name.</param>
/// <param name="Phase">The phase.</param>
/// <param name="PhaseName">The phase, in words.</param>
/// <param name="Units">Each unit, headquarters first.</param>
public sealed record PublicOrganisationView(
    string Number,
    string Name,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<OrganisationPhase>))] OrganisationPhase Phase,
    ContractText PhaseName,
    IReadOnlyList<PublicUnitView> Units);

/// <summary>A unit as anyone may see it: its state and its certificate.</summary>
/// <param name="Id">The unit's ID.</param>
/// <param name="Name">The unit's name.</param>
/// <param name="State">Its lifecycle state.</param>
/// <param name="StateName">The state, in words.</param>
/// <param name="Certificate">Its current certificate, or null.</param>
public sealed record PublicUnitView(
    UnitId Id,
    string Name,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<UnitState>))] UnitState State,
    ContractText StateName,
    PublicCertificateView? Certificate);

/// <summary>A certificate as anyone may see it: its number, its validity, and whether it is valid today.</summary>
/// <param name="Number">The certificate number.</param>
/// <param name="ValidFrom">The first valid day.</param>
/// <param name="ValidTo">The last valid day.</param>
/// <param name="Status">Its status.</param>
/// <param name="ValidToday">Whether it is valid on the lifecycle's today.</param>
public sealed record PublicCertificateView(
    string Number,
    [property: JsonConverter(typeof(IsoLocalDateConverter))] LocalDate ValidFrom,
    [property: JsonConverter(typeof(IsoLocalDateConverter))] LocalDate ValidTo,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<CertificateStatus>))] CertificateStatus Status,
    bool ValidToday);

/// <summary>The public view of a lifecycle.</summary>
public static class PublicViews
{
    /// <summary>What anyone may know of the organisation (see <see cref="PublicOrganisationView"/>).</summary>
    /// <param name="lifecycle">The lifecycle.</param>
    /// <param name="language">The language of texts.</param>
    /// <returns>The view.</returns>
    public static PublicOrganisationView ToPublicView(this OrganisationLifecycle lifecycle, ContractLanguage language = default)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        var today = lifecycle.Today;
        var units = lifecycle.Organisation.AllUnits.Select(unit =>
        {
            var state = lifecycle.GetUnitLifecycle(unit.Id);
            var certificate = state.CurrentCertificate is { } c ? new PublicCertificateView(c.Number, c.ValidFrom, c.ValidTo, c.Status, c.IsValidOn(today)) : null;
            return new PublicUnitView(unit.Id, unit.Name, state.State, language.Text(l => state.State.GetName(l)), certificate);
        }).ToArray();
        var phase = lifecycle.Phase;
        return new PublicOrganisationView(lifecycle.Organisation.Number.ToString(), lifecycle.Organisation.Name, phase, language.Text(l => phase.GetName(l)), units);
    }
}
