using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Schedule;
using NodaTime;

namespace Miljofyrtarn.Core.ReadModels;

/// <summary>One unit in the <see cref="MunicipalityOverview"/>: whose it is, where, its certificate and what is due.</summary>
/// <remarks>Immutable; value equality.</remarks>
/// <param name="Stream">The organisation's stream in the store.</param>
/// <param name="OrganisationNumber">The organisation's number (<i>organisasjonsnummer</i>).</param>
/// <param name="OrganisationName">The organisation's name.</param>
/// <param name="Unit">The unit's ID.</param>
/// <param name="UnitName">The unit's name.</param>
/// <param name="Role">Headquarters (HK) or underlying unit (UE).</param>
/// <param name="Municipality">The municipality number of the municipality it is in (its own, else its headquarters'); null when neither is given.</param>
/// <param name="State">Its state in the certification lifecycle.</param>
/// <param name="CertificateNumber">Its current certificate's number; null when it has none.</param>
/// <param name="CertificateStatus">Its current certificate's status; null when it has none.</param>
/// <param name="ExpiresOn">Its current certificate's last valid day; null when it has none.</param>
/// <param name="NextDeadline">Its next deadline due today or later and not met; null when none.</param>
/// <param name="OverdueReports">How many of its annual reports are overdue today.</param>
public sealed record OverviewEntry(
    string Stream,
    OrganisationNumber OrganisationNumber,
    string OrganisationName,
    UnitId Unit,
    string UnitName,
    UnitRole Role,
    string? Municipality,
    UnitState State,
    string? CertificateNumber,
    CertificateStatus? CertificateStatus,
    LocalDate? ExpiresOn,
    Deadline? NextDeadline,
    int OverdueReports);
