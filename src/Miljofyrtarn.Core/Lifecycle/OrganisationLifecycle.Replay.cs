using System.Globalization;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Internal;
using Miljofyrtarn.Core.Organisations;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>Starting, replaying and restoring a lifecycle, and the one place where an event changes state.</summary>
public sealed partial class OrganisationLifecycle
{
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
        LimitCheck.Check(created, null);
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
        LifecycleState state;
        try
        {
            state = Create(catalog, created);
        }
        catch (MiljofyrtarnException exception) when (exception.Code != ErrorCodes.CorruptHistory)
        {
            throw Corrupt(created.Sequence, exception);
        }

        state.Organisation.BeginTransient();
        for (var i = 1; i < events.Length; i++)
        {
            var next = events[i] ?? throw Corrupt(i + 1, new Diagnostic(ErrorCodes.MissingProperty, [$"events[{i}]"]));
            var before = state.Organisation;
            state = ApplyStored(state, next, rules);
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

    /// <summary>
    /// Applies an event of a stored history, checked exactly as when it happened; any refusal becomes
    /// <see cref="ErrorCodes.CorruptHistory"/> naming the event, followed by the reasons.
    /// </summary>
    internal static LifecycleState ApplyStored(LifecycleState state, LifecycleEvent @event, SchemeRuleBook rules)
    {
        try
        {
            return Apply(state, @event, rules);
        }
        catch (MiljofyrtarnException exception) when (exception.Code != ErrorCodes.CorruptHistory)
        {
            throw Corrupt(@event.Sequence, exception);
        }
    }

    private static MiljofyrtarnException Corrupt(long sequence, MiljofyrtarnException cause) => Corrupt(sequence, cause.Diagnostics[0], cause.Diagnostics);

    private static MiljofyrtarnException Corrupt(long sequence, Diagnostic cause, IReadOnlyList<Diagnostic>? all = null)
    {
        var head = new Diagnostic(ErrorCodes.CorruptHistory, [sequence.ToString(CultureInfo.InvariantCulture), cause.Code]);
        return new MiljofyrtarnException([head, .. all ?? [cause]]);
    }

    /// <summary>
    /// Decides an action: checks the expected version and the clock, creates the event, checks that its actor may record
    /// it (<see cref="RoleTable"/>; <paramref name="vouched"/> carries the host's word that they act for the foundation),
    /// and applies it.
    /// </summary>
    private OrganisationLifecycle Do(long? expectedVersion, Func<long, Instant, LifecycleEvent> create, Actor? vouched = null)
    {
        CheckVersion(expectedVersion);
        var now = Clock.GetCurrentInstant();
        if (now < _state.LastEventAt)
        {
            throw Problems.Single(ErrorCodes.TimeRunsBackwards, InstantPattern.General.Format(now), InstantPattern.General.Format(_state.LastEventAt));
        }

        var @event = create(_state.Version + 1, now);
        if (@event.Permission is { } permission && !string.IsNullOrWhiteSpace(@event.Actor)
            && RoleTable.Check(_state, vouched ?? new Actor(@event.Actor), permission.Operation, permission.Unit) is { } forbidden)
        {
            throw new MiljofyrtarnException(forbidden);
        }

        LimitCheck.Check(@event, _state);
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

        if (!SupportedRange.Contains(created.OccurredAt))
        {
            throw new MiljofyrtarnException(SupportedRange.OutOfRange(created.OccurredAt));
        }

        SupportedRange.Check(created.StartedOn);
        var organisation = Organisation.Create(catalog, created.Name, created.Kind, created.Number, created.StartedOn, created.Headquarters);
        return new LifecycleState(organisation, PersistentVector<UnitLifecycle>.Empty.Add(UnitLifecycle.New(organisation.Headquarters.Id)), null, created.OccurredAt, 1)
        {
            Roles = OrganisationRoles.None.WithFounder(created.Actor),
        };
    }

    /// <summary>
    /// The one place where an event changes state: checks the event's sequence, time and actor against the state before
    /// it, then its own evolve handler checks that it was allowed there and applies it.
    /// </summary>
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

        return @event.Evolve(state, new EvolveContext(rules, rules.DateOf(@event.OccurredAt))) with { LastEventAt = @event.OccurredAt, Version = @event.Sequence };
    }
}
