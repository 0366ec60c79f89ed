using System.Collections.Immutable;

namespace Miljofyrtarn.Core.Assessment;

/// <summary>
/// The assessments recorded for one unit: the full records by criterion ID, and the statuses in a dense array by
/// catalog ordinal for fast readiness. Copy-on-write: recording returns a new instance. Records restored in bulk (from
/// a snapshot) sit in a plain dictionary that is never changed; later records go to an immutable overlay, so a restore
/// is cheap and a single change stays O(log n).
/// </summary>
internal sealed class UnitAssessments
{
    private static readonly Dictionary<int, CriterionAssessment> NoBase = [];

    private readonly byte[] _statuses;
    private readonly Dictionary<int, CriterionAssessment> _base;
    private readonly ImmutableDictionary<int, CriterionAssessment> _overlay;

    private UnitAssessments(byte[] statuses, Dictionary<int, CriterionAssessment> @base, ImmutableDictionary<int, CriterionAssessment> overlay)
    {
        _statuses = statuses;
        _base = @base;
        _overlay = overlay;
    }

    /// <summary>Every record, ordered by criterion ID, without building a dictionary (for writing snapshots).</summary>
    public (int CriterionId, CriterionAssessment Assessment)[] Sorted()
    {
        var all = new (int, CriterionAssessment)[_base.Count + _overlay.Count];
        var count = 0;
        foreach (var (id, assessment) in _overlay)
        {
            all[count++] = (id, assessment);
        }

        foreach (var (id, assessment) in _base)
        {
            if (!_overlay.ContainsKey(id))
            {
                all[count++] = (id, assessment);
            }
        }

        Array.Resize(ref all, count);
        Array.Sort(all, static (a, b) => a.Item1.CompareTo(b.Item1));
        return all;
    }

    public static UnitAssessments Empty(int criteriaCount) => new(new byte[criteriaCount], NoBase, ImmutableDictionary<int, CriterionAssessment>.Empty);

    /// <summary>A unit's assessments built in one go, from (ordinal, criterion ID, assessment); a later entry for the same criterion wins.</summary>
    public static UnitAssessments From(int criteriaCount, IEnumerable<(int Ordinal, int CriterionId, CriterionAssessment Assessment)> entries)
    {
        var statuses = new byte[criteriaCount];
        var byId = new Dictionary<int, CriterionAssessment>();
        foreach (var (ordinal, criterionId, assessment) in entries)
        {
            statuses[ordinal] = (byte)assessment.Status;
            byId[criterionId] = assessment;
        }

        return new UnitAssessments(statuses, byId.Count == 0 ? NoBase : byId, ImmutableDictionary<int, CriterionAssessment>.Empty);
    }

    public FulfilmentStatus StatusAt(int ordinal) => (FulfilmentStatus)_statuses[ordinal];

    public ReadOnlySpan<byte> Statuses => _statuses;

    public CriterionAssessment? Get(int criterionId) =>
        _overlay.TryGetValue(criterionId, out var assessment) || _base.TryGetValue(criterionId, out assessment) ? assessment : null;

    /// <summary>Whether this instance belongs to one organisation in transient mode and may be changed in place.</summary>
    public bool IsOwned { get; private set; }

    /// <summary>A private, changeable copy for transient mode (replay): its own status array and one plain dictionary.</summary>
    public UnitAssessments ToOwned()
    {
        var byId = new Dictionary<int, CriterionAssessment>(_base.Count + _overlay.Count);
        foreach (var (id, assessment) in _base)
        {
            byId[id] = assessment;
        }

        foreach (var (id, assessment) in _overlay)
        {
            byId[id] = assessment;
        }

        return new UnitAssessments((byte[])_statuses.Clone(), byId, ImmutableDictionary<int, CriterionAssessment>.Empty) { IsOwned = true };
    }

    /// <summary>Records an assessment in place; only on an owned instance, in transient mode.</summary>
    public void SetInPlace(int ordinal, int criterionId, CriterionAssessment assessment)
    {
        System.Diagnostics.Debug.Assert(IsOwned, "Only an owned instance changes in place.");
        _statuses[ordinal] = (byte)assessment.Status;
        _base[criterionId] = assessment;
    }

    /// <summary>Ends transient mode: from now on the instance is never changed again, and recording copies as usual.</summary>
    public void Freeze() => IsOwned = false;

    public UnitAssessments With(int ordinal, int criterionId, CriterionAssessment assessment)
    {
        var statuses = (byte[])_statuses.Clone();
        statuses[ordinal] = (byte)assessment.Status;
        return new UnitAssessments(statuses, _base, _overlay.SetItem(criterionId, assessment));
    }
}
