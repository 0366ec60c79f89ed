using System.Globalization;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>Checks one condition of an action: null when it holds, otherwise the reason, naming what is missing. One fact, one place.</summary>
internal delegate Diagnostic? GuardCheck(in GuardContext context);

/// <summary>Checks one condition about an action's data (a certificate number, a report year, a reason).</summary>
internal delegate Diagnostic? DataCheck<in TData>(in GuardContext context, TData data);

/// <summary>A named condition of an action, as the diagrams and <c>docs/lifecycle.md</c> name it, and its check.</summary>
internal sealed class Guard(LocalizedText name, GuardCheck check)
{
    public LocalizedText Name { get; } = name;

    public GuardCheck Check { get; } = check;

    /// <summary>
    /// A condition about the action's data. A probe (<see cref="ActionInput.Probe"/>) carries no data and asks whether
    /// the action could be done now with suitable data, so a data guard holds for it: probing is decided here, once.
    /// </summary>
    public static Guard OnData<TData>(LocalizedText name, DataCheck<TData> check) =>
        new(name, (in GuardContext c) => c.Input.Data is TData data ? check(c, data) : null);
}

/// <summary>
/// The guards of the lifecycle table (<see cref="LifecycleTable.Guards"/>). Each check returns its reason itself, so
/// what refuses an action and what explains the refusal cannot disagree.
/// </summary>
internal static class LifecycleGuards
{
    public static readonly Guard StartUpNotCompleted = new(
        new LocalizedText("oppstarten er ikke fullført", "oppstarten er ikkje fullført", "start-up not yet completed"),
        static (in GuardContext c) => c.State.StartUpListSentOn is null ? null : new Diagnostic(ErrorCodes.StartUpAlreadyCompleted, [c.Organisation.Name]));

    public static readonly Guard OnHeadquarters = new(
        new LocalizedText("på hovedkontoret", "på hovudkontoret", "on headquarters"),
        static (in GuardContext c) => c.IsHeadquarters ? null : new Diagnostic(ErrorCodes.ActionNotAllowedInState, [c.Unit.Name, c.Action.ToString(), c.Lifecycle.State.ToString()]));

    public static readonly Guard RolesAppointed = new(
        new LocalizedText("miljøfyrtårnansvarlig og ledelse utpekt", "miljøfyrtårnansvarleg og leiing utpeikt", "officer and management appointed"),
        static (in GuardContext c) => c.Organisation.Headquarters is { Officer: not null, Management.IsEmpty: false }
            ? null
            : new Diagnostic(ErrorCodes.RolesNotAppointed, [c.Organisation.Headquarters.Name]));

    /// <summary>
    /// Every unit with a certificate of its own has chosen its main set. A co-located or attached unit needs none: it
    /// creates no mapping of its own (the rule that a main set is chosen before a mapping is created applies to the
    /// host), and its host's certificate covers it.
    /// </summary>
    public static readonly Guard UnitsAndSetsChosen = new(
        new LocalizedText("hver enhet med eget sertifikat har hovedkriteriesett", "kvar eining med eige sertifikat har hovudkriteriesett", "every unit with its own certificate has its main set"),
        static (in GuardContext c) =>
        {
            List<string>? missing = null;
            foreach (var unit in c.Organisation.AllUnits)
            {
                if (unit.MainSet is null && unit.Certificate.Host is null)
                {
                    (missing ??= []).Add(unit.Name);
                }
            }

            return missing is null ? null : new Diagnostic(ErrorCodes.NoMainSet, [string.Join(", ", missing)]);
        });

    public static readonly Guard StartUpCompleted = new(
        new LocalizedText("oppstarten er fullført", "oppstarten er fullført", "start-up completed"),
        static (in GuardContext c) => c.State.StartUpListSentOn is not null ? null : new Diagnostic(ErrorCodes.StartUpNotCompleted, [c.Organisation.Name]));

