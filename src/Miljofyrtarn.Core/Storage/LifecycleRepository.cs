using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using NodaTime;

namespace Miljofyrtarn.Core.Storage;

/// <summary>
/// Loads, changes and saves organisations' lifecycles over any <see cref="IEventStore"/>: one stream per organisation,
/// named by its organisation number. What a web host or a job needs, so that none writes its own load-replay-save code.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe when the store is. Optimistic concurrency throughout: a change is saved only if nobody else saved in
/// between, otherwise it is refused with <see cref="ErrorCodes.ConcurrencyConflict"/> (category
/// <see cref="ErrorCategory.Conflict"/>) and nothing is written.
/// </para>
/// <para>
/// A load does not cost the whole history (<see cref="LifecycleRepositoryOptions"/>): the repository keeps each
/// organisation's latest state and reads only the events after it, and otherwise starts from the store's latest
/// snapshot. Either way every event read is checked against the hash chain and replayed by the rules, exactly as in a
/// full replay; <see cref="VerifyAsync"/> still proves the whole history from its first event.
/// </para>
/// </remarks>
public sealed partial class LifecycleRepository
{
    /// <summary>Creates a repository with the default options (<see cref="LifecycleRepositoryOptions.Default"/>).</summary>
    /// <param name="store">The store.</param>
    /// <param name="catalog">The catalog the histories were recorded with.</param>
    /// <param name="clock">The clock that dates every action.</param>
    /// <param name="rules">The rule book; <see cref="SchemeRuleBook.Default"/> when null.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027", Justification = "The common call; the overload with options takes every argument positionally, and no call is ambiguous.")]
    public LifecycleRepository(IEventStore store, CriteriaCatalog catalog, IClock clock, SchemeRuleBook? rules = null)
        : this(store, catalog, clock, rules, LifecycleRepositoryOptions.Default)
    {
    }

    /// <summary>Creates a repository.</summary>
    /// <param name="store">The store.</param>
    /// <param name="catalog">The catalog the histories were recorded with.</param>
    /// <param name="clock">The clock that dates every action.</param>
    /// <param name="rules">The rule book; <see cref="SchemeRuleBook.Default"/> when null.</param>
    /// <param name="options">Snapshots and the in-memory states.</param>
    public LifecycleRepository(IEventStore store, CriteriaCatalog catalog, IClock clock, SchemeRuleBook? rules, LifecycleRepositoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        Store = store;
        Catalog = catalog;
        Clock = clock;
        Rules = rules ?? SchemeRuleBook.Default;
        Options = options;
    }

    /// <summary>Snapshots and the in-memory states.</summary>
    public LifecycleRepositoryOptions Options { get; }

    /// <summary>The store.</summary>
    public IEventStore Store { get; }

    /// <summary>The catalog.</summary>
    public CriteriaCatalog Catalog { get; }

    /// <summary>The clock.</summary>
    public IClock Clock { get; }

    /// <summary>The rule book.</summary>
    public SchemeRuleBook Rules { get; }

    /// <summary>The stream an organisation's events are kept in: its organisation number.</summary>
    /// <param name="lifecycle">The lifecycle.</param>
    /// <returns>The stream's name.</returns>
    public static string StreamOf(OrganisationLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        return lifecycle.Organisation.Number.Value;
    }

    /// <summary>Loads an organisation's lifecycle, or null when the store has no such organisation.</summary>
    /// <param name="organisation">The organisation number (the stream).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The lifecycle at its stored version (<see cref="OrganisationLifecycle.Version"/>). Its
    /// <see cref="OrganisationLifecycle.History"/> is the whole history only when the load replayed it from the first
    /// event; loaded from a kept state or a snapshot it is empty, and grows by the actions applied to it. Read the store
    /// (<see cref="IEventStore.ReadPageAsync"/>) for the whole history.
    /// </returns>
    /// <exception cref="MiljofyrtarnException">
    /// The stored history is invalid or tampered with, its snapshot does not match it
    /// (<see cref="ErrorCodes.SnapshotMismatch"/>), or it is another organisation's
    /// (<see cref="ErrorCodes.HistoryBindingMismatch"/>: streams swapped or renamed outside the library).
    /// </exception>
    public async Task<OrganisationLifecycle?> FindAsync(string organisation, CancellationToken cancellationToken = default)
    {
        CheckStream(organisation);
        var lifecycle = await LoadAsync(organisation, cancellationToken).ConfigureAwait(false);
        if (lifecycle is not null)
        {
            Keep(organisation, lifecycle);
        }

        return lifecycle;
    }

    /// <summary>Loads an organisation's lifecycle.</summary>
    /// <param name="organisation">The organisation number (the stream).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The lifecycle at its stored version.</returns>
    /// <exception cref="MiljofyrtarnException">There is no such organisation (<see cref="ErrorCodes.StreamNotFound"/>), or its history is invalid.</exception>
    public async Task<OrganisationLifecycle> GetAsync(string organisation, CancellationToken cancellationToken = default) =>
        await FindAsync(organisation, cancellationToken).ConfigureAwait(false) ?? throw Problems.Single(ErrorCodes.StreamNotFound, organisation);

