namespace Miljofyrtarn.Core.Lifecycle;

// What each event may record: its texts, collections, dates and numbers against Limits (the closure of the state).
// Checked when an action records the event and when a store appends it; the state is null for an append, whose counts
// the store checks on its own.

public sealed partial record OrganisationCreated
{
    internal override void CheckLimits(LimitCheck check, LifecycleState? state)
    {
        check.Text(Name, "name", Limits.NameLength);
        check.Date(StartedOn, "startedOn");
        check.Unit(Headquarters, "headquarters");
    }
}

public sealed partial record UnitAdded
{
    internal override void CheckLimits(LimitCheck check, LifecycleState? state)
    {
        check.Unit(Unit, "unit");
        if (state is not null)
        {
            check.Count(state.Organisation.AllUnits.Length + 1, "units", Limits.Units);
        }
    }
}

public sealed partial record UnitUpdated
{
    internal override void CheckLimits(LimitCheck check, LifecycleState? state) => check.Unit(Unit, "unit");
}

public sealed partial record AssessmentRecorded
{
    internal override void CheckLimits(LimitCheck check, LifecycleState? state) => check.Assessment(Assessment);
}

public sealed partial record StartUpCompleted
{
    internal override void CheckLimits(LimitCheck check, LifecycleState? state) => check.Date(StartUpListSentOn, "startUpListSentOn");
}

public sealed partial record UnitCertified
{
    internal override void CheckLimits(LimitCheck check, LifecycleState? state)
    {
        check.Certifier(Certifier, "certifier");
        check.Text(CertificateNumber, "certificateNumber", Limits.CertificateNumberLength);
    }
}

public sealed partial record CertificateWithdrawn
{
    internal override void CheckLimits(LimitCheck check, LifecycleState? state) => check.Text(Reason, "reason", Limits.TextLength, multiline: true);
}

public sealed partial record AnnualReportSubmitted
{
    internal override void CheckLimits(LimitCheck check, LifecycleState? state)
    {
        check.Year(Year, "year");
        check.Report(Content);
    }
}

public sealed partial record ClimateTargetSet
{
    internal override void CheckLimits(LimitCheck check, LifecycleState? state)
    {
        check.Year(Target.BaseYear, "target.baseYear");
        check.Count(Target.Milestones.Length, "target.milestones", Reporting.ClimateTarget.MaxMilestones);
    }
}

public sealed partial record ClimateAccountRecomputed
{
    internal override void CheckLimits(LimitCheck check, LifecycleState? state)
    {
        check.Year(Year, "year");
        if (state is not null)
        {
            check.Count(state.Recomputations.Length + 1, "recomputations", Limits.Recomputations);
        }
    }
}

public sealed partial record AnnualReportCorrected
{
    internal override void CheckLimits(LimitCheck check, LifecycleState? state)
    {
        check.Year(Year, "year");
        check.Report(Content);
        check.Text(Reason, "reason", Limits.TextLength, multiline: true);
    }
}

public sealed partial record PostponementGranted
{
    internal override void CheckLimits(LimitCheck check, LifecycleState? state)
    {
        check.Year(Year, "year");
        check.Date(DueOn, "dueOn");
    }
}

public sealed partial record RoleGranted
{
    internal override void CheckLimits(LimitCheck check, LifecycleState? state)
    {
        check.PersonId(Person, "person");
        if (state is not null)
        {
            check.Count(state.Roles.Grants.Count + 1, "roles", Limits.RoleGrants);
        }
    }
}

public sealed partial record RoleRevoked
{
    internal override void CheckLimits(LimitCheck check, LifecycleState? state) => check.PersonId(Person, "person");
}

public sealed partial record CertifierAssigned
{
    internal override void CheckLimits(LimitCheck check, LifecycleState? state) => check.Certifier(Certifier, "certifier");
}
