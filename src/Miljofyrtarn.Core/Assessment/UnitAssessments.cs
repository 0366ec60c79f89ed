using System.Collections.Immutable;

namespace Miljofyrtarn.Core.Assessment;

/// <summary>
/// The assessments recorded for one unit: the full records by criterion ID, and the statuses in a dense
/// array by catalog ordinal for fast readiness. Copy-on-write: recording returns a new instance.
/// </summary>
internal sealed class UnitAssessments
{
    private readonly byte[] _statuses;

    private UnitAssessments(byte[] statuses, ImmutableDictionary<int, CriterionAssessment> byCriterionId)
    {
        _statuses = statuses;
        ByCriterionId = byCriterionId;
    }

    public ImmutableDictionary<int, CriterionAssessment> ByCriterionId { get; }

    public static UnitAssessments Empty(int criteriaCount) => new(new byte[criteriaCount], ImmutableDictionary<int, CriterionAssessment>.Empty);

    public FulfilmentStatus StatusAt(int ordinal) => (FulfilmentStatus)_statuses[ordinal];

    public ReadOnlySpan<byte> Statuses => _statuses;

    public UnitAssessments With(int ordinal, int criterionId, CriterionAssessment assessment)
    {
        var statuses = (byte[])_statuses.Clone();
        statuses[ordinal] = (byte)assessment.Status;
        return new UnitAssessments(statuses, ByCriterionId.SetItem(criterionId, assessment));
    }
}
