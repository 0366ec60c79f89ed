using System.Globalization;
using Miljofyrtarn.Core.Diagnostics;
using NodaTime;
using NodaTime.Text;
using P = Miljofyrtarn.Core.Internal.Json.JsonPaths;

namespace Miljofyrtarn.Core.Lifecycle;

/// <summary>
/// The invariants every state reachable by the lifecycle's actions obeys, in one place. The snapshot reader refuses a
/// document whose state breaks any of them, and the property tests check them after every action of random histories,
/// which proves this list against the lifecycle itself. <c>docs/quality.md</c> lists them in words.
/// </summary>
/// <remarks>
/// Each problem carries the JSON path of the offending value in the snapshot layout (<c>$.units[2].lifecycle…</c>),
/// since a snapshot is exactly this state written out.
/// </remarks>
internal static class LifecycleInvariants
{
    /// <summary>Every invariant the state breaks; empty for a state the lifecycle can reach.</summary>
    public static List<Diagnostic> Check(LifecycleState state, SchemeRuleBook rules)
    {
        var problems = new List<Diagnostic>();
        const string root = P.Root;
        if (state.Version < 1)
        {
            problems.Add(new Diagnostic(ErrorCodes.InvalidValue, [Text(state.Version), "≥ 1"], P.Property(root, "version")));
        }

        if (!SupportedRange.Contains(state.LastEventAt))
        {
            problems.Add(SupportedRange.OutOfRange(state.LastEventAt, P.Property(root, "lastEventAt")));
            return problems;
        }

        var lastDay = rules.DateOf(state.LastEventAt);
        var organisation = state.Organisation;
        var units = organisation.AllUnits;
        if (state.Units.Count != units.Length)
        {
            problems.Add(Impossible(organisation.Name, "UnitsOutOfStep", P.Property(root, "units")));
            return problems;
        }

        // A newer common-criteria version waits only while headquarters' certification on it is not yet approved.
        if (organisation.PendingCommonSet is not null && state.Units[0].State is UnitState.NotStarted or UnitState.Certified or UnitState.Expired)
        {
            problems.Add(Impossible(units[0].Name, "PendingCommonSet", P.Property(root, "pendingCommonSetId")));
        }

        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var headquartersApproved = state.Units[0].FirstApprovedOn;
        for (var position = 0; position < units.Length; position++)
        {
            var unit = units[position];
            var lifecycle = state.Units[position];
            var path = P.Property(P.Index(P.Property(root, "units"), position), "lifecycle");
            var name = unit.Name;
            if (lifecycle.Unit != unit.Id)
            {
                problems.Add(Impossible(name, "UnitsOutOfStep", path));
                continue;
            }

            if (state.StartUpListSentOn is null && lifecycle.State != UnitState.NotStarted)
            {
                problems.Add(Impossible(name, "StartedBeforeStartUp", P.Property(path, "state")));
            }

            if (unit.Certificate.Host is not null)
            {
                if (lifecycle.State != UnitState.NotStarted || !lifecycle.Certificates.IsEmpty || lifecycle.Reports.Count > 0 || lifecycle.FirstApprovedOn is not null)
                {
                    problems.Add(Impossible(name, "CoveredUnitLifecycle", path));
                }

                continue;
            }

            CheckCertificates(lifecycle, name, path, lastDay, numbers, problems);
            CheckStateAgainstCertificate(lifecycle, name, path, problems);
            CheckReports(lifecycle, name, path, state.LastEventAt, problems);
            if (position > 0 && lifecycle.FirstApprovedOn is { } approved && (headquartersApproved is null || approved < headquartersApproved))
            {
                problems.Add(new Diagnostic(ErrorCodes.ApprovedBeforeHeadquarters, [name, Iso(approved)], P.Property(path, "firstApprovedOn")));
            }
        }

        CheckRecomputations(state, problems);
        return problems;
    }

    /// <summary>A recomputation is of a year with an account, no later than the last event, in order, and within the limit.</summary>
    private static void CheckRecomputations(LifecycleState state, List<Diagnostic> problems)
    {
        var recomputations = state.Recomputations;
        if (recomputations.Length > Limits.Recomputations)
        {
            problems.Add(new Diagnostic(ErrorCodes.TooManyEntries, ["recomputations", Text(recomputations.Length), Text(Limits.Recomputations)], P.Property(P.Root, "recomputations")));
            return;
        }

        for (var i = 0; i < recomputations.Length; i++)
        {
            var recomputation = recomputations[i];
            if (!Evolution.HasAccount(state, recomputation.Year) || recomputation.RecomputedAt > state.LastEventAt
                || (i > 0 && recomputation.RecomputedAt < recomputations[i - 1].RecomputedAt))
            {
                problems.Add(Impossible(state.Organisation.Name, "Recomputation", P.Index(P.Property(P.Root, "recomputations"), i)));
            }
        }
    }

