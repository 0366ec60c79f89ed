using FluentAssertions;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Testing;
using Miljofyrtarn.Core.Tests.Organisations;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Assessment;

public class ReadinessOracleTest
{
    private static void ShouldAgreeWithLinq(Organisation organisation)
    {
        var expected = LinqReadiness.Compute(organisation);
        var actual = organisation.GetReadiness().Units
            .Select(u => new LinqReadiness.Result(u.Unit.Id.Value, u.Counts, [.. u.Themes.Select(t => (t.Theme.Id, t.Counts))], [.. u.Blocking.Select(b => b.Criterion.Id)]))
            .ToList();

        actual.Should().BeEquivalentTo(expected, options => options.WithStrictOrdering());
    }

    [Fact]
    public void Readiness_OfHeim_AgreesWithTheLinqOracle()
    {
        var heim = Heim.Create().RecordAssessment(Heim.Raadhuset, 7, Heim.Fulfilled()).RecordAssessment(Heim.Skole, 1012, Heim.Fulfilled());

        ShouldAgreeWithLinq(heim);
    }

    [Fact]
    public void Readiness_OfALargeMunicipality_AgreesWithTheLinqOracle()
    {
        var organisation = LargeMunicipality.Create(units: 40);

        organisation.AllUnits.Should().HaveCount(41);
        organisation.Catalog.Criteria.Should().HaveCount(1000);
        organisation.Catalog.Sets.Should().HaveCount(80);
        ShouldAgreeWithLinq(organisation);
    }
}
