using System.Collections.Immutable;
using System.Globalization;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>Checks one condition of an action without allocating.</summary>
internal delegate bool GuardCheck(in GuardContext context);

/// <summary>Explains why a guard does not hold, naming what is missing.</summary>
internal delegate Diagnostic GuardReason(in GuardContext context);

/// <summary>A named condition of an action: a fast check, and the reason given when it fails.</summary>
internal sealed record Guard(LocalizedText Name, GuardCheck Holds, GuardReason Reason);

/// <summary>From a state, on an action, to a state.</summary>
internal sealed record Transition(UnitState From, LifecycleAction Action, UnitState To);

/// <summary>
/// What an action is given: who acts and the action's data. A probe has no data and asks whether the action could be
/// done now with suitable data: by anyone (<see cref="Probe"/>), or by one person (<see cref="ProbeAs"/>), which still
/// checks the guards about the actor.
/// </summary>
internal sealed record ActionInput(string? Actor = null, Certifier? Certifier = null, int? Year = null, LocalDate? DueOn = null, string? CertificateNumber = null, string? Reason = null)
{
    public static ActionInput Probe { get; } = new() { IsProbe = true };

    public bool IsProbe { get; private init; }

    public static ActionInput ProbeAs(string actor) => new(Actor: actor) { IsProbe = true };
}

/// <summary>Everything a guard looks at.</summary>
internal readonly struct GuardContext(LifecycleState state, SchemeRuleBook ruleBook, int position, LocalDate today, ActionInput input)
{
    public LifecycleState State { get; } = state;

    public SchemeRuleBook RuleBook { get; } = ruleBook;

    public int Position { get; } = position;

    public LocalDate Today { get; } = today;

    public ActionInput Input { get; } = input;

    public Organisation Organisation => State.Organisation;

    public Unit Unit => State.Organisation.UnitAt(Position);

    public UnitLifecycle Lifecycle => State.Units[Position];

    public bool IsHeadquarters => Position == 0;
}

