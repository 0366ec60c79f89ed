using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Resolution;

namespace Miljofyrtarn.Core.Organisations;

/// <content>
/// Recording and reading assessments: the rules are checked here; the state records them (each unit's table is its own, so
/// recording one copies that table and one path of the list of tables, whatever the number of units).
/// </content>
public sealed partial class Organisation
{
    /// <summary>
    /// Records the assessment of a criterion for a unit. Only the party that fulfils the criterion records it:
    /// headquarters for criteria allocated to it (every UE then sees that status), the unit otherwise.
    /// </summary>
    /// <param name="unitId">The unit's ID.</param>
    /// <param name="criterionId">The criterion's ID.</param>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The organisation with the assessment.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// Unknown unit or criterion, a criterion that does not apply to the unit (<see cref="ErrorCodes.CriterionNotApplicable"/>) or is
    /// allocated to headquarters (<see cref="ErrorCodes.CriterionAllocatedToHeadquarters"/>), or not applicable without justification.
    /// </exception>
    public Organisation RecordAssessment(UnitId unitId, int criterionId, CriterionAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var position = Position(unitId);
        var criterion = CriterionOrThrow(criterionId);
        var problems = new Problems();
        switch (Index.Roles[position][criterion.Ordinal])
        {
            case ResolutionIndex.None:
                problems.Add(ErrorCodes.CriterionNotApplicable, criterionId, State.UnitAt(position).Name);
                break;
            case ResolutionIndex.ByHeadquarters:
                problems.Add(ErrorCodes.CriterionAllocatedToHeadquarters, criterionId, State.UnitAt(position).Name);
                break;
        }

        if (assessment.Status == FulfilmentStatus.NotApplicable && assessment.Justification is null)
        {
            problems.Add(ErrorCodes.JustificationRequired, criterionId, State.UnitAt(position).Name);
        }

        problems.ThrowIfAny();
        var state = State.WithAssessment(position, criterion.Ordinal, criterionId, assessment);
        return ReferenceEquals(state, State) ? this : With(state);
    }

    /// <summary>The assessment the unit itself recorded for a criterion, or null.</summary>
    /// <param name="unitId">The unit's ID.</param>
    /// <param name="criterionId">The criterion's ID.</param>
    /// <returns>The assessment, or null when none was recorded.</returns>
    /// <exception cref="MiljofyrtarnException">Unknown unit.</exception>
    public CriterionAssessment? GetAssessment(UnitId unitId, int criterionId) =>
        State.AssessmentAt(Position(unitId), criterionId);

    /// <summary>
    /// The status a unit sees for a criterion: its own, or headquarters' when the criterion is allocated to HK.
    /// </summary>
    /// <param name="unitId">The unit's ID.</param>
    /// <param name="criterionId">The criterion's ID.</param>
    /// <returns>The status and who fulfils the criterion.</returns>
    /// <exception cref="MiljofyrtarnException">Unknown unit or criterion, or a criterion that does not apply to the unit.</exception>
    public EffectiveStatus GetStatus(UnitId unitId, int criterionId)
    {
        var position = Position(unitId);
        var criterion = CriterionOrThrow(criterionId);
        return Index.Roles[position][criterion.Ordinal] switch
        {
            ResolutionIndex.Own => new EffectiveStatus(State.StatusAt(position, criterion.Ordinal), ResponsibleParty.Unit),
            ResolutionIndex.ByHeadquarters => new EffectiveStatus(State.StatusAt(0, criterion.Ordinal), ResponsibleParty.Headquarters),
            _ => throw Problems.Single(ErrorCodes.CriterionNotApplicable, criterionId, State.UnitAt(position).Name),
        };
    }

    /// <summary>Every assessment recorded for the unit at a position, ordered by criterion ID (stale ones included).</summary>
    internal (int CriterionId, CriterionAssessment Assessment)[] AssessmentsAt(int position) => State.AssessmentsAt(position);
}
