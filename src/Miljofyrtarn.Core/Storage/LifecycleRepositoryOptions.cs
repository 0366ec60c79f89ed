namespace Miljofyrtarn.Core.Storage;

/// <summary>How a <see cref="LifecycleRepository"/> keeps loads cheap as histories grow: snapshots in the store, and the latest state of each organisation in memory.</summary>
/// <remarks>Immutable once set up; share one instance.</remarks>
public sealed class LifecycleRepositoryOptions
{
    /// <summary>The defaults: a snapshot every 100 events, and up to 1,000 organisations' states in memory.</summary>
    public static LifecycleRepositoryOptions Default { get; } = new();

    /// <summary>
    /// Write a snapshot to the store when a save crosses a multiple of this many events (and when a load had to read
    /// more than this many events), so that a load reads the snapshot and at most about this many events. 0 writes none.
    /// 0 to <see cref="Limits.Events"/>; 100 by default. Only stores that keep snapshots
    /// (<see cref="IEventStore.WriteSnapshotAsync"/>) are written to.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0 to <see cref="Limits.Events"/>.</exception>
    public int SnapshotEvery
    {
        get;
        init
        {
            Internal.Preconditions.CheckRange(value, 0, Limits.Events, nameof(SnapshotEvery));
            field = value;
        }
    } = 100;

    /// <summary>
    /// How many organisations' latest states the repository keeps in memory (0 keeps none). A load of a kept
    /// organisation reads only the events after its version, so it is correct however many hosts write to the store,
    /// and costs one indexed read when nothing changed. 0 to 1,000,000; 1,000 by default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0 to 1,000,000.</exception>
    public int CachedOrganisations
    {
        get;
        init
        {
            Internal.Preconditions.CheckRange(value, 0, 1_000_000, nameof(CachedOrganisations));
            field = value;
        }
    } = 1_000;
}
