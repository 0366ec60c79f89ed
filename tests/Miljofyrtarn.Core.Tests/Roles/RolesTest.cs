using FluentAssertions;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;
using static Miljofyrtarn.Core.Tests.Roles.GovernedHeim;

namespace Miljofyrtarn.Core.Tests.Roles;

/// <summary>Roles as rules of the scheme: who may do what in a governed organisation, and an impartial certifier.</summary>
public class RolesTest
{
    private static readonly Certifier MadeUp = new("selv@heim.kommune.no", "Selvoppnevnt sertifisør", OrganisationNumber.Parse("974760673"));

    [Fact]
    public void AnOrganisation_IsGoverned_FromItsFirstRoleEvent_AndItsStructureImpliesRoles()
    {
        var clock = Clock();
        var open = Lifecycle.HeimLifecycle.Start(clock);
        open.IsGoverned.Should().BeFalse("a history without role events keeps the rules it was written under");

        var governed = open.GrantRole(Consultant, SchemeRole.Consultant, null, Coordinator);

        governed.IsGoverned.Should().BeTrue();
        governed.GetRoles(Coordinator).Should().Equal(SchemeRole.Coordinator);
        governed.GetRoles(Mayor).Should().Equal(SchemeRole.Management);
        governed.GetRoles(ContactOf(Heim.Barnehage), Heim.Barnehage).Should().Equal(SchemeRole.UnitContact);
        governed.GetRoles(ContactOf(Heim.Barnehage)).Should().BeEmpty("a unit's contact holds the role for that unit only");
        governed.GetRoles(Consultant).Should().Equal(SchemeRole.Consultant);
        governed.RoleGrants.Should().ContainSingle().Which.Should().Match<RoleGrant>(g => g.GrantedBy == Coordinator && g.IsActive);
    }

    [Fact]
    public void TheSelfCertificationAttempt_IsRefused_AsForbidden_AndChangesNothing()
    {
        // The finding: a coordinator certified with a made-up certifier whose organisation number differed.
        var clock = Clock();
        var lifecycle = Start(clock).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);
        lifecycle = FulfilAll(lifecycle.OpenMapping(Heim.Raadhuset, Coordinator), Heim.Raadhuset).Deliver(Heim.Raadhuset, Mayor);

        var act = () => lifecycle.Certify(Heim.Raadhuset, MadeUp, "MFT-SELV-1");

