using System.Collections.Immutable;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Storage;
using NodaTime;

namespace Miljofyrtarn.Core.ReadModels;

/// <summary>
/// The municipality overview (<i>kommuneoversikt</i>): every organisation and unit a host holds, with its certificate
/// number, state, expiry, next deadline and overdue annual reports, queryable by municipality. It is what a
/// municipality's Miljøfyrtårn officer keeps track of: who is certified, and when each must recertify.
/// </summary>
/// <remarks>
/// <para>
/// A read model built from the store's global feed (<see cref="IEventStore.ReadAllAsync"/>): <see cref="CatchUpAsync"/>
/// reads from <see cref="Position"/> on and moves only the organisations that changed, so a host can call it on a
/// timer, after its own appends, or at start-up after a restart (with a new overview, from position 0). The result
/// is the same as a rebuild from the start.
/// </para>
/// <para>
/// A unit belongs to the municipality its <see cref="Organisations.UnitDefinition.Municipality"/> names; a unit
/// without one belongs to its headquarters' municipality, so a municipality certifying itself under the headquarters
/// model needs to give the number once, on the town hall. Deadlines and overdue counts are computed for today by the
/// clock when queried, so they stay right as days pass without new events.
/// </para>
/// <para>
/// Thread-safe: queries and catch-up may run at the same time. An organisation whose events cannot be applied (a
/// history written with another catalog, or a corrupt one) is left out and listed in <see cref="Unreadable"/>; the
/// others go on.
/// </para>
/// </remarks>
public sealed partial class MunicipalityOverview
{
    private readonly CriteriaCatalog _catalog;
    private readonly IClock _clock;
    private readonly SchemeRuleBook _rules;
    private readonly DeadlineOptions _deadlines;
    private readonly object _gate = new();
    private readonly Dictionary<string, Followed> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byMunicipality = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MiljofyrtarnException> _unreadable = new(StringComparer.Ordinal);
    private long _position;

    /// <summary>Creates an empty overview, at position 0.</summary>
    /// <param name="catalog">The catalog the organisations' histories were recorded with.</param>
    /// <param name="clock">The clock that says what today is, for deadlines.</param>
    /// <param name="rules">The scheme's rule book; the default when null.</param>
    /// <param name="deadlines">The deadline options; the defaults when null.</param>
    public MunicipalityOverview(CriteriaCatalog catalog, IClock clock, SchemeRuleBook? rules = null, DeadlineOptions? deadlines = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(clock);
        _catalog = catalog;
        _clock = clock;
        _rules = rules ?? SchemeRuleBook.Default;
        _deadlines = deadlines ?? DeadlineOptions.Default;
    }

    /// <summary>Builds an overview from the start of a store's feed.</summary>
    /// <param name="store">The store.</param>
    /// <param name="catalog">The catalog the histories were recorded with.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="rules">The rule book; the default when null.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The overview, caught up with the feed.</returns>
    /// <exception cref="MiljofyrtarnException">The store fails (its codes), or an event read was tampered with (<see cref="ErrorCodes.TamperedHistory"/>).</exception>
    public static async Task<MunicipalityOverview> BuildAsync(IEventStore store, CriteriaCatalog catalog, IClock clock, SchemeRuleBook? rules = null, CancellationToken cancellationToken = default)
    {
        var overview = new MunicipalityOverview(catalog, clock, rules);
        await overview.CatchUpAsync(store, cancellationToken).ConfigureAwait(false);
        return overview;
    }

    /// <summary>The position in the feed of the last event applied; 0 for none.</summary>
    public long Position
    {
        get
        {
            lock (_gate)
            {
                return _position;
            }
        }
    }

