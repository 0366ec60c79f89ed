using System.Collections.Immutable;
using System.Globalization;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using NodaTime;

namespace Miljofyrtarn.Core.Schedule;

/// <summary>The kind of a deadline.</summary>
public enum DeadlineKind
{
    /// <summary>The annual climate and environment report (klima- og miljørapport) for a year: due 1 April the next year.</summary>
    AnnualReport = 0,

    /// <summary>The recertification mapping can be opened (six months before expiry). Informational: never moved.</summary>
    RecertificationOpens = 1,

    /// <summary>The foundation's reminder (four months before expiry). Informational: never moved.</summary>
    ExpiryReminder = 2,

    /// <summary>The certificate's last valid day: recertify before it passes.</summary>
    CertificateExpiry = 3,

    /// <summary>The end of the grace period after expiry (four months), after which withdrawal must be considered.</summary>
    GraceEnds = 4,

    /// <summary>
    /// The yearly follow-up audit with the certifier (årlig oppfølgingsrevisjon), on each anniversary of the certificate
    /// before it expires; met when the audit is recorded. Only where the rules require it (<see cref="Lifecycle.SchemeRules.RequiresFollowUpAudit"/>).
    /// </summary>
    FollowUpAudit = 5,
}

/// <summary>Localised names of deadline kinds (nb, nn, en).</summary>
public static class DeadlineNames
{
    /// <summary>The kind's name, for example «Klima- og miljørapport».</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="language">The language.</param>
    /// <returns>The name.</returns>
    public static string GetName(this DeadlineKind kind, Localization.Language language) => Terms.Get("deadline", kind.ToString(), language);

    /// <summary>The status's name, for example «forfalt» or «passert».</summary>
    /// <param name="status">The status.</param>
    /// <param name="language">The language.</param>
    /// <returns>The name.</returns>
    public static string GetName(this DeadlineStatus status, Localization.Language language) => Terms.Get("deadlinestatus", status.ToString(), language);

    /// <summary>Whether deadlines of this kind are informational (a date to know, not something to do), so never overdue.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><see langword="true"/> for <see cref="DeadlineKind.RecertificationOpens"/> and <see cref="DeadlineKind.ExpiryReminder"/>.</returns>
    public static bool IsInformational(this DeadlineKind kind) => kind is DeadlineKind.RecertificationOpens or DeadlineKind.ExpiryReminder;
}

/// <summary>Where a deadline stands against the clock.</summary>
public enum DeadlineStatus
{
    /// <summary>Not due within the due-soon window.</summary>
    Upcoming = 0,

    /// <summary>Due within the due-soon window (30 days by default) and not met.</summary>
    DueSoon = 1,

    /// <summary>Passed and not met.</summary>
    Overdue = 2,

    /// <summary>Met: the report is submitted, or the recertification is under way.</summary>
    Met = 3,

    /// <summary>
    /// An informational date that has passed (passert): the day recertification opened, or the foundation's reminder.
    /// Nobody failed to do anything, so it is never <see cref="Overdue"/>.
    /// </summary>
    Passed = 4,
}

/// <summary>
/// A deadline of one unit, derived from the organisation's state: its kind, the due date before and after the
/// adjustment policy, the instant it passes (the end of the due day, Europe/Oslo, DST-correct) and its status
/// when it was queried.
/// </summary>
/// <remarks>Immutable; value equality. <see cref="Id"/> is stable across queries and exports, so calendar re-imports update rather than duplicate.</remarks>
public sealed record Deadline
{
    // 32 bytes, the least an object with fields takes: what every deadline of a unit shares is one object (Context, with
    // the certificate number); the due date is kept whole and the nominal date as the days it was moved (a few at most,
    // over a holiday weekend); the small fields are packed into one byte.
    private const int StatusShift = 3;
    private const int AdjustmentBit = 1 << 6;
    private const int PostponedBit = 1 << 7;

    private readonly Context _context;
    private readonly LocalDate _due;
    private readonly ushort _number;
    private readonly byte _moved;
    private readonly byte _packed; // kind (bits 0–2), status (bits 3–5), adjustment (bit 6: it has two values), postponed (bit 7)

