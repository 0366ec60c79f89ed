namespace Miljofyrtarn.Core.Catalog;

/// <summary>Whether a criterion must be fulfilled (skal) or should be (bør).</summary>
public enum Obligation
{
    /// <summary>Must be fulfilled (skal); blocks certification until fulfilled.</summary>
    Must = 0,

    /// <summary>Should be fulfilled (bør); never blocks certification.</summary>
    Should = 1,
}

/// <summary>Whether a criterion is in use or has been retired.</summary>
public enum CriterionStatus
{
    /// <summary>In use.</summary>
    Active = 0,

    /// <summary>Retired (utgått); <see cref="Criterion.ReplacedById"/> names the criterion that covers it now.</summary>
    Retired = 1,
}

/// <summary>
/// Who normally fulfils a criterion under the headquarters model (hovedkontormodellen): HK once for the
/// whole organisation, or each unit for itself. Only a hint; an organisation may allocate otherwise.
/// </summary>
public enum ResponsibilityHint
{
    /// <summary>Fulfilled by each unit for itself.</summary>
    EachUnit = 0,

    /// <summary>Fulfilled once, by headquarters (hovedkontor, HK), for the whole organisation.</summary>
    Headquarters = 1,
}

/// <summary>The kind of a criteria set (kriteriesett).</summary>
public enum CriteriaSetKind
{
    /// <summary>Common criteria (felleskriterier) that every enterprise of the set's target group fulfils.</summary>
    Common = 0,

    /// <summary>Industry criteria (bransjekriterier) for one kind of business.</summary>
    Industry = 1,

    /// <summary>Building owner criteria (byggeier); retired, folded into the newer common criteria.</summary>
    BuildingOwner = 2,

    /// <summary>Tenant criteria (leietaker); retired, folded into the newer common criteria.</summary>
    Tenant = 3,

    /// <summary>Head-office criteria (hovedkontor) of the headquarters model; removed for municipalities on 1 March 2023.</summary>
    HeadOffice = 4,
}
