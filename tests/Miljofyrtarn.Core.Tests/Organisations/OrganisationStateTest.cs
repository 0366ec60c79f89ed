using FluentAssertions;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Organisations;

/// <summary>
/// What the organisation's internal state keeps and computes for the lifecycle (transient replay, the units a certificate
/// covers, the people the units name, the blocking criteria a guard counts), checked here where the state lives rather
/// than only through the lifecycle.
/// </summary>
public class OrganisationStateTest
{
    private static readonly CriterionAssessment Started = new(FulfilmentStatus.InProgress, Instant.FromUtc(2024, 3, 1, 9, 0), "miljo@heim.kommune.no");

    [Fact]
    public void Transient_RecordsInPlace_UntilFrozen_ThenCopiesAgain()
    {
        var criterion = OwnCriterion(Heim.Skole);
        var working = Heim.Create();
        working.BeginTransient();

        var recorded = working.RecordAssessment(Heim.Skole, criterion, Started);

        recorded.Should().BeSameAs(working, "replay's working state changes in place");
        working.GetStatus(Heim.Skole, criterion).Status.Should().Be(FulfilmentStatus.InProgress);

        working.Freeze();
        var before = OrganisationState.Fingerprint(working);
        var next = working.RecordAssessment(Heim.Skole, criterion, Heim.Fulfilled());

        next.Should().NotBeSameAs(working, "a frozen organisation is immutable again");
        OrganisationState.Fingerprint(working).Should().Be(before);
        next.GetStatus(Heim.Skole, criterion).Status.Should().Be(FulfilmentStatus.Fulfilled);
    }

    [Fact]
    public void Transient_ReadinessAskedMidway_IsDroppedByTheNextRecord()
    {
        var criterion = OwnCriterion(Heim.Skole);
        var working = Heim.Create();
        working.BeginTransient();
        var blocking = working.GetReadiness().Counts.MustBlocking;

        working.RecordAssessment(Heim.Skole, criterion, Heim.Fulfilled());

        working.GetReadiness().Counts.MustBlocking.Should().Be(blocking - 1, "the readiness asked before the record in place is not kept past it");
    }

    [Fact]
    public void AFrozenTable_IsNeverChangedByALaterTransientState_ThatSharesIt()
    {
        var criterion = OwnCriterion(Heim.Skole);
        var first = Heim.Create();
        first.BeginTransient();
        first.RecordAssessment(Heim.Skole, criterion, Started);
        first.Freeze();

        // A later replay's working state shares the school's frozen table; recording in it must copy the table first.
        var second = first.AddUnit(Heim.Unit(new UnitId("ny-barnehage"), "Ny barnehage", "barnehage", kitchen: false), Heim.StartedOn);
        second.BeginTransient();
        second.RecordAssessment(Heim.Skole, criterion, Heim.Fulfilled());

        first.GetStatus(Heim.Skole, criterion).Status.Should().Be(FulfilmentStatus.InProgress);
        second.GetStatus(Heim.Skole, criterion).Status.Should().Be(FulfilmentStatus.Fulfilled);
    }

    [Fact]
    public void CoveredBy_ListsTheUnitsOnAHostsCertificate_InPositionOrder()
    {
        var heim = Heim.Create()
            .AddUnit(Heim.Unit(new UnitId("skolekiosken"), "Skolekiosken", "kantine", kitchen: true) with { Certificate = CertificateArrangement.AttachedTo(Heim.Skole) }, Heim.StartedOn)
            .AddUnit(Heim.Unit(new UnitId("sfo-paviljongen"), "SFO-paviljongen", "grunnskole-sfo", kitchen: false) with { Certificate = CertificateArrangement.AttachedTo(Heim.Skole) }, Heim.StartedOn);

        heim.CoveredBy(heim.PositionOf(Heim.Skole)).Should().Equal(5, 6);
        heim.CoveredBy(heim.PositionOf(Heim.Barnehage)).Should().BeEmpty();
        heim.CoveredBy(0).Should().BeEmpty();
    }

