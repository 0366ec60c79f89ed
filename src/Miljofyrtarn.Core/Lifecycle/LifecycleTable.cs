using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>From a state, on an action, to a state; <see cref="To"/> is null when the unit leaves the organisation.</summary>
internal sealed record Transition(UnitState From, LifecycleAction Action, UnitState? To);

/// <summary>The data an action carries besides who acts; a probe carries none.</summary>
internal abstract record ActionData;

/// <summary>A certification's or recertification's data.</summary>
internal sealed record CertificationData(Certifier Certifier, string CertificateNumber) : ActionData;

/// <summary>An annual report's year, and for a postponement the new due date.</summary>
internal record ReportData(int Year, LocalDate? DueOn = null) : ActionData;

/// <summary>Data with a reason that may not be blank.</summary>
internal interface IReasoned
{
    string Reason { get; }
}

/// <summary>A withdrawal's reason.</summary>
internal sealed record WithdrawalData(string Reason) : ActionData, IReasoned;

/// <summary>A report correction's year and reason.</summary>
internal sealed record CorrectionData(int Year, string Reason) : ReportData(Year), IReasoned;

/// <summary>
/// What an action is given: who acts, and the action's own data. A probe has no data and asks whether the action could
/// be done now with suitable data: by anyone (<see cref="Probe"/>), or by one person (<see cref="ProbeAs"/>), which still
/// checks the guards about the actor.
/// </summary>
internal readonly record struct ActionInput(string? Actor, ActionData? Data = null)
{
    public static ActionInput Probe => default;

    public static ActionInput ProbeAs(string actor) => new(actor);
}

/// <summary>Everything a guard looks at.</summary>
internal readonly struct GuardContext(LifecycleState state, SchemeRuleBook ruleBook, int position, LocalDate today, LifecycleAction action, ActionInput input)
{
    public LifecycleState State { get; } = state;

    public SchemeRuleBook RuleBook { get; } = ruleBook;

    public int Position { get; } = position;

    public LocalDate Today { get; } = today;

    public LifecycleAction Action { get; } = action;

    public ActionInput Input { get; } = input;

    public Organisation Organisation => State.Organisation;

    public Unit Unit => State.Organisation.UnitAt(Position);

    public UnitLifecycle Lifecycle => State.Units[Position];

    public bool IsHeadquarters => Position == 0;
}

/// <summary>
/// The lifecycle as a table you can read top to bottom: from this state, on this action, to that state, if
/// these guards hold. <see cref="OrganisationLifecycle"/> runs it; <see cref="LifecycleDiagram"/> draws it. Every
/// refusal of an action on a unit comes from here, so <see cref="OrganisationLifecycle.GetActions"/> explains each one.
/// </summary>
internal static class LifecycleTable
{
    private static readonly UnitState[] Holding = [UnitState.Certified, UnitState.RecertificationOpen, UnitState.RecertificationDelivered, UnitState.Expired];

    private static readonly UnitState[] Every = Enum.GetValues<UnitState>();

    /// <summary>The unit lifecycle's transitions.</summary>
    public static readonly ImmutableArray<Transition> Transitions =
    [
        new(UnitState.NotStarted, LifecycleAction.CompleteStartUp, UnitState.NotStarted),
        new(UnitState.NotStarted, LifecycleAction.OpenMapping, UnitState.MappingOpen),
        new(UnitState.MappingOpen, LifecycleAction.Deliver, UnitState.Delivered),
        new(UnitState.Delivered, LifecycleAction.Certify, UnitState.Certified),
        new(UnitState.Certified, LifecycleAction.OpenRecertification, UnitState.RecertificationOpen),
        new(UnitState.Expired, LifecycleAction.OpenRecertification, UnitState.RecertificationOpen),
        new(UnitState.RecertificationOpen, LifecycleAction.Deliver, UnitState.RecertificationDelivered),
        new(UnitState.RecertificationDelivered, LifecycleAction.Recertify, UnitState.Certified),
        new(UnitState.Certified, LifecycleAction.Expire, UnitState.Expired),
        new(UnitState.RecertificationOpen, LifecycleAction.Expire, UnitState.RecertificationOpen),
        new(UnitState.RecertificationDelivered, LifecycleAction.Expire, UnitState.RecertificationDelivered),
        .. Holding.Select(s => new Transition(s, LifecycleAction.Withdraw, UnitState.Withdrawn)),
        .. Holding.Select(s => new Transition(s, LifecycleAction.SubmitAnnualReport, s)),
        .. Holding.Select(s => new Transition(s, LifecycleAction.GrantPostponement, s)),
        new(UnitState.Withdrawn, LifecycleAction.OpenMapping, UnitState.MappingOpen),

        // In every state, decided by their guards alone: correcting a submitted report, recording a follow-up audit, and
        // removing a unit (which leaves the organisation).
        .. Every.Select(s => new Transition(s, LifecycleAction.CorrectAnnualReport, s)),
        .. Every.Select(s => new Transition(s, LifecycleAction.RecordFollowUpAudit, s)),
        .. Every.Select(s => new Transition(s, LifecycleAction.RemoveUnit, null)),
    ];

    /// <summary>The actions allowed in every state, which the diagram lists once instead of as a loop on each state.</summary>
    public static readonly ImmutableArray<LifecycleAction> InEveryState = [LifecycleAction.CorrectAnnualReport, LifecycleAction.RecordFollowUpAudit, LifecycleAction.RemoveUnit];

