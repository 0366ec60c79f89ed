using Miljofyrtarn.Core.Diagnostics;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Core.Reporting;

/// <summary>
/// Which emission factor set (utslippsfaktorsett) a climate account used: the set's ID and the day it was published,
/// which is the set's version (a publisher that corrects a set publishes it again on a later day). A submitted annual
/// report records the set it was computed with, so reading it later gives the same figures.
/// </summary>
/// <remarks>Immutable; equal when the ID and the day are equal.</remarks>
public sealed record FactorSetReference
{
    /// <summary>Creates a reference.</summary>
    /// <param name="id">The set's ID, for example <c>no-2023</c>; not blank, at most <see cref="Limits.NameLength"/> characters.</param>
    /// <param name="publishedOn">The day the set was published; in the supported range.</param>
    /// <exception cref="MiljofyrtarnException">The ID is blank, too long or not valid text, or the day is out of range; every problem is listed.</exception>
    public FactorSetReference(string id, LocalDate publishedOn)
    {
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add(ErrorCodes.BlankText, "factorSet.id");
        }

        problems.Text(id, "factorSet.id", Limits.NameLength);
        if (!SupportedRange.Contains(publishedOn))
        {
            problems.Add(ErrorCodes.DateOutOfRange, SupportedRange.Iso(publishedOn), SupportedRange.Iso(SupportedRange.MinDate), SupportedRange.Iso(SupportedRange.MaxDate));
        }

        problems.ThrowIfAny();
        (Id, PublishedOn) = (id, publishedOn);
    }

    /// <summary>The set's ID.</summary>
    public string Id { get; }

    /// <summary>The day the set was published: its version.</summary>
    public LocalDate PublishedOn { get; }

    /// <summary>The reference as <c>no-2023 (2024-06-14)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id} ({LocalDatePattern.Iso.Format(PublishedOn)})";
}
