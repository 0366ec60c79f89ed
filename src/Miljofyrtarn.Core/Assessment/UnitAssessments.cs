using System.Collections.Immutable;

namespace Miljofyrtarn.Core.Assessment;

/// <summary>
/// The assessments recorded for one unit: the full records by criterion ID, and the statuses packed two bits each by
/// catalog ordinal for fast readiness (a quarter of a byte array: what a full pass over thousands of units reads, and what
/// each record copies). Copy-on-write: recording returns a new instance. Records restored in bulk (from
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

    public static UnitAssessments Empty(int criteriaCount) => new(new byte[Packed(criteriaCount)], NoBase, ImmutableDictionary<int, CriterionAssessment>.Empty);

    /// <summary>The bytes that hold <paramref name="criteriaCount"/> statuses of two bits each.</summary>
    private static int Packed(int criteriaCount) => (criteriaCount + 3) >> 2;

    /// <summary>The status at a catalog ordinal in a packed status array (<see cref="Statuses"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static byte StatusIn(ReadOnlySpan<byte> statuses, int ordinal) => (byte)((statuses[ordinal >> 2] >> ((ordinal & 3) << 1)) & 3);

    private static void Set(byte[] statuses, int ordinal, FulfilmentStatus status)
    {
        var shift = (ordinal & 3) << 1;
        ref var slot = ref statuses[ordinal >> 2];
        slot = (byte)((slot & ~(3 << shift)) | ((int)status << shift));
    }

    /// <summary>A unit's assessments built in one go, from (ordinal, criterion ID, assessment); a later entry for the same criterion wins.</summary>
    public static UnitAssessments From(int criteriaCount, IEnumerable<(int Ordinal, int CriterionId, CriterionAssessment Assessment)> entries)
    {
        var statuses = new byte[Packed(criteriaCount)];
        var byId = new Dictionary<int, CriterionAssessment>();
        foreach (var (ordinal, criterionId, assessment) in entries)
        {
            Set(statuses, ordinal, assessment.Status);
            byId[criterionId] = assessment;
        }

        return new UnitAssessments(statuses, byId.Count == 0 ? NoBase : byId, ImmutableDictionary<int, CriterionAssessment>.Empty);
    }

    public FulfilmentStatus StatusAt(int ordinal) => (FulfilmentStatus)StatusIn(_statuses, ordinal);

    /// <summary>The statuses packed two bits each (read them with <see cref="StatusIn"/>).</summary>
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
        Set(_statuses, ordinal, assessment.Status);
        _base[criterionId] = assessment;
    }

    /// <summary>Ends transient mode: from now on the instance is never changed again, and recording copies as usual.</summary>
    public void Freeze() => IsOwned = false;

    public UnitAssessments With(int ordinal, int criterionId, CriterionAssessment assessment)
    {
        var statuses = (byte[])_statuses.Clone();
        Set(statuses, ordinal, assessment.Status);
        return new UnitAssessments(statuses, _base, _overlay.SetItem(criterionId, assessment));
    }
}
