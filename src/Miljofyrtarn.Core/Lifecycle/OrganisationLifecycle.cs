using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>
/// The certification lifecycle of an organisation under the headquarters model: its
/// <see cref="Organisation"/>, each unit's lifecycle and certificates, the organisation's
/// <see cref="Phase"/>, and the complete, immutable <see cref="History"/> of events it is the fold of.
/// </summary>
/// <remarks>
/// <para>
/// Immutable and thread-safe. Every action checks its guards, appends one event (or, for
/// <see cref="ExpireCertificates"/>, one per certificate) and returns a new lifecycle; a refused action throws a
/// <see cref="MiljofyrtarnException"/> with every reason and changes nothing. The time of each action comes
/// from the injected <see cref="IClock"/>; an action dated before the last event is refused. Each action can state
/// the version it expects (optimistic concurrency).
/// </para>
/// <para><see cref="Replay"/> rebuilds exactly the same state from the history, checking every event as it was checked when it happened.</para>
/// </remarks>
public sealed partial class OrganisationLifecycle
{
    /// <summary>The actor recorded for time-driven events.</summary>
    public const string SystemActor = "system";

    private readonly LifecycleState _state;
    private readonly EventLog _log;

    private OrganisationLifecycle(LifecycleState state, EventLog log, IClock clock, SchemeRuleBook rules)
    {
        _state = state;
        _log = log;
        Clock = clock;
        Rules = rules;
    }

    /// <summary>The organisation: units, allocation and assessments.</summary>
    public Organisation Organisation => _state.Organisation;

    /// <summary>
    /// Every event since the lifecycle was started, or since the snapshot it was restored from, in order; each
    /// event's <see cref="LifecycleEvent.Sequence"/> follows the one before.
    /// </summary>
    public ImmutableList<LifecycleEvent> History => _log.All;

    /// <summary>The number of events; the version an action can state it expects.</summary>
    public long Version => _state.Version;

    /// <summary>The clock that dates actions.</summary>
    public IClock Clock { get; }

    /// <summary>The scheme's dated rules, time zone and holiday calendar.</summary>
    public SchemeRuleBook Rules { get; }

    /// <summary>The day the start-up list was sent, or null while the start-up is not completed.</summary>
    public LocalDate? StartUpListSentOn => _state.StartUpListSentOn;

    /// <summary>The organisation's phase, derived from its units' states and never set by hand: the first of the phase rules that holds (see <c>docs/lifecycle.md</c>).</summary>
    public OrganisationPhase Phase => PhaseRules.Evaluate(_state);

    /// <summary>Today in the scheme's time zone, by the clock.</summary>
    public LocalDate Today => Rules.DateOf(Clock.GetCurrentInstant());

    internal LifecycleState State => _state;

    /// <summary>The events after a version, in order, without building <see cref="History"/>.</summary>
    internal List<LifecycleEvent> EventsAfter(long version) => _log.After(version);

    // ---- Queries ----

    /// <summary>A unit's lifecycle: state, certificates, reports. A co-located or attached unit reports its host's.</summary>
    /// <param name="unitId">The unit.</param>
    /// <returns>The unit's lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">Unknown unit.</exception>
    public UnitLifecycle GetUnitLifecycle(UnitId unitId) => _state.Units[CertificatePosition(Position(unitId))];

    /// <summary>
    /// The actions allowed for a unit now, without reasons: for dashboards that check many units (an action that is
    /// allowed allocates nothing; one that is refused allocates its reason).
    /// Actions that depend on who acts (deliver, certify) are allowed when someone could perform them.
    /// </summary>
    /// <param name="unitId">The unit.</param>
    /// <returns>The allowed actions.</returns>
    /// <exception cref="MiljofyrtarnException">Unknown unit.</exception>
    public LifecycleActions GetAllowedActions(UnitId unitId)
    {
        var position = Position(unitId);
        if (IsCovered(position))
        {
            return LifecycleActions.None;
        }

        var allowed = LifecycleActions.None;
        var today = Today;
        foreach (var action in LifecycleTable.Actions)
        {
            if (LifecycleTable.Allows(new GuardContext(_state, Rules, position, today, action, ActionInput.Probe)))
            {
                allowed |= (LifecycleActions)(1 << (int)action);
            }
        }

        return allowed;
    }

