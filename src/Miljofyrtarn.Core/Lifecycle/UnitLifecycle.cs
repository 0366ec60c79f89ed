using System.Collections.Immutable;
using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>
/// Where one unit stands in the certification lifecycle: its state, its current certificate and the ones
/// before, and its annual reports.
/// </summary>
/// <remarks>Immutable and thread-safe; value equality (certificates and reports in order).</remarks>
public sealed class UnitLifecycle : IEquatable<UnitLifecycle>
{
    internal UnitLifecycle(UnitId unit, UnitState state, ImmutableArray<Certificate> certificates, ImmutableSortedDictionary<int, AnnualReport> reports, LocalDate? firstApprovedOn, ImmutableArray<LocalDate> followUpAudits = default)
    {
        FollowUpAudits = followUpAudits.IsDefault ? [] : followUpAudits;
        Unit = unit;
        State = state;
        Certificates = certificates;
        Reports = reports;
        FirstApprovedOn = firstApprovedOn;
    }

    internal static UnitLifecycle New(UnitId unit) => new(unit, UnitState.NotStarted, [], ImmutableSortedDictionary<int, AnnualReport>.Empty, null);

    /// <summary>The unit.</summary>
    public UnitId Unit { get; }

    /// <summary>The unit's state.</summary>
    public UnitState State { get; }

    /// <summary>Every certificate the unit has held, oldest first; the last is the current one.</summary>
    public ImmutableArray<Certificate> Certificates { get; }

    /// <summary>The current (latest) certificate, or null when the unit has never been certified.</summary>
    public Certificate? CurrentCertificate => Certificates.IsEmpty ? null : Certificates[^1];

    /// <summary>The date of the unit's first approval, or null.</summary>
    public LocalDate? FirstApprovedOn { get; }

    /// <summary>Annual reports that were submitted or postponed, by year.</summary>
    public ImmutableSortedDictionary<int, AnnualReport> Reports { get; }

    /// <summary>
    /// The days of the yearly follow-up audits with the certifier (årlig oppfølgingsrevisjon), oldest first. The rule is
    /// off in the default rule book (<see cref="SchemeRules.RequiresFollowUpAudit"/>); audits can be recorded either way.
    /// </summary>
    public ImmutableArray<LocalDate> FollowUpAudits { get; }

    /// <summary>The number of follow-up audits recorded since a certificate took effect.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The number of audits on or after its first valid day.</returns>
    public int FollowUpAuditsSince(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var count = 0;
        foreach (var day in FollowUpAudits)
        {
            count += day >= certificate.ValidFrom ? 1 : 0;
        }

        return count;
    }

    internal UnitLifecycle With(UnitState? state = null, ImmutableArray<Certificate>? certificates = null, ImmutableSortedDictionary<int, AnnualReport>? reports = null, LocalDate? firstApprovedOn = null, ImmutableArray<LocalDate>? followUpAudits = null) =>
        new(Unit, state ?? State, certificates ?? Certificates, reports ?? Reports, firstApprovedOn ?? FirstApprovedOn, followUpAudits ?? FollowUpAudits);

    /// <inheritdoc />
    public bool Equals(UnitLifecycle? other) =>
        other is not null && Unit == other.Unit && State == other.State && FirstApprovedOn == other.FirstApprovedOn
        && Certificates.SequenceEqual(other.Certificates) && FollowUpAudits.SequenceEqual(other.FollowUpAudits)
        && Reports.Count == other.Reports.Count && Reports.All(r => other.Reports.TryGetValue(r.Key, out var o) && o == r.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as UnitLifecycle);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Unit, State, Certificates.Length, Reports.Count);

    /// <inheritdoc />
    public override string ToString() => $"{Unit} {State} {CurrentCertificate}";
}

/// <summary>Whether an action is allowed for a unit now, and if not, every reason why.</summary>
/// <remarks>Immutable.</remarks>
public sealed class ActionAvailability
{
    internal ActionAvailability(LifecycleAction action, ImmutableArray<Diagnostics.Diagnostic> reasons)
    {
        Action = action;
        Reasons = reasons;
    }

    /// <summary>The action.</summary>
    public LifecycleAction Action { get; }

    /// <summary>Whether the action is allowed now.</summary>
    public bool IsAllowed => Reasons.IsEmpty;

    /// <summary>Every reason the action is refused (coded, localised, naming the criteria or people missing); empty when allowed.</summary>
    public ImmutableArray<Diagnostics.Diagnostic> Reasons { get; }

    /// <summary>The availability as one line, for example «Levere til sertifisør: blokkert: …».</summary>
    /// <param name="language">The language.</param>
    /// <returns>The text.</returns>
    public string ToString(Localization.Language language)
    {
        var name = Action.GetName(language);
        if (IsAllowed)
        {
            return name + (language == Localization.Language.English ? ": allowed" : ": tillatt");
        }

        var blocked = language == Localization.Language.English ? ": blocked: " : ": blokkert: ";
        return name + blocked + string.Join("; ", Reasons.Select(r => r.GetMessage(language)));
    }

    /// <inheritdoc />
    public override string ToString() => ToString(Localization.Language.English);
}
