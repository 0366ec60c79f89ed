using System.Collections.Immutable;

namespace Miljofyrtarn.Core.Organisations;

/// <content>
/// The units by position (0 = headquarters), kept in a persistent vector so that adding a unit or changing one copies a
/// path, not the list; the public array is listed on first use.
/// </content>
public sealed partial class Organisation
{
    private ImmutableArray<Unit> _allUnits; // listed from _units on first use
    private Dictionary<int, int[]>? _covered; // host position → positions of the units its certificate covers, built on first use
    private HashSet<string>? _people; // the IDs of every unit's officer and management users, built on first use

    /// <summary>Headquarters first, then the underlying units in the order they were added.</summary>
    /// <remarks>Listed on first use and then kept; the organisation keeps its units in a structure that adding a unit extends without copying.</remarks>
    public ImmutableArray<Unit> AllUnits
    {
        get
        {
            // Two threads may list it at once; both arrays are equal and either may be kept (ImmutableArray is one reference).
            if (_allUnits.IsDefault)
            {
                _allUnits = _units.ToImmutableArray();
            }

            return _allUnits;
        }
    }

    /// <summary>The number of units, headquarters included.</summary>
    internal int UnitCount => _units.Count;

    /// <summary>The unit at a position (0 = headquarters), without listing <see cref="AllUnits"/>.</summary>
    internal Unit UnitAt(int position) => _units[position];

    /// <summary>
    /// The positions of the units (co-located or attached) whose certificate is the one of the unit at
    /// <paramref name="hostPosition"/>, in position order; empty for most units. Built for every host on first use, then
    /// kept: a lifecycle's transitions share the organisation, so they ask in O(1).
    /// </summary>
    internal int[] CoveredBy(int hostPosition) => (_covered ??= BuildCovered()).TryGetValue(hostPosition, out var covered) ? covered : [];

    /// <summary>
    /// Whether any unit names the person as its officer or a management user. Built for every unit on first use, then
    /// kept (two threads may build it at once; both sets are equal and either may be kept): the certifier's
    /// impartiality is asked at every certification, and a replay certifies every unit.
    /// </summary>
    internal bool NamesPerson(string id) => (_people ??= BuildPeople()).Contains(id);

    private HashSet<string> BuildPeople()
    {
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in _units)
        {
            if (unit.Officer is { } officer)
            {
                people.Add(officer.Id);
            }

            foreach (var manager in unit.Management)
            {
                people.Add(manager.Id);
            }
        }

        return people;
    }

    private Dictionary<int, int[]> BuildCovered()
    {
        var covered = new Dictionary<int, List<int>>();
        var position = 0;
        foreach (var unit in _units)
        {
            if (unit.Certificate.Host is { } host && _positions.TryGetValue(host, out var hostPosition))
            {
                if (!covered.TryGetValue(hostPosition, out var list))
                {
                    covered[hostPosition] = list = [];
                }

                list.Add(position);
            }

            position++;
        }

        // Two threads may build it at once; both are equal and either may be kept.
        return covered.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}
