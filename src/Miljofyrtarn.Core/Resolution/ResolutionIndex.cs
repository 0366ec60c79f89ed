using System.Collections.Immutable;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Internal;
using Miljofyrtarn.Core.Organisations;

namespace Miljofyrtarn.Core.Resolution;

/// <summary>
/// Which criteria apply to each unit and who fulfils them, in compact arrays indexed by the criterion's
/// catalog ordinal. Built once per structural change of an organisation (units, sets, answers, allocation)
/// and shared by every organisation state until the next one, so assessments and readiness never redo it.
/// </summary>
internal sealed class ResolutionIndex
{
    /// <summary>The criterion does not apply to the unit.</summary>
    public const byte None = 0;

    /// <summary>The unit fulfils the criterion itself.</summary>
    public const byte Own = 1;

    /// <summary>The criterion applies to the unit (a UE) and headquarters fulfils it.</summary>
    public const byte ByHeadquarters = 2;

    private int[][]? _inheritors;

    private ResolutionIndex(PersistentVector<byte[]> roles, PersistentVector<int[]> ordinals, bool[] headquartersParty)
    {
        Roles = roles;
        Ordinals = ordinals;
        HeadquartersParty = headquartersParty;
    }

    /// <summary>
    /// Per catalog ordinal: whether headquarters fulfils the criterion under this allocation. A criterion that applies to a
    /// UE has the role <see cref="ByHeadquarters"/> exactly when this is set, so readiness reads this one shared array
    /// instead of each unit's <see cref="Roles"/> (half the memory a full pass walks).
    /// </summary>
    public bool[] HeadquartersParty { get; }

    /// <summary>Per unit position (0 = HK), per catalog ordinal: <see cref="None"/>, <see cref="Own"/> or <see cref="ByHeadquarters"/>.</summary>
    public PersistentVector<byte[]> Roles { get; }

    /// <summary>Per unit position, the ordinals of the criteria that apply, ascending (catalog order).</summary>
    public PersistentVector<int[]> Ordinals { get; }

    /// <summary>
    /// The positions of the units (UE) that inherit a criterion from headquarters: those whose readiness changes when
    /// headquarters' status of it changes. Built for every criterion on first use (O(applicable criteria over all units)).
    /// </summary>
    /// <param name="ordinal">The criterion's catalog ordinal.</param>
    public int[] InheritorsOf(int ordinal) => (_inheritors ??= BuildInheritors())[ordinal];

    private int[][] BuildInheritors()
    {
        var lists = new List<int>?[Roles[0].Length];
        for (var u = 1; u < Roles.Count; u++)
        {
            foreach (var ordinal in Ordinals[u])
            {
                if (Roles[u][ordinal] == ByHeadquarters)
                {
                    (lists[ordinal] ??= []).Add(u);
                }
            }
        }

        // Two threads may build it at once; both are equal and either may be kept.
        return [.. lists.Select(l => l is null ? [] : l.ToArray())];
    }

    public static ResponsibleParty PartyFor(Criterion criterion, ImmutableDictionary<int, ResponsibleParty> overrides) =>
        overrides.TryGetValue(criterion.Id, out var party)
            ? party
            : criterion.FulfilledBy == ResponsibilityHint.Headquarters ? ResponsibleParty.Headquarters : ResponsibleParty.Unit;