    // number: the annual report's year, or the follow-up audit's number under the certificate (1, 2, …), else 0. Every
    // kind but the annual report belongs to the context's certificate.
    internal Deadline(Context context, DeadlineKind kind, int number, LocalDate nominalDate, LocalDate dueDate, DeadlineAdjustment adjustment, bool postponed, DeadlineStatus status)
    {
        _context = context;
        _due = dueDate;
        // Both are bounded by the rules (years 1900–2200, a move to the next working day): out of range is a bug here.
        _number = checked((ushort)number);
        _moved = checked((byte)Period.DaysBetween(nominalDate, dueDate));
        _packed = (byte)((int)kind | ((int)status << StatusShift) | (adjustment == DeadlineAdjustment.NextWorkingDay ? AdjustmentBit : 0) | (postponed ? PostponedBit : 0));
    }

    /// <summary>A stable ID: organisation number, unit, kind, and the year or certificate number.</summary>
    /// <remarks>Built when asked for: a schedule of thousands of deadlines keeps numbers, not texts.</remarks>
    public string Id => string.Join('/', _context.Organisation, Unit.Value, Kind.ToString(), Key);

    /// <summary>The year (annual report), the certificate number, or the certificate number and the audit's number.</summary>
    private string Key => Certificate is not { } certificate
        ? _number.ToString(CultureInfo.InvariantCulture)
        : Kind == DeadlineKind.FollowUpAudit ? string.Create(CultureInfo.InvariantCulture, $"{certificate}-{_number}") : certificate;

    /// <summary>The certificate number the deadline belongs to; null for an annual report (keyed by its year).</summary>
    private string? Certificate => Kind == DeadlineKind.AnnualReport ? null : _context.Certificate;

    /// <summary>The kind of deadline.</summary>
    public DeadlineKind Kind => (DeadlineKind)(_packed & 0b111);

    /// <summary>The unit.</summary>
    public UnitId Unit => _context.Unit;

    /// <summary>The unit's name.</summary>
    public string UnitName => _context.UnitName;

    /// <summary>For an annual report, the year it covers; otherwise null.</summary>
    public int? Year => Kind == DeadlineKind.AnnualReport ? _number : null;

    /// <summary>The date before adjustment (for a postponed report, the granted date).</summary>
    public LocalDate NominalDate => _moved == 0 ? _due : _due.PlusDays(-_moved);

    /// <summary>The due date after the adjustment policy.</summary>
    public LocalDate DueDate => _due;

    /// <summary>The adjustment policy applied to this deadline (informational deadlines are never moved, and show <see cref="DeadlineAdjustment.None"/>).</summary>
    public DeadlineAdjustment Adjustment => (_packed & AdjustmentBit) != 0 ? DeadlineAdjustment.NextWorkingDay : DeadlineAdjustment.None;

    /// <summary>Whether the date was moved by the adjustment policy.</summary>
    public bool Moved => _moved != 0;

    /// <summary>Whether a postponement was granted (annual reports).</summary>
    public bool Postponed => (_packed & PostponedBit) != 0;

    /// <summary>The instant the deadline passes: 24:00 at the end of <see cref="DueDate"/> in the scheme's time zone, DST-correct.</summary>
    public Instant PassesAt => _due.PlusDays(1).AtStartOfDayInZone(_context.Zone).ToInstant();

    /// <summary>The status when the deadline was queried.</summary>
    public DeadlineStatus Status => (DeadlineStatus)((_packed >> StatusShift) & 0b111);

    /// <summary>
    /// Whether two deadlines are the same deadline with the same dates and status: the same organisation, unit, kind,
    /// year or certificate (and audit), dates, adjustment, postponement and status. An annual report does not belong to
    /// a certificate, so the report for a year stays equal across a recertification.
    /// </summary>
    /// <param name="other">The other deadline.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Deadline? other) =>
        ReferenceEquals(this, other)
        || (other is not null && _due == other._due && _number == other._number && _moved == other._moved && _packed == other._packed
            && _context.IsSameUnit(other._context) && string.Equals(Certificate, other.Certificate, StringComparison.Ordinal));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_context.Organisation, _context.Unit, _due, _number, _moved, _packed, Certificate);

    /// <summary>
    /// What the deadlines of one unit in one query share: the organisation's number, the time zone, the unit and its
    /// current certificate's number.
    /// </summary>
    internal sealed record Context(string Organisation, DateTimeZone Zone, UnitId Unit, string UnitName, string Certificate)
    {
        /// <summary>Whether both are of the same unit of the same organisation, by value (the certificate aside).</summary>
        public bool IsSameUnit(Context other) =>
            ReferenceEquals(this, other)
            || (Organisation == other.Organisation && Unit == other.Unit && UnitName == other.UnitName && Zone.Equals(other.Zone));
    }
}

