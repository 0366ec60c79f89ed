using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Organisations;

/// <summary>
/// A criterion only a unit's industry set has, allocated to headquarters: HK then fulfils it for that unit, whether the
/// allocation came before or after the unit, and the organisation it was done on is left as it was.
/// </summary>
public class AllocationToHeadquartersTest
{
    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.LoadDefault();

    /// <summary>An unconditional kindergarten criterion that headquarters does not have and the units fulfil by default.</summary>
    private static Criterion KindergartenOnly(Organisation heim) => Catalog.GetSet("barnehage").Criteria.First(c =>
        c.AppliesWhen is null && c.FulfilledBy == ResponsibilityHint.EachUnit
        && heim.Resolve(Heim.Raadhuset).Criteria.All(r => r.Criterion != c));

    [Fact]
    public void AllocatingAUnitsOwnCriterionToHeadquarters_GivesItToHeadquarters_ForThatUnit()
    {
        var heim = Heim.Create();
        var criterion = KindergartenOnly(heim);

        var allocated = heim.Allocate(criterion.Id, ResponsibleParty.Headquarters);

        var atHeadquarters = allocated.Resolve(Heim.Raadhuset).Criteria.Single(r => r.Criterion == criterion);
        atHeadquarters.DemandedBy.Should().Equal(Heim.Barnehage);
        atHeadquarters.Sets.Should().BeEmpty("HK has it only because a unit allocated it there");
        allocated.GetStatus(Heim.Barnehage, criterion.Id).FulfilledBy.Should().Be(ResponsibleParty.Headquarters);
        allocated.GetReadiness(Heim.Raadhuset).Counts.Total.Should().Be(heim.GetReadiness(Heim.Raadhuset).Counts.Total + 1);
        heim.Resolve(Heim.Raadhuset).Criteria.Should().NotContain(r => r.Criterion == criterion, "the organisation it was allocated on is unchanged");
    }

    [Fact]
    public void AUnitAddedAfterTheAllocation_HandsTheCriterionToHeadquarters_WithoutChangingTheOrganisationBefore()
    {
        var full = Heim.Create();
        var criterion = KindergartenOnly(full);
        var withoutKindergarten = full.RemoveUnit(Heim.Barnehage).Allocate(criterion.Id, ResponsibleParty.Headquarters);
        withoutKindergarten.Resolve(Heim.Raadhuset).Criteria.Should().NotContain(r => r.Criterion == criterion, "no unit needs it yet");

        var withKindergarten = withoutKindergarten.AddUnit(full.GetUnit(Heim.Barnehage).Definition, Heim.StartedOn);

        withKindergarten.Resolve(Heim.Raadhuset).Criteria.Should().ContainSingle(r => r.Criterion == criterion)
            .Which.DemandedBy.Should().Equal(Heim.Barnehage);
        withKindergarten.GetReadiness(Heim.Raadhuset).Counts.Total.Should().Be(withoutKindergarten.GetReadiness(Heim.Raadhuset).Counts.Total + 1);
        withoutKindergarten.Resolve(Heim.Raadhuset).Criteria.Should().NotContain(r => r.Criterion == criterion, "adding a unit copies headquarters' roles, never edits them");
        withoutKindergarten.GetReadiness(Heim.Raadhuset).Counts.Total.Should().Be(withoutKindergarten.Allocate(criterion.Id, ResponsibleParty.Unit).GetReadiness(Heim.Raadhuset).Counts.Total);
    }

    [Fact]
    public void AResolvedCriterion_ShowsItsCriterionAndWhoFulfilsIt() =>
        Heim.Create().Resolve(Heim.Skole).Criteria.First(r => r.FulfilledBy == ResponsibleParty.Headquarters).ToString().Should().EndWith("[Headquarters]");
}
