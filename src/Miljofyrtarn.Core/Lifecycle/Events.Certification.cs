using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

// The events of the certification itself: start-up, mapping, delivery, certificates and the follow-up audit. Each carries its evolve handler.

/// <summary>The start-up was completed.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="StartUpListSentOn">The day the start-up list (oppstartsliste) was sent to the foundation.</param>
public sealed partial record StartUpCompleted(long Sequence, Instant OccurredAt, string Actor, LocalDate StartUpListSentOn) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.CompleteStartUp, null);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context) =>
        Evolution.Transit(state, context, state.Organisation.Headquarters.Id, LifecycleAction.CompleteStartUp, new ActionInput(Actor)) with { StartUpListSentOn = StartUpListSentOn };
}

/// <summary>A unit's mapping was opened.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit.</param>
public sealed partial record MappingOpened(long Sequence, Instant OccurredAt, string Actor, UnitId Unit) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.OpenMapping, Unit);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context) =>
        Evolution.Transit(state, context, Unit, LifecycleAction.OpenMapping, new ActionInput(Actor));
}

/// <summary>A unit's mapping was delivered to the certifier.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who (a management user).</param>
/// <param name="Unit">The unit.</param>
public sealed partial record MappingDelivered(long Sequence, Instant OccurredAt, string Actor, UnitId Unit) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.Deliver, Unit);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context) =>
        Evolution.Transit(state, context, Unit, LifecycleAction.Deliver, new ActionInput(Actor));
}

/// <summary>A unit was certified or recertified.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">The certifier's ID.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Certifier">The certifier.</param>
/// <param name="CertificateNumber">The number of the new certificate.</param>
/// <param name="Recertification">Whether this is a recertification.</param>
public sealed partial record UnitCertified(long Sequence, Instant OccurredAt, string Actor, UnitId Unit, Certifier Certifier, string CertificateNumber, bool Recertification) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Recertification ? Operation.Recertify : Operation.Certify, Unit);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context) => Evolution.Certify(state, context, this);
}

/// <summary>A unit's recertification was opened; for headquarters, possibly with a newer common-criteria version for the whole organisation.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit.</param>
/// <param name="CommonSetId">The common set in force after the event (a change only when headquarters switches version).</param>
public sealed partial record RecertificationOpened(long Sequence, Instant OccurredAt, string Actor, UnitId Unit, string CommonSetId) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.OpenRecertification, Unit);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context)
    {
        var moved = Evolution.Transit(state, context, Unit, LifecycleAction.OpenRecertification, new ActionInput(Actor));
        var organisation = moved.Organisation;
        var position = organisation.PositionOf(Unit);
        var expected = position != 0 ? organisation.CommonSet : Evolution.CommonSetForRecertification(organisation, context.Today);
        if (CommonSetId != expected.Id)
        {
            throw Problems.Single(ErrorCodes.CommonSetNotLocked, CommonSetId, expected.Id);
        }

        // HK's recertification is mapped on the newer version; the UEs follow when it is approved (see Evolution.Certify).
        return position == 0 ? moved with { Organisation = organisation.BeginCommonSetSwitch(expected) } : moved;
    }
}

/// <summary>A unit's certificate was withdrawn.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Reason">Why.</param>
public sealed partial record CertificateWithdrawn(long Sequence, Instant OccurredAt, string Actor, UnitId Unit, string Reason) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.Withdraw, Unit);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context) =>
        Evolution.EndCertificate(Evolution.Transit(state, context, Unit, LifecycleAction.Withdraw, new ActionInput(Actor, new WithdrawalData(Reason))), Unit, CertificateStatus.Withdrawn);
}

/// <summary>A unit's certificate expired.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who (<c>system</c>).</param>
/// <param name="Unit">The unit.</param>
public sealed partial record CertificateExpired(long Sequence, Instant OccurredAt, string Actor, UnitId Unit) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => null;

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context) =>
        Evolution.EndCertificate(Evolution.Transit(state, context, Unit, LifecycleAction.Expire, new ActionInput(Actor)), Unit, CertificateStatus.Expired);
}

/// <summary>The certifier's yearly follow-up audit (årlig oppfølgingsrevisjon) of a certified unit took place.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When it was recorded; its day is the audit's day.</param>
/// <param name="Actor">Who recorded it.</param>
/// <param name="Unit">The unit audited.</param>
public sealed partial record FollowUpAuditRecorded(long Sequence, Instant OccurredAt, string Actor, UnitId Unit) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.RecordFollowUpAudit, Unit);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context)
    {
        var position = Evolution.Check(state, context, Unit, LifecycleAction.RecordFollowUpAudit, new ActionInput(Actor));
        var lifecycle = state.Units[position];
        return state with { Units = state.Units.SetItem(position, lifecycle.With(followUpAudits: lifecycle.FollowUpAudits.Add(context.Today))) };
    }
}
