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

        var state = State.WithUnit(0, WithCommonSet(Headquarters, HeadquartersCommonSet, newer));
        return new Organisation(Name, Kind, Number, StartedOn, newer == CommonSet ? null : newer, state);
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

        var old = CommonSet;
        var state = State.WithCommonSet(newer, (u, i) => i == 0 ? u : WithCommonSet(u, old, newer));
        return new Organisation(Name, Kind, Number, StartedOn, null, state);
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
