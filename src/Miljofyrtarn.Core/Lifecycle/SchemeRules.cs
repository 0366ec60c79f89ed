using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Schedule;
using NodaTime;
using NodaTime.Text;

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

/// <summary>Whether a deadline that falls on a Saturday, Sunday or public holiday moves.</summary>
public enum DeadlineAdjustment
{
    /// <summary>It does not move (the default: no Miljøfyrtårn source says 1 April or an expiry date moves).</summary>
    None = 0,

    /// <summary>It moves to the next working day, as general Norwegian law does (domstolloven § 149).</summary>
    NextWorkingDay = 1,
}

/// <summary>
/// One version of the scheme's rules, in force from <see cref="EffectiveFrom"/>: the rulebook's periods and the
/// library's defaults where the sources are silent (DOMAIN.md §3 and §5). Set other values with <c>with</c>.
/// </summary>
/// <remarks>Immutable and thread-safe; value equality.</remarks>
public sealed record SchemeRules
{
    /// <summary>The rules as the rulebook states them, with the library's defaults, in force from 1900-01-01.</summary>
    public static SchemeRules Default { get; } = new();

    /// <summary>The first day these rules apply.</summary>
    public LocalDate EffectiveFrom { get; init; } = new(NorwegianHolidayCalendar.FirstYear, 1, 1);

    /// <summary>How long a certificate is valid: three years. 29 February + 3 years is 28 February.</summary>
    public Period CertificateValidity { get; init; } = Period.FromYears(3);

    /// <summary>How long before expiry the recertification mapping can be opened: six months.</summary>
    public Period RecertificationOpensBefore { get; init; } = Period.FromMonths(6);

    /// <summary>How long before expiry the foundation reminds the unit: four months.</summary>
    public Period ExpiryReminderBefore { get; init; } = Period.FromMonths(4);

    /// <summary>How long after expiry before withdrawal (inndragning) must be considered: four months (an older rule).</summary>
    public Period GraceAfterExpiry { get; init; } = Period.FromMonths(4);

    /// <summary>When a UE's certificate expires; <see cref="UnitExpiryPolicy.OwnApproval"/> by default.</summary>
    public UnitExpiryPolicy UnitExpiry { get; init; } = UnitExpiryPolicy.OwnApproval;

    /// <summary>When a renewed period starts; <see cref="RenewalPolicy.AtApproval"/> by default.</summary>
    public RenewalPolicy Renewal { get; init; } = RenewalPolicy.AtApproval;

    /// <summary>Which year the first annual report covers; <see cref="FirstReportPolicy.FirstFullYear"/> by default.</summary>
    public FirstReportPolicy FirstReport { get; init; } = FirstReportPolicy.FirstFullYear;

    /// <summary>The annual report's due day, in the year after the year it covers: 1 April.</summary>
    public AnnualDate AnnualReportDue { get; init; } = new(4, 1);

    /// <summary>Whether deadlines on days off move; <see cref="DeadlineAdjustment.None"/> by default.</summary>
    public DeadlineAdjustment Adjustment { get; init; } = DeadlineAdjustment.None;
}

/// <summary>
/// The scheme's rules over time: dated <see cref="SchemeRules"/> versions, so a rule change in a future year is a
/// data change, with the time zone of all scheme dates and the holiday calendar used to adjust deadlines.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SchemeRuleBook
{
    /// <summary>Creates a rule book.</summary>
    /// <param name="versions">The rules, in strictly increasing order of <see cref="SchemeRules.EffectiveFrom"/>; at least one.</param>
    /// <param name="timeZone">The time zone of scheme dates; Europe/Oslo when null.</param>
    /// <param name="holidays">The holiday calendar; Norway's when null.</param>
    /// <exception cref="MiljofyrtarnException">No versions, or dates not strictly increasing (<see cref="ErrorCodes.InvalidRuleBook"/>).</exception>
    public SchemeRuleBook(IEnumerable<SchemeRules> versions, DateTimeZone? timeZone = null, IHolidayCalendar? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        Versions = [.. versions];
        if (Versions.IsEmpty)
        {
            throw Problems.Single(ErrorCodes.InvalidRuleBook, "-");
        }

        for (var i = 1; i < Versions.Length; i++)
        {
            if (Versions[i].EffectiveFrom <= Versions[i - 1].EffectiveFrom)
            {
                throw Problems.Single(ErrorCodes.InvalidRuleBook, LocalDatePattern.Iso.Format(Versions[i].EffectiveFrom));
            }
        }

        TimeZone = timeZone ?? DateTimeZoneProviders.Tzdb["Europe/Oslo"];
        Holidays = holidays ?? NorwegianHolidayCalendar.Instance;
    }

    /// <summary>The rule book with the rulebook's rules and the library's defaults.</summary>
    public static SchemeRuleBook Default { get; } = new([SchemeRules.Default]);

    /// <summary>A rule book with one version of the rules (for example the defaults with another policy).</summary>
    /// <param name="rules">The rules.</param>
    /// <returns>The rule book.</returns>
    public static SchemeRuleBook Of(SchemeRules rules) => new([rules]);

    /// <summary>The versions, oldest first.</summary>
    public ImmutableArray<SchemeRules> Versions { get; }

    /// <summary>The time zone of scheme dates: a date means the whole day, until 24:00, in this zone.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>The holiday calendar used when deadlines move to the next working day.</summary>
    public IHolidayCalendar Holidays { get; }

    /// <summary>The rules in force on a date: the latest version that took effect on or before it (the first version before that).</summary>
    /// <param name="date">The date.</param>
    /// <returns>The rules.</returns>
    public SchemeRules On(LocalDate date)
    {
        var rules = Versions[0];
        foreach (var version in Versions)
        {
            if (version.EffectiveFrom > date)
            {
                break;
            }

            rules = version;
        }

        return rules;
    }

    /// <summary>A deadline date after the adjustment policy in force on that date: unchanged, or moved to the next working day.</summary>
    /// <param name="date">The nominal date.</param>
    /// <returns>The adjusted date.</returns>
    public LocalDate Adjust(LocalDate date) =>
        On(date).Adjustment == DeadlineAdjustment.NextWorkingDay ? Holidays.OnOrNextWorkingDay(date) : date;

    /// <summary>The nominal due date of the annual report covering a year: 1 April of the next year, by the rules then.</summary>
    /// <param name="year">The year covered.</param>
    /// <returns>The due date before adjustment.</returns>
    public LocalDate NominalAnnualReportDue(int year)
    {
        var first = new LocalDate(year + 1, 1, 1);
        return On(first).AnnualReportDue.InYear(year + 1);
    }

    /// <summary>The due date of the annual report covering a year, after adjustment.</summary>
    /// <param name="year">The year covered.</param>
    /// <returns>The due date.</returns>
    public LocalDate AnnualReportDue(int year) => Adjust(NominalAnnualReportDue(year));

    /// <summary>The last day a certificate counts as valid: its <see cref="Certificate.ValidTo"/>, after adjustment.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The last valid day.</returns>
    public LocalDate LastValidDay(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Adjust(certificate.ValidTo);
    }

    /// <summary>Today in the scheme's time zone.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The date.</returns>
    public LocalDate DateOf(Instant instant) => instant.InZone(TimeZone).Date;

    /// <summary>The instant a date's deadline passes: the end of that day (24:00) in the scheme's time zone, DST-correct.</summary>
    /// <param name="date">The due date.</param>
    /// <returns>The start of the next day in the scheme's time zone.</returns>
    public Instant EndOfDay(LocalDate date) => date.PlusDays(1).AtStartOfDayInZone(TimeZone).ToInstant();
}