    /// <summary>
    /// Every action for a unit, allowed or not, with every reason for each refusal (coded, localised, naming the
    /// criteria or people missing), so a frontend can show "Deliver to certifier: blocked: …" without knowing the rules.
    /// </summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="actor">Who would act, to check actor-specific guards (only management users deliver); null to ask whether anyone could.</param>
    /// <returns>One entry per action, in <see cref="LifecycleAction"/> order.</returns>
    /// <exception cref="MiljofyrtarnException">Unknown unit.</exception>
    public ImmutableArray<ActionAvailability> GetActions(UnitId unitId, string? actor = null) =>
        Actions(unitId, actor, string.IsNullOrWhiteSpace(actor) ? (Actor?)null : new Actor(actor));

    /// <summary>
    /// Every action for a unit as <paramref name="actor"/> would find it: as <see cref="GetActions(UnitId, string)"/>, and,
    /// in a governed organisation, refused first with <see cref="ErrorCodes.ActorLacksRole"/> where they hold no role that
    /// may take it, so a page shows each person only what they may do.
    /// </summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="actor">Who would act, and whether the host vouches that they act for the foundation.</param>
    /// <returns>One entry per action, in <see cref="LifecycleAction"/> order.</returns>
    /// <exception cref="MiljofyrtarnException">Unknown unit.</exception>
    public ImmutableArray<ActionAvailability> GetActionsFor(UnitId unitId, Actor actor) => Actions(unitId, actor.Id, actor.Id is null ? (Actor?)null : actor);

    private ImmutableArray<ActionAvailability> Actions(UnitId unitId, string? actorId, Actor? actor)
    {
        var position = Position(unitId);
        if (IsCovered(position))
        {
            var unit = Organisation.AllUnits[position];
            var covered = new Diagnostic(ErrorCodes.CoveredByHostCertificate, [unit.Name, Organisation.GetUnit(unit.Certificate.Host!.Value).Name]);
            return [.. LifecycleTable.Actions.Select(a => new ActionAvailability(a, [covered]))];
        }

        var input = actorId is null ? ActionInput.Probe : ActionInput.ProbeAs(actorId);
        var today = Today;
        return [.. LifecycleTable.Actions.Select(a =>
        {
            var reasons = LifecycleTable.Reasons(new GuardContext(_state, Rules, position, today, a, input));
            return new ActionAvailability(a, Forbidden(actor, a, unitId) is { } forbidden ? reasons.Insert(0, forbidden) : reasons);
        })];
    }

    /// <summary>The role refusal of an action for an actor, if any: only in a governed organisation, and none for the clock's own action, expiry.</summary>
    private Diagnostic? Forbidden(Actor? actor, LifecycleAction action, UnitId unit) =>
        actor is { } who && _state.Roles.IsGoverned && RoleTable.OperationOf(action) is { } operation
            ? RoleTable.Check(_state, who, operation, operation == Operation.RemoveUnit ? null : unit)
            : null;

    /// <summary>
    /// The unit lifecycle and the organisation's phases as Mermaid diagrams, generated from the tables the code runs, for
    /// developers: labelled with the code's identifiers (<see cref="UnitState"/>, <see cref="LifecycleAction"/>), in English.
    /// </summary>
    /// <returns>Markdown with two Mermaid diagrams.</returns>
    public static string GetMermaidDiagrams() => LifecycleDiagram.Markdown();

    /// <summary>
    /// The same diagrams for people: headings, states, actions, conditions and phases labelled in the language
    /// (the states keep their identifiers as Mermaid IDs, so the diagrams stay comparable).
    /// </summary>
    /// <param name="language">Bokmål, Nynorsk or English.</param>
    /// <returns>Markdown with two Mermaid diagrams.</returns>
    public static string GetMermaidDiagrams(Language language) => LifecycleDiagram.Markdown(language);

    private int Position(UnitId unit) => Evolution.PositionOrThrow(_state, unit);

    private bool IsCovered(int position) => Organisation.UnitAt(position).Certificate.Host is not null;

    private int CertificatePosition(int position) =>
        Organisation.UnitAt(position).Certificate.Host is { } host ? Organisation.PositionOf(host) : position;
}
