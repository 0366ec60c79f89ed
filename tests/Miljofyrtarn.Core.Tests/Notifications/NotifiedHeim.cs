using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using NodaTime;
using NodaTime.Testing;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Notifications;

/// <summary>Heim for the reminder tests: the town hall and the kindergarten certified on 1 March 2024 (the report for 2025 due 1 April 2026, the certificates valid to 1 March 2027).</summary>
internal static class NotifiedHeim
{
    public static OrganisationLifecycle Create(out FakeClock clock, SchemeRuleBook? rules = null)
    {
        clock = Clock();
        return Certify(WithCertifiedHeadquarters(clock, rules), Organisations.Heim.Barnehage, "MFT-BH-1");
    }

    /// <summary>The first criterion the unit fulfils itself.</summary>
    public static int OwnCriterion(OrganisationLifecycle heim, UnitId unit) =>
        heim.Organisation.Resolve(unit).Criteria.First(c => c.FulfilledBy == Core.Resolution.ResponsibleParty.Unit).Criterion.Id;

    /// <summary>Evidence recorded on 2 May 2026 for the unit's first own criterion, valid through the days given.</summary>
    public static OrganisationLifecycle WithEvidence(OrganisationLifecycle heim, FakeClock clock, UnitId unit, params (string Reference, LocalDate? ValidUntil)[] evidence)
    {
        SetDate(clock, 2026, 5, 2);
        return heim.RecordAssessment(unit, OwnCriterion(heim, unit), FulfilmentStatus.Fulfilled, Coordinator,
            evidence: [.. evidence.Select(e => new EvidenceReference(e.Reference, validUntil: e.ValidUntil))]);
    }
}
