using System.Collections.Immutable;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Internal;
using Miljofyrtarn.Core.Resolution;

namespace Miljofyrtarn.Core.Organisations;

/// <summary>
/// How an organisation's units, assessments and readiness are represented: the one place that knows. An
/// <see cref="Organisation"/> is the public face (its name, number, rules and checks); this type holds what it is made
/// of and what it computes from it, and is the only one that creates or changes those structures.
/// </summary>
/// <remarks>
/// <para>
/// What is kept, and why (measured on a host's paths in docs/benchmarks.md, "The state behind one seam"):
/// </para>
/// <list type="bullet">
/// <item>The units, their assessment tables and their positions by ID in persistent structures
/// (<see cref="PersistentVector{T}"/>, <see cref="PersistentHashMap{TKey, TValue}"/>): a change to one unit copies one
/// path, not a list of every unit.</item>
/// <item>Each unit's statuses packed two bits each (<see cref="UnitAssessments"/>): a state kept in memory for each
/// organisation holds a quarter of the bytes a status per byte would.</item>
/// <item>Transient mode, for replay's working state only: assessments recorded in place, then frozen.</item>
/// <item>The readiness, computed in full when first asked and kept. It is not carried forward from the state before
/// (measured: not worth its code on a host's paths).</item>
/// </list>
/// <para>
/// Immutable once published. The values it computes on first use (the index, the readiness, the list of units, the
/// covered units, the people named) are computed from immutable data and published with one reference write, without a
/// lock: two threads that race compute equal values and either may be kept. Transient mode is private to
/// <see cref="Lifecycle.OrganisationLifecycle.Replay"/>'s working state and ends before any caller sees the state.
/// </para>
/// </remarks>
internal sealed partial class OrganisationState
{
    private readonly PersistentHashMap<UnitId, int> _positions;
    private readonly PersistentVector<Unit> _units;
    private PersistentVector<UnitAssessments> _tables; // reassigned only in transient mode (replay's working state)
    private ResolutionIndex? _index;
    private ImmutableArray<Unit> _allUnits; // listed from _units on first use
    private Dictionary<int, int[]>? _covered; // host position → positions of the units its certificate covers, built on first use
    private HashSet<string>? _people; // the IDs of every unit's officer and management users, built on first use

    private OrganisationState(
        CriteriaCatalog catalog,
        CriteriaSet commonSet,
        ImmutableDictionary<int, ResponsibleParty> allocation,
        PersistentVector<Unit> units,
        PersistentVector<UnitAssessments> tables,
        ResolutionIndex? index,
        PersistentHashMap<UnitId, int>? positions = null)
    {
        Catalog = catalog;
        CommonSet = commonSet;
        Allocation = allocation;
        _units = units;
        _tables = tables;
        _index = index;
        _positions = positions ?? PersistentHashMap<UnitId, int>.From(units.Select((u, i) => KeyValuePair.Create(u.Id, i)));
    }

    /// <summary>The catalog the criteria come from.</summary>
    public CriteriaCatalog Catalog { get; }

    /// <summary>The common set the readiness lists its themes in (the organisation's <see cref="Organisation.CommonSet"/>).</summary>
    public CriteriaSet CommonSet { get; }

    /// <summary>The organisation's own allocation of criteria, by criterion ID.</summary>
    public ImmutableDictionary<int, ResponsibleParty> Allocation { get; }

    /// <summary>Which criteria apply to which unit, built on first use and then shared by every state with the same structure.</summary>
    public ResolutionIndex Index => _index ??= ResolutionIndex.Build(Catalog, _units, Allocation);

    /// <summary>A state of headquarters alone, with nothing assessed.</summary>
    public static OrganisationState Of(CriteriaCatalog catalog, CriteriaSet commonSet, Unit headquarters) =>
        new(catalog, commonSet, ImmutableDictionary<int, ResponsibleParty>.Empty, [headquarters], [UnitAssessments.Empty(catalog.Criteria.Length)], null);

    /// <summary>A state restored in bulk (from a snapshot): the units in order, and each unit's records as (ordinal, criterion ID, assessment).</summary>
    public static OrganisationState Restore(
        CriteriaCatalog catalog,
        CriteriaSet commonSet,
        ImmutableDictionary<int, ResponsibleParty> allocation,
        IEnumerable<Unit> units,
        IEnumerable<IEnumerable<(int Ordinal, int CriterionId, CriterionAssessment Assessment)>> records) =>
        new(catalog, commonSet, allocation, PersistentVector<Unit>.From(units),
            PersistentVector<UnitAssessments>.From(records.Select(r => UnitAssessments.From(catalog.Criteria.Length, r))), null);

    /// <summary>The number of units, headquarters included.</summary>
    public int Count => _units.Count;

    /// <summary>The unit at a position (0 = headquarters).</summary>
    public Unit UnitAt(int position) => _units[position];