    [Fact]
    public void NamesPerson_KnowsEveryUnitsOfficerAndManagement_AndNobodyElse()
    {
        var heim = Heim.Create();

        heim.NamesPerson("miljo@heim.kommune.no").Should().BeTrue("headquarters' officer");
        heim.NamesPerson(Heim.Ordforer.Id).Should().BeTrue("headquarters' management");
        heim.NamesPerson($"{Heim.Hjemmetjeneste}@heim.kommune.no").Should().BeTrue("the last unit's officer");
        heim.NamesPerson($"leder.{Heim.Barnehage}@heim.kommune.no").Should().BeTrue("a unit's management");
        heim.NamesPerson("sertifisor@example.no").Should().BeFalse();
    }

    [Fact]
    public void Blocking_CountsMustCriteriaOnly_AndListsEachOnce()
    {
        var heim = Heim.Create();
        var (unit, position) = heim.AllUnits.Select((u, i) => (u, i))
            .First(x => heim.Resolve(x.u.Id).Criteria.Any(c => c.Criterion.Obligation == Obligation.Should));
        var expected = heim.GetReadiness(unit.Id).Blocking.Select(b => b.Criterion.Id).ToList();

        var ids = new List<int>();
        heim.Blocking(position, ids).Should().Be(expected.Count, "a should-criterion not started never blocks");
        heim.Blocking(position, ids).Should().Be(expected.Count);

        ids.Should().Equal(expected, "asked twice into one list, each criterion is listed once");
        heim.CountBlocking(position).Should().Be(expected.Count);
    }

    [Fact]
    public void TryGetUnit_FindsHeadquartersToo()
    {
        var heim = Heim.Create();

        heim.TryGetUnit(Heim.Raadhuset, out var headquarters).Should().BeTrue();
        headquarters.Should().BeSameAs(heim.Headquarters);
        heim.TryGetUnit(new UnitId("ingen"), out var none).Should().BeFalse();
        none.Should().BeNull();
    }

