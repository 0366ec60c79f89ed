using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>
/// The five phases of the headquarters model for the whole organisation. The phase follows from the units'
/// states and is never set by hand (see <see cref="OrganisationLifecycle.Phase"/>).
/// </summary>
public enum OrganisationPhase
{
    /// <summary>1. Start-up (Oppstart): organising and anchoring; decision, roles, start-up list, units and sets.</summary>
    StartUp = 1,

    /// <summary>2. Measures and criteria (Tiltak og kriterier): HK implements and fulfils its criteria and is certified.</summary>
    MeasuresAndCriteria = 2,

    /// <summary>3. Approval (Godkjenning): the units (UE) fulfil their criteria and are certified, each on its own.</summary>
    Approval = 3,

    /// <summary>4. Improvement (Forbedring): every unit certified; annual reporting.</summary>
    Improvement = 4,

    /// <summary>5. Recertification (Resertifisering): every three years; also while a certificate has expired.</summary>
    Recertification = 5,
}

/// <summary>The lifecycle state of one unit (HK or UE) that holds or seeks its own certificate.</summary>
public enum UnitState
{
    /// <summary>Not started.</summary>
    NotStarted = 0,

    /// <summary>The mapping (miljøkartlegging) is open.</summary>
    MappingOpen = 1,

    /// <summary>The mapping is delivered to the certifier.</summary>
    Delivered = 2,

    /// <summary>Certified: the unit holds a valid certificate.</summary>
    Certified = 3,

    /// <summary>The recertification mapping is open; the current certificate still counts until it expires.</summary>
    RecertificationOpen = 4,

    /// <summary>The recertification mapping is delivered to the certifier.</summary>
    RecertificationDelivered = 5,

    /// <summary>The certificate has expired without recertification.</summary>
    Expired = 6,

    /// <summary>The certificate has been withdrawn (inndratt).</summary>
    Withdrawn = 7,
}

/// <summary>An action on a unit: one that moves its lifecycle, or one its lifecycle allows or refuses (a correction, an audit, its removal).</summary>
public enum LifecycleAction
{
    /// <summary>Complete the organisation's start-up; offered on headquarters.</summary>
    CompleteStartUp = 0,

    /// <summary>Open the unit's mapping (miljøkartlegging).</summary>
    OpenMapping = 1,

    /// <summary>Deliver the mapping to the certifier; only a management user may.</summary>
    Deliver = 2,

    /// <summary>Certify the unit: a certificate is issued for three years.</summary>
    Certify = 3,

    /// <summary>Submit the annual climate and environment report for a year.</summary>
    SubmitAnnualReport = 4,

    /// <summary>Record a postponement of an annual report that the foundation granted.</summary>
    GrantPostponement = 5,

    /// <summary>Open the recertification mapping, no earlier than six months before expiry.</summary>
    OpenRecertification = 6,

    /// <summary>Recertify the unit: a new certificate replaces the old one.</summary>
    Recertify = 7,

    /// <summary>Withdraw the unit's certificate.</summary>
    Withdraw = 8,

    /// <summary>Expire the certificate after its last valid day; driven by time.</summary>
    Expire = 9,

    /// <summary>Correct a submitted annual report, with a reason; the history keeps the report as submitted.</summary>
    CorrectAnnualReport = 10,

    /// <summary>Record the certifier's yearly follow-up audit (årlig oppfølgingsrevisjon) of a unit with a valid certificate.</summary>
    RecordFollowUpAudit = 11,

    /// <summary>Remove an underlying unit that is not started or withdrawn; headquarters is never removed.</summary>
    RemoveUnit = 12,
}

/// <summary>A set of <see cref="LifecycleAction"/>s, for allocation-free checks of what is allowed.</summary>
[Flags]
public enum LifecycleActions
{
    /// <summary>No action.</summary>
    None = 0,

    /// <summary><see cref="LifecycleAction.CompleteStartUp"/>.</summary>
    CompleteStartUp = 1 << LifecycleAction.CompleteStartUp,

    /// <summary><see cref="LifecycleAction.OpenMapping"/>.</summary>
    OpenMapping = 1 << LifecycleAction.OpenMapping,

