using FluentAssertions;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Organisations;

public class OrganisationHeimTest
{
    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.LoadDefault();

    [Fact]
    public void Create_Heim_LocksTheMunicipalCommonSetForEveryUnit()
    {
        var heim = Heim.Create();

        heim.CommonSet.Id.Should().Be("felles-kommune-2023");
        heim.Headquarters.Id.Should().Be(Heim.Raadhuset);
        heim.Units.Select(u => u.Id).Should().Equal(Heim.Barnehage, Heim.Skole, Heim.Sykehjem, Heim.Hjemmetjeneste);
        heim.AllUnits.Should().OnlyContain(u => u.Sets[0] == heim.CommonSet);
        heim.GetUnit(Heim.Barnehage).Sets.Select(s => s.Id).Should().Equal("felles-kommune-2023", "barnehage");
        heim.GetUnit(Heim.Barnehage).MainSet!.Id.Should().Be("barnehage");
    }

    [Fact]
    public void HeadquartersFulfilsOrganisationWideCriteria_EveryUnitSeesThemFulfilledByHeadquarters_WhileItsOwnAreOpen()
    {
        var heim = Heim.Create();
        var headquartersCriteria = heim.Resolve(Heim.Raadhuset).Criteria
            .Where(c => c.Criterion.FulfilledBy == ResponsibilityHint.Headquarters)
            .ToList();
        headquartersCriteria.Should().NotBeEmpty();

        foreach (var resolved in headquartersCriteria)
        {
            heim = heim.RecordAssessment(Heim.Raadhuset, resolved.Criterion.Id, Heim.Fulfilled());
        }

        foreach (var unit in heim.Units)
        {
            var resolution = heim.Resolve(unit.Id);
            var byHeadquarters = resolution.Criteria.Where(c => c.FulfilledBy == ResponsibleParty.Headquarters).ToList();
            var own = resolution.Criteria.Where(c => c.FulfilledBy == ResponsibleParty.Unit).ToList();

            byHeadquarters.Should().NotBeEmpty($"{unit.Name} relies on HK for the organisation-wide criteria");
            byHeadquarters.Should().OnlyContain(c => heim.GetStatus(unit.Id, c.Criterion.Id) == new EffectiveStatus(FulfilmentStatus.Fulfilled, ResponsibleParty.Headquarters));
            own.Should().NotBeEmpty();
            own.Should().OnlyContain(c => heim.GetStatus(unit.Id, c.Criterion.Id) == new EffectiveStatus(FulfilmentStatus.NotStarted, ResponsibleParty.Unit));

            var readiness = heim.GetReadiness(unit.Id);
            readiness.Blocking.Should().OnlyContain(b => b.FulfilledBy == ResponsibleParty.Unit, "only the unit's own criteria are left");
            readiness.IsReadyForCertifier.Should().BeFalse();
        }

        var raadhuset = heim.GetReadiness(Heim.Raadhuset);
        raadhuset.Blocking.Should().NotBeEmpty().And.OnlyContain(b => b.Criterion.FulfilledBy == ResponsibilityHint.EachUnit,
            "what is left for Rådhuset are the criteria it fulfils as a unit, such as its own waste sorting");

        foreach (var blocking in raadhuset.Blocking)
        {
            heim = heim.RecordAssessment(Heim.Raadhuset, blocking.Criterion.Id, Heim.Fulfilled());
        }

        heim.GetReadiness(Heim.Raadhuset).IsReadyForCertifier.Should().BeTrue();
        heim.GetReadiness(Heim.Raadhuset).Counts.PercentMustFulfilled.Should().Be(100);
    }