    public static readonly Guard DetailsComplete = new(
        new LocalizedText("enhetens opplysninger er fullstendige", "opplysningane om eininga er fullstendige", "unit details complete"),
        static (in GuardContext c) => MissingDetails(c.Unit) is { } missing ? new Diagnostic(ErrorCodes.UnitDetailsIncomplete, [c.Unit.Name, missing]) : null);

    public static readonly Guard HasManagement = new(
        new LocalizedText("en ledelsesbruker", "ein leiingsbrukar", "a management user"),
        static (in GuardContext c) => !c.Unit.Management.IsEmpty ? null : new Diagnostic(ErrorCodes.NoManagementUser, [c.Unit.Name]));

    public static readonly Guard HasMainSet = new(
        new LocalizedText("et hovedkriteriesett", "eit hovudkriteriesett", "a main set"),
        static (in GuardContext c) => c.Unit.MainSet is not null ? null : new Diagnostic(ErrorCodes.NoMainSet, [c.Unit.Name]));

    public static readonly Guard QuestionsAnswered = new(
        new LocalizedText("innledende spørsmål besvart", "innleiande spørsmål svara på", "introductory questions answered"),
        static (in GuardContext c) =>
        {
            List<string>? unanswered = null;
            foreach (var question in c.Organisation.Catalog.Questions)
            {
                if (!c.Unit.Answers.ContainsKey(question.Id))
                {
                    (unanswered ??= []).Add(question.Id);
                }
            }

            return unanswered is null ? null : new Diagnostic(ErrorCodes.QuestionsUnanswered, [c.Unit.Name, string.Join(", ", unanswered)]);
        });

    public static readonly Guard HeadquartersValid = new(
        new LocalizedText("UE: hovedkontoret er sertifisert", "UE: hovudkontoret er sertifisert", "UE: headquarters certified"),
        static (in GuardContext c) => c.IsHeadquarters || c.State.Units[0].CurrentCertificate is { Status: CertificateStatus.Valid } certificate && certificate.IsValidOn(c.Today)
            ? null
            : new Diagnostic(ErrorCodes.HeadquartersNotCertified, [c.Organisation.Headquarters.Name]));

    /// <summary>By a management user of the unit; asked without an actor, whether the unit has one.</summary>
    public static readonly Guard ActorIsManagement = new(
        new LocalizedText("av en ledelsesbruker", "av ein leiingsbrukar", "by a management user"),
        static (in GuardContext c) => c.Input.Actor switch
        {
            null => c.Unit.Management.IsEmpty ? new Diagnostic(ErrorCodes.NoManagementUser, [c.Unit.Name]) : null,
            { } actor => IsManagement(c.Unit, actor) ? null : new Diagnostic(ErrorCodes.ActorNotManagement, [actor, c.Unit.Name]),
        });

    /// <summary>
    /// The unit and every co-located or attached unit its certificate covers have no must-criterion left. Counted without
    /// allocating; the reason lists the criteria from the same loop (<see cref="Organisation.Blocking"/>), in catalog order.
    /// </summary>
    public static readonly Guard MustCriteriaFulfilled = new(
        new LocalizedText("alle skal-krav oppfylt", "alle skal-krav oppfylte", "every must-criterion fulfilled"),
        static (in GuardContext c) =>
        {
            var organisation = c.Organisation;
            var covered = organisation.CoveredBy(c.Position);
            var blocking = organisation.Blocking(c.Position, null);
            foreach (var position in covered)
            {
                blocking += organisation.Blocking(position, null);
            }

            if (blocking == 0)
            {
                return null;
            }

            var ids = new List<int>(blocking);
            organisation.Blocking(c.Position, ids);
            foreach (var position in covered)
            {
                organisation.Blocking(position, ids);
            }

            return new Diagnostic(ErrorCodes.CriteriaUnfulfilled, [ids.Count.ToString(CultureInfo.InvariantCulture), c.Unit.Name, string.Join(", ", ids)]);
        });

