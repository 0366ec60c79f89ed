using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Tests.Docs;
using Miljofyrtarn.Core.Tests.Lifecycle;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;
using static Miljofyrtarn.Core.Tests.Roles.GovernedHeim;

namespace Miljofyrtarn.Core.Tests.Roles;

/// <summary>Roles in the history and the snapshot: written, read back, replayed; and the histories written before roles.</summary>
public class RoleHistoryTest
{
    [Fact]
    public void AGovernedHistory_IsWrittenReadAndReplayed_WithItsRolesAndAssignment()
    {
        var clock = Clock();
        var lifecycle = WithCertifiedHeadquarters(clock).RevokeRole(Reader, SchemeRole.Reader, null, Coordinator)
            .GrantRole(ContactOf(Heim.Skole), SchemeRole.Consultant, Heim.Skole, Coordinator);

        var content = HistoryJson.Read(HistoryJson.Write(lifecycle.Organisation.Catalog.Version, lifecycle.History));
        content.Events.Select(e => (e.GetType(), e.Sequence, e.Actor)).Should().Equal(lifecycle.History.Select(e => (e.GetType(), e.Sequence, e.Actor)));
        var replayed = OrganisationLifecycle.Replay(lifecycle.Organisation.Catalog, content.Events, clock);

        replayed.IsGoverned.Should().BeTrue();
        replayed.RoleGrants.Select(Describe).Should().Equal(lifecycle.RoleGrants.Select(Describe));
        replayed.AssignedCertifier.Should().Be(lifecycle.AssignedCertifier);
        LifecycleFingerprint.Of(replayed).Should().Be(LifecycleFingerprint.Of(lifecycle));
    }

    [Fact]
    public void ASnapshot_KeepsTheRoles_SoARestoredOrganisationIsStillGoverned()
    {
        var clock = Clock();
        var lifecycle = WithCertifiedHeadquarters(clock).RevokeRole(Reader, SchemeRole.Reader, null, Coordinator);

        var restored = SnapshotJson.Read(SnapshotJson.Write(lifecycle), lifecycle.Organisation.Catalog, clock);

        restored.IsGoverned.Should().BeTrue();
        restored.RoleGrants.Select(Describe).Should().Equal(lifecycle.RoleGrants.Select(Describe));
        restored.AssignedCertifier.Should().Be(lifecycle.AssignedCertifier);
        restored.GetRoles(Coordinator).Should().Equal(SchemeRole.Coordinator);
        var refused = () => restored.RecordAssessment(Heim.Raadhuset, 1, Core.Assessment.FulfilmentStatus.Fulfilled, Reader);
        refused.Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.ActorLacksRole, "the revoked reader is a reader no more after a restore");
    }

    [Fact]
    public void ASnapshotWhoseRolesDoNotHoldTogether_IsRefused_AtTheirPath()
    {
        var lifecycle = Start(Clock());
        var document = System.Text.Json.Nodes.JsonNode.Parse(SnapshotJson.Write(lifecycle))!.AsObject();
        document["roles"]!["governed"] = false;
        document["roles"]!["grants"]![0]!["unit"] = "finnes-ikke";

        var refused = FluentActions.Invoking(() => SnapshotJson.Read(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString()), lifecycle.Organisation.Catalog, Clock()))
            .Should().Throw<MiljofyrtarnException>().Which;

        refused.Diagnostics.Select(d => (d.Code, d.Path)).Should().Contain((ErrorCodes.UnknownUnit, "$.roles.grants[0].unit"));
    }

    [Fact]
    public void EveryHistoryFileInTheTests_WrittenBeforeRoles_ReplaysUnderTheNewRules_WithTheRolesItsActionsImply()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "tests"), "*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && File.ReadAllText(f).Contains("history.schema.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        files.Should().NotBeEmpty();

        var catalog = CriteriaCatalog.LoadDefault();
        var replayed = 0;
        foreach (var file in files)
        {
            HistoryContent content;
            try
            {
                content = HistoryJson.Read(File.ReadAllBytes(file), new InterchangeOptions { AllowUnverifiedHistory = true });
            }
            catch (MiljofyrtarnException refused) when (file.Contains($"{Path.DirectorySeparatorChar}fuzz{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                // The fuzz corpus holds documents that must be refused; they are refused as before, with a code.
                refused.Code.Should().StartWith("MFT");
                continue;
            }

            var clock = new FakeClock(content.Events[^1].OccurredAt + Duration.FromDays(1));
            var lifecycle = OrganisationLifecycle.Replay(catalog, content.Events, clock);
            lifecycle.IsGoverned.Should().BeFalse($"{file} was written before roles");
            lifecycle.GetRoles(content.Events[0].Actor).Should().Contain(SchemeRole.Coordinator, $"whoever created the organisation in {file} is its coordinator");
            foreach (var e in content.Events.OfType<MappingDelivered>())
            {
                lifecycle.GetRoles(e.Actor, e.Unit).Should().Contain(SchemeRole.Management, $"whoever delivered in {file} was management");
            }

            replayed++;
        }

        replayed.Should().BeGreaterThan(0);
    }

    private static string Describe(RoleGrant g) => $"{g.Person} {g.Role} {g.Unit} {g.GrantedAt} {g.GrantedBy} {g.RevokedAt} {g.RevokedBy}";
}
