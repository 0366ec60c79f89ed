using System.Collections.Immutable;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Organisations;

namespace Miljofyrtarn.Core.Resolution;

/// <summary>Who fulfils a criterion under the responsibility allocation (ansvarsfordeling).</summary>
public enum ResponsibleParty
{
    /// <summary>Headquarters (HK) fulfils and documents it once for the whole organisation.</summary>
    Headquarters = 0,

    /// <summary>The unit fulfils it itself.</summary>
    Unit = 1,
}

/// <summary>
/// A criterion that applies to a unit, with the reasons why: the sets that demand it, the answer that
/// switched it on, the retired criteria it stands in for, and who fulfils it.
/// </summary>
/// <remarks>Immutable and thread-safe. Reference equality.</remarks>
public sealed class ResolvedCriterion
{
    internal ResolvedCriterion(
        Criterion criterion,
        ImmutableArray<CriteriaSet> sets,
        ApplicabilityCondition? activatedBy,
        ImmutableArray<Criterion> replaces,
        ResponsibleParty fulfilledBy,
        ImmutableArray<UnitId> demandedBy,
        Theme theme)
    {
        Criterion = criterion;
        Sets = sets;
        ActivatedBy = activatedBy;
        Replaces = replaces;
        FulfilledBy = fulfilledBy;
        DemandedBy = demandedBy;
        Theme = theme;
    }

    /// <summary>The (active) criterion.</summary>
    public Criterion Criterion { get; }

    /// <summary>The unit's sets that contain the criterion or a retired criterion it replaces; empty when headquarters has it only because units allocated it there.</summary>
    public ImmutableArray<CriteriaSet> Sets { get; }

    /// <summary>The answer to an introductory question that switched the criterion on, or null when it always applies.</summary>
    public ApplicabilityCondition? ActivatedBy { get; }

    /// <summary>Retired criteria in the unit's sets that this criterion replaces.</summary>
    public ImmutableArray<Criterion> Replaces { get; }

    /// <summary>Who fulfils the criterion for this unit: the unit itself, or headquarters.</summary>
    public ResponsibleParty FulfilledBy { get; }

    /// <summary>For headquarters: the units (UE) that need the criterion and have it allocated to headquarters. Empty otherwise.</summary>
    public ImmutableArray<UnitId> DemandedBy { get; }

    /// <summary>
    /// The theme the criterion falls under for this unit: as the unit's common set groups it (<see cref="CriteriaSet.ThemeOf"/>;
    /// the municipal common criteria use ten categories of their own), else the criterion's own theme.
    /// </summary>
    public Theme Theme { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Criterion} [{FulfilledBy}]";
}

/// <summary>The criteria that apply to one unit, in catalog order, each with the reasons why.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class UnitResolution
{
    internal UnitResolution(Unit unit, ImmutableArray<ResolvedCriterion> criteria, ImmutableArray<IntroductoryQuestion> unanswered)
    {
        Unit = unit;
        Criteria = criteria;
        UnansweredQuestions = unanswered;
    }

    /// <summary>The unit.</summary>
    public Unit Unit { get; }

    /// <summary>The applicable criteria in catalog order.</summary>
    public ImmutableArray<ResolvedCriterion> Criteria { get; }

    /// <summary>
    /// Introductory questions the unit has not answered yet. Criteria that depend on them are not in
    /// <see cref="Criteria"/> until they are answered.
    /// </summary>
    public ImmutableArray<IntroductoryQuestion> UnansweredQuestions { get; }
}
