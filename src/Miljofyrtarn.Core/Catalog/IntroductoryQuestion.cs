using Miljofyrtarn.Core.Localization;

namespace Miljofyrtarn.Core.Catalog;

/// <summary>
/// An introductory question (innledende spørsmål), answered yes or no by each unit before mapping starts.
/// The answers switch on criteria that apply only by size or activity.
/// </summary>
/// <remarks>Immutable and thread-safe. Reference equality.</remarks>
public sealed class IntroductoryQuestion
{
    internal IntroductoryQuestion(string id, LocalizedText text, int ordinal)
    {
        Id = id;
        Text = text;
        Ordinal = ordinal;
    }

    /// <summary>The question's ID in the catalog, for example <c>kitchen</c>.</summary>
    public string Id { get; }

    /// <summary>The question as put to the user.</summary>
    public LocalizedText Text { get; }

    /// <summary>The question's position in the catalog (0-based).</summary>
    public int Ordinal { get; }

    /// <inheritdoc />
    public override string ToString() => Id;
}

/// <summary>
/// Makes a criterion apply only when an introductory question has a given answer.
/// </summary>
/// <remarks>Immutable and thread-safe. Value equality on question ID and answer.</remarks>
/// <param name="QuestionId">The ID of the introductory question.</param>
/// <param name="Answer">The answer that switches the criterion on.</param>
public sealed record ApplicabilityCondition(string QuestionId, bool Answer);