    /// <summary>The guards of each action, in the order their reasons are listed.</summary>
    public static readonly ImmutableDictionary<LifecycleAction, ImmutableArray<Guard>> Guards = new Dictionary<LifecycleAction, ImmutableArray<Guard>>
    {
        [LifecycleAction.CompleteStartUp] = [LifecycleGuards.OnHeadquarters, LifecycleGuards.StartUpNotCompleted, LifecycleGuards.RolesAppointed, LifecycleGuards.UnitsAndSetsChosen],
        [LifecycleAction.OpenMapping] = [LifecycleGuards.StartUpCompleted, LifecycleGuards.DetailsComplete, LifecycleGuards.HasManagement, LifecycleGuards.HasMainSet, LifecycleGuards.QuestionsAnswered, LifecycleGuards.HeadquartersValid],
        [LifecycleAction.Deliver] = [LifecycleGuards.ActorIsManagement, LifecycleGuards.MustCriteriaFulfilled],
        [LifecycleAction.Certify] = [LifecycleGuards.CertifierIndependent, LifecycleGuards.HeadquartersValid, LifecycleGuards.CertificateNumberValid],
        [LifecycleAction.SubmitAnnualReport] = [LifecycleGuards.ReportYearDue, LifecycleGuards.ReportNotSubmitted],
        [LifecycleAction.GrantPostponement] = [LifecycleGuards.ReportYearDue, LifecycleGuards.ReportNotSubmitted, LifecycleGuards.PostponementLater],
        [LifecycleAction.OpenRecertification] = [LifecycleGuards.RecertificationWindowOpen],
        [LifecycleAction.Recertify] = [LifecycleGuards.CertifierIndependent, LifecycleGuards.CertificateNumberValid],
        [LifecycleAction.Withdraw] = [LifecycleGuards.ReasonGiven],
        [LifecycleAction.Expire] = [LifecycleGuards.CertificatePastValidity],
        [LifecycleAction.CorrectAnnualReport] = [LifecycleGuards.ReportSubmitted, LifecycleGuards.ReasonGiven],
        [LifecycleAction.RecordFollowUpAudit] = [LifecycleGuards.CertificateValidToday],
        [LifecycleAction.RemoveUnit] = [LifecycleGuards.NotHeadquarters, LifecycleGuards.NotInCertification],
    }.ToImmutableDictionary();

    /// <summary>The actions in enum order, for listings.</summary>
    public static readonly ImmutableArray<LifecycleAction> Actions = [.. Enum.GetValues<LifecycleAction>()];

    private static readonly Transition?[,] ByStateAndAction = BuildLookup();

    private static readonly Guard[][] GuardsByAction = [.. Actions.Select(a => Guards[a].ToArray())];

    private static Transition?[,] BuildLookup()
    {
        var lookup = new Transition?[Every.Length, Actions.Length];
        foreach (var transition in Transitions)
        {
            lookup[(int)transition.From, (int)transition.Action] = transition;
        }

        return lookup;
    }

    public static Transition? Find(UnitState state, LifecycleAction action) => ByStateAndAction[(int)state, (int)action];

    /// <summary>
    /// Whether the action needs a unit with a certificate of its own. A co-located or attached unit has no lifecycle of
    /// its own (its host's certificate covers it), but can be removed like any unit.
    /// </summary>
    public static bool NeedsOwnCertificate(LifecycleAction action) => action != LifecycleAction.RemoveUnit;

    /// <summary>Whether the table allows the action from the unit's state and every guard holds.</summary>
    public static bool Allows(in GuardContext context)
    {
        if (Find(context.Lifecycle.State, context.Action) is null)
        {
            return false;
        }

        foreach (var guard in GuardsByAction[(int)context.Action])
        {
            if (guard.Check(context) is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every reason the action is refused: the state, or each guard that does not hold.</summary>
    public static ImmutableArray<Diagnostic> Reasons(in GuardContext context)
    {
        if (Find(context.Lifecycle.State, context.Action) is null)
        {
            return [new Diagnostic(ErrorCodes.ActionNotAllowedInState, [context.Unit.Name, context.Action.ToString(), context.Lifecycle.State.ToString()])];
        }

        var reasons = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var guard in GuardsByAction[(int)context.Action])
        {
            if (guard.Check(context) is { } reason)
            {
                reasons.Add(reason);
            }
        }

        return reasons.ToImmutable();
    }

    public static LocalDate RecertificationOpensOn(in GuardContext context) =>
        context.Lifecycle.CurrentCertificate is { } certificate ? RecertificationOpensOn(context.RuleBook, certificate) : LocalDate.MaxIsoValue;

    public static LocalDate RecertificationOpensOn(SchemeRuleBook ruleBook, Certificate certificate) =>
        certificate.ValidTo.Minus(ruleBook.On(certificate.IssuedOn).RecertificationOpensBefore);

    public static int FirstReportYear(in GuardContext context) => FirstReportYear(context.RuleBook, context.Lifecycle);

    public static int FirstReportYear(SchemeRuleBook ruleBook, UnitLifecycle lifecycle) =>
        lifecycle.FirstApprovedOn is { } approved
            ? approved.Year + (ruleBook.On(approved).FirstReport == FirstReportPolicy.ApprovalYear ? 0 : 1)
            : int.MaxValue;

    public static LocalDate DueOn(in GuardContext context, int year) =>
        context.Lifecycle.Reports.TryGetValue(year, out var report) ? report.DueOn : context.RuleBook.AnnualReportDue(year);
}
