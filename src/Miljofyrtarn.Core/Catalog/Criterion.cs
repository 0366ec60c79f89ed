using Miljofyrtarn.Core.Localization;

namespace Miljofyrtarn.Core.Catalog;

/// <summary>
/// A criterion (kriterium): one requirement with a numeric ID that is never reused. One criterion can
/// belong to several <see cref="CriteriaSet">criteria sets</see>.
/// </summary>
/// <remarks>Immutable and thread-safe. Reference equality: within one catalog there is one instance per ID.</remarks>
public sealed class Criterion
{
    internal Criterion(
        int id,
        Theme theme,
        LocalizedText title,
        LocalizedText text,
        Obligation obligation,
        CriterionStatus status,
        int? replacedById,
        ApplicabilityCondition? appliesWhen,
        ResponsibilityHint fulfilledBy,
        int ordinal)
    {
        Id = id;
        Theme = theme;
        Title = title;
        Text = text;
        Obligation = obligation;
        Status = status;
        ReplacedById = replacedById;
        AppliesWhen = appliesWhen;
        FulfilledBy = fulfilledBy;
        Ordinal = ordinal;
    }

    /// <summary>The criterion's numeric ID, for example 7.</summary>
    public int Id { get; }

    /// <summary>The theme the criterion belongs to.</summary>
    public Theme Theme { get; }

    /// <summary>The short title.</summary>
    public LocalizedText Title { get; }

    /// <summary>The full requirement text.</summary>
    public LocalizedText Text { get; }

    /// <summary>Must (skal) or should (bør); only must-criteria block certification.</summary>
    public Obligation Obligation { get; }

    /// <summary>Active or retired.</summary>
    public CriterionStatus Status { get; }

    /// <summary>For a retired criterion, the ID of the criterion that covers it now; otherwise null.</summary>
    public int? ReplacedById { get; }

    /// <summary>The condition on an introductory question that switches the criterion on, or null when it always applies.</summary>
    public ApplicabilityCondition? AppliesWhen { get; }

    /// <summary>Who normally fulfils the criterion under the headquarters model.</summary>
    public ResponsibilityHint FulfilledBy { get; }

    /// <summary>The criterion's position in the catalog (0-based): the catalog order used in listings.</summary>
    public int Ordinal { get; }

    /// <summary>Whether the criterion is retired.</summary>
    public bool IsRetired => Status == CriterionStatus.Retired;

    /// <inheritdoc />
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Id} {Title.Bokmal}");
}
