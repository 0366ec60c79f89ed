using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

// The events of the annual report (årlig klima- og miljørapport): submission, correction and postponement. Each carries its evolve handler.

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
/// <param name="FactorSet">
/// The emission factor set the report's climate account was computed with on the day of submission, so it reads the same
/// later. Null when no set applied, or in histories recorded before reports named their set (see <see cref="AnnualReport.FactorSet"/>).
/// </param>
public sealed partial record AnnualReportSubmitted(long Sequence, Instant OccurredAt, string Actor, UnitId Unit, int Year, EnvironmentalReport? Content = null, FactorSetReference? FactorSet = null) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.SubmitAnnualReport, Unit);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context)
    {
        var submitted = Evolution.Report(state, context, Unit, Year, Actor, dueOn: null, submittedAt: OccurredAt, Content);
        if (FactorSet is null)
        {
            return submitted;
        }

        var position = submitted.Organisation.PositionOf(Unit);
        var lifecycle = submitted.Units[position];
        var report = lifecycle.Reports[Year] with { FactorSet = FactorSet };
        return submitted with { Units = submitted.Units.SetItem(position, lifecycle.With(reports: lifecycle.Reports.SetItem(Year, report))) };
    }
}

/// <summary>
/// The organisation's climate account for a year was recomputed with another emission factor set, on purpose: both the
/// account as submitted and the recomputed one stay visible, each labelled with its set.
/// </summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Year">The report year; at least one report with content is submitted for it.</param>
/// <param name="FactorSet">The set; not the one the account uses now.</param>
public sealed partial record ClimateAccountRecomputed(long Sequence, Instant OccurredAt, string Actor, int Year, FactorSetReference FactorSet) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.ManageClimateAccount, null);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context)
    {
        if (FactorSet is null)
        {
            throw Problems.Single(ErrorCodes.MissingProperty, "factorSet");
        }

        if (!Evolution.HasAccount(state, Year))
        {
            throw Problems.Single(ErrorCodes.NoAccountToRecompute, state.Organisation.Name, Year);
        }

        if (FactorSet == Evolution.AccountFactorSet(state, Year))
        {
            throw Problems.Single(ErrorCodes.RecomputationNotNeeded, Year, FactorSet.ToString());
        }

        return state with { Recomputations = state.Recomputations.Add(new AccountRecomputation(Year, FactorSet, OccurredAt, Actor)) };
    }
}

/// <summary>A submitted annual report was corrected; the history keeps the report as submitted and each correction.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Year">The year covered.</param>
/// <param name="Content">The report as corrected.</param>
/// <param name="Reason">Why it was corrected.</param>
public sealed partial record AnnualReportCorrected(long Sequence, Instant OccurredAt, string Actor, UnitId Unit, int Year, EnvironmentalReport Content, string Reason) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.CorrectAnnualReport, Unit);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context)
    {
        var position = Evolution.Check(state, context, Unit, LifecycleAction.CorrectAnnualReport, new ActionInput(Actor, new CorrectionData(Year, Reason)));
        var lifecycle = state.Units[position];
        var report = lifecycle.Reports[Year];
        var content = Evolution.CheckedContent(state, context, position, Year, Content ?? throw Problems.Single(ErrorCodes.MissingProperty, "content"));
        var corrected = report with
        {
            Content = content,
            Corrections = report.Corrections.Add(new ReportCorrection(OccurredAt, Actor, Reason, report.Content)),
        };
        return state with { Units = state.Units.SetItem(position, lifecycle.With(reports: lifecycle.Reports.SetItem(Year, corrected))) };
    }
}

/// <summary>A postponement of an annual report was granted.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Year">The year covered.</param>
/// <param name="DueOn">The new due date.</param>
public sealed partial record PostponementGranted(long Sequence, Instant OccurredAt, string Actor, UnitId Unit, int Year, LocalDate DueOn) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.GrantPostponement, Unit);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context) =>
        Evolution.Report(state, context, Unit, Year, Actor, DueOn, submittedAt: null, content: null);
}

/// <summary>The organisation set its climate target (klimamål), replacing any earlier one; the climate account measures the path to it.</summary>
/// <param name="Sequence">The sequence number.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Target">The target.</param>
public sealed partial record ClimateTargetSet(long Sequence, Instant OccurredAt, string Actor, ClimateTarget Target) : LifecycleEvent(Sequence, OccurredAt, Actor)
{
    internal override Permission? Permission => new(Operation.ManageClimateAccount, null);

    internal override LifecycleState Evolve(LifecycleState state, in EvolveContext context) =>
        state with { ClimateTarget = Target ?? throw Problems.Single(ErrorCodes.MissingProperty, "target") };
}
