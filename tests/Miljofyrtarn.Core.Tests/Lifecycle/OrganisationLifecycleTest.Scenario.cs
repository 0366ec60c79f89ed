using FluentAssertions;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Lifecycle;

public class OrganisationLifecycleScenarioTest
{
    [Fact]
    public void Heim_FromStartUpThroughCertificationReportsAndRecertification_PassesThroughEveryPhase()
    {
        var clock = Clock(2024, 1, 15);
        var heim = Start(clock);
        heim.Phase.Should().Be(OrganisationPhase.StartUp);

        heim = heim.CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);
        heim.Phase.Should().Be(OrganisationPhase.MeasuresAndCriteria);

        // Rådhuset (HK) fulfils its criteria and is certified.
        SetDate(clock, 2024, 3, 1);
        heim = heim.OpenMapping(Heim.Raadhuset, Coordinator);
        heim = FulfilAll(heim, Heim.Raadhuset);
        heim.Phase.Should().Be(OrganisationPhase.MeasuresAndCriteria);
        heim = heim.Deliver(Heim.Raadhuset, Mayor);
        heim.GetUnitLifecycle(Heim.Raadhuset).State.Should().Be(UnitState.Delivered);
        heim = heim.Certify(Heim.Raadhuset, Kari, "MFT-2024-001");
        heim.Phase.Should().Be(OrganisationPhase.Approval);
        var hkCertificate = heim.GetUnitLifecycle(Heim.Raadhuset).CurrentCertificate!;
        hkCertificate.ValidFrom.Should().Be(new LocalDate(2024, 3, 1));
        hkCertificate.ValidTo.Should().Be(new LocalDate(2027, 3, 1));

        // The units follow, each certified on its own.
        SetDate(clock, 2024, 6, 3);
        for (var i = 0; i < UnitIds.Length; i++)
        {
            heim.Phase.Should().Be(OrganisationPhase.Approval);
            heim = Certify(heim, UnitIds[i], $"MFT-2024-10{i}");
        }

        heim.Phase.Should().Be(OrganisationPhase.Improvement);
        heim.Organisation.AllUnits.Should().OnlyContain(u => heim.GetUnitLifecycle(u.Id).State == UnitState.Certified);

        // Annual report for 2025 (the first full year after approval), due 1 April 2026.
        SetDate(clock, 2026, 3, 20);
        heim.GetActions(Heim.Raadhuset).Single(a => a.Action == LifecycleAction.SubmitAnnualReport).IsAllowed.Should().BeTrue();
        heim = heim.SubmitAnnualReport(Heim.Raadhuset, 2025, Coordinator);
        heim.GetUnitLifecycle(Heim.Raadhuset).Reports[2025].DueOn.Should().Be(new LocalDate(2026, 4, 1));
        heim.Phase.Should().Be(OrganisationPhase.Improvement);

        // Recertification opens six months before HK's expiry (1 March 2027): on 1 September 2026.
        SetDate(clock, 2026, 9, 1);
        heim = heim.OpenRecertification(Heim.Raadhuset, Coordinator);
        heim.Phase.Should().Be(OrganisationPhase.Recertification);
        heim = heim.Deliver(Heim.Raadhuset, Mayor);
        SetDate(clock, 2026, 10, 1);
        heim = heim.Recertify(Heim.Raadhuset, Kari, "MFT-2026-001");
        heim.GetUnitLifecycle(Heim.Raadhuset).CurrentCertificate!.ValidTo.Should().Be(new LocalDate(2029, 10, 1), "the renewed period starts at the recertification approval");
        heim.GetUnitLifecycle(Heim.Raadhuset).Certificates.Select(c => c.Status).Should().Equal(CertificateStatus.Superseded, CertificateStatus.Valid);
        heim.Phase.Should().Be(OrganisationPhase.Improvement, "no unit is in recertification until the units open theirs");

        // The units' certificates (to 3 June 2027) open for recertification on 3 December 2026.
        SetDate(clock, 2026, 12, 3);
        foreach (var unit in UnitIds)
        {
            heim = heim.OpenRecertification(unit, Coordinator);
            heim.Phase.Should().Be(OrganisationPhase.Recertification);
            heim = heim.Deliver(unit, ManagerOf(heim, unit));
        }

        SetDate(clock, 2027, 1, 11);
        for (var i = 0; i < UnitIds.Length; i++)
        {
            heim.Phase.Should().Be(OrganisationPhase.Recertification);
            heim = heim.Recertify(UnitIds[i], Kari, $"MFT-2027-10{i}");
        }

        heim.Phase.Should().Be(OrganisationPhase.Improvement);

        // The second and third annual reports, for 2026 and 2027.
        SetDate(clock, 2027, 3, 15);
        heim = heim.Organisation.AllUnits.Aggregate(heim, (h, u) => h.SubmitAnnualReport(u.Id, 2026, Coordinator));
        SetDate(clock, 2028, 3, 15);
        heim = heim.Organisation.AllUnits.Aggregate(heim, (h, u) => h.SubmitAnnualReport(u.Id, 2027, Coordinator));
        heim.Phase.Should().Be(OrganisationPhase.Improvement);
        heim.GetUnitLifecycle(Heim.Raadhuset).Reports.Keys.Should().Equal(2025, 2026, 2027);
        heim.GetUnitLifecycle(Heim.Skole).Reports.Keys.Should().Equal(2026, 2027);

        // The whole history replays into exactly the same state.
        var replayed = OrganisationLifecycle.Replay(heim.Organisation.Catalog, heim.History, clock);
        LifecycleFingerprint.Of(replayed).Should().Be(LifecycleFingerprint.Of(heim));
        replayed.Version.Should().Be(heim.History.Count);
    }
}