    /// <summary><see cref="LifecycleAction.Deliver"/>.</summary>
    Deliver = 1 << LifecycleAction.Deliver,

    /// <summary><see cref="LifecycleAction.Certify"/>.</summary>
    Certify = 1 << LifecycleAction.Certify,

    /// <summary><see cref="LifecycleAction.SubmitAnnualReport"/>.</summary>
    SubmitAnnualReport = 1 << LifecycleAction.SubmitAnnualReport,

    /// <summary><see cref="LifecycleAction.GrantPostponement"/>.</summary>
    GrantPostponement = 1 << LifecycleAction.GrantPostponement,

    /// <summary><see cref="LifecycleAction.OpenRecertification"/>.</summary>
    OpenRecertification = 1 << LifecycleAction.OpenRecertification,

    /// <summary><see cref="LifecycleAction.Recertify"/>.</summary>
    Recertify = 1 << LifecycleAction.Recertify,

    /// <summary><see cref="LifecycleAction.Withdraw"/>.</summary>
    Withdraw = 1 << LifecycleAction.Withdraw,

    /// <summary><see cref="LifecycleAction.Expire"/>.</summary>
    Expire = 1 << LifecycleAction.Expire,

    /// <summary><see cref="LifecycleAction.CorrectAnnualReport"/>.</summary>
    CorrectAnnualReport = 1 << LifecycleAction.CorrectAnnualReport,

    /// <summary><see cref="LifecycleAction.RecordFollowUpAudit"/>.</summary>
    RecordFollowUpAudit = 1 << LifecycleAction.RecordFollowUpAudit,

    /// <summary><see cref="LifecycleAction.RemoveUnit"/>.</summary>
    RemoveUnit = 1 << LifecycleAction.RemoveUnit,
}

/// <summary>Localised names of the lifecycle's phases, states and actions, and the conversion between <see cref="LifecycleAction"/> and <see cref="LifecycleActions"/>.</summary>
public static class LifecycleNames
{
    /// <summary>The phase's name, for example «Tiltak og kriterier».</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="language">The language.</param>
    /// <returns>The name.</returns>
    public static string GetName(this OrganisationPhase phase, Language language) => Terms.Get("phase", phase.ToString(), language);

    /// <summary>The state's name, for example «Levert til sertifisør».</summary>
    /// <param name="state">The state.</param>
    /// <param name="language">The language.</param>
    /// <returns>The name.</returns>
    public static string GetName(this UnitState state, Language language) => Terms.Get("state", state.ToString(), language);

    /// <summary>The action's name, for example «Åpne miljøkartlegging».</summary>
    /// <param name="action">The action.</param>
    /// <param name="language">The language.</param>
    /// <returns>The name.</returns>
    public static string GetName(this LifecycleAction action, Language language) => Terms.Get("action", action.ToString(), language);

    /// <summary>
    /// The flag of an action in a <see cref="LifecycleActions"/> set: <c>1 &lt;&lt; (int)action</c>. The two enums
    /// describe one concept; <see cref="LifecycleAction"/> names one action, <see cref="LifecycleActions"/> a set of them.
    /// </summary>
    /// <param name="action">The action.</param>
    /// <returns>The set holding only that action.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined action.</exception>
    public static LifecycleActions ToFlag(this LifecycleAction action) =>
        Enum.IsDefined(action) ? (LifecycleActions)(1 << (int)action) : throw new ArgumentOutOfRangeException(nameof(action), action, "Not a defined lifecycle action.");

    /// <summary>Whether a set of actions holds an action.</summary>
    /// <param name="actions">The set.</param>
    /// <param name="action">The action.</param>
    /// <returns><see langword="true"/> when the set holds it.</returns>
    public static bool Contains(this LifecycleActions actions, LifecycleAction action) => (actions & action.ToFlag()) != 0;

    /// <summary>The actions of a set, in <see cref="LifecycleAction"/> order.</summary>
    /// <param name="actions">The set.</param>
    /// <returns>The actions it holds.</returns>
    public static IEnumerable<LifecycleAction> ToActions(this LifecycleActions actions) =>
        Enum.GetValues<LifecycleAction>().Where(a => actions.Contains(a));
}
