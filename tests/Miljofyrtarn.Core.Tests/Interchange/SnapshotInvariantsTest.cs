using System.Collections.Immutable;
using System.Text.Json.Nodes;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Tests.Lifecycle;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Interchange;

/// <summary>
/// Snapshots edited into states no sequence of actions can reach are refused with a coded error at the offending path.
/// Each class of impossible state is generated over random reachable states (the happy path followed by random steps).
/// </summary>
public class SnapshotInvariantsTest
{
    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.LoadDefault();

    /// <summary>One way of breaking a snapshot: its name, the code expected, and the edit of a unit with certificates.</summary>
    public sealed record Breakage(string Name, string Code, Action<JsonObject, JsonObject, JsonObject> Edit)
    {
        public override string ToString() => Name;
    }

    private static readonly ImmutableArray<Breakage> Breakages =
    [
        new("certified without a certificate", ErrorCodes.StateWithoutValidCertificate, (_, unit, lifecycle) =>
        {
            lifecycle["state"] = "certified";
            lifecycle.Remove("certificates");
            lifecycle.Remove("firstApprovedOn");
            lifecycle.Remove("reports");
        }),
        new("certified with a withdrawn certificate", ErrorCodes.StateWithoutValidCertificate, (_, _, lifecycle) =>
        {
            lifecycle["state"] = "certified";
            Current(lifecycle)["status"] = "withdrawn";
        }),
        new("a certificate that ends before it starts", ErrorCodes.PeriodEndsBeforeStart, (_, _, lifecycle) =>
        {
            var certificate = Current(lifecycle);
            certificate["validTo"] = DateOnly.Parse((string)certificate["validFrom"]!, System.Globalization.CultureInfo.InvariantCulture).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }),
        new("one certificate number on two certificates", ErrorCodes.InvalidCertificateNumber, (root, unit, lifecycle) =>
        {
            var other = Certified(root).First(u => u != unit);
            Current(lifecycle)["number"] = (string)Current((JsonObject)other["lifecycle"]!)["number"]!;
        }),
        new("a UE approved before HK was ever certified", ErrorCodes.ApprovedBeforeHeadquarters, (root, unit, lifecycle) =>
        {
            var hq = (JsonObject)((JsonArray)root["units"]!)[0]!["lifecycle"]!;
            var first = (string)hq["firstApprovedOn"]!;
            var before = DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture).AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var certificate = (JsonObject)((JsonArray)lifecycle["certificates"]!)[0]!;
            certificate["issuedOn"] = before;
            certificate["validFrom"] = before;
            lifecycle["firstApprovedOn"] = before;
            lifecycle.Remove("reports");
        }),
        new("version 0", ErrorCodes.InvalidValue, (root, _, _) => root["version"] = 0),
        new("a negative version", ErrorCodes.InvalidValue, (root, _, _) => root["version"] = -7),
    ];

    private static readonly Gen<(ImmutableArray<OrganisationLifecycleProperties.Step> Steps, int Unit, Breakage Breakage)> Cases =
        from rest in OrganisationLifecycleProperties.Steps.Select(s => s.Take(12).ToImmutableArray())
        from unit in Gen.Choose(0, 100)
        from breakage in Gen.Elements(Breakages.AsEnumerable())
        select (OrganisationLifecycleProperties.HappyPathForTests.AddRange(rest), unit, breakage);

    [Property(MaxTest = 60)]
    public Property EveryClassOfImpossibleSnapshot_IsRefusedWithItsCode() => Prop.ForAll(Cases.ToArbitrary(), @case =>
    {
        var (lifecycle, _, _) = OrganisationLifecycleProperties.Run(@case.Steps);
        var root = JsonNode.Parse(SnapshotJson.Write(lifecycle))!.AsObject();
        var certified = Certified(root).ToList();
        if (certified.Count(u => (string)u["role"]! != "headquarters") == 0 && @case.Breakage.Code == ErrorCodes.ApprovedBeforeHeadquarters || certified.Count < 2)
        {
            return true.Label("no unit to break in this state");
        }

        var units = @case.Breakage.Code == ErrorCodes.ApprovedBeforeHeadquarters ? certified.Where(u => (string)u["role"]! != "headquarters").ToList() : certified;
        var unit = units[@case.Unit % units.Count];
        @case.Breakage.Edit(root, unit, (JsonObject)unit["lifecycle"]!);

        var refused = FluentActions.Invoking(() => SnapshotJson.Read(System.Text.Encoding.UTF8.GetBytes(root.ToJsonString()), Catalog, HeimLifecycle.Clock(2040, 1, 1)))
            .Should().Throw<MiljofyrtarnException>().Which.Diagnostics;
        return refused.Any(d => d.Code == @case.Breakage.Code && d.Path is not null && d.Line is not null)
            .Label($"{@case.Breakage.Name}: {string.Join(" | ", refused.Select(d => d.ToString(Core.Localization.Language.English)))}");
    });

    [Fact]
    public void AnImpossibleState_IsReportedAtItsPathAndLine()
    {
        var (lifecycle, _, _) = OrganisationLifecycleProperties.Run(OrganisationLifecycleProperties.HappyPathForTests);
        var root = JsonNode.Parse(SnapshotJson.Write(lifecycle))!.AsObject();
        var lifecycleOfSchool = (JsonObject)((JsonArray)root["units"]!)[2]!["lifecycle"]!;
        Current(lifecycleOfSchool)["status"] = "superseded";

        var refused = FluentActions.Invoking(() => SnapshotJson.Read(System.Text.Encoding.UTF8.GetBytes(root.ToJsonString()), Catalog, HeimLifecycle.Clock(2040, 1, 1)))
            .Should().Throw<MiljofyrtarnException>().Which.Diagnostics;

        refused.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == ErrorCodes.StateWithoutValidCertificate && d.Path == "$.units[2].lifecycle.state" && d.Line == 1);
    }

    [Fact]
    public void AReachableState_IsAcceptedAndRewrittenIdentically()
    {
        var (lifecycle, _, _) = OrganisationLifecycleProperties.Run(OrganisationLifecycleProperties.HappyPathForTests);
        var written = SnapshotJson.Write(lifecycle);

        var read = SnapshotJson.Read(written, Catalog, HeimLifecycle.Clock(2040, 1, 1));

        SnapshotJson.Write(read).Should().Equal(written);
    }

    private static IEnumerable<JsonObject> Certified(JsonObject root) =>
        ((JsonArray)root["units"]!).Select(u => u!.AsObject()).Where(u => u["lifecycle"]?["certificates"] is JsonArray { Count: > 0 });

    private static JsonObject Current(JsonObject lifecycle)
    {
        var certificates = (JsonArray)lifecycle["certificates"]!;
        return certificates[^1]!.AsObject();
    }
}
