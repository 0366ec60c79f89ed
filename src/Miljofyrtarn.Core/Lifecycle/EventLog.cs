using System.Collections.Immutable;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>
/// A lifecycle's events: those it was replayed from, kept as one array, and those appended since, newest first in a
/// persistent linked list (one small node per event, shared by every later lifecycle). The public
/// <see cref="ImmutableList{T}"/> of all of them is built only when asked for, once; after that, appending continues on
/// that list, so a caller who reads <see cref="All"/> after every action pays O(log n) per action, and one who never
/// reads it pays O(1).
/// </summary>
/// <remarks>Immutable and thread-safe; two threads asking for <see cref="All"/> at once may each build an equal list.</remarks>
internal sealed class EventLog
{
    public static readonly EventLog Empty = new([]);

    private readonly LifecycleEvent[] _replayed;
    private readonly Appended? _appended; // newest first; null when nothing was appended, or in list mode
    private readonly int _appendedCount;
    private ImmutableList<LifecycleEvent>? _all;

    private EventLog(LifecycleEvent[] replayed, Appended? appended = null, int appendedCount = 0)
    {
        _replayed = replayed;
        _appended = appended;
        _appendedCount = appendedCount;
        if (replayed.Length == 0 && appended is null)
        {
            _all = [];
        }
    }

    private EventLog(ImmutableList<LifecycleEvent> all)
    {
        _replayed = [];
        _all = all;
    }

    /// <summary>One appended event and the one appended before it.</summary>
    private sealed class Appended(LifecycleEvent @event, Appended? previous)
    {
        public LifecycleEvent Event { get; } = @event;

        public Appended? Previous { get; } = previous;
    }

    /// <summary>A log of events that were replayed; the array is the log's own and is never changed.</summary>
    public static EventLog Replayed(LifecycleEvent[] events) => new(events);

    /// <summary>A log of one event.</summary>
    public static EventLog Of(LifecycleEvent first) => new([], new Appended(first, null), 1);

    public int Count => _all?.Count ?? _replayed.Length + _appendedCount;

    /// <summary>Every event, in order.</summary>
    public ImmutableList<LifecycleEvent> All => _all ??= BuildAll();

    /// <summary>The log with one more event: a node on the list, or on <see cref="All"/> once that was built.</summary>
    public EventLog Add(LifecycleEvent next) =>
        _all is { } all ? new EventLog(all.Add(next)) : new EventLog(_replayed, new Appended(next, _appended), _appendedCount + 1);

    /// <summary>The events after a version (sequence greater than it), in order, without building <see cref="All"/>.</summary>
    public List<LifecycleEvent> After(long version)
    {
        if (_all is { } all && _replayed.Length == 0 && _appended is null)
        {
            return [.. all.Where(e => e.Sequence > version)];
        }

        // Newest first from the appended list, stopping at the first event not after the version; then the replayed tail.
        var newer = new List<LifecycleEvent>();
        var reachedOlder = false;
        for (var node = _appended; node is not null; node = node.Previous)
        {
            if (node.Event.Sequence <= version)
            {
                reachedOlder = true;
                break;
            }

            newer.Add(node.Event);
        }

        var result = new List<LifecycleEvent>(newer.Count);
        if (!reachedOlder)
        {
            foreach (var @event in _replayed)
            {
                if (@event.Sequence > version)
                {
                    result.Add(@event);
                }
            }
        }

        newer.Reverse();
        result.AddRange(newer);
        return result;
    }

    private ImmutableList<LifecycleEvent> BuildAll()
    {
        var appended = new LifecycleEvent[_appendedCount];
        var at = appended.Length;
        for (var node = _appended; node is not null; node = node.Previous)
        {
            appended[--at] = node.Event;
        }

        return ImmutableList.CreateRange(_replayed.Length == 0 ? appended : _replayed.Concat(appended));
    }
}
