using System.Collections.Immutable;
using System.Globalization;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Internal;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using Miljofyrtarn.Core.Resolution;
using NodaTime;
using NodaTime.Text;

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

    /// <summary>Starts an organisation's lifecycle: creates the organisation with its headquarters, as of today by the clock.</summary>
    /// <param name="catalog">The criteria catalog.</param>
    /// <param name="name">The organisation's name.</param>
    /// <param name="kind">The kind of organisation.</param>
    /// <param name="number">The organisation number.</param>
    /// <param name="headquarters">Headquarters.</param>
    /// <param name="actor">Who starts it.</param>
    /// <param name="clock">The clock that dates every action.</param>
    /// <param name="rules">The scheme's rule book; <see cref="SchemeRuleBook.Default"/> when null.</param>
    /// <returns>The lifecycle, at version 1.</returns>
    /// <exception cref="MiljofyrtarnException">The organisation is invalid; every problem is listed.</exception>
    public static OrganisationLifecycle Start(CriteriaCatalog catalog, string name, OrganisationKind kind, OrganisationNumber number, UnitDefinition headquarters, string actor, IClock clock, SchemeRuleBook? rules = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(clock);
        rules ??= SchemeRuleBook.Default;
        var now = clock.GetCurrentInstant();
        var created = new OrganisationCreated(1, now, actor, catalog.Version, name, kind, number, rules.DateOf(now), headquarters);
        var state = Create(catalog, created);
        return new OrganisationLifecycle(state, EventLog.Of(created), clock, rules);
    }

    /// <summary>
    /// Rebuilds a lifecycle from its history. Every event is checked as it was when it happened: sequence numbers
    /// must run 1, 2, 3, … without gaps, time may not run backwards, and each event must have been allowed in the
    /// state before it. A corrupted or reordered history is refused.
    /// </summary>
    /// <param name="catalog">The catalog the history was recorded with (same version).</param>
    /// <param name="history">The events, in order, the first one <see cref="OrganisationCreated"/>.</param>
    /// <param name="clock">The clock for further actions.</param>
    /// <param name="rules">The scheme's rule book; <see cref="SchemeRuleBook.Default"/> when null.</param>
    /// <returns>The lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">The history is invalid (<see cref="ErrorCodes.CorruptHistory"/> or <see cref="ErrorCodes.CatalogMismatch"/>).</exception>
    public static OrganisationLifecycle Replay(CriteriaCatalog catalog, IEnumerable<LifecycleEvent> history, IClock clock, SchemeRuleBook? rules = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(clock);
        rules ??= SchemeRuleBook.Default;
        // One copy of the history, the log's own: the caller's list may change after this returns.
        LifecycleEvent[] events = [.. history];
        if (events.Length == 0 || events[0] is not OrganisationCreated created)
        {
            throw Corrupt(1, new Diagnostic(ErrorCodes.MissingProperty, [nameof(OrganisationCreated)]));
        }

        if (created.CatalogVersion != catalog.Version)
        {
            throw Problems.Single(ErrorCodes.CatalogMismatch, created.CatalogVersion, catalog.Version);
        }

        // Lean replay: the working state is private to this method, so it is built in transient mode (assessments
        // recorded in place) and frozen once at the end. Every event is checked exactly as outside transient mode.
        var state = Guarded(created.Sequence, () => Create(catalog, created));
        state.Organisation.BeginTransient();
        for (var i = 1; i < events.Length; i++)
        {
            var next = events[i] ?? throw Corrupt(i + 1, new Diagnostic(ErrorCodes.MissingProperty, [$"events[{i}]"]));
            var before = state.Organisation;
            try
            {
                state = Apply(state, next, rules);
            }
            catch (MiljofyrtarnException exception) when (exception.Code != ErrorCodes.CorruptHistory)
            {
                throw Corrupt(next.Sequence, exception.Diagnostics[0], exception.Diagnostics);
            }

            if (!ReferenceEquals(before, state.Organisation))
            {
                state.Organisation.BeginTransient();
            }
        }

        state.Organisation.Freeze();
        return new OrganisationLifecycle(state, EventLog.Replayed(events), clock, rules);
    }

    /// <summary>A lifecycle restored from stored state (a snapshot): its history starts after the snapshot's version.</summary>
    internal static OrganisationLifecycle Restore(LifecycleState state, IClock clock, SchemeRuleBook rules) =>
        new(state, EventLog.Empty, clock, rules);

    private static LifecycleState Guarded(long sequence, Func<LifecycleState> apply)
    {
        try
        {
            return apply();
        }
        catch (MiljofyrtarnException exception) when (exception.Code != ErrorCodes.CorruptHistory)
        {
            throw Corrupt(sequence, exception.Diagnostics[0], exception.Diagnostics);
        }
    }

    private static MiljofyrtarnException Corrupt(long sequence, Diagnostic cause, IReadOnlyList<Diagnostic>? all = null)
    {
        var head = new Diagnostic(ErrorCodes.CorruptHistory, [sequence.ToString(CultureInfo.InvariantCulture), cause.Code]);
        return new MiljofyrtarnException([head, .. all ?? [cause]]);
    }

    // ---- Queries ----

    /// <summary>A unit's lifecycle: state, certificates, reports. A co-located or attached unit reports its host's.</summary>
    /// <param name="unitId">The unit.</param>
    /// <returns>The unit's lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">Unknown unit.</exception>
    public UnitLifecycle GetUnitLifecycle(UnitId unitId) => _state.Units[CertificatePosition(Position(unitId))];

    /// <summary>
    /// The actions allowed for a unit now, without reasons. Allocation-free: for dashboards that check many units.
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

        var context = new GuardContext(_state, Rules, position, Today, ActionInput.Probe);
        var allowed = LifecycleActions.None;
        var state = _state.Units[position].State;
        foreach (var action in LifecycleTable.Actions)
        {
            if (LifecycleTable.Find(state, action) is not null && LifecycleTable.AllHold(action, context))
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
    public ImmutableArray<ActionAvailability> GetActions(UnitId unitId, string? actor = null)
    {
        var position = Position(unitId);
        if (IsCovered(position))
        {
            var unit = Organisation.AllUnits[position];
            var covered = new Diagnostic(ErrorCodes.CoveredByHostCertificate, [unit.Name, Organisation.GetUnit(unit.Certificate.Host!.Value).Name]);
            return [.. LifecycleTable.Actions.Select(a => new ActionAvailability(a, [covered]))];
        }

        var input = actor is null ? ActionInput.Probe : ActionInput.ProbeAs(actor);
        var context = new GuardContext(_state, Rules, position, Today, input);
        return [.. LifecycleTable.Actions.Select(a => new ActionAvailability(a, LifecycleTable.Reasons(a, context)))];
    }

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

    // ---- Actions on the organisation (issue: headquarters model) ----

    /// <summary>Adds an underlying unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">Refused; nothing changed.</exception>
    public OrganisationLifecycle AddUnit(UnitDefinition unit, string actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new UnitAdded(n, at, actor, unit));

    /// <summary>Changes a unit's details.</summary>
    /// <param name="unit">The unit's new details.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">Refused; nothing changed.</exception>
    public OrganisationLifecycle UpdateUnit(UnitDefinition unit, string actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new UnitUpdated(n, at, actor, unit));

    /// <summary>Removes a unit that is not started or withdrawn.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">Refused; nothing changed.</exception>
    public OrganisationLifecycle RemoveUnit(UnitId unit, string actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new UnitRemoved(n, at, actor, unit));

    /// <summary>Allocates a criterion to headquarters or to the units.</summary>
    /// <param name="criterionId">The criterion.</param>
    /// <param name="party">Who fulfils it.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">Refused; nothing changed.</exception>
    public OrganisationLifecycle Allocate(int criterionId, ResponsibleParty party, string actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new ResponsibilityAllocated(n, at, actor, criterionId, party));

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
    public OrganisationLifecycle RecordAssessment(UnitId unit, int criterionId, FulfilmentStatus status, string actor, string? comment = null, string? justification = null, ImmutableArray<EvidenceReference> evidence = default, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new AssessmentRecorded(n, at, actor, unit, criterionId, new CriterionAssessment(status, at, actor, comment, justification, evidence)));

    // ---- Lifecycle actions ----

    /// <summary>Completes the start-up (oppstart): roles appointed, units and sets chosen, start-up list sent.</summary>
    /// <param name="startUpListSentOn">The day the start-up list was sent to the foundation.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">A guard does not hold; every reason is listed.</exception>
    public OrganisationLifecycle CompleteStartUp(LocalDate startUpListSentOn, string actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new StartUpCompleted(n, at, actor, startUpListSentOn));

    /// <summary>Opens a unit's mapping (miljøkartlegging).</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">A guard does not hold; every reason is listed.</exception>
    public OrganisationLifecycle OpenMapping(UnitId unit, string actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new MappingOpened(n, at, actor, unit));

    /// <summary>Delivers a unit's mapping to the certifier; only a management user may.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="actor">The management user.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">A guard does not hold; every reason is listed.</exception>
    public OrganisationLifecycle Deliver(UnitId unit, string actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new MappingDelivered(n, at, actor, unit));

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
    /// The event holds the content, so the history stays the single source of the report.
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
    public OrganisationLifecycle SubmitAnnualReport(UnitId unit, int year, string actor, EnvironmentalReport? content = null, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new AnnualReportSubmitted(n, at, actor, unit, year, content));

    /// <summary>Records a postponement of an annual report that the foundation granted.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="year">The calendar year covered.</param>
    /// <param name="dueOn">The new due date; later than the current one.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">A guard does not hold; every reason is listed.</exception>
    public OrganisationLifecycle GrantPostponement(UnitId unit, int year, LocalDate dueOn, string actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new PostponementGranted(n, at, actor, unit, year, dueOn));

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
    public OrganisationLifecycle OpenRecertification(UnitId unit, string actor, long? expectedVersion = null)
    {
        var position = Position(unit);
        var commonSet = position == 0
            ? Organisation.Catalog.TrySelectCommonSet(Organisation.Kind, Rules.DateOf(Clock.GetCurrentInstant()), out var set) ? set : Organisation.HeadquartersCommonSet
            : Organisation.CommonSet;
        return Do(expectedVersion, (n, at) => new RecertificationOpened(n, at, actor, unit, commonSet.Id));
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
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the caller expects, or null.</param>
    /// <returns>The new lifecycle.</returns>
    /// <exception cref="MiljofyrtarnException">A guard does not hold; every reason is listed.</exception>
    public OrganisationLifecycle Withdraw(UnitId unit, string reason, string actor, long? expectedVersion = null) =>
        Do(expectedVersion, (n, at) => new CertificateWithdrawn(n, at, actor, unit, reason));

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
            var context = new GuardContext(result._state, Rules, position, result.Today, ActionInput.Probe);
            if (!result.IsCovered(position) && LifecycleTable.Find(result._state.Units[position].State, LifecycleAction.Expire) is not null
                && LifecycleTable.AllHold(LifecycleAction.Expire, context))
            {
                result = result.Expire(unit.Id);
            }
        }

        return result;
    }

    // ---- Applying events ----

    private OrganisationLifecycle Do(long? expectedVersion, Func<long, Instant, LifecycleEvent> create)
    {
        CheckVersion(expectedVersion);
        var now = Clock.GetCurrentInstant();
        if (now < _state.LastEventAt)
        {
            throw Problems.Single(ErrorCodes.TimeRunsBackwards, InstantPattern.General.Format(now), InstantPattern.General.Format(_state.LastEventAt));
        }

        var @event = create(_state.Version + 1, now);
        var state = Apply(_state, @event, Rules);
        return new OrganisationLifecycle(state, _log.Add(@event), Clock, Rules);
    }

    private void CheckVersion(long? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != _state.Version)
        {
            throw Problems.Single(ErrorCodes.ConcurrencyConflict, expected, _state.Version);
        }
    }

    private static LifecycleState Create(CriteriaCatalog catalog, OrganisationCreated created)
    {
        if (created.Sequence != 1)
        {
            throw Corrupt(created.Sequence, new Diagnostic(ErrorCodes.InvalidValue, [created.Sequence.ToString(CultureInfo.InvariantCulture), "1"]));
        }

        if (string.IsNullOrWhiteSpace(created.Actor))
        {
            throw Problems.Single(ErrorCodes.BlankText, "actor");
        }

        if (created.Headquarters is null)
        {
            throw Problems.Single(ErrorCodes.MissingProperty, "headquarters");
        }

        if (!Internal.SupportedRange.Contains(created.OccurredAt))
        {
            throw new MiljofyrtarnException(Internal.SupportedRange.OutOfRange(created.OccurredAt));
        }

        Internal.SupportedRange.Check(created.StartedOn);
        var organisation = Organisation.Create(catalog, created.Name, created.Kind, created.Number, created.StartedOn, created.Headquarters);
        return new LifecycleState(organisation, PersistentVector<UnitLifecycle>.Empty.Add(UnitLifecycle.New(organisation.Headquarters.Id)), null, created.OccurredAt, 1);
    }

    /// <summary>The one place where an event changes state: checks the event against the state before it, then applies it.</summary>
    internal static LifecycleState Apply(LifecycleState state, LifecycleEvent @event, SchemeRuleBook rules)
    {
        if (@event.Sequence != state.Version + 1)
        {
            throw Corrupt(@event.Sequence, new Diagnostic(ErrorCodes.InvalidValue, [@event.Sequence.ToString(CultureInfo.InvariantCulture), (state.Version + 1).ToString(CultureInfo.InvariantCulture)]));
        }

        if (@event.OccurredAt < state.LastEventAt)
        {
            throw Problems.Single(ErrorCodes.TimeRunsBackwards, InstantPattern.General.Format(@event.OccurredAt), InstantPattern.General.Format(state.LastEventAt));
        }

        if (string.IsNullOrWhiteSpace(@event.Actor))
        {
            throw Problems.Single(ErrorCodes.BlankText, "actor");
        }

        var today = rules.DateOf(@event.OccurredAt);
        var next = @event switch
        {
            UnitAdded e => AddUnit(state, e.Unit, today),
            UnitUpdated e => state with { Organisation = state.Organisation.UpdateUnit(e.Unit, today) },
            UnitRemoved e => RemoveUnit(state, e.Unit),
            ResponsibilityAllocated e => state with { Organisation = state.Organisation.Allocate(e.CriterionId, e.Party) },
            AssessmentRecorded e => RecordAssessment(state, e),
            StartUpCompleted e => Transit(state, rules, today, state.Organisation.Headquarters.Id, LifecycleAction.CompleteStartUp, new ActionInput(e.Actor)) with { StartUpListSentOn = e.StartUpListSentOn },
            MappingOpened e => Transit(state, rules, today, e.Unit, LifecycleAction.OpenMapping, new ActionInput(e.Actor)),
            MappingDelivered e => Transit(state, rules, today, e.Unit, LifecycleAction.Deliver, new ActionInput(e.Actor)),
            UnitCertified e => Certify(state, rules, today, e),
            AnnualReportSubmitted e => Report(state, rules, today, e.Unit, e.Year, e.Actor, null, @event.OccurredAt, e.Content),
            AnnualReportCorrected e => CorrectReport(state, rules, today, e),
            FollowUpAuditRecorded e => RecordFollowUpAudit(state, today, e),
            PostponementGranted e => Report(state, rules, today, e.Unit, e.Year, e.Actor, e.DueOn, null, null),
            RecertificationOpened e => OpenRecertification(state, rules, today, e),
            CertificateWithdrawn e => EndCertificate(Transit(state, rules, today, e.Unit, LifecycleAction.Withdraw, new ActionInput(e.Actor, Reason: e.Reason)), e.Unit, CertificateStatus.Withdrawn),
            CertificateExpired e => EndCertificate(Transit(state, rules, today, e.Unit, LifecycleAction.Expire, new ActionInput(e.Actor)), e.Unit, CertificateStatus.Expired),
            OrganisationCreated => throw Problems.Single(ErrorCodes.InvalidValue, nameof(OrganisationCreated), "only as the first event"),
            _ => throw new ArgumentException($"Unknown event type {@event.GetType().Name}.", nameof(@event)),
        };
        return next with { LastEventAt = @event.OccurredAt, Version = @event.Sequence };
    }

    private static LifecycleState AddUnit(LifecycleState state, UnitDefinition unit, LocalDate today)
    {
        var organisation = state.Organisation.AddUnit(unit, today);
        return state with { Organisation = organisation, Units = state.Units.Add(UnitLifecycle.New(unit.Id)) };
    }

    private static LifecycleState RemoveUnit(LifecycleState state, UnitId unit)
    {
        var position = state.Organisation.PositionOf(unit);
        if (position > 0 && state.Units[position].State is not (UnitState.NotStarted or UnitState.Withdrawn))
        {
            throw Problems.Single(ErrorCodes.UnitHasCertificate, state.Organisation.UnitAt(position).Name, state.Units[position].State.ToString());
        }

        var organisation = state.Organisation.RemoveUnit(unit);
        return state with { Organisation = organisation, Units = state.Units.RemoveAt(position), CertificateNumbers = null };
    }

    private static LifecycleState RecordAssessment(LifecycleState state, AssessmentRecorded e)
    {
        if (e.Assessment.RecordedAt != e.OccurredAt || e.Assessment.RecordedBy != e.Actor)
        {
            throw Problems.Single(ErrorCodes.InvalidValue, e.Assessment.RecordedBy, e.Actor);
        }

        var organisation = state.Organisation.RecordAssessment(e.Unit, e.CriterionId, e.Assessment);
        return ReferenceEquals(organisation, state.Organisation) ? state : state with { Organisation = organisation };
    }

    /// <summary>Checks that the table allows the action from the unit's state and every guard holds, and moves the unit to the target state.</summary>
    private static LifecycleState Transit(LifecycleState state, SchemeRuleBook rules, LocalDate today, UnitId unit, LifecycleAction action, ActionInput input)
    {
        var position = PositionOrThrow(state, unit);
        CheckNotCovered(state, position);
        var context = new GuardContext(state, rules, position, today, input);
        var reasons = LifecycleTable.Reasons(action, context);
        if (!reasons.IsEmpty)
        {
            throw new MiljofyrtarnException(reasons);
        }

        var target = LifecycleTable.Find(state.Units[position].State, action)!.To;
        return state with { Units = state.Units.SetItem(position, state.Units[position].With(state: target)) };
    }

    private static LifecycleState Certify(LifecycleState state, SchemeRuleBook rules, LocalDate today, UnitCertified e)
    {
        if (e.Actor != e.Certifier.Id)
        {
            throw Problems.Single(ErrorCodes.InvalidValue, e.Actor, e.Certifier.Id);
        }

        var action = e.Recertification ? LifecycleAction.Recertify : LifecycleAction.Certify;
        var moved = Transit(state, rules, today, e.Unit, action, new ActionInput(e.Actor, e.Certifier, CertificateNumber: e.CertificateNumber));
        var position = state.Organisation.PositionOf(e.Unit);
        var lifecycle = moved.Units[position];
        var previous = lifecycle.CurrentCertificate;
        var policy = rules.On(today);
        var validTo = today.Plus(policy.CertificateValidity);
        if (e.Recertification && policy.Renewal == RenewalPolicy.AtPreviousExpiry && previous is not null)
        {
            validTo = previous.ValidTo.Plus(policy.CertificateValidity);
        }

        if (position > 0 && policy.UnitExpiry == UnitExpiryPolicy.AlignedWithHeadquarters && moved.Units[0].CurrentCertificate is { Status: CertificateStatus.Valid } headquarters)
        {
            validTo = headquarters.ValidTo;
        }

        var units = ImmutableArray.CreateBuilder<UnitId>();
        units.Add(e.Unit);
        units.AddRange(state.Organisation.CoveredBy(position).Select(p => state.Organisation.UnitAt(p).Id));
        var certificate = new Certificate(e.CertificateNumber, e.Unit, units.ToImmutable(), today, today, validTo, CertificateStatus.Valid, e.Certifier.Id);
        var certificates = previous is { Status: CertificateStatus.Valid }
            ? lifecycle.Certificates.SetItem(lifecycle.Certificates.Length - 1, previous.WithStatus(CertificateStatus.Superseded))
            : lifecycle.Certificates;
        var updated = lifecycle.With(certificates: certificates.Add(certificate), firstApprovedOn: lifecycle.FirstApprovedOn ?? today);

        // HK approved on a newer common-criteria version: every UE switches with it.
        var organisation = position == 0 ? moved.Organisation.CompleteCommonSetSwitch() : moved.Organisation;
        return moved with { Organisation = organisation, Units = moved.Units.SetItem(position, updated), CertificateNumbers = state.AllCertificateNumbers().SetItem(e.CertificateNumber, true) };
    }

    private static LifecycleState Report(LifecycleState state, SchemeRuleBook rules, LocalDate today, UnitId unit, int year, string actor, LocalDate? dueOn, Instant? submittedAt, EnvironmentalReport? content)
    {
        if (dueOn is { } requested)
        {
            Internal.SupportedRange.Check(requested);
        }

        var action = dueOn is null ? LifecycleAction.SubmitAnnualReport : LifecycleAction.GrantPostponement;
        var moved = Transit(state, rules, today, unit, action, new ActionInput(actor, Year: year, DueOn: dueOn));
        var position = state.Organisation.PositionOf(unit);
        var lifecycle = moved.Units[position];
        var report = lifecycle.Reports.TryGetValue(year, out var existing)
            ? existing
            : new AnnualReport(year, rules.AnnualReportDue(year), null, false);
        report = dueOn is { } due
            ? report with { DueOn = due, Postponed = true }
            : report with { SubmittedAt = submittedAt, Content = content is null ? null : CheckedContent(state, rules, today, position, year, content) };
        return moved with { Units = moved.Units.SetItem(position, lifecycle.With(reports: lifecycle.Reports.SetItem(year, report))) };
    }

    private static LifecycleState OpenRecertification(LifecycleState state, SchemeRuleBook rules, LocalDate today, RecertificationOpened e)
    {
        var moved = Transit(state, rules, today, e.Unit, LifecycleAction.OpenRecertification, new ActionInput(e.Actor));
        var organisation = moved.Organisation;
        var position = organisation.PositionOf(e.Unit);
        var expected = position != 0 ? organisation.CommonSet
            : organisation.Catalog.TrySelectCommonSet(organisation.Kind, today, out var newer) ? newer : organisation.HeadquartersCommonSet;
        if (e.CommonSetId != expected.Id)
        {
            throw Problems.Single(ErrorCodes.CommonSetNotLocked, e.CommonSetId, expected.Id);
        }

        // HK's recertification is mapped on the newer version; the UEs follow when it is approved (see Certify).
        return position == 0 ? moved with { Organisation = organisation.BeginCommonSetSwitch(expected) } : moved;
    }

    private static LifecycleState EndCertificate(LifecycleState state, UnitId unit, CertificateStatus status)
    {
        var position = state.Organisation.PositionOf(unit);
        var lifecycle = state.Units[position];
        var current = lifecycle.CurrentCertificate!;
        var certificates = current.Status == CertificateStatus.Valid
            ? lifecycle.Certificates.SetItem(lifecycle.Certificates.Length - 1, current.WithStatus(status))
            : lifecycle.Certificates;
        return state with { Units = state.Units.SetItem(position, lifecycle.With(certificates: certificates)) };
    }

    private static int PositionOrThrow(LifecycleState state, UnitId unit)
    {
        var position = state.Organisation.PositionOf(unit);
        return position >= 0 ? position : throw Problems.Single(ErrorCodes.UnknownUnit, unit);
    }

    private static void CheckNotCovered(LifecycleState state, int position)
    {
        var unit = state.Organisation.AllUnits[position];
        if (unit.Certificate.Host is { } host)
        {
            throw Problems.Single(ErrorCodes.CoveredByHostCertificate, unit.Name, state.Organisation.TryGetUnit(host, out var hostUnit) ? hostUnit.Name : host.Value);
        }
    }

    private int Position(UnitId unit) => PositionOrThrow(_state, unit);

    private bool IsCovered(int position) => Organisation.UnitAt(position).Certificate.Host is not null;

    private int CertificatePosition(int position) =>
        Organisation.UnitAt(position).Certificate.Host is { } host ? Organisation.PositionOf(host) : position;
}
