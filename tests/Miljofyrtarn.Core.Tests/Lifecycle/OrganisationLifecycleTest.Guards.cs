using FluentAssertions;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Lifecycle;

public class OrganisationLifecycleGuardTest
{
    /// <summary>The action must be refused with the code; the lifecycle's state and history stay exactly as they were.</summary>
    private static IReadOnlyList<Diagnostic> Refused(OrganisationLifecycle lifecycle, Func<OrganisationLifecycle, OrganisationLifecycle> action, string code)
    {
        var before = LifecycleFingerprint.Of(lifecycle);
        var history = lifecycle.History;

        var exception = FluentActions.Invoking(() => action(lifecycle)).Should().Throw<MiljofyrtarnException>().Which;

        exception.Diagnostics.Select(d => d.Code).Should().Contain(code);
        LifecycleFingerprint.Of(lifecycle).Should().Be(before);
        lifecycle.History.Should().BeSameAs(history);
        return exception.Diagnostics;
    }

    private static ActionAvailability Availability(OrganisationLifecycle lifecycle, UnitId unit, LifecycleAction action, string? actor = null) =>
        lifecycle.GetActions(unit, actor).Single(a => a.Action == action);

    [Fact]
    public void OpenMapping_OfAUnitBeforeHeadquartersIsCertified_IsRefusedAndSaysWhy()
    {
        var clock = Clock();
        var heim = Start(clock).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);

        var availability = Availability(heim, Heim.Barnehage, LifecycleAction.OpenMapping);

