using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Core.Organisations;

/// <content>
/// Readiness: computed on first use and kept, and the allocation-free count of blocking criteria the lifecycle's guards
/// use. The state computes and keeps them.
/// </content>
public sealed partial class Organisation
{
    /// <summary>Readiness of the whole organisation: every unit, per theme, and totals.</summary>
    /// <returns>The readiness.</returns>
    /// <remarks>
    /// Computed on first use and kept: one pass over every unit's criteria. Each unit's themes and blocking list are built
    /// when first read.
    /// </remarks>
    public OrganisationReadiness GetReadiness() => State.Readiness();

    /// <summary>The readiness computed in full and not kept, for measuring it.</summary>
    internal OrganisationReadiness ComputeReadiness() => State.ComputeReadiness();

    /// <summary>Readiness of one unit: "what is left for Rådhuset before the certifier can come?".</summary>
    /// <param name="unitId">The unit's ID.</param>
    /// <returns>The unit's readiness.</returns>
    /// <exception cref="MiljofyrtarnException">Unknown unit.</exception>
    public UnitReadiness GetReadiness(UnitId unitId) => State.UnitReadiness(Position(unitId));

    /// <summary>The number of must-criteria of the unit at a position that are neither fulfilled nor not applicable. Allocation-free.</summary>
    internal int CountBlocking(int position) => State.Blocking(position, null);

    /// <summary>
    /// The must-criteria of the unit at a position that are neither fulfilled nor not applicable, in catalog order (the
    /// order of <see cref="UnitReadiness.Blocking"/>): how many, and their IDs added to <paramref name="ids"/> when given
    /// (each once). One loop, so the count and the list cannot disagree.
    /// </summary>
    internal int Blocking(int position, List<int>? ids) => State.Blocking(position, ids);
}
