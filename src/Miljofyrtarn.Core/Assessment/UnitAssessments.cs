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

    /// <summary>Every record, by criterion ID; the overlay wins over the base.</summary>
    public ImmutableDictionary<int, CriterionAssessment> ByCriterionId =>
        _base.Count == 0 ? _overlay : _overlay.AddRange(_base.Where(b => !_overlay.ContainsKey(b.Key)));

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

    public UnitAssessments With(int ordinal, int criterionId, CriterionAssessment assessment)
    {
        var statuses = (byte[])_statuses.Clone();
        statuses[ordinal] = (byte)assessment.Status;
        return new UnitAssessments(statuses, _base, _overlay.SetItem(criterionId, assessment));
    }
}
