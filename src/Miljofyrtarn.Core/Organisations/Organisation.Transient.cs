namespace Miljofyrtarn.Core.Organisations;

/// <summary>Transient mode: how replay builds an organisation in place and freezes it once at the end.</summary>
public sealed partial class Organisation
{
    // Set only on an organisation that no one else can see yet (replay's working state); cleared by Freeze before it is
    // published. While set, recording an assessment changes this organisation in place instead of copying the per-unit
    // tables, so replaying n assessments costs O(n) rather than O(n × units). Every check runs exactly as it does outside
    // transient mode, before anything changes, so a refused event still leaves the state as it was.
    private bool _transient;

    /// <summary>
    /// Switches this organisation to transient mode. Only for an organisation that is not shared: replay's working
    /// state, whose earlier versions are discarded. Structural changes (units, allocation, sets) still return a new
    /// organisation, which the caller switches again.
    /// </summary>
    internal void BeginTransient() => _transient = true;

    /// <summary>Ends transient mode: the organisation and every table it owns are immutable from now on.</summary>
    internal void Freeze()
    {
        _transient = false;
        foreach (var assessments in _assessments)
        {
            assessments.Freeze();
        }
    }

    private void RecordInPlace(int position, int ordinal, int criterionId, Assessment.CriterionAssessment assessment)
    {
        // The owned tables belong to replay's working state alone. The per-unit list itself is never changed in place: the
        // first record of a unit puts its owned copy into a new list (one path), later ones change that table only.
        var table = _assessments[position];
        if (!table.IsOwned)
        {
            table = table.ToOwned();
            _assessments = _assessments.SetItem(position, table);
        }

        table.SetInPlace(ordinal, criterionId, assessment);
        _readiness = null;
        _trail = null;
    }
}
