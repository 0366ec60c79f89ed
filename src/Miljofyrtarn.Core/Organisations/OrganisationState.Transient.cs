using Miljofyrtarn.Core.Assessment;

namespace Miljofyrtarn.Core.Organisations;

/// <content>Transient mode: how replay builds a state in place and freezes it once at the end.</content>
internal sealed partial class OrganisationState
{
    // Set only on a state that no one else can see yet (replay's working state); cleared by Freeze before it is published.
    // While set, recording an assessment changes this state in place instead of copying the unit's table, so replaying n
    // assessments costs O(n) rather than O(n × criteria). The caller checks every assessment before it is recorded, so a
    // refused event still leaves the state as it was.
    private bool _transient;

    /// <summary>
    /// Switches this state to transient mode. Only for a state that is not shared: replay's working state, whose earlier
    /// versions are discarded. Structural changes (units, allocation, sets) still return a new state, which the caller
    /// switches again.
    /// </summary>
    public void BeginTransient() => _transient = true;

    /// <summary>Ends transient mode: the state and every table it owns are immutable from now on.</summary>
    public void Freeze()
    {
        _transient = false;
        foreach (var table in _tables)
        {
            table.Freeze();
        }
    }

    private void RecordInPlace(int position, int ordinal, int criterionId, CriterionAssessment assessment)
    {
        // The owned tables belong to replay's working state alone. The list of tables itself is never changed in place: the
        // first record of a unit puts its owned copy into a new list (one path), later ones change that table only.
        var table = _tables[position];
        if (!table.IsOwned)
        {
            table = table.ToOwned();
            _tables = _tables.SetItem(position, table);
        }

        table.SetInPlace(ordinal, criterionId, assessment);
        _readiness = null;
    }
}
