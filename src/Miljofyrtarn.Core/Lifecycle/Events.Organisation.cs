using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

// The events that shape the organisation: its creation, its units, the allocation of criteria and the assessments. Each carries its evolve handler: how it changes the state.

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
public sealed partial record OrganisationCreated(long Sequence, Instant OccurredAt, string Actor, string CatalogVersion, string Name, OrganisationKind Kind, OrganisationNumber Number, LocalDate StartedOn, UnitDefinition Headquarters)
    : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => null;

    /// <summary>Only the first event creates an organisation (see <see cref="OrganisationLifecycle.Replay"/>); later in a history it is refused.</summary>
    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context) =>
        throw Problems.Single(ErrorCodes.InvalidValue, nameof(OrganisationCreated), "only as the first event");
}

/// <summary>A unit was added.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit.</param>
public sealed partial record UnitAdded(long Sequence, Instant OccurredAt, string Actor, UnitDefinition Unit) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.AddUnit, null);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context) =>
        state with { Organisation = state.Organisation.AddUnit(Unit, context.Today), Units = state.Units.Add(UnitLifecycle.New(Unit.Id)) };
}

/// <summary>A unit's details were changed.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit's new details.</param>
public sealed partial record UnitUpdated(long Sequence, Instant OccurredAt, string Actor, UnitDefinition Unit) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.UpdateUnit, Unit.Id);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context) =>
        state with { Organisation = state.Organisation.UpdateUnit(Unit, context.Today) };
}

/// <summary>A unit was removed.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit's ID.</param>
public sealed partial record UnitRemoved(long Sequence, Instant OccurredAt, string Actor, UnitId Unit) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.RemoveUnit, null);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context)
    {
        var position = Evolution.Check(state, context, Unit, LifecycleAction.RemoveUnit, new ActionInput(Actor));
        var organisation = state.Organisation.RemoveUnit(Unit);
        return state with { Organisation = organisation, Units = state.Units.RemoveAt(position), CertificateNumbers = null };
    }
}

/// <summary>A criterion was allocated to headquarters or to the units.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="CriterionId">The criterion.</param>
/// <param name="Party">Who fulfils it.</param>
public sealed partial record ResponsibilityAllocated(long Sequence, Instant OccurredAt, string Actor, int CriterionId, ResponsibleParty Party) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.Allocate, null);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context) =>
        state with { Organisation = state.Organisation.Allocate(CriterionId, Party) };
}

/// <summary>An assessment was recorded.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit.</param>
/// <param name="CriterionId">The criterion.</param>
/// <param name="Assessment">The assessment.</param>
public sealed partial record AssessmentRecorded(long Sequence, Instant OccurredAt, string Actor, UnitId Unit, int CriterionId, CriterionAssessment Assessment) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.RecordAssessment, Unit);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context)
    {
        if (Assessment.RecordedAt != OccurredAt || Assessment.RecordedBy != Actor)
        {
            throw Problems.Single(ErrorCodes.InvalidValue, Assessment.RecordedBy, Actor);
        }

        var organisation = state.Organisation.RecordAssessment(Unit, CriterionId, Assessment);
        return ReferenceEquals(organisation, state.Organisation) ? state : state with { Organisation = organisation };
    }
}