    /// <summary>The organisations whose events could not be applied, by stream, with the reason; they are left out of every answer.</summary>
    public IReadOnlyDictionary<string, MiljofyrtarnException> Unreadable
    {
        get
        {
            lock (_gate)
            {
                return _unreadable.ToImmutableDictionary(StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The municipality numbers that have at least one unit, in order.</summary>
    public IReadOnlyList<string> Municipalities
    {
        get
        {
            lock (_gate)
            {
                return [.. _byMunicipality.Where(m => m.Value.Count > 0).Select(m => m.Key).Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Reads the feed after <see cref="Position"/> to its end, a page at a time, and applies it.</summary>
    /// <param name="store">The store whose feed this overview follows.</param>
    /// <param name="cancellationToken">Cancels the catch-up between pages; what was applied stays applied.</param>
    /// <returns>How many events were applied.</returns>
    /// <exception cref="MiljofyrtarnException">The store fails (its codes), or an event read was tampered with (<see cref="ErrorCodes.TamperedHistory"/>).</exception>
    public async Task<long> CatchUpAsync(IEventStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        long applied = 0;
        while (true)
        {
            var page = await store.ReadAllAsync(Position, PageSize, cancellationToken).ConfigureAwait(false);
            applied += Apply(page);
            if (page.Count < PageSize)
            {
                return applied;
            }
        }
    }

    private const int PageSize = 1_000;

    /// <summary>
    /// Applies events from the feed, in position order. Events at or before <see cref="Position"/> were applied
    /// already and are skipped, so overlapping pages (two catch-ups at once) are harmless.
    /// </summary>
    /// <param name="events">Events from <see cref="IEventStore.ReadAllAsync"/>.</param>
    /// <returns>How many were applied.</returns>
    /// <exception cref="ArgumentException">The events are not in position order.</exception>
    public int Apply(IReadOnlyList<FeedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].Position <= events[i - 1].Position)
            {
                throw new ArgumentException($"The events are not in position order at {events[i].Position}.", nameof(events));
            }
        }

        lock (_gate)
        {
            var fresh = events.Where(e => e.Position > _position).ToList();
            foreach (var stream in fresh.GroupBy(e => e.Stream, StringComparer.Ordinal))
            {
                ApplyToStream(stream.Key, [.. stream.Select(e => e.Event)]);
            }

            if (fresh.Count > 0)
            {
                _position = fresh[^1].Position;
            }

            return fresh.Count;
        }
    }

    /// <summary>Moves one organisation on by its new events; on a failure it is set aside as unreadable.</summary>
    private void ApplyToStream(string stream, List<LifecycleEvent> events)
    {
        if (_unreadable.ContainsKey(stream))
        {
            return;
        }

        try
        {
            var lifecycle = _streams.TryGetValue(stream, out var followed)
                ? followed.Lifecycle.Advance(events)
                : OrganisationLifecycle.Follow(_catalog, events, _clock, _rules);
            var municipalities = MunicipalitiesOf(lifecycle);
            Index(stream, followed?.Municipalities ?? [], municipalities);
            _streams[stream] = new Followed(lifecycle, municipalities);
        }
        catch (MiljofyrtarnException exception)
        {
            _unreadable[stream] = exception;
            Index(stream, _streams.GetValueOrDefault(stream)?.Municipalities ?? [], []);
            _streams.Remove(stream);
        }
    }

    /// <summary>Keeps the municipality index in step: the stream leaves the municipalities it left and joins the new ones.</summary>
    private void Index(string stream, ImmutableArray<string> before, ImmutableArray<string> after)
    {
        foreach (var municipality in before.Except(after))
        {
            _byMunicipality[municipality].Remove(stream);
        }

        foreach (var municipality in after.Except(before))
        {
            if (!_byMunicipality.TryGetValue(municipality, out var streams))
            {
                _byMunicipality[municipality] = streams = new HashSet<string>(StringComparer.Ordinal);
            }

            streams.Add(stream);
        }
    }

    private static ImmutableArray<string> MunicipalitiesOf(OrganisationLifecycle lifecycle)
    {
        var organisation = lifecycle.Organisation;
        return [.. organisation.AllUnits.Select(u => MunicipalityOf(u, organisation)).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    private static string? MunicipalityOf(Organisations.Unit unit, Organisations.Organisation organisation) =>
        unit.Municipality ?? organisation.Headquarters.Municipality;

    /// <summary>An organisation as followed: its lifecycle (without history) and the municipalities its units are in.</summary>
    private sealed record Followed(OrganisationLifecycle Lifecycle, ImmutableArray<string> Municipalities);
}
