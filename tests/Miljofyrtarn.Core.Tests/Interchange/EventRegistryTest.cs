using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Reporting;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Resolution;
using Miljofyrtarn.Core.Tests.Lifecycle;
using Miljofyrtarn.Core.Tests.Reporting;
using NodaTime;
using Xunit;
using Heim = Miljofyrtarn.Core.Tests.Organisations.Heim;

namespace Miljofyrtarn.Core.Tests.Interchange;

/// <summary>
/// Every event type is registered once, and the registry, the schema, the reader and the writer agree on it: a new event
/// that misses any part fails here, not silently in a stored history.
/// </summary>
public class EventRegistryTest
{
    private static readonly Instant At = Instant.FromUtc(2025, 3, 1, 9, 0);

    private static readonly Type[] EventTypes =
        [.. typeof(LifecycleEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(LifecycleEvent)) && !t.IsAbstract).OrderBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>One event of each type, with every field set; a new event type needs a sample here.</summary>
    private static readonly Dictionary<Type, LifecycleEvent> Samples = new LifecycleEvent[]
    {
        new OrganisationCreated(1, At, "ordforer", "2024.1", "Heim kommune", OrganisationKind.Municipality, Heim.Number, Heim.StartedOn, Heim.Unit(Heim.Raadhuset, "Rådhuset", "kontor", kitchen: true)),
        new UnitAdded(2, At, "ordforer", Heim.Unit(Heim.Barnehage, "Solsikken barnehage", "barnehage", kitchen: true)),
        new UnitUpdated(3, At, "ordforer", Heim.Unit(Heim.Barnehage, "Solsikken barnehage og SFO", "barnehage", kitchen: false)),
        new UnitRemoved(4, At, "ordforer", Heim.Skole),
        new ResponsibilityAllocated(5, At, "ordforer", 7, ResponsibleParty.Headquarters),
        new AssessmentRecorded(6, At, "ordforer", Heim.Barnehage, 2101, new CriterionAssessment(FulfilmentStatus.Fulfilled, At, "ordforer", "ok")),
        new StartUpCompleted(7, At, "ordforer", new LocalDate(2025, 2, 28)),
        new MappingOpened(8, At, "ordforer", Heim.Barnehage),
        new MappingDelivered(9, At, "ordforer", Heim.Barnehage),
        new UnitCertified(10, At, HeimLifecycle.Kari.Id, Heim.Barnehage, HeimLifecycle.Kari, "2025-0042", Recertification: false),
        new AnnualReportSubmitted(11, At, "ordforer", Heim.Barnehage, 2024, ReportBuilder.Report(Heim.Barnehage.Value, 2024), new FactorSetReference("no-2024", new LocalDate(2025, 6, 30))),
        new PostponementGranted(12, At, "ordforer", Heim.Barnehage, 2024, new LocalDate(2025, 5, 1)),
        new RecertificationOpened(13, At, "ordforer", Heim.Barnehage, "common-municipality-2024"),
        new CertificateWithdrawn(14, At, "stiftelsen", Heim.Barnehage, "closed"),
        new CertificateExpired(15, At, OrganisationLifecycle.SystemActor, Heim.Barnehage),
        new AnnualReportCorrected(16, At, "ordforer", Heim.Barnehage, 2024, ReportBuilder.Report(Heim.Barnehage.Value, 2024), "a typo in the FTE figure"),
        new FollowUpAuditRecorded(17, At, HeimLifecycle.Kari.Id, Heim.Barnehage),
        new RoleGranted(18, At, HeimLifecycle.Coordinator, "ola@heim.kommune.no", SchemeRole.UnitContact, Heim.Barnehage),
        new RoleRevoked(19, At, HeimLifecycle.Coordinator, "ola@heim.kommune.no", SchemeRole.UnitContact, Heim.Barnehage),
        new CertifierAssigned(20, At, "stiftelsen@miljofyrtarn.no", HeimLifecycle.Kari),
        new ClimateAccountRecomputed(21, At, "ordforer", 2024, new FactorSetReference("no-2024", new LocalDate(2025, 6, 30))),
        new ClimateTargetSet(22, At, "ordforer", ClimateTarget.Create(2019, Scope2Method.MarketBased, [new TargetMilestone(2030, 55), new TargetMilestone(2050, 95)], 1_200_000)),
    }.ToDictionary(e => e.GetType());

    public static TheoryData<string> EventTypeNames() => [.. EventTypes.Select(t => t.Name)];

    [Fact]
    public void EveryEventType_HasExactlyOneEntry_AndEveryEntryAType()
    {
        EventRegistry.All.Select(e => e.EventType).Should().OnlyHaveUniqueItems();
        EventRegistry.All.Select(e => e.Name).Should().OnlyHaveUniqueItems();
        EventRegistry.All.Select(e => e.EventType).Should().BeEquivalentTo(EventTypes);
    }

