using System.Collections.Immutable;
using FluentAssertions;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Assessment;

/// <summary>
/// Assessments and readiness at their edges, where mutation testing found untested places: every status and every
/// problem of an assessment, its equality member by member, the counts' arithmetic, and stored order.
/// </summary>
public class AssessmentEdgeTest
{
    private static readonly Instant At = Instant.FromUtc(2024, 3, 1, 9, 0);

    private static IReadOnlyList<Diagnostic> Refused(Action action) =>
        FluentActions.Invoking(action).Should().Throw<MiljofyrtarnException>().Which.Diagnostics;

    [Theory]
    [InlineData(FulfilmentStatus.NotStarted)]
    [InlineData(FulfilmentStatus.InProgress)]
    [InlineData(FulfilmentStatus.Fulfilled)]
    [InlineData(FulfilmentStatus.NotApplicable)]
    public void EveryDefinedStatus_IsAccepted(FulfilmentStatus status) =>
        new CriterionAssessment(status, At, "kari").Status.Should().Be(status);

    [Fact]
    public void AnAssessment_ListsEveryProblemWithWhatIsWrong()
    {
        Refused(() => _ = new CriterionAssessment((FulfilmentStatus)4, At, "kari")).Should().ContainSingle()
            .Which.Arguments.Should().Equal("4", "NotStarted | InProgress | Fulfilled | NotApplicable");
        Refused(() => _ = new CriterionAssessment(FulfilmentStatus.Fulfilled, At, " ")).Should().ContainSingle()
            .Which.Arguments.Should().Equal("recordedBy");
        var report = new EvidenceReference("rapport.pdf");
        Refused(() => _ = new CriterionAssessment(FulfilmentStatus.Fulfilled, At, "kari", evidence: [report, new EvidenceReference("rapport.pdf")]))
            .Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == ErrorCodes.DuplicateEntry && d.Arguments.SequenceEqual(new[] { "evidence", "rapport.pdf" }));
        FluentActions.Invoking(() => _ = new CriterionAssessment(FulfilmentStatus.Fulfilled, At, "kari", evidence: [report, null!]))
            .Should().Throw<ArgumentNullException>();
        Refused(() => _ = new EvidenceReference(" ")).Should().ContainSingle().Which.Arguments.Should().Equal("evidence.reference");
    }

    [Fact]
    public void DistinctEvidence_IsKept_AndBlankTextsBecomeNull()
    {
        var one = new EvidenceReference("a.pdf");
        var two = new EvidenceReference("b.pdf");
        var three = new EvidenceReference("c.pdf");

        new CriterionAssessment(FulfilmentStatus.Fulfilled, At, "kari", evidence: [one]).Evidence.Should().Equal(one);
        new CriterionAssessment(FulfilmentStatus.Fulfilled, At, "kari", evidence: [one, two, three]).Evidence.Should().Equal(one, two, three);
        var blank = new CriterionAssessment(FulfilmentStatus.NotApplicable, At, "kari", comment: " ", justification: "\t");
        blank.Comment.Should().BeNull();
        blank.Justification.Should().BeNull();
        var written = new CriterionAssessment(FulfilmentStatus.NotApplicable, At, "kari", comment: "ok", justification: "no kitchen");
        written.Comment.Should().Be("ok");
        written.Justification.Should().Be("no kitchen");
    }

    [Fact]
    public void Equality_LooksAtEveryMember()
    {
        var evidence = ImmutableArray.Create(new EvidenceReference("a.pdf"));
        var original = new CriterionAssessment(FulfilmentStatus.NotApplicable, At, "kari", "c", "j", evidence);

        original.Equals(new CriterionAssessment(FulfilmentStatus.NotApplicable, At, "kari", "c", "j", [new EvidenceReference("a.pdf")])).Should().BeTrue();
        original.Equals(null).Should().BeFalse();
        CriterionAssessment[] others =
        [
            new CriterionAssessment(FulfilmentStatus.Fulfilled, At, "kari", "c", "j", evidence),
            new CriterionAssessment(FulfilmentStatus.NotApplicable, At.PlusTicks(1), "kari", "c", "j", evidence),
            new CriterionAssessment(FulfilmentStatus.NotApplicable, At, "ola", "c", "j", evidence),
            new CriterionAssessment(FulfilmentStatus.NotApplicable, At, "kari", "other", "j", evidence),
            new CriterionAssessment(FulfilmentStatus.NotApplicable, At, "kari", "c", "other", evidence),
            new CriterionAssessment(FulfilmentStatus.NotApplicable, At, "kari", "c", "j", [new EvidenceReference("b.pdf")]),
        ];
        others.Should().OnlyContain(other => !original!.Equals(other));
    }

    [Fact]
    public void Counts_AddUp_AndThePercentageLeavesOutWhatDoesNotApply()
    {
        var counts = new ReadinessCounts(NotStarted: 1, InProgress: 2, Fulfilled: 4, NotApplicable: 8, MustTotal: 10, MustFulfilled: 3, MustNotApplicable: 4);

        counts.Total.Should().Be(15);
        counts.MustBlocking.Should().Be(3);
        counts.PercentMustFulfilled.Should().Be(50.0, "3 of the 6 must-criteria that apply");
        new ReadinessCounts(0, 0, 0, 2, 2, 0, 2).PercentMustFulfilled.Should().Be(100.0, "no must-criterion applies");
        new ReadinessCounts(1, 0, 0, 0, 1, 0, 0).PercentMustFulfilled.Should().Be(0.0);
    }

    [Fact]
    public void StoredAssessments_AreListedByCriterionId_OneEach()
    {
        var heim = Heim.Create();
        var ids = heim.Resolve(Heim.Skole).Criteria.Where(c => c.FulfilledBy == Resolution.ResponsibleParty.Unit).Select(c => c.Criterion.Id).Take(3).Reverse().ToList();
        foreach (var id in ids)
        {
            heim = heim.RecordAssessment(Heim.Skole, id, Heim.Fulfilled());
        }

        heim = heim.RecordAssessment(Heim.Skole, ids[0], Heim.Fulfilled("ola@heim.kommune.no"));

        heim.AssessmentsAt(heim.PositionOf(Heim.Skole)).Select(a => a.CriterionId).Should().Equal(ids.Order());
        heim.AssessmentsAt(heim.PositionOf(Heim.Barnehage)).Should().BeEmpty();
    }

    [Fact]
    public void Readiness_CountsUnitsOwnCriteriaInTheTotals_AndNamesWhoFulfilsEachBlockingCriterion()
    {
        var heim = Heim.Create();
        var school = heim.GetReadiness(Heim.Skole);
        school.Blocking.Should().Contain(b => b.FulfilledBy == Resolution.ResponsibleParty.Headquarters)
            .And.Contain(b => b.FulfilledBy == Resolution.ResponsibleParty.Unit);
        var own = heim.Resolve(Heim.Skole).Criteria.First(c => c.FulfilledBy == Resolution.ResponsibleParty.Unit && c.Criterion.Obligation == Core.Catalog.Obligation.Must);

        var total = heim.RecordAssessment(Heim.Skole, own.Criterion.Id, Heim.Fulfilled()).GetReadiness().Counts;

        total.MustFulfilled.Should().Be(heim.GetReadiness().Counts.MustFulfilled + 1);
        heim.GetReadiness().Counts.Total.Should().Be(heim.GetReadiness().Units.Sum(u => u.Counts.Total)
            - heim.GetReadiness().Units.Skip(1).Sum(u => heim.Resolve(u.Unit.Id).Criteria.Count(c => c.FulfilledBy == Resolution.ResponsibleParty.Headquarters)),
            "what headquarters fulfils for a unit is counted once, at headquarters");
        heim.GetReadiness().Themes.Sum(t => t.Counts.MustFulfilled).Should().Be(heim.GetReadiness().Counts.MustFulfilled);
    }
}
