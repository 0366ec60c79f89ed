using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>When a unit's (UE) certificate expires.</summary>
public enum UnitExpiryPolicy
{
    /// <summary>Three years after the unit's own approval (the default).</summary>
    OwnApproval = 0,

    /// <summary>On the same day as headquarters' current certificate.</summary>
    AlignedWithHeadquarters = 1,
}

/// <summary>When a renewed three-year period starts.</summary>
public enum RenewalPolicy
{
    /// <summary>At the recertification approval (the default).</summary>
    AtApproval = 0,

    /// <summary>At the old certificate's expiry date, so no time is lost by recertifying early.</summary>
    AtPreviousExpiry = 1,
}

/// <summary>Which year a unit's first annual climate and environment report covers.</summary>
public enum FirstReportPolicy
{
    /// <summary>The first full calendar year after its approval (the default).</summary>
    FirstFullYear = 0,

    /// <summary>The year of its approval too.</summary>
    ApprovalYear = 1,
}

/// <summary>
/// The scheme's rules that the lifecycle applies, with the rulebook's values and the library's defaults where
/// the sources are silent (DOMAIN.md §3 and §5). Set another value with an object initializer.
/// </summary>
/// <remarks>Immutable and thread-safe; value equality.</remarks>
public sealed record SchemeRules
{
    /// <summary>The rules as the rulebook states them, with the library's defaults.</summary>
    public static SchemeRules Default { get; } = new();

    /// <summary>How long a certificate is valid: three years. 29 February + 3 years is 28 February.</summary>
    public Period CertificateValidity { get; init; } = Period.FromYears(3);

    /// <summary>How long before expiry the recertification mapping can be opened: six months.</summary>
    public Period RecertificationOpensBefore { get; init; } = Period.FromMonths(6);

    /// <summary>When a UE's certificate expires; <see cref="UnitExpiryPolicy.OwnApproval"/> by default.</summary>
    public UnitExpiryPolicy UnitExpiry { get; init; } = UnitExpiryPolicy.OwnApproval;

    /// <summary>When a renewed period starts; <see cref="RenewalPolicy.AtApproval"/> by default.</summary>
    public RenewalPolicy Renewal { get; init; } = RenewalPolicy.AtApproval;

    /// <summary>Which year the first annual report covers; <see cref="FirstReportPolicy.FirstFullYear"/> by default.</summary>
    public FirstReportPolicy FirstReport { get; init; } = FirstReportPolicy.FirstFullYear;

    /// <summary>The annual report's due day for the previous year: 1 April.</summary>
    public AnnualDate AnnualReportDue { get; init; } = new(4, 1);

    /// <summary>The time zone of the scheme's dates: Europe/Oslo.</summary>
    public DateTimeZone TimeZone { get; init; } = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
}
