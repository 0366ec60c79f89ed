using System.Collections.Frozen;
using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using NodaTime;

namespace Miljofyrtarn.Core.Interchange;

/// <summary>The fields every event has, read before the event's own: its sequence, instant, actor and JSON path.</summary>
internal readonly record struct EventHead(long Sequence, Instant At, string Actor, string Path);

/// <summary>
/// One kind of event on the wire: its <c>type</c> name, the fields its document requires (the schema's fragment for it),
/// and how it is read and written. How it changes state is the event's own evolve handler (<c>Lifecycle/Events.*.cs</c>).
/// </summary>
internal abstract class EventEntry(string name, Type eventType, ImmutableArray<string> requiredFields)
{
    /// <summary>The <c>type</c> discriminator.</summary>
    public string Name { get; } = name;

    /// <summary>The event's CLR type.</summary>
    public Type EventType { get; } = eventType;

    /// <summary>The fields the document of this type requires besides the common ones, as in <c>schemas/history.schema.json</c>.</summary>
    public ImmutableArray<string> RequiredFields { get; } = requiredFields;

    /// <summary>Reads the event's own fields; null (with every problem reported) when any is missing or wrong.</summary>
    public abstract LifecycleEvent? Read(InterchangeReader reader, EventDocument document, in EventHead head);

    /// <summary>Writes the event's own fields into a document whose common fields are set.</summary>
    public abstract void Write(LifecycleEvent @event, EventDocument document);
}

/// <summary>The entry of one event type.</summary>
internal sealed class EventEntry<TEvent>(string name, ImmutableArray<string> requiredFields, EventEntry<TEvent>.Reader read, Action<TEvent, EventDocument> write)
    : EventEntry(name, typeof(TEvent), requiredFields)
    where TEvent : LifecycleEvent
{
    public delegate TEvent? Reader(InterchangeReader reader, EventDocument document, in EventHead head);

    public override LifecycleEvent? Read(InterchangeReader reader, EventDocument document, in EventHead head) => read(reader, document, head);

    public override void Write(LifecycleEvent @event, EventDocument document) => write((TEvent)@event, document);
}

/// <summary>
/// Every event type, registered once: the reader, the writer and the schema test all use this table, and a test fails
/// when an event type of the library has no entry here. An unknown <c>type</c> is a coded refusal naming the known ones.
/// </summary>
internal static partial class EventRegistry
{
    /// <summary>Every entry, in the order the schema lists the types.</summary>
    public static readonly ImmutableArray<EventEntry> All = [.. Entries()];

    private static readonly FrozenDictionary<string, EventEntry> ByName = All.ToFrozenDictionary(e => e.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, EventEntry> ByType = All.ToFrozenDictionary(e => e.EventType);

    /// <summary>The known type names, for the refusal of an unknown one.</summary>
    public static readonly string Expected = string.Join(", ", All.Select(e => e.Name));

    /// <summary>The entry of a type name, or null.</summary>
    public static EventEntry? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The entry of an event; every event type of the library has one (checked by a test).</summary>
    public static EventEntry Of(LifecycleEvent @event) =>
        ByType.TryGetValue(@event.GetType(), out var entry)
            ? entry
            : throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.InvalidValue, [@event.GetType().Name, Expected]));

    private static EventEntry<TEvent> Entry<TEvent>(string name, ImmutableArray<string> required, EventEntry<TEvent>.Reader read, Action<TEvent, EventDocument> write)
        where TEvent : LifecycleEvent => new(name, required, read, write);
}