        availability.IsAllowed.Should().BeFalse();
        availability.Reasons.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.HeadquartersNotCertified);
        availability.ToString(Language.English).Should().Be("Open the mapping: blocked: Headquarters 'Rådhuset' has no valid certificate; the units can open their mapping and be approved once headquarters is certified.");
        availability.ToString(Language.NorwegianBokmal).Should().StartWith("Åpne miljøkartlegging: blokkert: Hovedkontoret «Rådhuset»");
        heim.GetAllowedActions(Heim.Barnehage).HasFlag(LifecycleActions.OpenMapping).Should().BeFalse();
        Refused(heim, h => h.OpenMapping(Heim.Barnehage, Coordinator), ErrorCodes.HeadquartersNotCertified);

        var certified = Certify(heim, Heim.Raadhuset, "HK-1");
        certified.GetAllowedActions(Heim.Barnehage).HasFlag(LifecycleActions.OpenMapping).Should().BeTrue();
    }

    [Fact]
    public void OpenMapping_BeforeStartUpWithIncompleteUnit_ListsEveryReason()
    {
        var clock = Clock();
        var heim = OrganisationLifecycle.Start(CriteriaCatalog.LoadDefault(), "Heim kommune", OrganisationKind.Municipality, Heim.Number,
            new UnitDefinition(Heim.Raadhuset, "Rådhuset"), Coordinator, clock);

        var reasons = Availability(heim, Heim.Raadhuset, LifecycleAction.OpenMapping).Reasons;

        reasons.Select(r => r.Code).Should().Equal(
            ErrorCodes.StartUpNotCompleted, ErrorCodes.UnitDetailsIncomplete, ErrorCodes.NoManagementUser, ErrorCodes.NoMainSet, ErrorCodes.QuestionsUnanswered);
        reasons[1].Arguments[1].Should().Be("address, fullTimeEquivalents, officer");
        reasons[4].Arguments[1].Should().Be("buildings, vehicles, kitchen, chemicals");
        Availability(heim, Heim.Raadhuset, LifecycleAction.CompleteStartUp).Reasons.Select(r => r.Code)
            .Should().Equal(ErrorCodes.RolesNotAppointed, ErrorCodes.NoMainSet);
    }

    [Fact]
    public void Deliver_IsRefusedUntilEveryMustCriterionIsFulfilled_NamingThem()
    {
        var clock = Clock();
        var heim = Start(clock).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator).OpenMapping(Heim.Raadhuset, Coordinator);
        var open = heim.Organisation.GetReadiness(Heim.Raadhuset).Blocking.Select(b => b.Criterion.Id).ToList();

        var reason = Refused(heim, h => h.Deliver(Heim.Raadhuset, Mayor), ErrorCodes.CriteriaUnfulfilled).Single();
        reason.Arguments.Should().Equal(open.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "Rådhuset", string.Join(", ", open));
        reason.GetMessage(Language.English).Should().StartWith($"{open.Count} must-criteria are unfulfilled for 'Rådhuset' (IDs {open[0]}, ");

        // All but one fulfilled: still refused, naming the last one.
        foreach (var id in open.Skip(1))
        {
            heim = heim.RecordAssessment(Heim.Raadhuset, id, FulfilmentStatus.Fulfilled, Coordinator);
        }

        Refused(heim, h => h.Deliver(Heim.Raadhuset, Mayor), ErrorCodes.CriteriaUnfulfilled).Single().Arguments.Should().Equal("1", "Rådhuset", open[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        heim = heim.RecordAssessment(Heim.Raadhuset, open[0], FulfilmentStatus.NotApplicable, Coordinator, justification: "Not relevant for the town hall.");
        heim.Deliver(Heim.Raadhuset, Mayor).GetUnitLifecycle(Heim.Raadhuset).State.Should().Be(UnitState.Delivered);
    }

    [Fact]
    public void Deliver_ByAUserWithoutTheManagementLabel_IsRefused()
    {
        var clock = Clock();
        var heim = FulfilAll(Start(clock).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator).OpenMapping(Heim.Raadhuset, Coordinator), Heim.Raadhuset);

        Refused(heim, h => h.Deliver(Heim.Raadhuset, Coordinator), ErrorCodes.ActorNotManagement).Single().Arguments.Should().Equal(Coordinator, "Rådhuset");
        Availability(heim, Heim.Raadhuset, LifecycleAction.Deliver, Coordinator).IsAllowed.Should().BeFalse();
        Availability(heim, Heim.Raadhuset, LifecycleAction.Deliver, Mayor).IsAllowed.Should().BeTrue();
        heim.GetAllowedActions(Heim.Raadhuset).Should().HaveFlag(LifecycleActions.Deliver);
    }

    [Fact]
    public void GetActions_ForAnActor_AsksOnlyAboutThatPerson_NotAboutDataTheActionWillBeGiven()
    {
        // Found by the dashboard: with an actor, certifying a delivered unit was listed as blocked by an empty certifier
        // and an empty certificate number, data no one had given yet. Only the guards about the actor may depend on them.
        var clock = Clock();
        var heim = FulfilAll(Start(clock).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator).OpenMapping(Heim.Raadhuset, Coordinator), Heim.Raadhuset);

        Availability(heim, Heim.Raadhuset, LifecycleAction.Deliver, Coordinator).Reasons.Select(r => r.Code).Should().Equal(ErrorCodes.ActorNotManagement);
        Availability(heim, Heim.Raadhuset, LifecycleAction.Deliver, Mayor).IsAllowed.Should().BeTrue();

        heim = heim.Deliver(Heim.Raadhuset, Mayor);
        Availability(heim, Heim.Raadhuset, LifecycleAction.Certify, Coordinator).Reasons.Should().BeEmpty();
        Availability(heim, Heim.Raadhuset, LifecycleAction.Certify).IsAllowed.Should().BeTrue();

        heim = heim.Certify(Heim.Raadhuset, Kari, "HK-1");
        clock.AdvanceDays(800);
        foreach (var action in new[] { LifecycleAction.SubmitAnnualReport, LifecycleAction.GrantPostponement, LifecycleAction.Withdraw })
        {
            var asCoordinator = Availability(heim, Heim.Raadhuset, action, Coordinator);
            asCoordinator.IsAllowed.Should().BeTrue($"{action} is possible now (the first report year has ended) and needs no particular actor");
            asCoordinator.Reasons.Should().Equal(Availability(heim, Heim.Raadhuset, action).Reasons);
        }
    }

    [Fact]
    public void Certify_ByTheMunicipalityItself_IsRefused()
    {
        var clock = Clock();
        var heim = FulfilAll(Start(clock).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator).OpenMapping(Heim.Raadhuset, Coordinator), Heim.Raadhuset)
            .Deliver(Heim.Raadhuset, Mayor);
        var own = new Certifier("revisor@heim.kommune.no", "Kommunerevisjonen", Heim.Number);

        Refused(heim, h => h.Certify(Heim.Raadhuset, own, "X-1"), ErrorCodes.CertifierNotIndependent);
        Refused(heim, h => h.Certify(Heim.Raadhuset, Kari, " "), ErrorCodes.InvalidCertificateNumber);
    }

    [Fact]
    public void Certify_AUnitWhileHeadquartersHasLapsed_IsRefused()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        heim = FulfilAll(heim.OpenMapping(Heim.Skole, Coordinator), Heim.Skole).Deliver(Heim.Skole, ManagerOf(heim, Heim.Skole));
        heim = heim.Withdraw(Heim.Raadhuset, "Serious deviations.", Kari.Id);

        Refused(heim, h => h.Certify(Heim.Skole, Kari, "UE-1"), ErrorCodes.HeadquartersNotCertified);
        Refused(heim, h => h.Certify(Heim.Skole, Kari, "MFT-HK-1"), ErrorCodes.InvalidCertificateNumber);
    }

    [Theory]
    [InlineData(2026, 8, 31, false)]
    [InlineData(2026, 9, 1, true)]
    [InlineData(2027, 3, 1, true)]
    public void OpenRecertification_NoEarlierThanSixMonthsBeforeExpiry(int year, int month, int day, bool allowed)
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        heim.GetUnitLifecycle(Heim.Raadhuset).CurrentCertificate!.ValidTo.Should().Be(new LocalDate(2027, 3, 1));
        SetDate(clock, year, month, day);

        heim.GetAllowedActions(Heim.Raadhuset).HasFlag(LifecycleActions.OpenRecertification).Should().Be(allowed);
        if (allowed)
        {
            heim.OpenRecertification(Heim.Raadhuset, Coordinator).GetUnitLifecycle(Heim.Raadhuset).State.Should().Be(UnitState.RecertificationOpen);
        }
        else
        {
            Refused(heim, h => h.OpenRecertification(Heim.Raadhuset, Coordinator), ErrorCodes.RecertificationTooEarly).Single().Arguments.Should().Equal("2026-09-01");
        }
    }

    [Fact]
    public void ExpireCertificates_AfterTheLastValidDay_ExpiresAndMovesToRecertification()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        SetDate(clock, 2027, 3, 1);
        heim.ExpireCertificates().Should().BeSameAs(heim, "the certificate is valid through its last day");
        Refused(heim, h => h.Expire(Heim.Raadhuset), ErrorCodes.CertificateNotExpired).Single().Arguments.Should().Equal("Rådhuset", "2027-03-01");

        SetDate(clock, 2027, 3, 2);
        var expired = heim.ExpireCertificates();

        expired.GetUnitLifecycle(Heim.Raadhuset).State.Should().Be(UnitState.Expired);
        expired.GetUnitLifecycle(Heim.Raadhuset).CurrentCertificate!.Status.Should().Be(CertificateStatus.Expired);
        expired.History.Last().Should().BeOfType<CertificateExpired>().Which.Actor.Should().Be(OrganisationLifecycle.SystemActor);
        expired.Phase.Should().Be(OrganisationPhase.Approval, "the units were never certified, and the phase table asks that first");
        expired.GetAllowedActions(Heim.Raadhuset).Should().HaveFlag(LifecycleActions.OpenRecertification).And.HaveFlag(LifecycleActions.Withdraw);
    }

    [Fact]
    public void AnnualReports_WrongYearDuplicateAndEarlierPostponement_AreRefused()
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        SetDate(clock, 2025, 6, 1);
        Refused(heim, h => h.SubmitAnnualReport(Heim.Raadhuset, 2024, Coordinator), ErrorCodes.ReportYearNotDue).Single().Arguments.Should().Equal("Rådhuset", "2024", "2025", "2026-01-01");
        Refused(heim, h => h.SubmitAnnualReport(Heim.Raadhuset, 2025, Coordinator), ErrorCodes.ReportYearNotDue);

        SetDate(clock, 2026, 3, 1);
        Refused(heim, h => h.GrantPostponement(Heim.Raadhuset, 2025, new LocalDate(2026, 4, 1), Coordinator), ErrorCodes.PostponementNotLater);
        heim = heim.GrantPostponement(Heim.Raadhuset, 2025, new LocalDate(2026, 5, 15), Coordinator);
        heim.GetUnitLifecycle(Heim.Raadhuset).Reports[2025].Should().Be(new AnnualReport(2025, new LocalDate(2026, 5, 15), null, true));
        Refused(heim, h => h.GrantPostponement(Heim.Raadhuset, 2025, new LocalDate(2026, 5, 1), Coordinator), ErrorCodes.PostponementNotLater);

        heim = heim.SubmitAnnualReport(Heim.Raadhuset, 2025, Coordinator);
        heim.GetUnitLifecycle(Heim.Raadhuset).Reports[2025].SubmittedAt.Should().NotBeNull();
        Refused(heim, h => h.SubmitAnnualReport(Heim.Raadhuset, 2025, Coordinator), ErrorCodes.ReportAlreadySubmitted);
    }

    [Fact]
    public void AnActionDatedBeforeTheLastEvent_IsRefused()
    {
        var clock = Clock();
        var heim = Start(clock);
        clock.Reset(Instant.FromUtc(2024, 1, 1, 0, 0));

        Refused(heim, h => h.CompleteStartUp(new LocalDate(2024, 1, 1), Coordinator), ErrorCodes.TimeRunsBackwards);
    }

    [Fact]
    public void AnActionExpectingAnOlderVersion_IsRefused()
    {
        var clock = Clock();
        var heim = Start(clock);
        var version = heim.Version;
        var moved = heim.CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator, expectedVersion: version);

        moved.Version.Should().Be(version + 1);
        Refused(moved, h => h.OpenMapping(Heim.Raadhuset, Coordinator, expectedVersion: version), ErrorCodes.ConcurrencyConflict).Single().Arguments.Should().Equal(version.ToString(System.Globalization.CultureInfo.InvariantCulture), moved.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ActionsNotInTheTableForTheState_AreRefusedNamingStateAndAction()
    {
        var heim = Start(Clock()).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);

        var reason = Refused(heim, h => h.Certify(Heim.Raadhuset, Kari, "X"), ErrorCodes.ActionNotAllowedInState).Single();
        reason.Arguments.Should().Equal("Rådhuset", "Certify", "NotStarted");
        reason.GetMessage(Language.NorwegianBokmal).Should().Be("«Sertifisere» er ikke mulig når «Rådhuset» har status «Ikke startet».");
        reason.GetMessage(Language.English).Should().Be("'Certify' is not possible while 'Rådhuset' is 'Not started'.");
        Refused(heim, h => h.CompleteStartUp(new LocalDate(2024, 1, 21), Coordinator), ErrorCodes.StartUpAlreadyCompleted);
        Refused(heim, h => h.Withdraw(Heim.Raadhuset, "why", Coordinator), ErrorCodes.ActionNotAllowedInState);
    }

    [Fact]
    public void RemoveUnit_ThatIsInCertification_IsRefused()
    {
        var heim = WithCertifiedHeadquarters(Clock()).OpenMapping(Heim.Skole, Coordinator);

        Refused(heim, h => h.RemoveUnit(Heim.Skole, Coordinator), ErrorCodes.UnitHasCertificate);
        heim.RemoveUnit(Heim.Barnehage, Coordinator).Organisation.TryGetUnit(Heim.Barnehage, out _).Should().BeFalse();
    }

    [Fact]
    public void CoLocatedUnit_IsCoveredByItsHostsCertificate()
    {
        var clock = Clock();
        var heim = Start(clock);
        var sfo = Heim.Unit(new UnitId("heim-sfo"), "Heim SFO", "grunnskole-sfo", kitchen: false) with
        {
            Address = heim.Organisation.GetUnit(Heim.Skole).Address,
            Certificate = CertificateArrangement.CoLocatedWith(Heim.Skole),
        };
        heim = heim.AddUnit(sfo, Coordinator).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);
        SetDate(clock, 2024, 3, 1);
        heim = Certify(heim, Heim.Raadhuset, "HK-1").OpenMapping(Heim.Skole, Coordinator);
        heim = FulfilAll(heim, Heim.Skole);

        heim.GetActions(sfo.Id).Should().OnlyContain(a => a.Reasons.Single().Code == ErrorCodes.CoveredByHostCertificate);
        heim.GetAllowedActions(sfo.Id).Should().Be(LifecycleActions.None);
        Refused(heim, h => h.Deliver(Heim.Skole, ManagerOf(h, Heim.Skole)), ErrorCodes.CriteriaUnfulfilled).Single().Arguments[1].Should().Be("Heim skole", "the SFO's criteria are part of the school's delivery");
        Refused(heim, h => h.OpenMapping(sfo.Id, Coordinator), ErrorCodes.CoveredByHostCertificate);

        heim = FulfilAll(heim, sfo.Id).Deliver(Heim.Skole, ManagerOf(heim, Heim.Skole)).Certify(Heim.Skole, Kari, "UE-1");

        heim.GetUnitLifecycle(Heim.Skole).CurrentCertificate!.Units.Should().Equal(Heim.Skole, sfo.Id);
        heim.GetUnitLifecycle(sfo.Id).Should().BeSameAs(heim.GetUnitLifecycle(Heim.Skole));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void StartUp_NeedsNoMainSetOfACoveredUnit_ButOfEveryUnitWithItsOwnCertificate(bool covered)
    {
        var clock = Clock();
        var heim = Start(clock);
        var sfo = Heim.Unit(new UnitId("heim-sfo"), "Heim SFO", "grunnskole-sfo", kitchen: false) with
        {
            Address = heim.Organisation.GetUnit(Heim.Skole).Address,
            Certificate = covered ? CertificateArrangement.CoLocatedWith(Heim.Skole) : CertificateArrangement.Own,
            MainSetId = null,
        };
        heim = heim.AddUnit(sfo, Coordinator);

        if (covered)
        {
            heim.CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator).StartUpListSentOn.Should().NotBeNull();
        }
        else
        {
            Refused(heim, h => h.CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator), ErrorCodes.NoMainSet).Single().Arguments.Should().Equal("Heim SFO");
        }
    }

    [Fact]
    public void ConfigurablePolicies_AlignedUnitExpiryAndRenewalAtPreviousExpiry()
    {
        var rules = SchemeRuleBook.Of(SchemeRules.Default with { UnitExpiry = UnitExpiryPolicy.AlignedWithHeadquarters, Renewal = RenewalPolicy.AtPreviousExpiry });
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock, rules);
        SetDate(clock, 2024, 9, 2);

        heim = Certify(heim, Heim.Skole, "UE-1");
        heim.GetUnitLifecycle(Heim.Skole).CurrentCertificate!.ValidTo.Should().Be(new LocalDate(2027, 3, 1), "aligned with HK's expiry");

        SetDate(clock, 2026, 10, 1);
        heim = heim.OpenRecertification(Heim.Raadhuset, Coordinator).Deliver(Heim.Raadhuset, Mayor).Recertify(Heim.Raadhuset, Kari, "HK-2");
        heim.GetUnitLifecycle(Heim.Raadhuset).CurrentCertificate!.ValidTo.Should().Be(new LocalDate(2030, 3, 1), "the renewed period continues from the old expiry");
    }

    [Fact]
    public void LeapDay_PlusThreeYears_IsTheTwentyEighthOfFebruary()
    {
        var clock = Clock(2024, 1, 15);
        var heim = Start(clock).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);
        SetDate(clock, 2024, 2, 29);

        heim = Certify(heim, Heim.Raadhuset, "HK-LEAP");

        heim.GetUnitLifecycle(Heim.Raadhuset).CurrentCertificate!.ValidTo.Should().Be(new LocalDate(2027, 2, 28));
    }

    [Fact]
    public void GetAllowedActions_AgreesWithGetActions_InEveryStateOfTheScenario()
    {
        var clock = Clock();
        var heim = Start(clock);
        void Check(OrganisationLifecycle lifecycle)
        {
            foreach (var unit in lifecycle.Organisation.AllUnits)
            {
                var flags = lifecycle.GetAllowedActions(unit.Id);
                foreach (var availability in lifecycle.GetActions(unit.Id))
                {
                    flags.HasFlag((LifecycleActions)(1 << (int)availability.Action)).Should().Be(availability.IsAllowed, $"{availability.Action} on {unit.Id}");
                }
            }
        }

        Check(heim);
        heim = heim.CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);
        Check(heim);
        SetDate(clock, 2024, 3, 1);
        heim = heim.OpenMapping(Heim.Raadhuset, Coordinator);
        Check(heim);
        heim = FulfilAll(heim, Heim.Raadhuset).Deliver(Heim.Raadhuset, Mayor);
        Check(heim);
        heim = heim.Certify(Heim.Raadhuset, Kari, "HK");
        Check(heim);
        SetDate(clock, 2027, 3, 5);
        Check(heim);
        Check(heim.ExpireCertificates());
    }
}