/// <summary>
/// The lifecycle as a table you can read top to bottom: from this state, on this action, to that state, if
/// these guards hold. <see cref="OrganisationLifecycle"/> runs it; <see cref="LifecycleDiagram"/> draws it.
/// </summary>
internal static class LifecycleTable
{
    private static readonly UnitState[] Holding = [UnitState.Certified, UnitState.RecertificationOpen, UnitState.RecertificationDelivered, UnitState.Expired];

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
    ];

    private static readonly Guard StartUpNotCompleted = new(
        new LocalizedText("oppstarten er ikke fullført", "oppstarten er ikkje fullført", "start-up not yet completed"),
        static (in GuardContext c) => c.State.StartUpListSentOn is null,
        static (in GuardContext c) => new Diagnostic(ErrorCodes.StartUpAlreadyCompleted, [c.Organisation.Name]));

    private static readonly Guard OnHeadquarters = new(
        new LocalizedText("på hovedkontoret", "på hovudkontoret", "on headquarters"),
        static (in GuardContext c) => c.IsHeadquarters,
        static (in GuardContext c) => new Diagnostic(ErrorCodes.ActionNotAllowedInState, [c.Unit.Name, nameof(LifecycleAction.CompleteStartUp), c.Lifecycle.State.ToString()]));

    private static readonly Guard RolesAppointed = new(
        new LocalizedText("miljøfyrtårnansvarlig og ledelse utpekt", "miljøfyrtårnansvarleg og leiing utpeikt", "officer and management appointed"),
        static (in GuardContext c) => c.State.Organisation.Headquarters.Officer is not null && !c.State.Organisation.Headquarters.Management.IsEmpty,
        static (in GuardContext c) => new Diagnostic(ErrorCodes.RolesNotAppointed, [c.State.Organisation.Headquarters.Name]));

    /// <summary>
    /// Every unit with a certificate of its own has chosen its main set. A co-located or attached unit needs none: it
    /// creates no mapping of its own (the rule that a main set is chosen before a mapping is created applies to the
    /// host), and its host's certificate covers it.
    /// </summary>
    private static readonly Guard UnitsAndSetsChosen = new(
        new LocalizedText("hver enhet med eget sertifikat har hovedkriteriesett", "kvar eining med eige sertifikat har hovudkriteriesett", "every unit with its own certificate has its main set"),
        static (in GuardContext c) =>
        {
            foreach (var unit in c.State.Organisation.AllUnits)
            {
                if (unit.MainSet is null && unit.Certificate.Host is null)
                {
                    return false;
                }
            }

            return true;
        },
        static (in GuardContext c) => new Diagnostic(ErrorCodes.NoMainSet, [string.Join(", ", c.State.Organisation.AllUnits.Where(u => u.MainSet is null && u.Certificate.Host is null).Select(u => u.Name))]));

    private static readonly Guard StartUpCompleted = new(
        new LocalizedText("oppstarten er fullført", "oppstarten er fullført", "start-up completed"),
        static (in GuardContext c) => c.State.StartUpListSentOn is not null,
        static (in GuardContext c) => new Diagnostic(ErrorCodes.StartUpNotCompleted, [c.Organisation.Name]));

    private static readonly Guard DetailsComplete = new(
        new LocalizedText("enhetens opplysninger er fullstendige", "opplysningane om eininga er fullstendige", "unit details complete"),
        static (in GuardContext c) => MissingDetails(c.Unit) is null,
        static (in GuardContext c) => new Diagnostic(ErrorCodes.UnitDetailsIncomplete, [c.Unit.Name, MissingDetails(c.Unit)!]));

    private static readonly Guard HasManagement = new(
        new LocalizedText("en ledelsesbruker", "ein leiingsbrukar", "a management user"),
        static (in GuardContext c) => !c.Unit.Management.IsEmpty,
        static (in GuardContext c) => new Diagnostic(ErrorCodes.NoManagementUser, [c.Unit.Name]));

    private static readonly Guard HasMainSet = new(
        new LocalizedText("et hovedkriteriesett", "eit hovudkriteriesett", "a main set"),
        static (in GuardContext c) => c.Unit.MainSet is not null,
        static (in GuardContext c) => new Diagnostic(ErrorCodes.NoMainSet, [c.Unit.Name]));

    private static readonly Guard QuestionsAnswered = new(
        new LocalizedText("innledende spørsmål besvart", "innleiande spørsmål svara på", "introductory questions answered"),
        static (in GuardContext c) =>
        {
            foreach (var question in c.Organisation.Catalog.Questions)
            {
                if (!c.Unit.Answers.ContainsKey(question.Id))
                {
                    return false;
                }
            }

            return true;
        },
        static (in GuardContext c) =>
        {
            var answers = c.Unit.Answers;
            return new Diagnostic(ErrorCodes.QuestionsUnanswered, [c.Unit.Name, string.Join(", ", c.Organisation.Catalog.Questions.Where(q => !answers.ContainsKey(q.Id)).Select(q => q.Id))]);
        });

    private static readonly Guard HeadquartersValid = new(
        new LocalizedText("UE: hovedkontoret er sertifisert", "UE: hovudkontoret er sertifisert", "UE: headquarters certified"),
        static (in GuardContext c) => c.IsHeadquarters || c.State.Units[0].CurrentCertificate is { } certificate && certificate.Status == CertificateStatus.Valid && certificate.IsValidOn(c.Today),
        static (in GuardContext c) => new Diagnostic(ErrorCodes.HeadquartersNotCertified, [c.State.Organisation.Headquarters.Name]));

    private static readonly Guard ActorIsManagement = new(
        new LocalizedText("av en ledelsesbruker", "av ein leiingsbrukar", "by a management user"),
        static (in GuardContext c) => c.Input.IsProbe && c.Input.Actor is null ? !c.Unit.Management.IsEmpty : IsManagement(c.Unit, c.Input.Actor),
        static (in GuardContext c) => c.Input.IsProbe && c.Input.Actor is null
            ? new Diagnostic(ErrorCodes.NoManagementUser, [c.Unit.Name])
            : new Diagnostic(ErrorCodes.ActorNotManagement, [c.Input.Actor ?? string.Empty, c.Unit.Name]));

    private static readonly Guard MustCriteriaFulfilled = new(
        new LocalizedText("alle skal-krav oppfylt", "alle skal-krav oppfylte", "every must-criterion fulfilled"),
        static (in GuardContext c) => CountBlocking(c) == 0,
        static (in GuardContext c) =>
        {
            var organisation = c.Organisation;
            var ids = CoveredPositions(c).SelectMany(p => organisation.GetReadiness(organisation.UnitAt(p).Id).Blocking).Select(b => b.Criterion.Id).Distinct().ToList();
            return new Diagnostic(ErrorCodes.CriteriaUnfulfilled, [ids.Count.ToString(CultureInfo.InvariantCulture), c.Unit.Name, string.Join(", ", ids)]);
        });

    private static readonly Guard CertifierIndependent = new(
        new LocalizedText("sertifisøren er uavhengig av virksomheten", "sertifisøren er uavhengig av verksemda", "certifier independent of the organisation"),
        static (in GuardContext c) => c.Input.IsProbe || c.Input.Certifier is { } certifier && certifier.OrganisationNumber != c.Organisation.Number,
        static (in GuardContext c) => new Diagnostic(ErrorCodes.CertifierNotIndependent, [c.Input.Certifier?.Name ?? string.Empty, c.Organisation.Number.Value]));

    private static readonly Guard CertificateNumberValid = new(
        new LocalizedText("et nytt sertifikatnummer", "eit nytt sertifikatnummer", "a new certificate number"),
        static (in GuardContext c) => c.Input.IsProbe || (!string.IsNullOrWhiteSpace(c.Input.CertificateNumber) && !c.State.IsCertificateNumberUsed(c.Input.CertificateNumber)),
        static (in GuardContext c) => new Diagnostic(ErrorCodes.InvalidCertificateNumber, [c.Input.CertificateNumber ?? string.Empty]));

    private static readonly Guard RecertificationWindowOpen = new(
        new LocalizedText("tidligst seks måneder før utløp", "tidlegast seks månader før utløp", "no earlier than six months before expiry"),
        static (in GuardContext c) => c.Lifecycle.State == UnitState.Expired || c.Today >= RecertificationOpensOn(c),
        static (in GuardContext c) => new Diagnostic(ErrorCodes.RecertificationTooEarly, [LocalDatePattern.Iso.Format(RecertificationOpensOn(c))]));

    private static readonly Guard ReportYearDue = new(
        new LocalizedText("et rapportår som er avsluttet", "eit rapportår som er avslutta", "a report year that has ended"),
        static (in GuardContext c) => c.Input.IsProbe ? FirstOpenReportYear(c) is not null : IsReportYear(c, c.Input.Year ?? 0),
        static (in GuardContext c) =>
        {
            var year = c.Input.Year ?? c.Today.Year;
            var first = FirstReportYear(c);
            var from = new LocalDate(Math.Clamp(Math.Max(year, first), Internal.SupportedRange.FirstYear, Internal.SupportedRange.LastYear - 1) + 1, 1, 1);
            return new Diagnostic(ErrorCodes.ReportYearNotDue, [c.Unit.Name, year.ToString(CultureInfo.InvariantCulture), first.ToString(CultureInfo.InvariantCulture), LocalDatePattern.Iso.Format(from)]);
        });

    private static readonly Guard ReportNotSubmitted = new(
        new LocalizedText("ikke levert fra før", "ikkje levert frå før", "not already submitted"),
        static (in GuardContext c) => c.Input.IsProbe || !(c.Lifecycle.Reports.TryGetValue(c.Input.Year ?? 0, out var report) && report.SubmittedAt is not null),
        static (in GuardContext c) => new Diagnostic(ErrorCodes.ReportAlreadySubmitted, [c.Unit.Name, (c.Input.Year ?? 0).ToString(CultureInfo.InvariantCulture)]));

    private static readonly Guard PostponementLater = new(
        new LocalizedText("en senere frist", "ein seinare frist", "a later due date"),
        static (in GuardContext c) => c.Input.IsProbe || !IsReportYear(c, c.Input.Year ?? 0) || (c.Input.DueOn is { } due && due > DueOn(c, c.Input.Year ?? 0)),
        static (in GuardContext c) => new Diagnostic(ErrorCodes.PostponementNotLater, [
            c.Input.DueOn is { } due ? LocalDatePattern.Iso.Format(due) : string.Empty,
            LocalDatePattern.Iso.Format(DueOn(c, c.Input.Year ?? 0))]));

    private static readonly Guard ReasonGiven = new(
        new LocalizedText("en begrunnelse", "ei grunngjeving", "a reason"),
        static (in GuardContext c) => c.Input.IsProbe || !string.IsNullOrWhiteSpace(c.Input.Reason),
        static (in GuardContext c) => new Diagnostic(ErrorCodes.BlankText, ["reason"]));

    private static readonly Guard CertificatePastValidity = new(
        new LocalizedText("etter siste gyldige dag", "etter siste gyldige dag", "after the last valid day"),
        static (in GuardContext c) => c.Lifecycle.CurrentCertificate is { Status: CertificateStatus.Valid } certificate && c.Today > c.RuleBook.LastValidDay(certificate),
        static (in GuardContext c) => new Diagnostic(ErrorCodes.CertificateNotExpired, [
            c.Unit.Name,
            c.Lifecycle.CurrentCertificate is { } certificate ? LocalDatePattern.Iso.Format(c.RuleBook.LastValidDay(certificate)) : string.Empty]));

    /// <summary>The guards of each action, in the order their reasons are listed.</summary>
    public static readonly ImmutableDictionary<LifecycleAction, ImmutableArray<Guard>> Guards = new Dictionary<LifecycleAction, ImmutableArray<Guard>>
    {
        [LifecycleAction.CompleteStartUp] = [OnHeadquarters, StartUpNotCompleted, RolesAppointed, UnitsAndSetsChosen],
        [LifecycleAction.OpenMapping] = [StartUpCompleted, DetailsComplete, HasManagement, HasMainSet, QuestionsAnswered, HeadquartersValid],
        [LifecycleAction.Deliver] = [ActorIsManagement, MustCriteriaFulfilled],
        [LifecycleAction.Certify] = [CertifierIndependent, HeadquartersValid, CertificateNumberValid],
        [LifecycleAction.SubmitAnnualReport] = [ReportYearDue, ReportNotSubmitted],
        [LifecycleAction.GrantPostponement] = [ReportYearDue, ReportNotSubmitted, PostponementLater],
        [LifecycleAction.OpenRecertification] = [RecertificationWindowOpen],
        [LifecycleAction.Recertify] = [CertifierIndependent, CertificateNumberValid],
        [LifecycleAction.Withdraw] = [ReasonGiven],
        [LifecycleAction.Expire] = [CertificatePastValidity],
    }.ToImmutableDictionary();

    /// <summary>The actions in enum order, for listings.</summary>
    public static readonly ImmutableArray<LifecycleAction> Actions = [.. Enum.GetValues<LifecycleAction>()];

    private static readonly Transition?[,] ByStateAndAction = BuildLookup();

    private static readonly Guard[][] GuardsByAction = [.. Actions.Select(a => Guards[a].ToArray())];

    private static Transition?[,] BuildLookup()
    {
        var lookup = new Transition?[Enum.GetValues<UnitState>().Length, Enum.GetValues<LifecycleAction>().Length];
        foreach (var transition in Transitions)
        {
            lookup[(int)transition.From, (int)transition.Action] = transition;
        }

        return lookup;
    }

    public static Transition? Find(UnitState state, LifecycleAction action) => ByStateAndAction[(int)state, (int)action];

    /// <summary>Whether every guard of the action holds. Allocation-free.</summary>
    public static bool AllHold(LifecycleAction action, in GuardContext context)
    {
        foreach (var guard in GuardsByAction[(int)action])
        {
            if (!guard.Holds(context))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every reason the action is refused: the state, or each guard that does not hold.</summary>
    public static ImmutableArray<Diagnostic> Reasons(LifecycleAction action, in GuardContext context)
    {
        if (Find(context.Lifecycle.State, action) is null)
        {
            return [new Diagnostic(ErrorCodes.ActionNotAllowedInState, [context.Unit.Name, action.ToString(), context.Lifecycle.State.ToString()])];
        }

        var reasons = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var guard in GuardsByAction[(int)action])
        {
            if (!guard.Holds(context))
            {
                reasons.Add(guard.Reason(context));
            }
        }

        return reasons.ToImmutable();
    }

    private static string? MissingDetails(Unit unit)
    {
        var missing = new List<string>(0);
        if (string.IsNullOrWhiteSpace(unit.Address))
        {
            missing.Add("address");
        }

        if (unit.FullTimeEquivalents is null)
        {
            missing.Add("fullTimeEquivalents");
        }

        if (unit.Officer is null)
        {
            missing.Add("officer");
        }

        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    private static bool IsManagement(Unit unit, string? actor)
    {
        foreach (var person in unit.Management)
        {
            if (person.Id == actor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The unit and the co-located or attached units its certificate covers.</summary>
    public static IEnumerable<int> CoveredPositions(GuardContext context) => [context.Position, .. context.Organisation.CoveredBy(context.Position)];

    private static int CountBlocking(in GuardContext context)
    {
        var organisation = context.Organisation;
        var count = organisation.CountBlocking(context.Position);
        foreach (var p in organisation.CoveredBy(context.Position))
        {
            count += organisation.CountBlocking(p);
        }

        return count;
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

    private static bool IsReportYear(in GuardContext context, int year) => year >= FirstReportYear(context) && year < context.Today.Year;

    private static int? FirstOpenReportYear(in GuardContext context)
    {
        for (var year = FirstReportYear(context); year < context.Today.Year; year++)
        {
            if (!(context.Lifecycle.Reports.TryGetValue(year, out var report) && report.SubmittedAt is not null))
            {
                return year;
            }
        }

        return null;
    }

    public static LocalDate DueOn(in GuardContext context, int year) =>
        context.Lifecycle.Reports.TryGetValue(year, out var report) ? report.DueOn : context.RuleBook.AnnualReportDue(year);
}