    /// <summary>Starts an organisation and saves it as a new stream named by its organisation number.</summary>
    /// <param name="command">The organisation to start.</param>
    /// <param name="actor">Who starts it.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The new lifecycle, at version 1.</returns>
    /// <exception cref="MiljofyrtarnException">The command is invalid, or the organisation already exists (<see cref="ErrorCodes.ConcurrencyConflict"/>).</exception>
    public async Task<OrganisationLifecycle> CreateAsync(StartOrganisationCommand command, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var lifecycle = command.Start(Catalog, actor, Clock, Rules);
        await SavedAsync(StreamOf(lifecycle), lifecycle, 0, cancellationToken).ConfigureAwait(false);
        return lifecycle;
    }

    /// <summary>Saves the events of a lifecycle that were added since it was loaded at <paramref name="loadedVersion"/>.</summary>
    /// <param name="lifecycle">The changed lifecycle.</param>
    /// <param name="loadedVersion">The version it was loaded at.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The stream's new version.</returns>
    /// <exception cref="MiljofyrtarnException">Someone else saved in between (<see cref="ErrorCodes.ConcurrencyConflict"/>); nothing was written.</exception>
    public Task<long> SaveAsync(OrganisationLifecycle lifecycle, long loadedVersion, CancellationToken cancellationToken = default) =>
        SavedAsync(StreamOf(lifecycle), lifecycle, loadedVersion, cancellationToken);

    /// <summary>
    /// Loads an organisation, applies a command and saves the result, in one call. With <paramref name="expectedVersion"/>
    /// (an HTTP <c>If-Match</c>) the command is refused unless the stored version is that one.
    /// </summary>
    /// <param name="organisation">The organisation number (the stream).</param>
    /// <param name="command">The command.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="expectedVersion">The version the caller last saw, or null to apply to the current one.</param>
    /// <param name="cancellationToken">Cancels the read and the save.</param>
    /// <returns>The lifecycle after the command, as saved.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// No such organisation, a refusal (every reason listed), or a version conflict (<see cref="ErrorCodes.ConcurrencyConflict"/>);
    /// nothing was written.
    /// </exception>
    public async Task<OrganisationLifecycle> ExecuteAsync(string organisation, LifecycleCommand command, Actor actor, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var loaded = await GetAsync(organisation, cancellationToken).ConfigureAwait(false);
        if (expectedVersion is { } expected && expected != loaded.Version)
        {
            throw EventStoreRules.Conflict(expected, loaded.Version);
        }

        var changed = loaded.Apply(command, actor, expectedVersion);
        await SavedAsync(organisation, changed, loaded.Version, cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <summary>Lists the organisations in the store, one page at a time, by organisation number.</summary>
    /// <param name="after">The <see cref="Page{T}.Next"/> of the previous page; null for the first.</param>
    /// <param name="maxCount">The page size, 1 to <see cref="EventStoreRules.MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    /// <exception cref="MiljofyrtarnException">The page size is out of range (<see cref="ErrorCodes.NumberOutOfRange"/>).</exception>
    public async Task<Page<StreamSummary>> ListAsync(string? after, int maxCount, CancellationToken cancellationToken = default)
    {
        var items = await Store.ListStreamsAsync(after, maxCount, cancellationToken).ConfigureAwait(false);
        return new Page<StreamSummary>(items, items.Count == maxCount ? items[^1].Name : null);
    }

    /// <summary>
    /// Lists the organisations in pages, ordered by number, each with its name and kind from its first event (one event
    /// read per organisation, not its history). A stream whose first event is not an organisation's start is left out.
    /// </summary>
    /// <param name="after">The <see cref="Page{T}.Next"/> of the previous page; null for the first.</param>
    /// <param name="maxCount">The page size, 1 to <see cref="EventStoreRules.MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The page.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// The page size is out of range (<see cref="ErrorCodes.NumberOutOfRange"/>), or a stream holds another
    /// organisation's history (<see cref="ErrorCodes.HistoryBindingMismatch"/>).
    /// </exception>
    public async Task<Page<OrganisationSummary>> ListOrganisationsAsync(string? after, int maxCount, CancellationToken cancellationToken = default)
    {
        var streams = await ListAsync(after, maxCount, cancellationToken).ConfigureAwait(false);
        var items = new List<OrganisationSummary>(streams.Items.Count);
        foreach (var stream in streams.Items)
        {
            var first = await Store.ReadPageAsync(stream.Name, 0, 1, cancellationToken).ConfigureAwait(false);
            if (first is [OrganisationCreated created])
            {
                CheckBinding(stream.Name, created);
                items.Add(new OrganisationSummary(stream.Name, created.Name, created.Kind, stream.Version));
            }
        }

        return new Page<OrganisationSummary>(items, streams.Next);
    }

    /// <summary>
    /// Checks that a stream holds its own organisation's history. The stream's name is outside the hash chain; the
    /// organisation number in its first event is inside it, so two streams swapped, or one renamed, are found here.
    /// </summary>
    /// <param name="stream">The stream's name: the organisation number.</param>
    /// <param name="first">The stream's first event.</param>
    /// <exception cref="MiljofyrtarnException">The first event names another organisation (<see cref="ErrorCodes.HistoryBindingMismatch"/>).</exception>
    internal static void CheckBinding(string stream, LifecycleEvent first)
    {
        if (first is OrganisationCreated created && created.Number.Value != stream)
        {
            throw Problems.Single(ErrorCodes.HistoryBindingMismatch, "stream", stream, created.Number.Value);
        }
    }

    private static void CheckStream(string organisation)
    {
        if (string.IsNullOrWhiteSpace(organisation))
        {
            throw Problems.Single(ErrorCodes.BlankText, "organisation");
        }
    }
}