/// <summary>
/// What is due, and what is late: the deadlines derived from an organisation's lifecycle (annual reports,
/// recertification window, the foundation's reminder, certificate expiry, end of grace), with their status against
/// the lifecycle's clock. Every query reads the clock, so statuses follow time.
/// </summary>
/// <remarks>Immutable over one lifecycle state and thread-safe; create a new schedule for a new state.</remarks>
public sealed partial class DeadlineSchedule
{
    private readonly OrganisationLifecycle _lifecycle;
    private readonly SchemeRuleBook _rules;

    /// <summary>Creates the schedule of a lifecycle.</summary>
    /// <param name="lifecycle">The organisation's lifecycle; its clock and rule book are used.</param>
    /// <param name="options">Options; <see cref="DeadlineOptions.Default"/> when null.</param>
    public DeadlineSchedule(OrganisationLifecycle lifecycle, DeadlineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        _lifecycle = lifecycle;
        _rules = lifecycle.Rules;
        Options = options ?? DeadlineOptions.Default;
    }

    /// <summary>The options.</summary>
    public DeadlineOptions Options { get; }

    /// <summary>Today by the clock, in the scheme's time zone.</summary>
    public LocalDate Today => _lifecycle.Today;

    /// <summary>Now, by the lifecycle's clock.</summary>
    public Instant Now => _lifecycle.Clock.GetCurrentInstant();

    /// <summary>Every deadline with a due date from <paramref name="from"/> to <paramref name="to"/> (inclusive), by due date, then unit order, then kind.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <returns>The deadlines.</returns>
    /// <exception cref="MiljofyrtarnException">
    /// <paramref name="to"/> is before <paramref name="from"/> (<see cref="ErrorCodes.RangeEndsBeforeStart"/>), or a date is
    /// outside <see cref="SchemeRuleBook.MinDate"/> to <see cref="SchemeRuleBook.MaxDate"/> (<see cref="ErrorCodes.DateOutOfRange"/>).
    /// </exception>
    public ImmutableArray<Deadline> Between(LocalDate from, LocalDate to)
    {
        if (to < from)
        {
            throw Problems.Single(ErrorCodes.RangeEndsBeforeStart, SupportedRange.Iso(from), SupportedRange.Iso(to));
        }

        SupportedRange.Check(from);
        SupportedRange.Check(to);
        var today = Today;
        var units = _lifecycle.Organisation.AllUnits;
        // Sized for the usual case: four deadlines of the certificate and one report a year per unit.
        using var result = new Collected(units.Length * (4 + Math.Min(to.Year - from.Year + 1, 12)));
        var position = 0;
        foreach (var lifecycle in _lifecycle.State.Units)
        {
            Generate(units[position++], lifecycle, today, from, to, result);
        }

        return Order(result);
    }

    /// <summary>The deadlines not met that are due from today through <paramref name="days"/> days ahead.</summary>
    /// <param name="days">The number of days ahead, 0 to 3,660.</param>
    /// <returns>The deadlines.</returns>
    /// <exception cref="MiljofyrtarnException">The number of days is outside 0 to 3,660 (<see cref="ErrorCodes.NumberOutOfRange"/>).</exception>
    public ImmutableArray<Deadline> DueWithin(int days)
    {
        if (days is < 0 or > 3660)
        {
            throw Problems.Single(ErrorCodes.NumberOutOfRange, nameof(days), days, 0, 3660);
        }

        var today = Today;
        return [.. Between(today, Min(today.PlusDays(days), SupportedRange.MaxDate)).Where(d => d.Status != DeadlineStatus.Met)];
    }

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;

    /// <summary>Every deadline that someone failed to meet: passed and not met. Informational dates are never overdue (<see cref="DeadlineStatus.Passed"/>).</summary>
    /// <returns>The overdue deadlines, oldest first.</returns>
    public ImmutableArray<Deadline> Overdue() =>
        [.. Between(SupportedRange.MinDate, Today).Where(d => d.Status == DeadlineStatus.Overdue)];

    /// <summary>The organisation's next deadline that is not met, due today or later; null when there is none within ten years.</summary>
    /// <returns>The deadline, or null.</returns>
    public Deadline? Next()
    {
        var today = Today;
        return Between(today, Min(today.PlusYears(10), SupportedRange.MaxDate)).FirstOrDefault(d => d.Status != DeadlineStatus.Met);
    }

