using System.Collections.Immutable;

namespace Miljofyrtarn.Core.Organisations;

/// <content>The units by position (0 = headquarters), as the state holds them; the public array is listed on first use.</content>
public sealed partial class Organisation
{
    /// <summary>Headquarters first, then the underlying units in the order they were added.</summary>
    /// <remarks>Listed on first use and then kept; the organisation keeps its units in a structure that adding a unit extends without copying.</remarks>
    public ImmutableArray<Unit> AllUnits => State.AllUnits;

    /// <summary>The number of units, headquarters included.</summary>
    internal int UnitCount => State.Count;

    /// <summary>The unit at a position (0 = headquarters), without listing <see cref="AllUnits"/>.</summary>
    internal Unit UnitAt(int position) => State.UnitAt(position);

    /// <summary>
    /// The positions of the units (co-located or attached) whose certificate is the one of the unit at
    /// <paramref name="hostPosition"/>, in position order; empty for most units. Built for every host on first use, then
    /// kept: a lifecycle's transitions share the organisation, so they ask in O(1).
    /// </summary>
    internal int[] CoveredBy(int hostPosition) => State.CoveredBy(hostPosition);

    /// <summary>
    /// Whether any unit names the person as its officer or a management user. Built for every unit on first use, then
    /// kept: the certifier's impartiality is asked at every certification, and a replay certifies every unit.
    /// </summary>
    internal bool NamesPerson(string id) => State.NamesPerson(id);
}