    /// <summary>The position of a unit, or -1. Allocation-free.</summary>
    public int PositionOf(UnitId id) => _positions.TryGetValue(id, out var position) ? position : -1;

    /// <summary>Headquarters first, then the underlying units in the order they were added; listed on first use, then kept.</summary>
    public ImmutableArray<Unit> AllUnits
    {
        get
        {
            // Two threads may list it at once; both arrays are equal and either may be kept (ImmutableArray is one reference).
            if (_allUnits.IsDefault)
            {
                _allUnits = _units.ToImmutableArray();
            }

            return _allUnits;
        }
    }

    /// <summary>A state with one more unit at the end, nothing assessed.</summary>
    public OrganisationState WithAddedUnit(Unit unit) =>
        new(Catalog, CommonSet, Allocation, _units.Add(unit), _tables.Add(UnitAssessments.Empty(Catalog.Criteria.Length)),
            Index.WithAddedUnit(Catalog, unit, Allocation), _positions.SetItem(unit.Id, _units.Count));

    /// <summary>A state with the unit at a position replaced (same ID); its assessments are kept, the index rebuilt.</summary>
    public OrganisationState WithUnit(int position, Unit unit) =>
        new(Catalog, CommonSet, Allocation, _units.SetItem(position, unit), _tables, null, _positions);

    /// <summary>A state without the unit at a position and its assessments.</summary>
    public OrganisationState WithoutUnit(int position) =>
        new(Catalog, CommonSet, Allocation, _units.RemoveAt(position), _tables.RemoveAt(position), null);

    /// <summary>A state with another allocation of criteria.</summary>
    public OrganisationState WithAllocation(ImmutableDictionary<int, ResponsibleParty> allocation) =>
        new(Catalog, CommonSet, allocation, _units, _tables, null, _positions);

    /// <summary>A state on another common set, each unit changed by <paramref name="change"/> (given the unit and its position).</summary>
    public OrganisationState WithCommonSet(CriteriaSet commonSet, Func<Unit, int, Unit> change) =>
        new(Catalog, commonSet, Allocation, PersistentVector<Unit>.From(_units.Select(change)), _tables, null, _positions);

    /// <summary>
    /// A state with an assessment recorded for the unit at a position (checked by the caller). Only that unit's table and
    /// one path of the list of tables are new; in transient mode the table is changed in place and this state returned.
    /// </summary>
    public OrganisationState WithAssessment(int position, int ordinal, int criterionId, CriterionAssessment assessment)
    {
        if (_transient)
        {
            RecordInPlace(position, ordinal, criterionId, assessment);
            return this;
        }

        return new OrganisationState(Catalog, CommonSet, Allocation, _units, _tables.SetItem(position, _tables[position].With(ordinal, criterionId, assessment)), Index, _positions);
    }

    /// <summary>The assessment the unit at a position recorded for a criterion, or null.</summary>
    public CriterionAssessment? AssessmentAt(int position, int criterionId) => _tables[position].Get(criterionId);

    /// <summary>The status the unit at a position recorded for a criterion (by catalog ordinal); not started when none.</summary>
    public FulfilmentStatus StatusAt(int position, int ordinal) => _tables[position].StatusAt(ordinal);

    /// <summary>Every assessment recorded for the unit at a position, ordered by criterion ID (stale ones included).</summary>
    public (int CriterionId, CriterionAssessment Assessment)[] AssessmentsAt(int position) => _tables[position].Sorted();

    /// <summary>The assessment table of the unit at a position, for the readiness calculator.</summary>
    internal UnitAssessments TableAt(int position) => _tables[position];

    /// <summary>
    /// The positions of the units (co-located or attached) whose certificate is the one of the unit at
    /// <paramref name="hostPosition"/>, in position order; empty for most units. Built for every host on first use, then kept.
    /// </summary>
    public int[] CoveredBy(int hostPosition) => (_covered ??= BuildCovered()).TryGetValue(hostPosition, out var covered) ? covered : [];

    /// <summary>Whether any unit names the person as its officer or a management user. Built for every unit on first use, then kept.</summary>
    public bool NamesPerson(string id) => (_people ??= BuildPeople()).Contains(id);

    private HashSet<string> BuildPeople()
    {
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in _units)
        {
            if (unit.Officer is { } officer)
            {
                people.Add(officer.Id);
            }

            foreach (var manager in unit.Management)
            {
                people.Add(manager.Id);
            }
        }

        // Two threads may build it at once; both sets are equal and either may be kept.
        return people;
    }

    private Dictionary<int, int[]> BuildCovered()
    {
        var covered = new Dictionary<int, List<int>>();
        var position = 0;
        foreach (var unit in _units)
        {
            if (unit.Certificate.Host is { } host && _positions.TryGetValue(host, out var hostPosition))
            {
                if (!covered.TryGetValue(hostPosition, out var list))
                {
                    covered[hostPosition] = list = [];
                }

                list.Add(position);
            }

            position++;
        }

        // Two threads may build it at once; both are equal and either may be kept.
        return covered.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}
