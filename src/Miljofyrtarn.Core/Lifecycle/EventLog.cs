using System.Collections.Immutable;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>
/// A lifecycle's events: those it was replayed from, kept as one array, and those appended since, in a persistent list.
/// The public <see cref="ImmutableList{T}"/> of all of them is built only when asked for, once, so replaying a long
/// history and appending to it cost no copy of the history.
/// </summary>
/// <remarks>Immutable and thread-safe; two threads asking for <see cref="All"/> at once may each build an equal list.</remarks>
internal sealed class EventLog
{
    public static readonly EventLog Empty = new([], []);

    private readonly LifecycleEvent[] _replayed;
    private readonly ImmutableList<LifecycleEvent> _appended;
    private ImmutableList<LifecycleEvent>? _all;

    private EventLog(LifecycleEvent[] replayed, ImmutableList<LifecycleEvent> appended)
    {
        _replayed = replayed;
        _appended = appended;
        if (replayed.Length == 0)
        {
            _all = appended;
        }
    }

    /// <summary>A log of events that were replayed; the array is the log's own and is never changed.</summary>
    public static EventLog Replayed(LifecycleEvent[] events) => new(events, []);

    /// <summary>A log of one event.</summary>
    public static EventLog Of(LifecycleEvent first) => new([], [first]);

    public int Count => _replayed.Length + _appended.Count;

    /// <summary>Every event, in order.</summary>
    public ImmutableList<LifecycleEvent> All => _all ??= _replayed.Length == 0 ? _appended : ImmutableList.CreateRange(_replayed.Concat(_appended));

    /// <summary>The log with one more event.</summary>
    public EventLog Add(LifecycleEvent next) =>
        _all is not null && _replayed.Length > 0 ? new EventLog([], _all.Add(next)) : new EventLog(_replayed, _appended.Add(next));

    /// <summary>The events after a version (sequence greater than it), in order, without building <see cref="All"/>.</summary>
    public List<LifecycleEvent> After(long version)
    {
        var result = new List<LifecycleEvent>();
        foreach (var @event in _replayed)
        {
            if (@event.Sequence > version)
            {
                result.Add(@event);
            }
        }

        foreach (var @event in _appended)
        {
            if (@event.Sequence > version)
            {
                result.Add(@event);
            }
        }

        return result;
    }
}