    [Fact]
    public void TheSchema_ListsTheRegisteredTypes_InOrder_WithTheirRequiredFields()
    {
        var schema = JsonNode.Parse(HistoryJson.GetJsonSchema())!;
        var @event = schema["$defs"]!["event"]!;
        var names = @event["properties"]!["type"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());
        names.Should().Equal(EventRegistry.All.Select(e => e.Name));

        var required = @event["allOf"]!.AsArray().ToDictionary(
            rule => rule!["if"]!["properties"]!["type"]!["const"]!.GetValue<string>(),
            rule => rule!["then"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToList());
        foreach (var entry in EventRegistry.All)
        {
            required.Should().ContainKey(entry.Name);
            required[entry.Name].Should().Equal(entry.RequiredFields, "the schema's fragment for {0} is the registry's", entry.Name);
        }

        required.Keys.Should().BeEquivalentTo(EventRegistry.All.Select(e => e.Name));
    }

    [Theory]
    [MemberData(nameof(EventTypeNames))]
    public void EachEventType_IsWrittenAndReadBack_ToTheSameDocument(string typeName)
    {
        var type = EventTypes.Single(t => t.Name == typeName);
        Samples.Should().ContainKey(type, "every event type needs a sample in this test");
        var sample = Samples[type];

        var written = HistoryJson.WriteEvent(sample);
        var read = HistoryJson.ReadEvent(written);

        read.Should().BeOfType(type);
        read.Sequence.Should().Be(sample.Sequence);
        read.OccurredAt.Should().Be(sample.OccurredAt);
        read.Actor.Should().Be(sample.Actor);
        Encoding.UTF8.GetString(HistoryJson.WriteEvent(read)).Should().Be(Encoding.UTF8.GetString(written));

        var document = JsonNode.Parse(written)!.AsObject();
        document["type"]!.GetValue<string>().Should().Be(EventRegistry.Of(sample).Name);
        foreach (var field in EventRegistry.Of(sample).RequiredFields)
        {
            document.ContainsKey(field).Should().BeTrue("the writer writes every field the schema requires of {0}, including {1}", typeName, field);
        }
    }

    [Theory]
    [MemberData(nameof(EventTypeNames))]
    public void EachRequiredField_WhenMissing_IsACodedRefusalAtItsPath(string typeName)
    {
        var sample = Samples[EventTypes.Single(t => t.Name == typeName)];
        foreach (var field in EventRegistry.Of(sample).RequiredFields)
        {
            var document = JsonNode.Parse(HistoryJson.WriteEvent(sample))!.AsObject();
            document.Remove(field);

            var refused = FluentActions.Invoking(() => HistoryJson.ReadEvent(Encoding.UTF8.GetBytes(document.ToJsonString())))
                .Should().Throw<MiljofyrtarnException>().Which;

            refused.Diagnostics.Should().Contain(d => d.Code == ErrorCodes.MissingProperty && d.Path == "$." + field, "{0} requires {1}", typeName, field);
        }
    }

    [Theory]
    [InlineData("unit")]
    [InlineData("year")]
    public void ASubmissionWithoutContent_MissingAField_IsACodedRefusal(string field)
    {
        var document = JsonNode.Parse(HistoryJson.WriteEvent(new AnnualReportSubmitted(11, At, "ordforer", Heim.Barnehage, 2024)))!.AsObject();
        document.Remove(field);

        FluentActions.Invoking(() => HistoryJson.ReadEvent(Encoding.UTF8.GetBytes(document.ToJsonString())))
            .Should().Throw<MiljofyrtarnException>().Which.Diagnostics.Should().ContainSingle().Which.Path.Should().Be("$." + field);
    }

    [Fact]
    public void AnUnknownEventType_IsRefusedWithItsName_NotReadAsAnotherEvent()
    {
        var document = JsonNode.Parse(HistoryJson.WriteEvent(Samples[typeof(CertificateExpired)]))!.AsObject();
        document["type"] = "certificateRevoked";

        var refused = FluentActions.Invoking(() => HistoryJson.ReadEvent(Encoding.UTF8.GetBytes(document.ToJsonString())))
            .Should().Throw<MiljofyrtarnException>().Which;

        refused.Diagnostics.Should().ContainSingle(d => d.Code == ErrorCodes.InvalidValue && d.Path == "$.type")
            .Which.Arguments.Should().Contain("certificateRevoked");
    }

    [Fact]
    public void TheSetOfEvents_IsClosed_AnotherAssemblyCannotDeriveOne()
    {
        // An internal abstract member cannot be overridden outside the library, so no other assembly can define an
        // event the registry, replay and the schema do not know.
        typeof(LifecycleEvent).GetMethods(BindingFlags.Instance | BindingFlags.NonPublic)
            .Should().Contain(m => m.IsAbstract && m.IsAssembly && m.Name == "Evolve");
    }
}
