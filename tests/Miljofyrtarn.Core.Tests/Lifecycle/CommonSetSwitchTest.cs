using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime.Testing;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Lifecycle;

/// <summary>
/// A newer common-criteria version: headquarters' recertification is mapped on it, the units keep the version of the
/// last approved responsibility allocation until HK's recertification is approved, then switch with it
/// (stiftelsen.miljofyrtarn.no, veiledning-endringer-for-hovedkontor-kommuner).
/// </summary>
public class CommonSetSwitchTest
{
    private const string Old = "felles-2016";
    private const string Newer = "felles-kommune-2023";

    /// <summary>A criterion of the municipal version that the 2016 version does not have.</summary>
    private const int MunicipalOnly = 1025;

    [Fact]
    public void OpenRecertification_OfHeadquarters_MapsHeadquartersOnTheNewerVersion_WhileTheUnitsKeepTheOld()
    {
        var (heim, _) = HeadquartersRecertifying();

        heim.Organisation.CommonSet.Id.Should().Be(Old, "the units' version until HK's recertification is approved");
        heim.Organisation.PendingCommonSet!.Id.Should().Be(Newer);
        heim.Organisation.HeadquartersCommonSet.Id.Should().Be(Newer);
        heim.Organisation.Headquarters.Sets[0].Id.Should().Be(Newer);
        heim.Organisation.Headquarters.MainSet!.Id.Should().Be(Newer, "a main set that was the old common set follows HK's switch");
        heim.Organisation.Units.Should().OnlyContain(u => u.Sets[0].Id == Old);
        CriteriaOf(heim, Heim.Raadhuset).Should().Contain(MunicipalOnly);
        CriteriaOf(heim, Heim.Skole).Should().NotContain(MunicipalOnly, "the school keeps the old version");
        FluentActions.Invoking(() => heim.UpdateUnit(heim.Organisation.GetUnit(Heim.Skole).Definition with { Name = "Heim barneskole" }, Coordinator))
            .Should().NotThrow();
        FluentActions.Invoking(() => heim.UpdateUnit(heim.Organisation.Headquarters.Definition with { Name = "Heim rådhus" }, Coordinator))
            .Should().NotThrow("HK's definition follows its version");
    }

    [Fact]
    public void ARecertificationOpenedByAUnit_WhileHeadquartersIsPending_StaysOnTheOldVersion()
    {
        var (heim, clock) = HeadquartersRecertifying();
        SetDate(clock, 2025, 10, 1);

        heim = heim.OpenRecertification(Heim.Skole, Coordinator);

        heim.History[^1].Should().BeOfType<RecertificationOpened>().Which.CommonSetId.Should().Be(Old);
        heim.Organisation.GetUnit(Heim.Skole).Sets[0].Id.Should().Be(Old);
        heim.Organisation.PendingCommonSet!.Id.Should().Be(Newer);
    }

    [Fact]
    public void ApprovingHeadquartersRecertification_SwitchesEveryUnitToTheNewerVersion()
    {
        var (heim, clock) = HeadquartersRecertifying();
        heim = FulfilAll(heim, Heim.Raadhuset);
        heim = heim.Deliver(Heim.Raadhuset, ManagerOf(heim, Heim.Raadhuset));
        heim.Organisation.Units.Should().OnlyContain(u => u.Sets[0].Id == Old, "delivering is not approval");
        SetDate(clock, 2025, 8, 1);

        heim = heim.Recertify(Heim.Raadhuset, Kari, "HK-2025");

        heim.Organisation.CommonSet.Id.Should().Be(Newer);
        heim.Organisation.PendingCommonSet.Should().BeNull();
        heim.Organisation.AllUnits.Should().OnlyContain(u => u.Sets[0].Id == Newer);
        CriteriaOf(heim, Heim.Skole).Should().Contain(MunicipalOnly, "the municipal version's criteria now apply to the units");
        FluentActions.Invoking(() => heim.UpdateUnit(heim.Organisation.GetUnit(Heim.Skole).Definition with { Name = "Heim barneskole" }, Coordinator))
            .Should().NotThrow("definitions are switched too");
        Replayed(heim).Organisation.CommonSet.Id.Should().Be(Newer, "replaying the history gives the same switch");
    }