    public static ResolutionIndex Build(CriteriaCatalog catalog, IReadOnlyList<Unit> units, ImmutableDictionary<int, ResponsibleParty> overrides)
    {
        var count = catalog.Criteria.Length;
        var roles = new byte[units.Count][];
        var ordinals = new int[units.Count][];
        var list = new List<int>();
        for (var u = 0; u < units.Count; u++)
        {
            // Visit only the unit's own criteria, not the whole catalog.
            var role = roles[u] = new byte[count];
            var answers = units[u].Answers;
            list.Clear();
            foreach (var set in units[u].Sets)
            {
                foreach (var member in set.Criteria)
                {
                    var criterion = member.IsRetired ? catalog.ResolveActive(member) : member;
                    if (role[criterion.Ordinal] == None && Applies(criterion, answers))
                    {
                        role[criterion.Ordinal] = Own;
                        list.Add(criterion.Ordinal);
                    }
                }
            }

            list.Sort();
            ordinals[u] = [.. list];
        }

        // Responsibility allocation: what a UE needs and HK fulfils moves to HK, once for everyone.
        var headquarters = roles[0];
        var headquartersChanged = false;
        for (var u = 1; u < units.Count; u++)
        {
            var role = roles[u];
            foreach (var ordinal in ordinals[u])
            {
                if (PartyFor(catalog.Criteria[ordinal], overrides) == ResponsibleParty.Headquarters)
                {
                    role[ordinal] = ByHeadquarters;
                    headquartersChanged |= headquarters[ordinal] == None;
                    headquarters[ordinal] = Own;
                }
            }
        }

        if (headquartersChanged && units.Count > 0)
        {
            list.Clear();
            for (var ordinal = 0; ordinal < count; ordinal++)
            {
                if (headquarters[ordinal] != None)
                {
                    list.Add(ordinal);
                }
            }

            ordinals[0] = [.. list];
        }

        var party = catalog.Criteria.Select(c => PartyFor(c, overrides) == ResponsibleParty.Headquarters).ToArray();
        return new ResolutionIndex(PersistentVector<byte[]>.From(roles), PersistentVector<int[]>.From(ordinals), party);
    }

    /// <summary>
    /// The index with one more unit (a UE) at the end: only the new unit is resolved, and headquarters' roles are
    /// copied only when the new unit allocates something to it. O(criteria + log units) instead of a full rebuild.
    /// </summary>
    public ResolutionIndex WithAddedUnit(CriteriaCatalog catalog, Unit unit, ImmutableDictionary<int, ResponsibleParty> overrides)
    {
        var count = catalog.Criteria.Length;
        var role = new byte[count];
        foreach (var set in unit.Sets)
        {
            foreach (var member in set.Criteria)
            {
                var criterion = member.IsRetired ? catalog.ResolveActive(member) : member;
                if (Applies(criterion, unit.Answers))
                {
                    role[criterion.Ordinal] = Own;
                }
            }
        }

        var headquarters = Roles[0];
        var headquartersOrdinals = Ordinals[0];
        var own = new List<int>();
        for (var ordinal = 0; ordinal < count; ordinal++)
        {
            if (role[ordinal] == None)
            {
                continue;
            }

            own.Add(ordinal);
            if (PartyFor(catalog.Criteria[ordinal], overrides) == ResponsibleParty.Headquarters)
            {
                role[ordinal] = ByHeadquarters;
                if (headquarters[ordinal] == None)
                {
                    headquarters = headquarters == Roles[0] ? (byte[])headquarters.Clone() : headquarters;
                    headquarters[ordinal] = Own;
                }
            }
        }

        if (headquarters != Roles[0])
        {
            var list = new List<int>();
            for (var ordinal = 0; ordinal < count; ordinal++)
            {
                if (headquarters[ordinal] != None)
                {
                    list.Add(ordinal);
                }
            }

            headquartersOrdinals = [.. list];
        }

        var roles = (headquarters == Roles[0] ? Roles : Roles.SetItem(0, headquarters)).Add(role);
        var ordinals = (headquartersOrdinals == Ordinals[0] ? Ordinals : Ordinals.SetItem(0, headquartersOrdinals)).Add([.. own]);
        return new ResolutionIndex(roles, ordinals, HeadquartersParty);
    }

    public static bool Applies(Criterion criterion, ImmutableDictionary<string, bool> answers) =>
        criterion.AppliesWhen is not { } condition
        || (answers.TryGetValue(condition.QuestionId, out var answer) && answer == condition.Answer);
}