    /// <summary>The certifier is impartial (<see cref="Impartiality"/>): assigned to the round when the organisation is governed, of another organisation, holding no role in it.</summary>
    public static readonly Guard CertifierIndependent = Guard.OnData<CertificationData>(
        new LocalizedText("sertifisøren er tildelt og uavhengig av virksomheten", "sertifisøren er tildelt og uavhengig av verksemda", "certifier assigned and independent of the organisation"),
        static (in GuardContext c, CertificationData d) => Impartiality.Check(c.State, c.RuleBook, c.Today, d.Certifier, assigned: true, c.Position));

    public static readonly Guard CertificateNumberValid = Guard.OnData<CertificationData>(
        new LocalizedText("et nytt sertifikatnummer", "eit nytt sertifikatnummer", "a new certificate number"),
        static (in GuardContext c, CertificationData d) => !string.IsNullOrWhiteSpace(d.CertificateNumber) && !c.State.IsCertificateNumberUsed(d.CertificateNumber)
            ? null
            : new Diagnostic(ErrorCodes.InvalidCertificateNumber, [d.CertificateNumber ?? string.Empty]));

    public static readonly Guard RecertificationWindowOpen = new(
        new LocalizedText("tidligst seks måneder før utløp", "tidlegast seks månader før utløp", "no earlier than six months before expiry"),
        static (in GuardContext c) => c.Lifecycle.State == UnitState.Expired || c.Today >= LifecycleTable.RecertificationOpensOn(c)
            ? null
            : new Diagnostic(ErrorCodes.RecertificationTooEarly, [LocalDatePattern.Iso.Format(LifecycleTable.RecertificationOpensOn(c))]));

    /// <summary>A report year that has ended and was the unit's to report; asked without a year, whether any such year is still open.</summary>
    public static readonly Guard ReportYearDue = new(
        new LocalizedText("et rapportår som er avsluttet", "eit rapportår som er avslutta", "a report year that has ended"),
        static (in GuardContext c) =>
        {
            var year = (c.Input.Data as ReportData)?.Year;
            if (year is { } given ? IsReportYear(c, given) : FirstOpenReportYear(c) is not null)
            {
                return null;
            }

            var shown = year ?? c.Today.Year;
            var first = LifecycleTable.FirstReportYear(c);
            var from = new LocalDate(Math.Clamp(Math.Max(shown, first), SupportedRange.FirstYear, SupportedRange.LastYear - 1) + 1, 1, 1);
            return new Diagnostic(ErrorCodes.ReportYearNotDue, [c.Unit.Name, shown.ToString(CultureInfo.InvariantCulture), first.ToString(CultureInfo.InvariantCulture), LocalDatePattern.Iso.Format(from)]);
        });

    public static readonly Guard ReportNotSubmitted = Guard.OnData<ReportData>(
        new LocalizedText("ikke levert fra før", "ikkje levert frå før", "not already submitted"),
        static (in GuardContext c, ReportData d) => !IsSubmitted(c, d.Year)
            ? null
            : new Diagnostic(ErrorCodes.ReportAlreadySubmitted, [c.Unit.Name, d.Year.ToString(CultureInfo.InvariantCulture)]));

    public static readonly Guard PostponementLater = Guard.OnData<ReportData>(
        new LocalizedText("en senere frist", "ein seinare frist", "a later due date"),
        static (in GuardContext c, ReportData d) => !IsReportYear(c, d.Year) || (d.DueOn is { } due && due > LifecycleTable.DueOn(c, d.Year))
            ? null
            : new Diagnostic(ErrorCodes.PostponementNotLater, [d.DueOn is { } given ? LocalDatePattern.Iso.Format(given) : string.Empty, LocalDatePattern.Iso.Format(LifecycleTable.DueOn(c, d.Year))]));

    public static readonly Guard ReasonGiven = Guard.OnData<IReasoned>(
        new LocalizedText("en begrunnelse", "ei grunngjeving", "a reason"),
        static (in GuardContext c, IReasoned d) => !string.IsNullOrWhiteSpace(d.Reason) ? null : new Diagnostic(ErrorCodes.BlankText, ["reason"]));