    [Fact]
    public void ASnapshot_WhileHeadquartersIsPending_KeepsBothVersions()
    {
        var (heim, _) = HeadquartersRecertifying();

        var json = SnapshotJson.Write(heim);
        JsonNode.Parse(Encoding.UTF8.GetString(json))!["pendingCommonSetId"]!.GetValue<string>().Should().Be(Newer);
        var read = SnapshotJson.Read(json, heim.Organisation.Catalog, Clock(2025, 6, 2));

        read.Organisation.CommonSet.Id.Should().Be(Old);
        read.Organisation.PendingCommonSet!.Id.Should().Be(Newer);
        read.Organisation.Headquarters.Sets[0].Id.Should().Be(Newer);
        read.Organisation.GetUnit(Heim.Skole).Sets[0].Id.Should().Be(Old);
        SnapshotJson.Write(read).Should().Equal(json);
    }

    [Theory]
    [InlineData(Newer, ErrorCodes.ImpossibleState, "because headquarters is certified, with nothing pending")]
    [InlineData("grunnskole-sfo", ErrorCodes.InvalidValue, "because it is not a common set")]
    [InlineData(Old, ErrorCodes.InvalidValue, "because it is the organisation's own version")]
    [InlineData("felles-1999", ErrorCodes.UnknownSet, "because the catalog has no such set")]
    public void ASnapshotWithAnImpossiblePendingVersion_IsRefusedAtItsPath(string pending, string code, string because)
    {
        var clock = Clock(2022, 10, 3);
        var heim = Start(clock, headquarters: Heim.Headquarters() with { MainSetId = Old }).CompleteStartUp(new NodaTime.LocalDate(2022, 10, 10), Coordinator);
        heim = Certify(heim, Heim.Raadhuset, "HK-2022");
        var root = JsonNode.Parse(Encoding.UTF8.GetString(SnapshotJson.Write(heim)))!.AsObject();
        root["pendingCommonSetId"] = pending;
        root["units"]![0]!["mainSetId"] = pending; // HK's main set follows its version, as the writer would have it

        var refused = FluentActions.Invoking(() => SnapshotJson.Read(Encoding.UTF8.GetBytes(root.ToJsonString()), heim.Organisation.Catalog, clock))
            .Should().Throw<MiljofyrtarnException>().Which.Diagnostics;

        refused.Should().Contain(d => d.Code == code && d.Path == "$.pendingCommonSetId", because);
    }

    /// <summary>Heim started in autumn 2022 on the 2016 version; HK and the school are certified; on 1 June 2025 HK opens its recertification.</summary>
    private static (OrganisationLifecycle Heim, FakeClock Clock) HeadquartersRecertifying()
    {
        var clock = Clock(2022, 10, 3);
        var heim = Start(clock, headquarters: Heim.Headquarters() with { MainSetId = Old });
        heim.Organisation.AllUnits.Should().OnlyContain(u => u.Sets[0].Id == Old);
        heim = Certify(heim.CompleteStartUp(new NodaTime.LocalDate(2022, 10, 10), Coordinator), Heim.Raadhuset, "HK-2022");
        heim = Certify(heim, Heim.Skole, "UE-2022");
        SetDate(clock, 2025, 6, 1);
        return (heim.OpenRecertification(Heim.Raadhuset, Coordinator), clock);
    }

    private static IEnumerable<int> CriteriaOf(OrganisationLifecycle heim, Core.Organisations.UnitId unit) =>
        heim.Organisation.Resolve(unit).Criteria.Select(c => c.Criterion.Id);

    private static OrganisationLifecycle Replayed(OrganisationLifecycle lifecycle) =>
        OrganisationLifecycle.Replay(lifecycle.Organisation.Catalog, lifecycle.History, Clock(2025, 8, 2));
}