    private static void CheckCertificates(UnitLifecycle lifecycle, string name, string path, LocalDate lastDay, HashSet<string> numbers, List<Diagnostic> problems)
    {
        var certificates = lifecycle.Certificates;
        var expectedFirst = certificates.IsEmpty ? (LocalDate?)null : certificates[0].IssuedOn;
        if (lifecycle.FirstApprovedOn != expectedFirst)
        {
            problems.Add(Impossible(name, "FirstApproval", P.Property(path, "firstApprovedOn")));
        }

        for (var c = 0; c < certificates.Length; c++)
        {
            var certificate = certificates[c];
            var at = P.Index(P.Property(path, "certificates"), c);
            if (!numbers.Add(certificate.Number))
            {
                problems.Add(new Diagnostic(ErrorCodes.InvalidCertificateNumber, [certificate.Number], P.Property(at, "number")));
            }

            if (certificate.Holder != lifecycle.Unit || certificate.Units.IsDefaultOrEmpty || certificate.Units[0] != lifecycle.Unit)
            {
                problems.Add(Impossible(name, "CertificateHolder", P.Property(at, "holder")));
            }

            if (certificate.ValidTo < certificate.ValidFrom)
            {
                problems.Add(new Diagnostic(ErrorCodes.PeriodEndsBeforeStart, [Iso(certificate.ValidFrom), Iso(certificate.ValidTo)], P.Property(at, "validTo")));
            }

            if (certificate.IssuedOn > lastDay || certificate.ValidFrom > lastDay)
            {
                problems.Add(Impossible(name, "IssuedAfterLastEvent", P.Property(at, "issuedOn")));
            }

            if (c < certificates.Length - 1 && certificate.Status == CertificateStatus.Valid)
            {
                problems.Add(Impossible(name, "OlderCertificateValid", P.Property(at, "status")));
            }
        }
    }

    /// <summary>Which status the current certificate may have in each state (none: the unit has never been certified).</summary>
    private static void CheckStateAgainstCertificate(UnitLifecycle lifecycle, string name, string path, List<Diagnostic> problems)
    {
        var current = lifecycle.CurrentCertificate?.Status;
        var statePath = P.Property(path, "state");
        switch (lifecycle.State)
        {
            case UnitState.NotStarted when current is not null:
                problems.Add(Impossible(name, "CertificateWithoutApproval", statePath));
                break;
            case UnitState.MappingOpen or UnitState.Delivered when current is CertificateStatus.Valid or CertificateStatus.Superseded:
            case UnitState.Expired when current is not CertificateStatus.Expired:
            case UnitState.Withdrawn when current is not (CertificateStatus.Withdrawn or CertificateStatus.Expired):
                problems.Add(Impossible(name, "CertificateStatusForState", statePath));
                break;
            case UnitState.Certified when current is not CertificateStatus.Valid:
            case UnitState.RecertificationOpen or UnitState.RecertificationDelivered when current is not (CertificateStatus.Valid or CertificateStatus.Expired):
                problems.Add(new Diagnostic(ErrorCodes.StateWithoutValidCertificate, [name, lifecycle.State.ToString()], statePath));
                break;
        }
    }

    private static void CheckReports(UnitLifecycle lifecycle, string name, string path, Instant lastEventAt, List<Diagnostic> problems)
    {
        var r = 0;
        foreach (var (year, report) in lifecycle.Reports)
        {
            var at = P.Index(P.Property(path, "reports"), r++);
            if (report.Year != year)
            {
                problems.Add(Impossible(name, "ReportYear", P.Property(at, "year")));
            }

            if (lifecycle.FirstApprovedOn is not { } approved || year < approved.Year)
            {
                problems.Add(Impossible(name, "ReportBeforeApproval", P.Property(at, "year")));
            }

            if (report.SubmittedAt is { } submitted && submitted > lastEventAt)
            {
                problems.Add(Impossible(name, "ReportAfterLastEvent", P.Property(at, "submittedAt")));
            }

            if (report.Content is not null && report.SubmittedAt is null)
            {
                problems.Add(Impossible(name, "ReportContentWithoutSubmission", P.Property(at, "content")));
            }
        }

        // Follow-up audits: in order, and each during a certificate's validity (it was recorded while the unit held one).
        for (var i = 0; i < lifecycle.FollowUpAudits.Length; i++)
        {
            var audit = lifecycle.FollowUpAudits[i];
            if ((i > 0 && audit < lifecycle.FollowUpAudits[i - 1]) || !lifecycle.Certificates.Any(c => audit >= c.ValidFrom && audit <= c.ValidTo))
            {
                problems.Add(Impossible(name, "FollowUpAuditOutsideCertificate", P.Index(P.Property(path, "followUpAudits"), i)));
            }
        }
    }

    private static Diagnostic Impossible(string subject, string invariant, string path) => new(ErrorCodes.ImpossibleState, [subject, invariant], path);

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
