using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>The status of a certificate.</summary>
public enum CertificateStatus
{
    /// <summary>Valid (gyldig) through <see cref="Certificate.ValidTo"/>.</summary>
    Valid = 0,

    /// <summary>Expired (utløpt) after its last valid day.</summary>
    Expired = 1,

    /// <summary>Withdrawn (inndratt).</summary>
    Withdrawn = 2,

    /// <summary>Replaced by a newer certificate at recertification.</summary>
    Superseded = 3,
}

/// <summary>
/// A Miljøfyrtårn certificate (sertifikat): its number, the units it covers (co-located and attached units share
/// their host's), when it was issued and the period it is valid for.
/// </summary>
/// <remarks>Immutable and thread-safe; value equality (units in order).</remarks>
public sealed class Certificate : IEquatable<Certificate>
{
    internal Certificate(string number, UnitId holder, ImmutableArray<UnitId> units, LocalDate issuedOn, LocalDate validFrom, LocalDate validTo, CertificateStatus status, string certifier)
    {
        Number = number;
        Holder = holder;
        Units = units;
        IssuedOn = issuedOn;
        ValidFrom = validFrom;
        ValidTo = validTo;
        Status = status;
        Certifier = certifier;
    }

    /// <summary>The certificate number.</summary>
    public string Number { get; }

    /// <summary>The unit that holds the certificate.</summary>
    public UnitId Holder { get; }

    /// <summary>The units covered: the holder first, then co-located and attached units.</summary>
    public ImmutableArray<UnitId> Units { get; }

    /// <summary>The day the certificate was issued (the approval).</summary>
    public LocalDate IssuedOn { get; }

    /// <summary>The first day of validity.</summary>
    public LocalDate ValidFrom { get; }

    /// <summary>The last day of validity (inclusive): the whole day, until 24:00 in the scheme's time zone.</summary>
    public LocalDate ValidTo { get; }

    /// <summary>The certificate's status as recorded by events.</summary>
    public CertificateStatus Status { get; }

    /// <summary>The ID of the certifier who approved it.</summary>
    public string Certifier { get; }

    /// <summary>Whether the certificate is valid on a date: not withdrawn or superseded, and within its period.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when valid on that date.</returns>
    public bool IsValidOn(LocalDate date) => Status is CertificateStatus.Valid or CertificateStatus.Expired && date >= ValidFrom && date <= ValidTo;

    internal Certificate WithStatus(CertificateStatus status) => new(Number, Holder, Units, IssuedOn, ValidFrom, ValidTo, status, Certifier);

    /// <inheritdoc />
    public bool Equals(Certificate? other) =>
        other is not null && Number == other.Number && Holder == other.Holder && Units.SequenceEqual(other.Units)
        && IssuedOn == other.IssuedOn && ValidFrom == other.ValidFrom && ValidTo == other.ValidTo && Status == other.Status && Certifier == other.Certifier;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Certificate);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Number, Holder, IssuedOn, ValidTo, Status);

    /// <inheritdoc />
    public override string ToString() => $"{Number} {Holder} {ValidFrom:yyyy-MM-dd}–{ValidTo:yyyy-MM-dd} {Status}";
}

/// <summary>A certifier (sertifisør): a person, and the organisation they certify for.</summary>
/// <remarks>Immutable; value equality.</remarks>
public sealed record Certifier
{
    /// <summary>Creates a certifier.</summary>
    /// <param name="id">The certifier's stable ID.</param>
    /// <param name="name">The certifier's name.</param>
    /// <param name="organisationNumber">The organisation the certifier certifies for; a municipality may not certify its own units.</param>
    /// <exception cref="MiljofyrtarnException">The ID or name is blank, or the organisation number is the default (empty) value.</exception>
    public Certifier(string id, string name, OrganisationNumber organisationNumber)
    {
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add(ErrorCodes.BlankText, "certifier.id");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(ErrorCodes.BlankText, "certifier.name");
        }

        if (organisationNumber.IsDefault)
        {
            problems.Add(ErrorCodes.InvalidOrganisationNumber, string.Empty);
        }

        problems.ThrowIfAny();
        Id = id;
        Name = name;
        OrganisationNumber = organisationNumber;
    }

    /// <summary>The certifier's stable ID.</summary>
    public string Id { get; }

    /// <summary>The certifier's name.</summary>
    public string Name { get; }

    /// <summary>The organisation the certifier certifies for.</summary>
    public OrganisationNumber OrganisationNumber { get; }
}

/// <summary>One year's annual climate and environment report (klima- og miljørapport) of a unit.</summary>
/// <param name="Year">The calendar year the report covers.</param>
/// <param name="DueOn">The due date: 1 April of the next year, or the postponed date.</param>
/// <param name="SubmittedAt">When the report was submitted, or null while it is not.</param>
/// <param name="Postponed">Whether the due date was postponed.</param>
public sealed record AnnualReport(int Year, LocalDate DueOn, Instant? SubmittedAt, bool Postponed)
{
    /// <summary>What the report says now (as corrected, if it was), or null while it is not submitted or was submitted without content.</summary>
    public EnvironmentalReport? Content { get; init; }

    /// <summary>Every correction, oldest first, each with the content it replaced.</summary>
    public ImmutableArray<ReportCorrection> Corrections { get; init; } = [];

    /// <summary>
    /// The emission factor set the report's climate account was computed with when it was submitted: the set for its year
    /// published by that day (<see cref="SchemeRuleBook.FactorSets"/>). Null when none was, or the history was recorded before
    /// reports named their set; the account then uses the set that applied on the day of submission.
    /// </summary>
    public Reporting.FactorSetReference? FactorSet { get; init; }
}

/// <summary>
/// A recorded recomputation of an organisation's climate account for a year with a newer emission factor set, for
/// example after NVE published the year's electricity factor. The account as submitted stays visible beside it.
/// </summary>
/// <param name="Year">The report year.</param>
/// <param name="FactorSet">The set it was recomputed with.</param>
/// <param name="RecomputedAt">When.</param>
/// <param name="Actor">Who.</param>
public sealed record AccountRecomputation(int Year, Reporting.FactorSetReference FactorSet, Instant RecomputedAt, string Actor);

/// <summary>A correction of a submitted annual report.</summary>
/// <param name="CorrectedAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Reason">Why.</param>
/// <param name="Replaced">The content it replaced.</param>
public sealed record ReportCorrection(Instant CorrectedAt, string Actor, string Reason, EnvironmentalReport? Replaced);