    /// <summary>The instants to remind of a deadline: <see cref="DeadlineOptions.ReminderTime"/> on each offset day before the due date, earliest first.</summary>
    /// <param name="deadline">The deadline.</param>
    /// <returns>The reminder instants, DST-correct in the scheme's time zone.</returns>
    public ImmutableArray<Instant> ReminderInstants(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return [.. Options.ReminderOffsets.Select(days => deadline.DueDate.PlusDays(-days).At(Options.ReminderTime).InZoneLeniently(_rules.TimeZone).ToInstant())];
    }

    private void Generate(Unit unit, UnitLifecycle lifecycle, LocalDate today, LocalDate from, LocalDate to, Collected into)
    {
        // Covered units report through their host; only units with a current certificate have deadlines.
        if (unit.Certificate.Host is not null || lifecycle.State is UnitState.NotStarted or UnitState.MappingOpen or UnitState.Delivered or UnitState.Withdrawn
            || lifecycle.CurrentCertificate is not { } certificate)
        {
            return;
        }

        Deadline.Context? context = null;
        var soon = today.PlusDays(Options.DueSoonDays);
        var recertifying = lifecycle.State is UnitState.RecertificationOpen or UnitState.RecertificationDelivered;
        var rules = _rules.On(certificate.IssuedOn);
        var lastValid = _rules.LastValidDay(certificate);

        Add(DeadlineKind.RecertificationOpens, certificate.ValidTo.Minus(rules.RecertificationOpensBefore), adjust: false, met: recertifying);
        Add(DeadlineKind.ExpiryReminder, certificate.ValidTo.Minus(rules.ExpiryReminderBefore), adjust: false, met: recertifying);
        Add(DeadlineKind.CertificateExpiry, certificate.ValidTo, adjust: true, met: false);
        Add(DeadlineKind.GraceEnds, certificate.ValidTo.Plus(rules.GraceAfterExpiry), adjust: true, met: false);

        // Only anniversaries on which the rules ask for an audit have one (by default none do, and a rule that starts
        // later asks nothing of the anniversaries before it). The n-th required audit is met by the n-th audit recorded
        // since the year before the first required anniversary began (never before the certificate), so an audit done
        // before the rule does not stand in for one it requires, and the anniversaries before it ask for none.
        var required = 0;
        var audits = -1;
        for (var k = 1; certificate.ValidFrom.PlusYears(k) is var anniversary && anniversary < certificate.ValidTo && anniversary <= to; k++)
        {
            if (_rules.On(anniversary).RequiresFollowUpAudit)
            {
                required++;
                if (audits < 0)
                {
                    var since = LocalDate.Max(certificate.ValidFrom, anniversary.PlusYears(-1));
                    audits = lifecycle.FollowUpAudits.Count(day => day >= since);
                }

                Add(DeadlineKind.FollowUpAudit, anniversary, adjust: true, met: audits >= required, number: k);
            }
        }

        var firstYear = LifecycleTable.FirstReportYear(_rules, lifecycle);
        // A report for a year is due the next year, so none for to.Year or later falls within the range (and the
        // report for the last supported year would be due beyond it).
        var lastYear = Math.Min(lifecycle.State == UnitState.Expired ? lastValid.Year : to.Year, to.Year - 1);
        for (var year = Math.Max(firstYear, from.Year - 2); year <= lastYear; year++)
        {
            var postponed = lifecycle.Reports.TryGetValue(year, out var report) && report.Postponed;
            var nominal = postponed ? report!.DueOn : _rules.NominalAnnualReportDue(year);
            var submitted = report?.SubmittedAt is not null;
            Add(DeadlineKind.AnnualReport, nominal, adjust: true, met: submitted, number: year, postponed: postponed);
        }

        void Add(DeadlineKind kind, LocalDate nominal, bool adjust, bool met, int number = 0, bool postponed = false)
        {
            var adjustment = adjust ? _rules.On(nominal).Adjustment : DeadlineAdjustment.None;
            var due = adjustment == DeadlineAdjustment.NextWorkingDay ? _rules.Holidays.OnOrNextWorkingDay(nominal) : nominal;
            if (due < from || due > to)
            {
                return;
            }

            var status = met ? DeadlineStatus.Met
                : today > due ? kind.IsInformational() ? DeadlineStatus.Passed : DeadlineStatus.Overdue
                : due <= soon ? DeadlineStatus.DueSoon
                : DeadlineStatus.Upcoming;
            context ??= new Deadline.Context(_lifecycle.Organisation.Number.Value, _rules.TimeZone, unit.Id, unit.Name, certificate.Number);
            into.Add(new Deadline(context, kind, number, nominal, due, adjustment, postponed, status));
        }
    }
}