    [Fact]
    public void Resolution_OfAUnit_IsTheUnionOfItsSetsFilteredByItsAnswers()
    {
        var heim = Heim.Create();

        var barnehage = heim.Resolve(Heim.Barnehage);
        var skole = heim.Resolve(Heim.Skole);

        barnehage.Criteria.Select(c => c.Criterion.Id).Should().Contain([2101, 2102, 2103, 1012, 7]);
        var foodWaste = barnehage.Criteria.Single(c => c.Criterion.Id == 2103);
        foodWaste.ActivatedBy.Should().Be(new ApplicabilityCondition("kitchen", true));
        foodWaste.Sets.Select(s => s.Id).Should().Equal("barnehage");
        skole.Criteria.Select(c => c.Criterion.Id).Should().NotContain(2103, "the school answered no to the kitchen question");
        barnehage.Criteria.Select(c => c.Criterion.Ordinal).Should().BeInAscendingOrder("criteria are listed in catalog order");
        barnehage.Criteria.Single(c => c.Criterion.Id == 7).Sets.Select(s => s.Id).Should().Equal("felles-kommune-2023");
    }

    [Fact]
    public void Resolution_OfHeadquarters_IncludesWhatUnitsAllocateToIt()
    {
        var heim = Heim.Create().Allocate(2103, ResponsibleParty.Headquarters);

        var headquarters = heim.Resolve(Heim.Raadhuset).Criteria.Single(c => c.Criterion.Id == 2103);

        headquarters.Sets.Should().BeEmpty("HK has no kitchen set of its own");
        headquarters.DemandedBy.Should().BeEquivalentTo([Heim.Barnehage, Heim.Sykehjem]);
        heim.Resolve(Heim.Barnehage).Criteria.Single(c => c.Criterion.Id == 2103).FulfilledBy.Should().Be(ResponsibleParty.Headquarters);
    }

    [Fact]
    public void Allocate_BackToTheHint_RemovesTheOverride()
    {
        var heim = Heim.Create();

        var moved = heim.Allocate(1012, ResponsibleParty.Headquarters);
        var back = moved.Allocate(1012, ResponsibleParty.Unit);

        moved.AllocationOverrides.Should().ContainKey(1012);
        moved.GetResponsibleParty(1012).Should().Be(ResponsibleParty.Headquarters);
        back.AllocationOverrides.Should().BeEmpty();
        heim.Allocate(1012, ResponsibleParty.Unit).Should().BeSameAs(heim, "allocating to the hint changes nothing");
    }

    [Fact]
    public void Readiness_AnswersWhatIsLeftForRaadhuset_InCatalogOrder()
    {
        var heim = Heim.Create().RecordAssessment(Heim.Raadhuset, 7, Heim.Fulfilled());

        var raadhuset = heim.GetReadiness().Headquarters;

        raadhuset.Unit.Id.Should().Be(Heim.Raadhuset);
        raadhuset.Blocking.Select(b => b.Criterion.Id).Should().NotContain(7);
        raadhuset.Blocking.Select(b => b.Criterion.Ordinal).Should().BeInAscendingOrder();
        raadhuset.Counts.Fulfilled.Should().Be(1);
        raadhuset.Counts.MustBlocking.Should().Be(raadhuset.Blocking.Length);
        raadhuset.Themes.Sum(t => t.Counts.Total).Should().Be(raadhuset.Counts.Total);
        raadhuset.Themes.Single(t => t.Theme.Id == "offentliggjoring").Counts.Fulfilled.Should().Be(1, "criterion 7 is under Offentliggjøring in the municipal common criteria");
    }

    [Fact]
    public void Readiness_NotApplicableWithJustification_IsLeftOutOfThePercentage()
    {
        var heim = Heim.Create();
        var mustCount = heim.GetReadiness(Heim.Skole).Counts.MustTotal;
        var own = heim.Resolve(Heim.Skole).Criteria.First(c => c.FulfilledBy == ResponsibleParty.Unit && c.Criterion.Obligation == Obligation.Must);

        heim = heim.RecordAssessment(Heim.Skole, own.Criterion.Id, new CriterionAssessment(FulfilmentStatus.NotApplicable, Heim.Fulfilled().RecordedAt, "x", justification: "No such equipment."));

        var counts = heim.GetReadiness(Heim.Skole).Counts;
        counts.MustNotApplicable.Should().Be(1);
        counts.MustBlocking.Should().Be(mustCount - 1);
        counts.PercentMustFulfilled.Should().Be(0);
    }

