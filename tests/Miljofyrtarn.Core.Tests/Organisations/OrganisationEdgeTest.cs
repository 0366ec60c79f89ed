using FluentAssertions;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Organisations;

/// <summary>
/// The organisation's edges, where mutation testing found untested places: nulls and undefined enum values at the API,
/// the value types' defaults, comparisons and equality, and the count of blocking criteria.
/// </summary>
public class OrganisationEdgeTest
{
    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.LoadDefault();

    private static IReadOnlyList<Diagnostic> Refused(Action action) =>
        FluentActions.Invoking(action).Should().Throw<MiljofyrtarnException>().Which.Diagnostics;

    [Fact]
    public void Create_RefusesNulls_AndListsEveryProblemWithItsCode()
    {
        FluentActions.Invoking(() => Organisation.Create(null!, "Heim", OrganisationKind.Municipality, Heim.Number, Heim.StartedOn, Heim.Headquarters()))
            .Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => Organisation.Create(Catalog, "Heim", OrganisationKind.Municipality, Heim.Number, Heim.StartedOn, null!))
            .Should().Throw<ArgumentNullException>();

        var problems = Refused(() => Organisation.Create(Catalog, " ", (OrganisationKind)42, default, Heim.StartedOn, Heim.Headquarters()));

        problems.Select(p => p.Code).Should().BeEquivalentTo([ErrorCodes.BlankText, ErrorCodes.InvalidOrganisationNumber, ErrorCodes.InvalidValue]);
        problems.Single(p => p.Code == ErrorCodes.BlankText).Arguments.Should().Equal("name");
        problems.Single(p => p.Code == ErrorCodes.InvalidOrganisationNumber).Arguments.Should().Equal(string.Empty);
        problems.Single(p => p.Code == ErrorCodes.InvalidValue).Arguments.Should().Equal("42", "Municipality, CountyMunicipality, Private, State");
        Refused(() => Organisation.Create(Catalog, "Heim", OrganisationKind.Municipality, Heim.Number, Heim.StartedOn, Heim.Headquarters() with { Name = " " }))
            .Select(p => p.Code).Should().Contain(ErrorCodes.BlankText, "headquarters' own problems are refused too");
    }

    [Fact]
    public void Operations_RefuseNullsAndUndefinedValues_AndLeaveTheOrganisationAsItWas()
    {
        var heim = Heim.Create();
        var before = OrganisationState.Fingerprint(heim);

        FluentActions.Invoking(() => heim.UpdateUnit(null!, Heim.StartedOn)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => heim.RecordAssessment(Heim.Raadhuset, 7, null!)).Should().Throw<ArgumentNullException>();
        Refused(() => heim.AddUnit(Heim.Unit(new UnitId("ny"), "Ny", "barnehage", kitchen: false), (UnitRole)9, Heim.StartedOn))
            .Should().ContainSingle(p => p.Code == ErrorCodes.InvalidValue).Which.Arguments.Should().Equal("9", "Headquarters, Unit");
        Refused(() => heim.Allocate(7, (ResponsibleParty)5)).Should().ContainSingle().Which.Arguments.Should().Equal("5", "Headquarters, Unit");

        OrganisationState.Fingerprint(heim).Should().Be(before);
    }

    [Fact]
    public void Allocating_ToTheCatalogsHint_RemovesTheOverride()
    {
        var heim = Heim.Create();
        var byHeadquarters = Catalog.Criteria.First(c => c.FulfilledBy == ResponsibilityHint.Headquarters && !c.IsRetired);
        var byUnits = Catalog.Criteria.First(c => c.FulfilledBy == ResponsibilityHint.EachUnit && !c.IsRetired);

        heim.Allocate(byHeadquarters.Id, ResponsibleParty.Headquarters).Should().BeSameAs(heim);
        heim.Allocate(byUnits.Id, ResponsibleParty.Unit).Should().BeSameAs(heim);
        var moved = heim.Allocate(byHeadquarters.Id, ResponsibleParty.Unit);
        moved.AllocationOverrides.Should().ContainKey(byHeadquarters.Id);
        moved.Allocate(byHeadquarters.Id, ResponsibleParty.Headquarters).AllocationOverrides.Should().BeEmpty();
    }

    [Fact]
    public void CountBlocking_CountsTheMustCriteriaNeitherFulfilledNorNotApplicable_IncludingThoseHeadquartersFulfils()
    {
        var heim = Heim.Create();
        var school = heim.PositionOf(Heim.Skole);

        heim.CountBlocking(school).Should().Be(heim.GetReadiness(Heim.Skole).Blocking.Length);
        var own = heim.Resolve(Heim.Skole).Criteria.First(c => c.FulfilledBy == ResponsibleParty.Unit && c.Criterion.Obligation == Obligation.Must);
        var byHeadquarters = heim.Resolve(Heim.Skole).Criteria.First(c => c.FulfilledBy == ResponsibleParty.Headquarters && c.Criterion.Obligation == Obligation.Must);
        var progressed = heim.RecordAssessment(Heim.Skole, own.Criterion.Id, Heim.Fulfilled())
            .RecordAssessment(Heim.Raadhuset, byHeadquarters.Criterion.Id, Heim.Fulfilled());
        progressed.CountBlocking(school).Should().Be(heim.CountBlocking(school) - 2);
        progressed.RecordAssessment(Heim.Skole, own.Criterion.Id, new CriterionAssessment(FulfilmentStatus.InProgress, NodaTime.Instant.FromUtc(2024, 3, 2, 9, 0), "miljo@heim.kommune.no"))
            .CountBlocking(school).Should().Be(heim.CountBlocking(school) - 1, "in progress still blocks");
        heim.PositionOf(new UnitId("ghost")).Should().Be(-1);
    }

    [Fact]
    public void TheValueTypes_Defaults_Equality_AndOrder()
    {
        default(UnitId).Value.Should().BeEmpty();
        default(OrganisationNumber).Value.Should().BeEmpty();
        default(OrganisationNumber).GetHashCode().Should().Be(0);
        OrganisationNumber.Parse("974760673").GetHashCode().Should().Be(OrganisationNumber.Parse("974 760 673").GetHashCode());
        (OrganisationNumber.Parse("974760673") != OrganisationNumber.Parse("964123454")).Should().BeTrue();
        (OrganisationNumber.Parse("974760673") != OrganisationNumber.Parse("974 760 673")).Should().BeFalse();
        OrganisationNumber.TryParse(null, out _).Should().BeFalse();
        Refused(() => OrganisationNumber.Parse(null!)).Single().Arguments.Should().Equal(string.Empty);
        Refused(() => _ = new UnitId(null!)).Single().Arguments.Should().Equal(string.Empty);

        var a = new UnitId("a");
        var same = new UnitId("a");
        var b = new UnitId("b");
        (a < b).Should().BeTrue();
        (b < a).Should().BeFalse();
        (a < same).Should().BeFalse();
        (b > a).Should().BeTrue();
        (a > b).Should().BeFalse();
        (a > same).Should().BeFalse();
        (a <= same).Should().BeTrue();
        (b <= a).Should().BeFalse();
        (a <= b).Should().BeTrue();
        (a >= same).Should().BeTrue();
        (a >= b).Should().BeFalse();
        (b >= a).Should().BeTrue();
    }

    [Fact]
    public void APerson_NeedsAnIdAndAName_AndAUnitShowsItsIdAndName()
    {
        Refused(() => _ = new Person(" ", " ")).Select(p => p.Arguments[0]).Should().Equal("person.id", "person.name");
        Heim.Create().GetUnit(Heim.Raadhuset).ToString().Should().Be("raadhuset (Rådhuset)");
    }
}
