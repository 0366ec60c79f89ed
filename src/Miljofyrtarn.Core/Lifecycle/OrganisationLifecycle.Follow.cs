using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>Following a stream event by event, for read models: the state moves on, and no history is kept.</summary>
public sealed partial class OrganisationLifecycle
{
    /// <summary>A lifecycle from the first events of a stream, checked as by <see cref="Replay"/>, keeping no history.</summary>
    internal static OrganisationLifecycle Follow(CriteriaCatalog catalog, IReadOnlyList<LifecycleEvent> events, IClock clock, SchemeRuleBook rules) =>
        Restore(Replay(catalog, events, clock, rules)._state, clock, rules);

    /// <summary>
    /// The lifecycle after further events of its stream, each checked exactly as <see cref="Replay"/> checks it (its
    /// sequence follows, time does not run backwards, it was allowed in the state before it). Keeps no history.
    /// </summary>
    /// <exception cref="MiljofyrtarnException">An event is invalid here (<see cref="ErrorCodes.CorruptHistory"/>).</exception>
    internal OrganisationLifecycle Advance(IReadOnlyList<LifecycleEvent> events)
    {
        var state = _state;
        foreach (var next in events)
        {
            state = ApplyStored(state, next, Rules);
        }

        return Restore(state, Clock, Rules);
    }

    /// <summary>The same state with no history: what a cache keeps, so that it does not hold every event appended since.</summary>
    internal OrganisationLifecycle WithoutHistory() => _log.Count == 0 ? this : Restore(_state, Clock, Rules);
}