    [Fact]
    public void Readiness_OfTheOrganisation_CountsEachObligationOnceAtItsResponsibleParty()
    {
        var heim = Heim.Create();
        var readiness = heim.GetReadiness();

        var expected = heim.AllUnits.Sum(u => heim.Resolve(u.Id).Criteria.Count(c => c.FulfilledBy == ResponsibleParty.Unit));
        readiness.Counts.Total.Should().Be(expected);
        readiness.Units.Should().HaveCount(5);
        readiness.Themes.Sum(t => t.Counts.Total).Should().Be(expected);
    }

    [Fact]
    public void Assessment_KeepsWhenWhoCommentAndEvidence()
    {
        var evidence = new EvidenceReference("https://heim.kommune.no/miljopolicy.pdf", new string('A', 64), new NodaTime.LocalDate(2026, 12, 31));
        var assessment = new CriterionAssessment(FulfilmentStatus.Fulfilled, Heim.Fulfilled().RecordedAt, "miljo@heim.kommune.no", "Vedtatt i kommunestyret.", evidence: [evidence]);

        var heim = Heim.Create().RecordAssessment(Heim.Raadhuset, 1001, assessment);

        var stored = heim.GetAssessment(Heim.Raadhuset, 1001)!;
        stored.Should().Be(assessment);
        stored.Evidence[0].Sha256.Should().Be(new string('a', 64), "checksums are kept in lower case");
        stored.Comment.Should().Be("Vedtatt i kommunestyret.");
    }

    [Fact]
    public void UpdateUnit_ChangingAnswers_ChangesResolutionAndKeepsAssessments()
    {
        var heim = Heim.Create().RecordAssessment(Heim.Skole, 1012, Heim.Fulfilled());
        var skole = heim.GetUnit(Heim.Skole).Definition;

        var changed = heim.UpdateUnit(skole with { Answers = skole.Answers.SetItem("kitchen", true) }, Heim.StartedOn);

        changed.Resolve(Heim.Skole).Criteria.Select(c => c.Criterion.Id).Should().Contain(2103);
        heim.Resolve(Heim.Skole).Criteria.Select(c => c.Criterion.Id).Should().NotContain(2103, "the original is unchanged");
        changed.GetStatus(Heim.Skole, 1012).Status.Should().Be(FulfilmentStatus.Fulfilled);
    }

    [Fact]
    public void RemoveUnit_RemovesItAndItsAssessments()
    {
        var heim = Heim.Create().RecordAssessment(Heim.Skole, 1012, Heim.Fulfilled());

        var smaller = heim.RemoveUnit(Heim.Skole);

        smaller.TryGetUnit(Heim.Skole, out _).Should().BeFalse();
        smaller.GetReadiness().Units.Should().HaveCount(4);
        smaller.GetStatus(Heim.Sykehjem, 1012).Status.Should().Be(FulfilmentStatus.NotStarted);
    }

    [Fact]
    public void CertificateArrangements_CoLocatedAndAttachedUnits_AreAccepted()
    {
        var heim = Heim.Create();
        var sfo = Heim.Unit(new UnitId("heim-sfo"), "Heim SFO", "grunnskole-sfo", kitchen: false) with
        {
            Address = heim.GetUnit(Heim.Skole).Address,
            Certificate = CertificateArrangement.CoLocatedWith(Heim.Skole),
        };
        var kiosk = Heim.Unit(new UnitId("badekiosken"), "Badekiosken", "kantine", kitchen: true) with
        {
            FullTimeEquivalents = 0.5m,
            Certificate = CertificateArrangement.AttachedTo(Heim.Sykehjem),
        };

        var bigger = heim.AddUnit(sfo, Heim.StartedOn).AddUnit(kiosk, Heim.StartedOn);

        bigger.GetUnit(sfo.Id).Certificate.Kind.Should().Be(CertificateArrangementKind.CoLocated);
        bigger.GetUnit(kiosk.Id).Certificate.Host.Should().Be(Heim.Sykehjem);
    }
}
