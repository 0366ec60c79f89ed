namespace Miljofyrtarn.Core.Organisations;

/// <summary>How a unit is covered by a certificate.</summary>
public enum CertificateArrangementKind
{
    /// <summary>The unit has its own certificate (the normal case, and always so for headquarters).</summary>
    Own = 0,

    /// <summary>
    /// The unit is at the same location as its host and has a common HSE system with it, so the two share
    /// one certificate.
    /// </summary>
    CoLocated = 1,

    /// <summary>The unit is very small with little environmental impact and is listed on its host's certificate.</summary>
    Attached = 2,
}

/// <summary>How a unit is covered by a certificate: its own, shared with a co-located unit, or attached to another unit's.</summary>
/// <remarks>Immutable; value equality.</remarks>
public sealed record CertificateArrangement
{
    private CertificateArrangement(CertificateArrangementKind kind, UnitId? host)
    {
        Kind = kind;
        Host = host;
    }

    /// <summary>The unit has its own certificate.</summary>
    public static CertificateArrangement Own { get; } = new(CertificateArrangementKind.Own, null);

    /// <summary>The kind of arrangement.</summary>
    public CertificateArrangementKind Kind { get; }

    /// <summary>The unit whose certificate covers this unit; null for <see cref="CertificateArrangementKind.Own"/>.</summary>
    public UnitId? Host { get; }

    /// <summary>The unit shares the certificate of a unit at the same address with a common HSE system.</summary>
    /// <param name="host">The unit that holds the certificate.</param>
    /// <returns>The arrangement.</returns>
    public static CertificateArrangement CoLocatedWith(UnitId host) => new(CertificateArrangementKind.CoLocated, host);

    /// <summary>The (very small) unit is listed on another unit's certificate.</summary>
    /// <param name="host">The unit that holds the certificate.</param>
    /// <returns>The arrangement.</returns>
    public static CertificateArrangement AttachedTo(UnitId host) => new(CertificateArrangementKind.Attached, host);
}
