using System.Collections.Immutable;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using Miljofyrtarn.Core.Resolution;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>The actions: each one creates its event (decide), which the event's own handler applies (evolve).</summary>
public sealed partial class OrganisationLifecycle
{
    // ---- Actions on the organisation (issue: headquarters model) ----

    /// <summary>Adds an underlying unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">Refused; nothing changed.</exception>
    public OrganisationLifecycle AddUnit(UnitDefinition unit, Actor actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new UnitAdded(n, at, actor.Id, unit), actor);

    /// <summary>Changes a unit's details.</summary>
    /// <param name="unit">The unit's new details.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">Refused; nothing changed.</exception>
    public OrganisationLifecycle UpdateUnit(UnitDefinition unit, Actor actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new UnitUpdated(n, at, actor.Id, unit), actor);

    /// <summary>Removes a unit that is not started or withdrawn.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">Refused; nothing changed.</exception>
    public OrganisationLifecycle RemoveUnit(UnitId unit, Actor actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new UnitRemoved(n, at, actor.Id, unit), actor);

    /// <summary>Allocates a criterion to headquarters or to the units.</summary>
    /// <param name="criterionId">The criterion.</param>
    /// <param name="party">Who fulfils it.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">Refused; nothing changed.</exception>
    public OrganisationLifecycle Allocate(int criterionId, ResponsibleParty party, Actor actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new ResponsibilityAllocated(n, at, actor.Id, criterionId, party), actor);

    /// <summary>Records an assessment of a criterion for a unit, dated now by the clock.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="criterionId">The criterion.</param>
    /// <param name="status">The status.</param>
    /// <param name="actor">Who.</param>
    /// <param name="comment">A comment, or null.</param>
    /// <param name="justification">The justification, required for not applicable.</param>
    /// <param name="evidence">Evidence references.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">Refused; nothing changed.</exception>
    public OrganisationLifecycle RecordAssessment(UnitId unit, int criterionId, FulfilmentStatus status, Actor actor, string? comment = null, string? justification = null, ImmutableArray<EvidenceReference> evidence = default, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new AssessmentRecorded(n, at, actor.Id, unit, criterionId, new CriterionAssessment(status, at, actor.Id, comment, justification, evidence)), actor);

    // ---- Lifecycle actions ----

    /// <summary>Completes the start-up (oppstart): roles appointed, units and sets chosen, start-up list sent.</summary>
    /// <param name="startUpListSentOn">The day the start-up list was sent to the foundation.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">A guard does not hold; every reason is listed.</exception>
    public OrganisationLifecycle CompleteStartUp(LocalDate startUpListSentOn, Actor actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new StartUpCompleted(n, at, actor.Id, startUpListSentOn), actor);

    /// <summary>Opens a unit's mapping (miljøkartlegging).</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">A guard does not hold; every reason is listed.</exception>
    public OrganisationLifecycle OpenMapping(UnitId unit, Actor actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new MappingOpened(n, at, actor.Id, unit), actor);

    /// <summary>Delivers a unit's mapping to the certifier; only a management user may.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="actor">The management user.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">A guard does not hold; every reason is listed.</exception>
    public OrganisationLifecycle Deliver(UnitId unit, Actor actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new MappingDelivered(n, at, actor.Id, unit), actor);

    /// <summary>Certifies a unit: a certificate valid for three years is issued today.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="certifier">The certifier, independent of the organisation.</param>
    /// <param name="certificateNumber">The new certificate's number.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">A guard does not hold; every reason is listed.</exception>
    public OrganisationLifecycle Certify(UnitId unit, Certifier certifier, string certificateNumber, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(certifier);
        return Do(expectedVersion, (n, at) => new UnitCertified(n, at, certifier.Id, unit, certifier, certificateNumber, false));
    }

