using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Reporting;
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

    /// <summary>
    /// Whether each certified unit has a yearly follow-up audit with the certifier (årlig oppfølgingsrevisjon) on each
    /// anniversary of its certificate before it expires. A newer rule of the scheme whose start date is not published, so
    /// off by default: a host switches it on with a rules version that takes effect on the date it knows.
    /// </summary>
    public bool RequiresFollowUpAudit { get; init; }

    /// <summary>
    /// How long a consultant of the organisation stays unable to certify it (habilitet). The foundation says only that the
    /// certifier is independent, so the default is the strict reading: never (<see cref="ConsultantIndependence.Ever"/>).
    /// </summary>
    public ConsultantIndependence ConsultantIndependence { get; init; } = ConsultantIndependence.Ever;

    /// <summary>
    /// The last valid day of a certificate issued on a day under these rules: <see cref="CertificateValidity"/> from that day,
    /// or from the previous certificate's last day when a recertification renews there (<see cref="Renewal"/>); a UE's
    /// ends with headquarters' valid certificate when the rules align them (<see cref="UnitExpiry"/>).
    /// </summary>
    internal LocalDate CertificateValidTo(LocalDate issuedOn, bool headquarters, bool recertification, Certificate? previous, Certificate? headquartersCertificate)
    {
        var validTo = recertification && Renewal == RenewalPolicy.AtPreviousExpiry && previous is not null
            ? previous.ValidTo.Plus(CertificateValidity)
            : issuedOn.Plus(CertificateValidity);
        return !headquarters && UnitExpiry == UnitExpiryPolicy.AlignedWithHeadquarters && headquartersCertificate is { Status: CertificateStatus.Valid }
            ? headquartersCertificate.ValidTo
            : validTo;
    }
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

        var problems = new Problems();
        for (var i = 0; i < Versions.Length; i++)
        {
            if (Versions[i] is not { } version)
            {
                problems.Add(ErrorCodes.MissingProperty, $"versions[{i}]");
                continue;
            }

            if (i > 0 && Versions[i - 1] is { } previous && version.EffectiveFrom <= previous.EffectiveFrom)
            {
                problems.Add(ErrorCodes.InvalidRuleBook, LocalDatePattern.Iso.Format(version.EffectiveFrom));
            }

            if (!SupportedRange.Contains(version.EffectiveFrom))
            {
                problems.Add(ErrorCodes.DateOutOfRange, SupportedRange.Iso(version.EffectiveFrom), SupportedRange.Iso(SupportedRange.MinDate), SupportedRange.Iso(SupportedRange.MaxDate));
            }

            CheckPeriod(problems, nameof(SchemeRules.CertificateValidity), version.CertificateValidity, positive: true);
            CheckPeriod(problems, nameof(SchemeRules.RecertificationOpensBefore), version.RecertificationOpensBefore, positive: false);
            CheckPeriod(problems, nameof(SchemeRules.ExpiryReminderBefore), version.ExpiryReminderBefore, positive: false);
            CheckPeriod(problems, nameof(SchemeRules.GraceAfterExpiry), version.GraceAfterExpiry, positive: false);
        }

        problems.ThrowIfAny();

        TimeZone = timeZone ?? DateTimeZoneProviders.Tzdb["Europe/Oslo"];
        Holidays = holidays ?? NorwegianHolidayCalendar.Instance;
    }

    /// <summary>The longest period a rule may state (a certificate's validity, how long before expiry, a grace period): ten years.</summary>
    public static Period MaxRulePeriod { get; } = Period.FromYears(10);

    /// <summary>The first date the library accepts for scheme dates and instants: 1900-01-01.</summary>
    public static LocalDate MinDate => SupportedRange.MinDate;

    /// <summary>The last date the library accepts for scheme dates and instants: 2200-12-31, the end of the holiday calendar.</summary>
    public static LocalDate MaxDate => SupportedRange.MaxDate;

    /// <summary>A period must be zero or positive (positive for a validity) and at most <see cref="MaxRulePeriod"/>, measured from 2000-01-01.</summary>
    private static void CheckPeriod(Problems problems, string name, Period? period, bool positive)
    {
        var reference = new LocalDate(2000, 1, 1);
        LocalDate? end;
        try
        {
            end = period is null ? null : reference.Plus(period);
        }
        catch (Exception exception) when (exception is ArgumentException or OverflowException)
        {
            // Time units (a period of hours) or a period beyond the calendar.
            end = null;
        }

        if (end is null || end < reference || (positive && end == reference) || end > reference.Plus(MaxRulePeriod))
        {
            problems.Add(ErrorCodes.NumberOutOfRange, name, period?.ToString() ?? "null", positive ? "P1D" : "P0D", MaxRulePeriod.ToString());
        }
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

    /// <summary>
    /// The indicators the annual report asks for, by report year (which are mandatory, which retired): the scheme's
    /// rules for the report's content. <see cref="IndicatorCatalog.Default"/> unless set with <see cref="WithIndicators"/>.
    /// </summary>
    public IndicatorCatalog Indicators { get; private init; } = IndicatorCatalog.Default;

    /// <summary>The same rule book with another indicator catalog, for example the default with the organisation's own indicators.</summary>
    /// <param name="indicators">The indicator catalog.</param>
    /// <returns>The rule book.</returns>
    public SchemeRuleBook WithIndicators(IndicatorCatalog indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        return new SchemeRuleBook(Versions, TimeZone, Holidays) { Indicators = indicators, FactorSets = FactorSets };
    }

    /// <summary>
    /// The emission factor sets climate accounts are computed with: a submitted report records the set that applies to its
    /// year on the day it is submitted (<see cref="EmissionFactorSet.Select"/>), and a recomputation names one of them.
    /// <see cref="EmissionFactorSet.Defaults"/> unless set with <see cref="WithFactorSets"/>.
    /// </summary>
    public ImmutableArray<EmissionFactorSet> FactorSets { get; private init; } = EmissionFactorSet.Defaults;

    /// <summary>
    /// The same rule book with other emission factor sets, for example the defaults with the host's own. Keep every set a
    /// history has recorded: a report or recomputation whose set is gone cannot be reproduced (<see cref="ErrorCodes.FactorSetNotFound"/>).
    /// </summary>
    /// <param name="factorSets">The sets: at least one; no two with the same ID and publication day.</param>
    /// <returns>The rule book.</returns>
    /// <exception cref="MiljofyrtarnException">No sets, a null entry, or a repeated set (<see cref="ErrorCodes.DuplicateEntry"/>); every problem is listed.</exception>
    public SchemeRuleBook WithFactorSets(IEnumerable<EmissionFactorSet> factorSets)
    {
        ArgumentNullException.ThrowIfNull(factorSets);
        ImmutableArray<EmissionFactorSet> sets = [.. factorSets];
        var problems = new Problems();
        problems.NotEmpty(sets.Length, "factorSets");
        var seen = new HashSet<FactorSetReference>();
        for (var i = 0; i < sets.Length; i++)
        {
            if (sets[i] is not { } set)
            {
                problems.Add(ErrorCodes.MissingProperty, $"factorSets[{i}]");
            }
            else if (!seen.Add(set.Reference))
            {
                problems.Add(ErrorCodes.DuplicateEntry, "factorSets", set.Reference.ToString());
            }
        }

        problems.ThrowIfAny();
        return new SchemeRuleBook(Versions, TimeZone, Holidays) { Indicators = Indicators, FactorSets = sets };
    }

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
    /// <exception cref="MiljofyrtarnException">The year is outside 1900–2199 (<see cref="ErrorCodes.NumberOutOfRange"/>).</exception>
    public LocalDate NominalAnnualReportDue(int year)
    {
        SupportedRange.CheckYear(year, "year", SupportedRange.LastYear - 1);
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
    /// <exception cref="MiljofyrtarnException">The date is outside <see cref="MinDate"/> to <see cref="MaxDate"/> (<see cref="ErrorCodes.DateOutOfRange"/>).</exception>
    public LocalDate DateOf(Instant instant) => SupportedRange.DateOf(instant, TimeZone);

    /// <summary>The instant a date's deadline passes: the end of that day (24:00) in the scheme's time zone, DST-correct.</summary>
    /// <param name="date">The due date.</param>
    /// <returns>The start of the next day in the scheme's time zone.</returns>
    /// <exception cref="MiljofyrtarnException">The date is outside <see cref="MinDate"/> to <see cref="MaxDate"/> (<see cref="ErrorCodes.DateOutOfRange"/>).</exception>
    public Instant EndOfDay(LocalDate date)
    {
        SupportedRange.Check(date);
        return date.PlusDays(1).AtStartOfDayInZone(TimeZone).ToInstant();
    }
}

/// <summary>Whether a person who was the organisation's consultant may later certify it.</summary>
public enum ConsultantIndependence
{
    /// <summary>Never: a person who was ever its consultant may not certify it (the strict reading, the default).</summary>
    Ever = 0,

    /// <summary>Not in the same round: a consultant whose role ended before the unit's current certificate was issued may certify its recertification.</summary>
    SameRound = 1,
}
