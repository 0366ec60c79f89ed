using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Resolution;

namespace Miljofyrtarn.Core.Organisations;

/// <content>
/// Readiness: computed on first use and kept, carried forward through recorded assessments (issue 16), and the
/// allocation-free count of blocking criteria the lifecycle's guards use.
/// </content>
public sealed partial class Organisation
{
    /// <summary>Readiness of the whole organisation: every unit, per theme, and totals.</summary>
    /// <returns>The readiness.</returns>
    /// <remarks>
    /// Computed on first use and kept. A state reached by recording assessments from a state whose readiness was already
    /// computed carries that readiness forward: only the units whose statuses changed (and, for criteria headquarters
    /// fulfils for everyone, the units that inherit them) are recomputed. Adding a unit carries it too: only the new unit,
    /// and headquarters when the unit brings it new criteria, are counted.
    /// </remarks>
    public OrganisationReadiness GetReadiness() => Readiness(keep: !_transient);

    /// <summary>
    /// The readiness <see cref="GetReadiness()"/> returns: the kept one, else carried forward along the trail, else in full.
    /// With <paramref name="keep"/> it is kept for the next call and for the states that follow.
    /// </summary>
    internal OrganisationReadiness Readiness(bool keep)
    {
        if (_readiness is { } known)
        {
            return known;
        }

        var calculator = ReadinessCalculator.Of(Catalog);
        var trail = _trail;
        var readiness = trail is null
            ? calculator.Organisation(_units, Index, _assessments, CommonSet)
            : calculator.Update(trail, _units, Index, _assessments, CommonSet);
        if (keep)
        {
            // Two threads may compute it at once; both are equal and either may be kept.
            _readiness = readiness;
            _trail = null;
        }

        return readiness;
    }

    /// <summary>
    /// The readiness of this state when it is known or can be carried forward along the trail (then kept), for a change to
    /// carry it further; null when it would have to be computed in full, or in transient mode (which never keeps it).
    /// </summary>
    private OrganisationReadiness? KnownReadiness() =>
        _transient ? null : _readiness ?? (_trail is null ? null : Readiness(keep: true));

    /// <summary>How many assessments the readiness would be carried forward over (0: computed in full, or already known).</summary>
    internal int ReadinessTrailLength => _readiness is null ? _trail?.Count ?? 0 : 0;

    /// <summary>The readiness computed in full, never carried forward or kept: what <see cref="GetReadiness()"/> must equal.</summary>
    internal OrganisationReadiness ComputeReadiness() => ReadinessCalculator.Of(Catalog).Organisation(_units, Index, _assessments, CommonSet);

    /// <summary>Readiness of one unit: "what is left for Rådhuset before the certifier can come?".</summary>
    /// <param name="unitId">The unit's ID.</param>
    /// <returns>The unit's readiness.</returns>
    /// <exception cref="MiljofyrtarnException">Unknown unit.</exception>
    public UnitReadiness GetReadiness(UnitId unitId) => ReadinessCalculator.Of(Catalog).Unit(_units, Position(unitId), Index, _assessments);

    /// <summary>The number of must-criteria of the unit at a position that are neither fulfilled nor not applicable. Allocation-free.</summary>
    internal int CountBlocking(int position) => Blocking(position, null);

    /// <summary>
    /// The must-criteria of the unit at a position that are neither fulfilled nor not applicable, in catalog order (the
    /// order of <see cref="UnitReadiness.Blocking"/>): how many, and their IDs added to <paramref name="ids"/> when given
    /// (each once). One loop, so the count and the list cannot disagree.
    /// </summary>
    internal int Blocking(int position, List<int>? ids)
    {
        var roles = Index.Roles[position];
        var own = _assessments[position].Statuses;
        var headquarters = _assessments[0].Statuses;
        var count = 0;
        foreach (var ordinal in Index.Ordinals[position])
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