    /// <summary>
    /// Submits a unit's annual climate and environment report for a year, with its content (see <see cref="CreateReport"/>).
    /// The event holds the content, so the history stays the single source of the report, and the emission factor set
    /// its climate account is computed with today (<see cref="SchemeRuleBook.FactorSets"/>), so the account reads the same later.
    /// </summary>
    /// <param name="unit">The unit.</param>
    /// <param name="year">The calendar year covered.</param>
    /// <param name="actor">Who.</param>
    /// <param name="content">The report's figures, goals and measures; null records only that it was submitted.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// A guard does not hold, or the content is not this unit's and year's or breaks a rule of the report (a missing
    /// mandatory indicator, each one named); every reason is listed.
    /// </exception>
    public OrganisationLifecycle SubmitAnnualReport(UnitId unit, int year, Actor actor, EnvironmentalReport? content = null, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new AnnualReportSubmitted(n, at, actor.Id, unit, year, content, content is null ? null : FactorSetOn(year, Today)?.Reference), actor);

    /// <summary>Records a postponement of an annual report that the foundation granted.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="year">The calendar year covered.</param>
    /// <param name="dueOn">The new due date; later than the current one.</param>
    /// <param name="actor">Who: in a governed organisation, someone the host vouches for as acting for the foundation (<see cref="Actor.ForFoundation"/>).</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">A guard does not hold; every reason is listed.</exception>
    public OrganisationLifecycle GrantPostponement(UnitId unit, int year, LocalDate dueOn, Actor actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new PostponementGranted(n, at, actor.Id, unit, year, dueOn), actor);

    /// <summary>
    /// Opens a unit's recertification, no earlier than six months before its certificate expires. When headquarters
    /// opens it and a newer common-criteria version now applies, HK's recertification is mapped on the newer version
    /// (<see cref="Organisation.PendingCommonSet"/>); the underlying units keep theirs until HK's recertification is
    /// approved, then switch with it.
    /// </summary>
    /// <param name="unit">The unit.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">A guard does not hold; every reason is listed.</exception>
    public OrganisationLifecycle OpenRecertification(UnitId unit, Actor actor, long? expectedVersion = null)
    {
        var position = Position(unit);
        var commonSet = position == 0 ? Evolution.CommonSetForRecertification(Organisation, Today) : Organisation.CommonSet;
        return Do(expectedVersion, (n, at) => new RecertificationOpened(n, at, actor.Id, unit, commonSet.Id), actor);
    }

    /// <summary>Recertifies a unit: a new certificate replaces the old one.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="certifier">The certifier, independent of the organisation.</param>
    /// <param name="certificateNumber">The new certificate's number.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">A guard does not hold; every reason is listed.</exception>
    public OrganisationLifecycle Recertify(UnitId unit, Certifier certifier, string certificateNumber, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(certifier);
        return Do(expectedVersion, (n, at) => new UnitCertified(n, at, certifier.Id, unit, certifier, certificateNumber, true));
    }

    /// <summary>Withdraws a unit's certificate.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="actor">Who: in a governed organisation, the assigned certifier, or someone acting for the foundation (<see cref="Actor.ForFoundation"/>).</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">A guard does not hold; every reason is listed.</exception>
    public OrganisationLifecycle Withdraw(UnitId unit, string reason, Actor actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new CertificateWithdrawn(n, at, actor.Id, unit, reason), actor);

    /// <summary>Expires one unit's certificate after its last valid day, by the clock; recorded as done by <see cref="SystemActor"/>.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">The certificate is still valid (<see cref="ErrorCodes.CertificateNotExpired"/>), or the state has none.</exception>
    public OrganisationLifecycle Expire(UnitId unit, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new CertificateExpired(n, at, SystemActor, unit));

    /// <summary>
    /// Expires every certificate whose last valid day has passed (by the clock), one event per certificate. Driven by
    /// time: call it on a schedule, or before reading the state. Returns this lifecycle when nothing expired.
    /// </summary>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    public OrganisationLifecycle ExpireCertificates(long? expectedVersion = null)
    {
        CheckVersion(expectedVersion);
        var result = this;
        foreach (var unit in Organisation.AllUnits)
        {
            var position = result.Position(unit.Id);
            if (!result.IsCovered(position) && LifecycleTable.Allows(new GuardContext(result._state, Rules, position, result.Today, LifecycleAction.Expire, ActionInput.Probe)))
            {
                result = result.Expire(unit.Id);
            }
        }

        return result;
    }
}
