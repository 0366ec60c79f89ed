using System.Collections.Immutable;
using FluentAssertions;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Organisations;

public class OrganisationErrorTest
{
    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.LoadDefault();
    private static readonly Organisation Base = Heim.Create();
    private static readonly string BaseState = OrganisationState.Fingerprint(Base);

    /// <summary>Runs an operation that must fail with the code, and shows the organisation is exactly as before.</summary>
    private static Diagnostic Refused(Func<Organisation, object?> operation, string code)
    {
        var act = () => operation(Base);

        var exception = act.Should().Throw<MiljofyrtarnException>().Which;
        exception.Diagnostics.Select(d => d.Code).Should().Contain(code);
        OrganisationState.Fingerprint(Base).Should().Be(BaseState, "a failed operation changes nothing");
        return exception.Diagnostics.First(d => d.Code == code);
    }

    [Fact]
    public void InvalidOrganisationNumber_MFT0201()
    {
        FluentActions.Invoking(() => Organisation.Create(Catalog, "Heim", OrganisationKind.Municipality, default, Heim.StartedOn, Heim.Headquarters()))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.InvalidOrganisationNumber);
    }

    [Fact]
    public void SecondHeadquarters_MFT0202()
    {
        var problem = Refused(o => o.AddUnit(Heim.Headquarters() with { Id = new UnitId("raadhus-2") }, UnitRole.Headquarters, Heim.StartedOn), ErrorCodes.SecondHeadquarters);

        problem.Arguments.Should().Equal("Rådhuset", "Rådhuset");
    }

    [Fact]
    public void DuplicateUnitId_MFT0203()
    {
        Refused(o => o.AddUnit(Heim.Unit(Heim.Skole, "Annen skole", "grunnskole-sfo", false), Heim.StartedOn), ErrorCodes.DuplicateUnitId)
            .Arguments.Should().Equal("heim-skole");
    }

    [Fact]
    public void UnknownSet_MFT0204()
    {
        Refused(o => o.AddUnit(Heim.Unit(new UnitId("x"), "X", "planetarium", false), Heim.StartedOn), ErrorCodes.UnknownSet)
            .Arguments[0].Should().Be("planetarium");
    }

    [Fact]
    public void SetNotInForce_MFT0205()
    {
        Refused(o => o.AddUnit(Heim.Unit(new UnitId("x"), "X", "hovedkontor-2016", false) with { MainSetId = null }, Heim.StartedOn), ErrorCodes.SetNotInForce)
            .Arguments.Should().Equal("hovedkontor-2016", "2024-01-15");
        Refused(o => o.AddUnit(Heim.Unit(new UnitId("y"), "Y", "barnehage", false), new LocalDate(2019, 12, 31)), ErrorCodes.SetNotInForce);
    }

    [Fact]
    public void CommonSetNotLocked_MFT0206()
    {
        Refused(o => o.AddUnit(Heim.Unit(new UnitId("x"), "X", "felles-2016", false), Heim.StartedOn), ErrorCodes.CommonSetNotLocked)
            .Arguments.Should().Equal("felles-2016", "felles-kommune-2023");
    }

    [Fact]
    public void UnknownQuestionAnswered_MFT0207()
    {
        var unit = Heim.Unit(new UnitId("x"), "X", "kantine", true);

        Refused(o => o.AddUnit(unit with { Answers = unit.Answers.Add("helipad", true) }, Heim.StartedOn), ErrorCodes.UnknownQuestionAnswered)
            .Arguments.Should().Equal("helipad");
    }

    [Fact]
    public void CriterionNotApplicable_MFT0208()
    {
        Refused(o => o.RecordAssessment(Heim.Skole, 2901, Heim.Fulfilled()), ErrorCodes.CriterionNotApplicable)
            .Arguments.Should().Equal("2901", "Heim skole");
    }

    [Fact]
    public void CriterionAllocatedToHeadquarters_MFT0209()
    {
        Refused(o => o.RecordAssessment(Heim.Skole, 7, Heim.Fulfilled()), ErrorCodes.CriterionAllocatedToHeadquarters)
            .Arguments.Should().Equal("7", "Heim skole");
    }

    [Fact]
    public void NotApplicableWithoutJustification_MFT0210()
    {
        var assessment = new CriterionAssessment(FulfilmentStatus.NotApplicable, Instant.FromUtc(2024, 3, 1, 9, 0), "someone");

        Refused(o => o.RecordAssessment(Heim.Skole, 1012, assessment), ErrorCodes.JustificationRequired).Arguments.Should().Equal("1012", "Heim skole");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000000")]
    public void MalformedSha256_MFT0211(string sha)
    {
        FluentActions.Invoking(() => new EvidenceReference("policy.pdf", sha))
            .Should().Throw<MiljofyrtarnException>().Which.Diagnostics.Should().ContainSingle(d => d.Code == ErrorCodes.InvalidSha256 && d.Arguments[0] == sha);
    }

    [Fact]
    public void UnknownUnit_MFT0212()
    {
        Refused(o => o.RecordAssessment(new UnitId("nowhere"), 7, Heim.Fulfilled()), ErrorCodes.UnknownUnit).Arguments.Should().Equal("nowhere");
        Refused(o => o.GetUnit(new UnitId("nowhere")), ErrorCodes.UnknownUnit);
        Refused(o => o.RemoveUnit(new UnitId("nowhere")), ErrorCodes.UnknownUnit);
    }

    [Fact]
    public void MainSetNotChosen_MFT0213()
    {
        Refused(o => o.AddUnit(Heim.Unit(new UnitId("x"), "X", "kantine", true) with { MainSetId = "barnehage" }, Heim.StartedOn), ErrorCodes.MainSetNotChosen)
            .Arguments.Should().Equal("barnehage");
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("rådhuset")]
    [InlineData("a/b")]
    public void InvalidUnitId_MFT0214(string id)
    {
        FluentActions.Invoking(() => new UnitId(id)).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.InvalidUnitId);
        FluentActions.Invoking(() => new UnitId(new string('a', 65))).Should().Throw<MiljofyrtarnException>();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public void InvalidFullTimeEquivalents_MFT0215(int fte)
    {
        Refused(o => o.AddUnit(Heim.Unit(new UnitId("x"), "X", "kantine", true) with { FullTimeEquivalents = fte }, Heim.StartedOn), ErrorCodes.InvalidFullTimeEquivalents);
    }

    [Fact]
    public void InvalidCertificateHost_MFT0216()
    {
        var unit = Heim.Unit(new UnitId("x"), "X", "kantine", true);

        Refused(o => o.AddUnit(unit with { Certificate = CertificateArrangement.AttachedTo(new UnitId("nowhere")) }, Heim.StartedOn), ErrorCodes.InvalidCertificateHost);
        Refused(o => o.AddUnit(unit with { Certificate = CertificateArrangement.AttachedTo(unit.Id) }, Heim.StartedOn), ErrorCodes.InvalidCertificateHost);
        Refused(o => o.AddUnit(unit with { Certificate = CertificateArrangement.CoLocatedWith(Heim.Skole) }, Heim.StartedOn), ErrorCodes.InvalidCertificateHost)
            .Arguments.Should().Equal("X", "Heim skole");
        Refused(o => o.UpdateUnit(Heim.Headquarters() with { Certificate = CertificateArrangement.AttachedTo(Heim.Skole) }, Heim.StartedOn), ErrorCodes.InvalidCertificateHost);

        var withAttached = Base.AddUnit(unit with { Certificate = CertificateArrangement.AttachedTo(Heim.Skole) }, Heim.StartedOn);
        FluentActions.Invoking(() => withAttached.RemoveUnit(Heim.Skole)).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.InvalidCertificateHost);
        var skole = withAttached.GetUnit(Heim.Skole).Definition;
        FluentActions.Invoking(() => withAttached.UpdateUnit(skole with { Certificate = CertificateArrangement.AttachedTo(Heim.Sykehjem) }, Heim.StartedOn))
            .Should().Throw<MiljofyrtarnException>("a host cannot itself become attached").Which.Code.Should().Be(ErrorCodes.InvalidCertificateHost);
    }

    [Fact]
    public void UnknownCriterion_MFT0217()
    {
        Refused(o => o.Allocate(424242, ResponsibleParty.Headquarters), ErrorCodes.UnknownCriterion).Arguments.Should().Equal("424242");
        Refused(o => o.RecordAssessment(Heim.Skole, 424242, Heim.Fulfilled()), ErrorCodes.UnknownCriterion);
    }

    [Fact]
    public void RemovingHeadquarters_MFT0218()
    {
        Refused(o => o.RemoveUnit(Heim.Raadhuset), ErrorCodes.UnitCannotBeRemoved).Arguments.Should().Equal("Rådhuset");
    }

    [Fact]
    public void BlankTexts_MFT0219()
    {
        Refused(o => o.AddUnit(Heim.Unit(new UnitId("x"), " ", "kantine", true), Heim.StartedOn), ErrorCodes.BlankText).Arguments.Should().Equal("name");
        FluentActions.Invoking(() => new Person("", "Name")).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.BlankText);
        FluentActions.Invoking(() => new EvidenceReference(" ")).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.BlankText);
        FluentActions.Invoking(() => new CriterionAssessment(FulfilmentStatus.Fulfilled, default, "")).Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.BlankText);
    }

    [Fact]
    public void DuplicateEntries_MFT0220()
    {
        var person = new Person("leder@heim.no", "Leder");
        Refused(o => o.AddUnit(Heim.Unit(new UnitId("x"), "X", "kantine", true) with { Management = [person, person] }, Heim.StartedOn), ErrorCodes.DuplicateEntry);
        var evidence = new EvidenceReference("a.pdf");
        FluentActions.Invoking(() => new CriterionAssessment(FulfilmentStatus.Fulfilled, default, "x", evidence: [evidence, evidence]))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.DuplicateEntry);
    }

    [Fact]
    public void SeveralProblemsInOneOperation_AreAllReported()
    {
        var unit = Heim.Unit(Heim.Skole, " ", "planetarium", true) with { FullTimeEquivalents = -3, MainSetId = "nope" };

        var exception = FluentActions.Invoking(() => Base.AddUnit(unit, Heim.StartedOn)).Should().Throw<MiljofyrtarnException>().Which;

        exception.Diagnostics.Select(d => d.Code).Should().BeEquivalentTo(
        [
            ErrorCodes.DuplicateUnitId, ErrorCodes.BlankText, ErrorCodes.InvalidFullTimeEquivalents, ErrorCodes.UnknownSet, ErrorCodes.MainSetNotChosen,
        ]);
        OrganisationState.Fingerprint(Base).Should().Be(BaseState);
    }

    [Fact]
    public void ErrorMessages_NameTheBadValueInEveryLanguage()
    {
        var exception = FluentActions.Invoking(() => Base.RecordAssessment(Heim.Skole, 7, Heim.Fulfilled())).Should().Throw<MiljofyrtarnException>().Which;

        exception.GetMessage(Miljofyrtarn.Core.Localization.Language.English).Should().Contain("Criterion 7").And.Contain("Heim skole").And.Contain("headquarters");
        exception.GetMessage(Miljofyrtarn.Core.Localization.Language.NorwegianBokmal).Should().Contain("hovedkontoret");
        exception.GetMessage(Miljofyrtarn.Core.Localization.Language.NorwegianNynorsk).Should().Contain("hovudkontoret");
    }

    [Fact]
    public void KeptSet_ThatStoppedBeingInForce_MayStayOnUpdate()
    {
        // The head-office set was in force until 2023-02-28; a unit that chose it then keeps it on later edits.
        var old = Organisation.Create(Catalog, "Gamle Heim", OrganisationKind.Municipality, Heim.Number, new LocalDate(2020, 5, 1),
            Heim.Headquarters() with { MainSetId = null, SetIds = ["hovedkontor-2016"] });

        var renamed = old.UpdateUnit(old.Headquarters.Definition with { Name = "Heim rådhus" }, new LocalDate(2024, 1, 1));

        renamed.Headquarters.Sets.Select(s => s.Id).Should().Equal("felles-2016", "hovedkontor-2016");
        renamed.Resolve(Heim.Raadhuset).Criteria.Single(c => c.Criterion.Id == 1871).Replaces.Select(r => r.Id).Should().Equal(1868);
    }

    [Fact]
    public void Definitions_WithDefaultCollections_AreNormalised()
    {
        var bare = new UnitDefinition(new UnitId("bare"), "Bare") { SetIds = default, Management = default, Answers = ImmutableDictionary<string, bool>.Empty };

        var organisation = Base.AddUnit(bare, Heim.StartedOn);

        organisation.GetUnit(bare.Id).Sets.Should().ContainSingle().Which.Should().Be(Base.CommonSet);
        organisation.GetUnit(bare.Id).Management.Should().BeEmpty();
    }
}
