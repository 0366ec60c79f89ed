using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using NodaTime;

namespace Miljofyrtarn.Core.Assessment;

/// <summary>How far a unit has come with a criterion.</summary>
public enum FulfilmentStatus
{
    /// <summary>Not started (ikke påbegynt); the status of every criterion until something is recorded.</summary>
    NotStarted = 0,

    /// <summary>In progress (under arbeid).</summary>
    InProgress = 1,

    /// <summary>Fulfilled (oppfylt).</summary>
    Fulfilled = 2,

    /// <summary>Not applicable (ikke relevant), with a justification; does not block certification.</summary>
    NotApplicable = 3,
}

/// <summary>
/// A reference to evidence that a criterion is fulfilled: a URI or a document name, optionally with the
/// document's SHA-256 and the date it is valid until. Evidence is referenced, never stored.
/// </summary>
/// <remarks>Immutable; value equality. The SHA-256 is kept in lower case.</remarks>
public sealed record EvidenceReference
{
    /// <summary>Creates an evidence reference.</summary>
    /// <param name="reference">A URI or a document name; not blank.</param>
    /// <param name="sha256">The document's SHA-256 as 64 hexadecimal digits, or null.</param>
    /// <param name="validUntil">The last day the evidence is valid, or null when it does not expire.</param>
    /// <exception cref="MiljofyrtarnException">The reference is blank (<see cref="ErrorCodes.BlankText"/>) or the checksum malformed (<see cref="ErrorCodes.InvalidSha256"/>).</exception>
    public EvidenceReference(string reference, string? sha256 = null, LocalDate? validUntil = null)
    {
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(reference))
        {
            problems.Add(ErrorCodes.BlankText, "evidence.reference");
        }

        if (sha256 is not null && !IsSha256(sha256))
        {
            problems.Add(ErrorCodes.InvalidSha256, sha256);
        }

        problems.ThrowIfAny();
        Reference = reference;
        Sha256 = sha256?.ToLowerInvariant();
        ValidUntil = validUntil;
    }

    /// <summary>The URI or document name.</summary>
    public string Reference { get; }

    /// <summary>The SHA-256 in lower-case hexadecimal, or null.</summary>
    public string? Sha256 { get; }

    /// <summary>The last day the evidence is valid (inclusive), or null.</summary>
    public LocalDate? ValidUntil { get; }

    private static bool IsSha256(string value)
    {
        if (value.Length != 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// The recorded state of one criterion for one unit: status, when and by whom, a comment, the justification
/// when not applicable, and evidence references.
/// </summary>
/// <remarks>Immutable and thread-safe. Value equality over all members, evidence in order.</remarks>
public sealed class CriterionAssessment : IEquatable<CriterionAssessment>
{
    /// <summary>Creates an assessment.</summary>
    /// <param name="status">The status.</param>
    /// <param name="recordedAt">When it was recorded.</param>
    /// <param name="recordedBy">Who recorded it (a person ID); not blank.</param>
    /// <param name="comment">A free-text comment, or null.</param>
    /// <param name="justification">Why the criterion is not applicable; required for <see cref="FulfilmentStatus.NotApplicable"/>, checked when the assessment is recorded.</param>
    /// <param name="evidence">Evidence references; none by default.</param>
    /// <exception cref="MiljofyrtarnException">The status is undefined, <paramref name="recordedBy"/> is blank, or evidence is listed twice.</exception>
    public CriterionAssessment(
        FulfilmentStatus status,
        Instant recordedAt,
        string recordedBy,
        string? comment = null,
        string? justification = null,
        ImmutableArray<EvidenceReference> evidence = default)
    {
        evidence = evidence.IsDefault ? [] : evidence;
        if ((uint)status > (uint)FulfilmentStatus.NotApplicable || string.IsNullOrWhiteSpace(recordedBy) || HasNullOrDuplicate(evidence))
        {
            // Only a refused assessment pays for collecting its problems.
            var problems = new Problems();
            if ((uint)status > (uint)FulfilmentStatus.NotApplicable)
            {
                problems.Add(ErrorCodes.InvalidValue, (int)status, "NotStarted | InProgress | Fulfilled | NotApplicable");
            }

            if (string.IsNullOrWhiteSpace(recordedBy))
            {
                problems.Add(ErrorCodes.BlankText, "recordedBy");
            }

            foreach (var item in evidence)
            {
                ArgumentNullException.ThrowIfNull(item, nameof(evidence));
            }

            foreach (var duplicate in evidence.GroupBy(e => e).Where(g => g.Count() > 1))
            {
                problems.Add(ErrorCodes.DuplicateEntry, "evidence", duplicate.Key.Reference);
            }

            problems.ThrowIfAny();
        }

        Status = status;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment;
        Justification = string.IsNullOrWhiteSpace(justification) ? null : justification;
        Evidence = evidence;
    }

    /// <summary>The status.</summary>
    public FulfilmentStatus Status { get; }

    /// <summary>When the assessment was recorded.</summary>
    public Instant RecordedAt { get; }

    /// <summary>Who recorded it.</summary>
    public string RecordedBy { get; }

    /// <summary>A free-text comment, or null.</summary>
    public string? Comment { get; }

    /// <summary>Why the criterion is not applicable, or null.</summary>
    public string? Justification { get; }

    /// <summary>Evidence references, in the order given.</summary>
    public ImmutableArray<EvidenceReference> Evidence { get; }

    private static bool HasNullOrDuplicate(ImmutableArray<EvidenceReference> evidence)
    {
        for (var i = 0; i < evidence.Length; i++)
        {
            if (evidence[i] is null)
            {
                return true;
            }

            for (var j = 0; j < i; j++)
            {
                if (evidence[j] == evidence[i])
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <inheritdoc />
    public bool Equals(CriterionAssessment? other) =>
        other is not null
        && Status == other.Status
        && RecordedAt == other.RecordedAt
        && RecordedBy == other.RecordedBy
        && Comment == other.Comment
        && Justification == other.Justification
        && Evidence.SequenceEqual(other.Evidence);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CriterionAssessment);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Status, RecordedAt, RecordedBy, Comment, Justification, Evidence.Length);
}