        var refused = act.Should().Throw<MiljofyrtarnException>().Which;
        refused.Code.Should().Be(ErrorCodes.ActorLacksRole);
        refused.Category.Should().Be(ErrorCategory.Forbidden);
        lifecycle.GetUnitLifecycle(Heim.Raadhuset).State.Should().Be(UnitState.Delivered);
    }

    [Fact]
    public void CertificationByACertifierFromTheOrganisation_IsRefused_WhenAssigned()
    {
        var own = new Certifier("kontroll@heim.kommune.no", "Heims egen kontrollør", Heim.Number);
        var act = () => Lifecycle.HeimLifecycle.Start(Clock()).AssignCertifier(own, Foundation);

        act.Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.CertifierNotIndependent);
    }

    [Fact]
    public void ACertifierWhoHoldsARole_IsRefused_AtAssignment_AndAtCertification()
    {
        var clock = Clock();
        var reader = new Certifier(Reader, "Innsyn", OrganisationNumber.Parse("974760673"));
        var assign = () => Start(clock).AssignCertifier(reader, Foundation);
        assign.Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.CertifierHoldsRole);

        var mayor = new Certifier(Mayor, "Ordføreren", OrganisationNumber.Parse("974760673"));
        var asMayor = () => Start(clock).AssignCertifier(mayor, Foundation);
        asMayor.Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.CertifierHoldsRole, "management implied by the unit definition is a role");

        // Granted a role after the assignment: certification is refused then.
        var lifecycle = Start(clock).GrantRole(Kari.Id, SchemeRole.Reader, null, Coordinator).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);
        lifecycle = FulfilAll(lifecycle.OpenMapping(Heim.Raadhuset, Coordinator), Heim.Raadhuset).Deliver(Heim.Raadhuset, Mayor);
        var certify = () => lifecycle.Certify(Heim.Raadhuset, Kari, "MFT-1");
        certify.Should().Throw<MiljofyrtarnException>().Which.Diagnostics.Select(d => d.Code).Should().Contain(ErrorCodes.CertifierHoldsRole);
    }

    [Fact]
    public void ItsConsultant_MayNeverCertifyIt_ByDefault_OrNotInTheSameRound_WhenConfigured()
    {
        var clock = Clock();
        var consultant = new Certifier(Consultant, "Konsulenten", OrganisationNumber.Parse("974760673"));
        var assign = () => Start(clock).AssignCertifier(consultant, Foundation);
        assign.Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.CertifierWasConsultant);

        // Revoked before the round: still refused under the strict default.
        var revoked = Start(clock).RevokeRole(Consultant, SchemeRole.Consultant, null, Coordinator);
        var again = () => revoked.AssignCertifier(consultant, Foundation);
        again.Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.CertifierWasConsultant);
        revoked.RoleGrants.Single(g => g.Person == Consultant).RevokedBy.Should().Be(Coordinator);
    }

    [Fact]
    public void AnUnassignedCertifier_IsRefused_TheAssignedOneCertifies()
    {
        var clock = Clock();
        var other = new Certifier("per@certnor.no", "Per Sertifisør", OrganisationNumber.Parse("974760673"));
        var lifecycle = Start(clock).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);
        lifecycle = FulfilAll(lifecycle.OpenMapping(Heim.Raadhuset, Coordinator), Heim.Raadhuset).Deliver(Heim.Raadhuset, Mayor);

        var byOther = () => lifecycle.Certify(Heim.Raadhuset, other, "MFT-1");
        byOther.Should().Throw<MiljofyrtarnException>().Which.Category.Should().Be(ErrorCategory.Forbidden);

        lifecycle.Certify(Heim.Raadhuset, Kari, "MFT-1").GetUnitLifecycle(Heim.Raadhuset).State.Should().Be(UnitState.Certified);
        lifecycle.AssignedCertifier!.Certifier.Should().Be(Kari);
    }

    [Fact]
    public void OnlyTheFoundation_AssignsCertifiers_AndGrantsPostponements()
    {
        var clock = Clock();
        var byCoordinator = () => Lifecycle.HeimLifecycle.Start(clock).AssignCertifier(Kari, Coordinator);
        byCoordinator.Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.ActorLacksRole, "assigning governs the organisation, so it is checked before it is");

        var lifecycle = WithCertifiedHeadquarters(clock);
        SetDate(clock, 2026, 2, 1);
        var postpone = () => lifecycle.GrantPostponement(Heim.Raadhuset, 2025, new LocalDate(2026, 5, 1), Coordinator);
        postpone.Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.ActorLacksRole);

        lifecycle.GrantPostponement(Heim.Raadhuset, 2025, new LocalDate(2026, 5, 1), Foundation).History[^1].Actor.Should().Be(Foundation.Id);
    }

    [Fact]
    public void AUnitsContact_ActsForThatUnitOnly_AndAConsultantRecordsButApprovesNothing()
    {
        var clock = Clock();
        var lifecycle = WithCertifiedHeadquarters(clock).OpenMapping(Heim.Barnehage, ContactOf(Heim.Barnehage));
        var criterion = lifecycle.Organisation.Resolve(Heim.Barnehage).Criteria.First(c => c.FulfilledBy == Resolution.ResponsibleParty.Unit).Criterion.Id;

        lifecycle.RecordAssessment(Heim.Barnehage, criterion, FulfilmentStatus.Fulfilled, ContactOf(Heim.Barnehage)).Version.Should().Be(lifecycle.Version + 1);
        var elsewhere = () => lifecycle.OpenMapping(Heim.Skole, ContactOf(Heim.Barnehage));
        elsewhere.Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.ActorLacksRole);

        lifecycle.RecordAssessment(Heim.Barnehage, criterion, FulfilmentStatus.InProgress, Consultant).Version.Should().Be(lifecycle.Version + 1);
        var deliver = () => lifecycle.Deliver(Heim.Barnehage, Consultant);
        deliver.Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.ActorLacksRole);
        var byReader = () => lifecycle.RecordAssessment(Heim.Barnehage, criterion, FulfilmentStatus.Fulfilled, Reader);
        byReader.Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.ActorLacksRole);
        var byOutsider = () => lifecycle.RemoveUnit(Heim.Hjemmetjeneste, Outsider);
        byOutsider.Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.ActorLacksRole);
    }

    [Fact]
    public void AnOutsider_CannotGovernAnOpenOrganisation_NorGrantThemselvesARole()
    {
        var open = Lifecycle.HeimLifecycle.Start(Clock());
        var grab = () => open.GrantRole(Outsider, SchemeRole.Coordinator, null, Outsider);

        grab.Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.ActorLacksRole);
        open.IsGoverned.Should().BeFalse();
    }

    [Theory]
    [InlineData(SchemeRole.Certifier, null, ErrorCodes.RoleNotGrantable)]
    [InlineData(SchemeRole.Foundation, null, ErrorCodes.RoleNotGrantable)]
    [InlineData(SchemeRole.UnitContact, null, ErrorCodes.UnitRoleNeedsUnit)]
    [InlineData(SchemeRole.Reader, "finnes-ikke", ErrorCodes.UnknownUnit)]
    [InlineData(SchemeRole.Consultant, null, ErrorCodes.RoleAlreadyHeld)]
    public void ABadGrant_IsRefusedWithItsCode(SchemeRole role, string? unit, string code)
    {
        var lifecycle = Start(Clock());
        var act = () => lifecycle.GrantRole(Consultant, role, unit is null ? null : new UnitId(unit), Coordinator);

        act.Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void RevokingARoleNotHeld_IsRefused_AndARevokedRoleNoLongerCounts()
    {
        var lifecycle = Start(Clock());
        var act = () => lifecycle.RevokeRole(Reader, SchemeRole.Consultant, null, Coordinator);
        act.Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.RoleNotHeld);

        var revoked = lifecycle.RevokeRole(Consultant, SchemeRole.Consultant, null, Coordinator);
        revoked.May(Consultant, Operation.RecordAssessment, Heim.Raadhuset).Should().BeFalse();
        lifecycle.May(Consultant, Operation.RecordAssessment, Heim.Raadhuset).Should().BeTrue();
        revoked.RoleGrants.Single(g => g.Person == Consultant).WasActiveAt(lifecycle.History[^1].OccurredAt).Should().BeTrue("the history still shows who could do what, and when");
    }

    [Fact]
    public void AForbiddenRefusal_SpeaksEachLanguage_NamingTheActionAndTheRoles()
    {
        var lifecycle = Start(Clock());
        var refused = FluentActions.Invoking(() => lifecycle.Allocate(1, Resolution.ResponsibleParty.Headquarters, Consultant)).Should().Throw<MiljofyrtarnException>().Which;

        refused.GetMessage(Language.NorwegianBokmal).Should().Be(
            "MFT0701: «konsulent@radgiver.no» har ingen rolle i «Heim kommune» som kan fordele kriterier; det kan bare ledelsen, miljøkoordinator.");
        refused.GetMessage(Language.NorwegianNynorsk).Should().Contain("har inga rolle").And.Contain("fordele kriterium");
        refused.GetMessage(Language.English).Should().Contain("only management, environmental coordinator may");
    }

    [Fact]
    public void ARoleTheHostVouchesFor_CountsBesideTheHistorysRoles_ButNeverTheCertifiers()
    {
        var lifecycle = Start(Clock());
        var outsider = new Actor(Outsider);

        lifecycle.May(outsider, Operation.RecordAssessment, Heim.Raadhuset).Should().BeFalse();
        lifecycle.May(outsider.WithRoles([SchemeRole.Consultant]), Operation.RecordAssessment, Heim.Raadhuset).Should().BeTrue();
        lifecycle.May(outsider.WithRoles([SchemeRole.Consultant]), Operation.Deliver, Heim.Raadhuset).Should().BeFalse();
        outsider.WithRoles([SchemeRole.Reader]).IsVouchedFor(SchemeRole.Reader).Should().BeTrue();
        Actor.ForFoundation(Outsider).WithRoles([SchemeRole.Reader]).ActsForFoundation.Should().BeTrue();
        FluentActions.Invoking(() => outsider.WithRoles([SchemeRole.Certifier])).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.RoleNotGrantable);
    }

    [Fact]
    public void APersonsId_HasAtMost256Characters_AndTheLongestIsReadBack()
    {
        var lifecycle = Start(Clock());
        var longest = new string('a', Actor.MaxLength - 13) + "@heim.kommune"; // 256 characters
        var tooLong = new string('b', Actor.MaxLength + 1);

        var granted = lifecycle.GrantRole(longest, SchemeRole.Reader, null, Coordinator);
        var read = Core.Interchange.HistoryJson.Read(Core.Interchange.HistoryJson.Write(granted.Organisation.Catalog.Version, granted.History));
        OrganisationLifecycle.Replay(granted.Organisation.Catalog, read.Events, granted.Clock).GetRoles(longest).Should().Equal(SchemeRole.Reader);

        var grant = () => lifecycle.GrantRole(tooLong, SchemeRole.Reader, null, Coordinator);
        var refused = grant.Should().Throw<MiljofyrtarnException>().Which;
        refused.Code.Should().Be(ErrorCodes.PersonIdTooLong);
        refused.GetMessage(Language.English).Should().Contain("257").And.NotContain(tooLong);
        FluentActions.Invoking(() => new Actor(tooLong)).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.PersonIdTooLong);
        FluentActions.Invoking(() => lifecycle.AssignCertifier(new Certifier(tooLong, "Lang", OrganisationNumber.Parse("974760673")), Foundation))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.PersonIdTooLong);
    }
}