    [Fact]
    public void AddUnit_WithHeadquartersId_IsADuplicate()
    {
        var heim = Heim.Create();

        var act = () => heim.AddUnit(Heim.Unit(Heim.Raadhuset, "Rådhuset igjen", "barnehage", kitchen: false), Heim.StartedOn);

        act.Should().Throw<MiljofyrtarnException>().Which.Diagnostics.Select(d => d.Code).Should().Contain(ErrorCodes.DuplicateUnitId);
        heim.Invoking(h => h.AddUnit(null!, Heim.StartedOn)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Resolve_NamesWhoHeadquartersFulfilsFor_AndWhatIsUnanswered()
    {
        var heim = Heim.Create();

        var headquarters = heim.Resolve(Heim.Raadhuset);
        var unit = heim.Resolve(Heim.Skole);

        headquarters.Criteria.Should().Contain(c => c.DemandedBy.Contains(Heim.Skole), "headquarters fulfils some criteria for the school");
        unit.Criteria.Should().OnlyContain(c => c.DemandedBy.IsEmpty, "only headquarters fulfils criteria for others");
        unit.UnansweredQuestions.Should().BeEmpty("Heim's school answers every question");
        heim.UpdateUnit(Heim.Unit(Heim.Skole, "Heim skole", "grunnskole-sfo", kitchen: false) with { Answers = Heim.Answers(true, false, false, true).Remove("kitchen") }, Heim.StartedOn)
            .Resolve(Heim.Skole).UnansweredQuestions.Select(q => q.Id).Should().Equal("kitchen");
    }

    [Fact]
    public void Restored_StatesAreTheRecordsGiven_AndSurviveATransientRecordOfAnother()
    {
        var heim = Heim.Create();
        var criteria = heim.Resolve(Heim.Skole).Criteria.Where(c => c.FulfilledBy == ResponsibleParty.Unit).Select(c => c.Criterion.Id).Take(3).ToArray();
        var records = heim.AllUnits.Select(u => u.Id == Heim.Skole
            ? (IReadOnlyList<(int, CriterionAssessment)>)[(criteria[2], Heim.Fulfilled()), (criteria[0], Started)]
            : []).ToList();

        var restored = Organisation.Restore(heim.Catalog, heim.Name, heim.Kind, heim.Number, heim.StartedOn, heim.CommonSet, null,
            [.. heim.AllUnits.Select(u => (u.Definition, u.Role))], heim.AllocationOverrides, records, new Problems());

        var school = restored.PositionOf(Heim.Skole);
        restored.GetStatus(Heim.Skole, criteria[2]).Status.Should().Be(FulfilmentStatus.Fulfilled, "a restored record sets its status");
        restored.GetStatus(Heim.Skole, criteria[0]).Status.Should().Be(FulfilmentStatus.InProgress);
        restored.AssessmentsAt(school).Select(a => a.CriterionId).Should().Equal(criteria[0], criteria[2]);

        // A record made the usual way, then replay's working state records another: both earlier records are kept.
        var recorded = restored.RecordAssessment(Heim.Skole, criteria[1], Started);
        recorded.BeginTransient();
        recorded.RecordAssessment(Heim.Skole, criteria[0], Heim.Fulfilled());
        recorded.Freeze();

        recorded.AssessmentsAt(school).Select(a => (a.CriterionId, a.Assessment.Status))
            .Should().Equal((criteria[0], FulfilmentStatus.Fulfilled), (criteria[1], FulfilmentStatus.InProgress), (criteria[2], FulfilmentStatus.Fulfilled));
        recorded.GetAssessment(Heim.Skole, criteria[1]).Should().Be(Started);
    }

    [Fact]
    public void TheCommonSetSwitch_RewritesAUnitsMainSet_WhenItWasTheOldVersion_AndARevertClearsThePendingOne()
    {
        const string old = "felles-2016", newer = "felles-kommune-2023";
        var startedOn = new LocalDate(2022, 10, 3);
        var catalog = CriteriaCatalog.LoadDefault();
        var kiosk = new UnitId("kiosken");
        var heim = Organisation.Create(catalog, "Heim kommune", OrganisationKind.Municipality, Heim.Number, startedOn, Heim.Headquarters() with { MainSetId = old })
            .AddUnit(Heim.Unit(kiosk, "Kiosken", "kantine", kitchen: true) with { MainSetId = old, SetIds = [old, "kantine"] }, startedOn)
            .AddUnit(Heim.Unit(Heim.Skole, "Heim skole", "grunnskole-sfo", kitchen: false), startedOn);
        heim.CommonSet.Id.Should().Be(old, "the municipal version was not yet in force");
        var newerSet = catalog.Sets.Single(s => s.Id == newer);

        var pending = heim.BeginCommonSetSwitch(newerSet);
        pending.BeginCommonSetSwitch(heim.CommonSet).PendingCommonSet.Should().BeNull("headquarters back on the units' version has nothing pending");

        var switched = pending.CompleteCommonSetSwitch();

        switched.CommonSet.Id.Should().Be(newer);
        switched.PendingCommonSet.Should().BeNull();
        var unit = switched.GetUnit(kiosk);
        unit.Definition.MainSetId.Should().Be(newer, "a main set that was the old common set follows the switch");
        unit.MainSet!.Id.Should().Be(newer);
        unit.Definition.SetIds.Should().Equal("kantine");
        unit.Sets.Select(s => s.Id).Should().StartWith(newer);
        var school = switched.GetUnit(Heim.Skole);
        school.Definition.MainSetId.Should().Be("grunnskole-sfo", "a unit's own main set stays");
        school.MainSet!.Id.Should().Be("grunnskole-sfo");
        school.Definition.SetIds.Should().Equal("grunnskole-sfo");
        switched.Headquarters.Sets[0].Id.Should().Be(newer);
    }

    /// <summary>A criterion the unit fulfils itself.</summary>
    private static int OwnCriterion(UnitId unit) =>
        Heim.Create().Resolve(unit).Criteria.First(c => c.FulfilledBy == ResponsibleParty.Unit).Criterion.Id;
}