    public static readonly Guard CertificatePastValidity = new(
        new LocalizedText("etter siste gyldige dag", "etter siste gyldige dag", "after the last valid day"),
        static (in GuardContext c) => c.Lifecycle.CurrentCertificate is { Status: CertificateStatus.Valid } valid && c.Today > c.RuleBook.LastValidDay(valid)
            ? null
            : new Diagnostic(ErrorCodes.CertificateNotExpired, [
                c.Unit.Name,
                c.Lifecycle.CurrentCertificate is { } certificate ? LocalDatePattern.Iso.Format(c.RuleBook.LastValidDay(certificate)) : string.Empty]));

    /// <summary>The report of the year was submitted; asked without a year, whether any report was.</summary>
    public static readonly Guard ReportSubmitted = new(
        new LocalizedText("rapporten er levert", "rapporten er levert", "the report was submitted"),
        static (in GuardContext c) =>
        {
            var year = (c.Input.Data as ReportData)?.Year;
            if (year is { } given ? IsSubmitted(c, given) : AnySubmitted(c))
            {
                return null;
            }

            return new Diagnostic(ErrorCodes.ReportNotSubmitted, [c.Unit.Name, (year ?? c.Today.Year - 1).ToString(CultureInfo.InvariantCulture)]);
        });

    public static readonly Guard CertificateValidToday = new(
        new LocalizedText("et gyldig sertifikat i dag", "eit gyldig sertifikat i dag", "a valid certificate today"),
        static (in GuardContext c) => c.Lifecycle.CurrentCertificate is { Status: CertificateStatus.Valid } certificate && c.Today >= certificate.ValidFrom && c.Today <= certificate.ValidTo
            ? null
            : new Diagnostic(ErrorCodes.NoValidCertificate, [c.Unit.Name, c.Lifecycle.State.ToString()]));

    public static readonly Guard NotHeadquarters = new(
        new LocalizedText("ikke hovedkontoret", "ikkje hovudkontoret", "not headquarters"),
        static (in GuardContext c) => !c.IsHeadquarters ? null : new Diagnostic(ErrorCodes.UnitCannotBeRemoved, [c.Unit.Name]));

    public static readonly Guard NotInCertification = new(
        new LocalizedText("ikke startet eller inndratt", "ikkje starta eller inndrege", "not started or withdrawn"),
        static (in GuardContext c) => c.IsHeadquarters || c.Lifecycle.State is UnitState.NotStarted or UnitState.Withdrawn
            ? null
            : new Diagnostic(ErrorCodes.UnitHasCertificate, [c.Unit.Name, c.Lifecycle.State.ToString()]));

    private static string? MissingDetails(Unit unit)
    {
        if (!string.IsNullOrWhiteSpace(unit.Address) && unit.FullTimeEquivalents is not null && unit.Officer is not null)
        {
            return null;
        }

        var missing = new List<string>(3);
        if (string.IsNullOrWhiteSpace(unit.Address))
        {
            missing.Add("address");
        }

        if (unit.FullTimeEquivalents is null)
        {
            missing.Add("fullTimeEquivalents");
        }

        if (unit.Officer is null)
        {
            missing.Add("officer");
        }

        return string.Join(", ", missing);
    }

    private static bool IsManagement(Unit unit, string actor)
    {
        foreach (var person in unit.Management)
        {
            if (person.Id == actor)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSubmitted(in GuardContext context, int year) =>
        context.Lifecycle.Reports.TryGetValue(year, out var report) && report.SubmittedAt is not null;

    private static bool AnySubmitted(in GuardContext context)
    {
        foreach (var report in context.Lifecycle.Reports.Values)
        {
            if (report.SubmittedAt is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsReportYear(in GuardContext context, int year) => year >= LifecycleTable.FirstReportYear(context) && year < context.Today.Year;

    private static int? FirstOpenReportYear(in GuardContext context)
    {
        for (var year = LifecycleTable.FirstReportYear(context); year < context.Today.Year; year++)
        {
            if (!IsSubmitted(context, year))
            {
                return year;
            }
        }

        return null;
    }
}
