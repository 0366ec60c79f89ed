using Miljofyrtarn.Core.Internal;
using Miljofyrtarn.Core.Catalog;

namespace Miljofyrtarn.Core.Organisations;

/// <content>
/// Moving to a newer common-criteria version. The foundation's guide for municipal head offices
/// (stiftelsen.miljofyrtarn.no, veiledning-endringer-for-hovedkontor-kommuner): headquarters' recertification is mapped
/// on the new version, while the version of the last approved responsibility allocation applies to the units until
/// headquarters is recertified.
/// </content>
public sealed partial class Organisation
{
    /// <summary>
    /// Headquarters starts its recertification on a newer common-criteria version: only HK's common set changes, and the
    /// newer version becomes <see cref="PendingCommonSet"/>. Assessments are kept.
    /// </summary>
    internal Organisation BeginCommonSetSwitch(CriteriaSet newer)
    {
        if (newer == HeadquartersCommonSet)
        {
            return this;
        }

        var units = _units.SetItem(0, WithCommonSet(_units[0], HeadquartersCommonSet, newer));
        return new Organisation(Catalog, Name, Kind, Number, StartedOn, CommonSet, newer == CommonSet ? null : newer, units, AllocationOverrides, _assessments, null, _positions);
    }

    /// <summary>
    /// Headquarters' certification on <see cref="PendingCommonSet"/> is approved: every underlying unit switches to that
    /// version with it. Assessments are kept; those of criteria that no longer apply are ignored.
    /// </summary>
    internal Organisation CompleteCommonSetSwitch()
    {
        if (PendingCommonSet is not { } newer)
        {
            return this;
        }

        var units = PersistentVector<Unit>.From(_units.Select((u, i) => i == 0 ? u : WithCommonSet(u, CommonSet, newer)));
        return new Organisation(Catalog, Name, Kind, Number, StartedOn, newer, null, units, AllocationOverrides, _assessments, null, _positions);
    }

    private static Unit WithCommonSet(Unit unit, CriteriaSet old, CriteriaSet newer) => new(
        unit.Definition with
        {
            MainSetId = unit.Definition.MainSetId == old.Id ? newer.Id : unit.Definition.MainSetId,
            SetIds = [.. unit.Definition.SetIds.Where(id => id != old.Id && id != newer.Id)],
        },
        unit.Role,
        unit.Sets.SetItem(0, newer),
        unit.MainSet == old ? newer : unit.MainSet);
}
