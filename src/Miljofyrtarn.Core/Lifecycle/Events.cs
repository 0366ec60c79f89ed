using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>
/// A domain event: one successful action in an organisation's history, with its sequence number (1, 2, …),
/// the instant it happened and who did it. Immutable; an organisation's state is the fold of its events.
/// </summary>
/// <remarks>
/// Value equality (records). The set of events is closed: only this library defines them, each with the handler that
/// applies it to the state (its evolve step), so replay and live actions change state in exactly one way.
/// </remarks>
/// <param name="Sequence">The event's position in the history, from 1.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Actor">Who did it: a person's ID, a certifier's ID, or <c>system</c> for time-driven events.</param>
public abstract record LifecycleEvent(long Sequence, Instant OccurredAt, string Actor)
{
    /// <summary>
    /// Applies the event to the state before it: checks that it was allowed there (the same guards as the action that
    /// records it), then returns the state after it. Pure; the sequence, time and actor are checked by the caller.
    /// </summary>
    internal abstract LifecycleState Evolve(LifecycleState state, in EvolveContext context);

    /// <summary>
    /// What recording the event asks permission for (<see cref="RoleTable"/>), and for which unit (null: the
    /// organisation); null for events nobody asks for (the organisation's creation, a certificate's expiry by the clock).
    /// </summary>
    internal abstract Permission? Permission { get; }

    /// <summary>
    /// Checks what the event would record against <see cref="Limits"/> and the supported range (see
    /// <c>Events.Limits.cs</c>). Called when an action records it and when a store appends it, never on replay, so
    /// history stored before a limit existed stays readable.
    /// </summary>
    internal virtual void CheckLimits(LimitCheck check, LifecycleState? state)
    {
    }
}

/// <summary>What an event asks permission for: the operation, and the unit it acts on (null: the organisation as a whole).</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Unit">The unit, or null.</param>
internal readonly record struct Permission(Operation Operation, UnitId? Unit);
