using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using Miljofyrtarn.Core.Reporting;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>
/// A domain event: one successful action in an organisation's history, with its sequence number (1, 2, …),
/// the instant it happened and who did it. Immutable; an organisation's state is the fold of its events.
/// </summary>
/// <remarks>Value equality (records).</remarks>
/// <param name="Sequence">The event's position in the history, from 1.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Actor">Who did it: a person's ID, a certifier's ID, or <c>system</c> for time-driven events.</param>
public abstract record LifecycleEvent(long Sequence, Instant OccurredAt, string Actor);

/// <summary>The organisation was created with its headquarters.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="CatalogVersion">The version of the catalog the organisation uses.</param>
/// <param name="Name">The organisation's name.</param>
/// <param name="Kind">The kind of organisation.</param>
/// <param name="Number">The organisation number.</param>
/// <param name="StartedOn">The start date, which chose the common criteria.</param>
/// <param name="Headquarters">Headquarters.</param>
public sealed record OrganisationCreated(long Sequence, Instant OccurredAt, string Actor, string CatalogVersion, string Name, OrganisationKind Kind, OrganisationNumber Number, LocalDate StartedOn, UnitDefinition Headquarters)
    : LifecycleEvent(Sequence, OccurredAt, Actor);

/// <summary>A unit was added.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit.</param>
public sealed record UnitAdded(long Sequence, Instant OccurredAt, string Actor, UnitDefinition Unit) : LifecycleEvent(Sequence, OccurredAt, Actor);

/// <summary>A unit's details were changed.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit's new details.</param>
public sealed record UnitUpdated(long Sequence, Instant OccurredAt, string Actor, UnitDefinition Unit) : LifecycleEvent(Sequence, OccurredAt, Actor);

/// <summary>A unit was removed.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit's ID.</param>
public sealed record UnitRemoved(long Sequence, Instant OccurredAt, string Actor, UnitId Unit) : LifecycleEvent(Sequence, OccurredAt, Actor);

/// <summary>A criterion was allocated to headquarters or to the units.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="CriterionId">The criterion.</param>
/// <param name="Party">Who fulfils it.</param>
public sealed record ResponsibilityAllocated(long Sequence, Instant OccurredAt, string Actor, int CriterionId, ResponsibleParty Party) : LifecycleEvent(Sequence, OccurredAt, Actor);

/// <summary>An assessment was recorded.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit.</param>
/// <param name="CriterionId">The criterion.</param>
/// <param name="Assessment">The assessment.</param>
public sealed record AssessmentRecorded(long Sequence, Instant OccurredAt, string Actor, UnitId Unit, int CriterionId, CriterionAssessment Assessment) : LifecycleEvent(Sequence, OccurredAt, Actor);

/// <summary>The start-up was completed.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="StartUpListSentOn">The day the start-up list (oppstartsliste) was sent to the foundation.</param>
public sealed record StartUpCompleted(long Sequence, Instant OccurredAt, string Actor, LocalDate StartUpListSentOn) : LifecycleEvent(Sequence, OccurredAt, Actor);

/// <summary>A unit's mapping was opened.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit.</param>
public sealed record MappingOpened(long Sequence, Instant OccurredAt, string Actor, UnitId Unit) : LifecycleEvent(Sequence, OccurredAt, Actor);

/// <summary>A unit's mapping was delivered to the certifier.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who (a management user).</param>
/// <param name="Unit">The unit.</param>
public sealed record MappingDelivered(long Sequence, Instant OccurredAt, string Actor, UnitId Unit) : LifecycleEvent(Sequence, OccurredAt, Actor);

/// <summary>A unit was certified or recertified.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">The certifier's ID.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Certifier">The certifier.</param>
/// <param name="CertificateNumber">The number of the new certificate.</param>
/// <param name="Recertification">Whether this is a recertification.</param>
public sealed record UnitCertified(long Sequence, Instant OccurredAt, string Actor, UnitId Unit, Certifier Certifier, string CertificateNumber, bool Recertification) : LifecycleEvent(Sequence, OccurredAt, Actor);

/// <summary>An annual report was submitted.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Year">The year covered.</param>
/// <param name="Content">
/// What the report says: its figures, goals and measures. The event holds it, so the history is the single source of the
/// report. Null when only the fact of submission was recorded (histories written before reports had content).
/// </param>
public sealed record AnnualReportSubmitted(long Sequence, Instant OccurredAt, string Actor, UnitId Unit, int Year, EnvironmentalReport? Content = null) : LifecycleEvent(Sequence, OccurredAt, Actor);

/// <summary>A submitted annual report was corrected; the history keeps the report as submitted and each correction.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Year">The year covered.</param>
/// <param name="Content">The report as corrected.</param>
/// <param name="Reason">Why it was corrected.</param>
public sealed record AnnualReportCorrected(long Sequence, Instant OccurredAt, string Actor, UnitId Unit, int Year, EnvironmentalReport Content, string Reason) : LifecycleEvent(Sequence, OccurredAt, Actor);

/// <summary>A postponement of an annual report was granted.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Year">The year covered.</param>
/// <param name="DueOn">The new due date.</param>
public sealed record PostponementGranted(long Sequence, Instant OccurredAt, string Actor, UnitId Unit, int Year, LocalDate DueOn) : LifecycleEvent(Sequence, OccurredAt, Actor);

/// <summary>A unit's recertification was opened; for headquarters, possibly with a newer common-criteria version for the whole organisation.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit.</param>
/// <param name="CommonSetId">The common set in force after the event (a change only when headquarters switches version).</param>
public sealed record RecertificationOpened(long Sequence, Instant OccurredAt, string Actor, UnitId Unit, string CommonSetId) : LifecycleEvent(Sequence, OccurredAt, Actor);

/// <summary>A unit's certificate was withdrawn.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Reason">Why.</param>
public sealed record CertificateWithdrawn(long Sequence, Instant OccurredAt, string Actor, UnitId Unit, string Reason) : LifecycleEvent(Sequence, OccurredAt, Actor);

/// <summary>A unit's certificate expired.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who (<c>system</c>).</param>
/// <param name="Unit">The unit.</param>
public sealed record CertificateExpired(long Sequence, Instant OccurredAt, string Actor, UnitId Unit) : LifecycleEvent(Sequence, OccurredAt, Actor);

/// <summary>The certifier's yearly follow-up audit (årlig oppfølgingsrevisjon) of a certified unit took place.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When it was recorded; its day is the audit's day.</param>
/// <param name="Actor">Who recorded it.</param>
/// <param name="Unit">The unit audited.</param>
public sealed record FollowUpAuditRecorded(long Sequence, Instant OccurredAt, string Actor, UnitId Unit) : LifecycleEvent(Sequence, OccurredAt, Actor);
