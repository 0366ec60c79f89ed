using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Resolution;

namespace Miljofyrtarn.Core.Organisations;

/// <content>
/// The readiness, computed in full on first use and kept, and the allocation-free count of blocking criteria the
/// lifecycle's guards use.
/// </content>
internal sealed partial class OrganisationState
{
    private OrganisationReadiness? _readiness; // computed on first use, then kept

    /// <summary>
    /// The readiness: the kept one, else computed in full and kept. A new state computes its own: one pass over every
    /// unit's criteria, 0.7 ms at 2,000 units on a catalog of 1,000 criteria (docs/benchmarks.md, "The state behind one
    /// seam", on why it is not carried forward from the state before). Two threads may compute it at once; both results
    /// are equal and either may be kept. In transient mode a record in place drops it.
    /// </summary>
    public OrganisationReadiness Readiness() => _readiness ??= ComputeReadiness();

    /// <summary>The readiness computed in full and not kept (what <see cref="Readiness"/> computes once).</summary>
    public OrganisationReadiness ComputeReadiness() => ReadinessCalculator.Of(Catalog).Organisation(this);

    /// <summary>The readiness of the unit at a position.</summary>
    public UnitReadiness UnitReadiness(int position) => ReadinessCalculator.Of(Catalog).Unit(this, position);

    /// <summary>
    /// The must-criteria of the unit at a position that are neither fulfilled nor not applicable, in catalog order (the
    /// order of <see cref="Assessment.UnitReadiness.Blocking"/>): how many, and their IDs added to <paramref name="ids"/>
    /// when given (each once). One loop, so the count and the list cannot disagree. Allocation-free without a list.
    /// </summary>
    public int Blocking(int position, List<int>? ids)
    {
        var index = Index;
        var roles = index.Roles[position];
        var own = _tables[position].Statuses;
        var headquarters = _tables[0].Statuses;
        var count = 0;
        foreach (var ordinal in index.Ordinals[position])
        {
            var criterion = Catalog.Criteria[ordinal];
            if (criterion.Obligation != Obligation.Must)
            {
                continue;
            }

            var status = (FulfilmentStatus)UnitAssessments.StatusIn(roles[ordinal] == ResolutionIndex.ByHeadquarters ? headquarters : own, ordinal);
            if (status is FulfilmentStatus.NotStarted or FulfilmentStatus.InProgress)
            {
                count++;
                if (ids is not null && !ids.Contains(criterion.Id))
                {
                    ids.Add(criterion.Id);
                }
            }
        }

        return count;
    }
}
