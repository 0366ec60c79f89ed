using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Json.Schema;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Json;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using Miljofyrtarn.Core.Resolution;
using Miljofyrtarn.Core.Tests.Lifecycle;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Contracts;

/// <summary>A command from a request does exactly what its typed method does, with the same guards; a bad one changes nothing.</summary>
public sealed class CommandTest
{
    [Fact]
    public void EachCommand_DoesWhatItsTypedMethodDoes()
    {
        var clock = Clock();
        var viaCommands = Start(clock).Apply(new CompleteStartUpCommand(new LocalDate(2024, 1, 20)), Coordinator);
        var clock2 = Clock();
        var viaMethods = Start(clock2).CompleteStartUp(new LocalDate(2024, 1, 20), Coordinator);
        SetDate(clock, 2024, 3, 1);
        SetDate(clock2, 2024, 3, 1);

        void Both(LifecycleCommand command, Func<OrganisationLifecycle, OrganisationLifecycle> typed, string actor = Coordinator)
        {
            viaCommands = viaCommands.Apply(Read(command), actor);
            viaMethods = typed(viaMethods);
            LifecycleFingerprint.Of(viaCommands).Should().Be(LifecycleFingerprint.Of(viaMethods), command.Name);
        }

        Both(new AllocateCommand(1871, ResponsibleParty.Unit), l => l.Allocate(1871, ResponsibleParty.Unit, Coordinator));
        Both(new OpenMappingCommand(Heim.Raadhuset), l => l.OpenMapping(Heim.Raadhuset, Coordinator));
        foreach (var criterion in viaMethods.Organisation.Resolve(Heim.Raadhuset).Criteria.Where(c => c.FulfilledBy == ResponsibleParty.Unit))
        {
            Both(new RecordAssessmentCommand(Heim.Raadhuset, criterion.Criterion.Id, FulfilmentStatus.Fulfilled, "ok", null, [new EvidenceInput("https://heim.kommune.no/rutiner")]),
                l => l.RecordAssessment(Heim.Raadhuset, criterion.Criterion.Id, FulfilmentStatus.Fulfilled, Coordinator, "ok", evidence: [new EvidenceReference("https://heim.kommune.no/rutiner")]));
        }

        Both(new DeliverCommand(Heim.Raadhuset), l => l.Deliver(Heim.Raadhuset, Mayor), Mayor);
        Both(new CertifyCommand(Heim.Raadhuset, new CertifierInput(Kari.Id, Kari.Name, Kari.OrganisationNumber.Value), "MFT-1"), l => l.Certify(Heim.Raadhuset, Kari, "MFT-1"));
        var skole = new UnitInput(new UnitId("ny-skole"), "Ny skole", Sets: ["grunnskole-sfo"], MainSet: "grunnskole-sfo",
            Answers: Heim.Answers(true, false, false, true), Officer: new PersonInput("ny@heim.kommune.no", "Ny"), Management: [new PersonInput("leder.ny@heim.kommune.no", "Leder")]);
        Both(new AddUnitCommand(skole), l => l.AddUnit(skole.ToDefinition(), Coordinator));
        Both(new UpdateUnitCommand(skole with { Address = "Skolevegen 2" }), l => l.UpdateUnit(skole.ToDefinition() with { Address = "Skolevegen 2" }, Coordinator));
        Both(new RemoveUnitCommand(skole.Id), l => l.RemoveUnit(skole.Id, Coordinator));
        Both(new RecordFollowUpAuditCommand(Heim.Raadhuset), l => l.RecordFollowUpAudit(Heim.Raadhuset, Coordinator));
        Both(new WithdrawCommand(Heim.Raadhuset, "Flyttet"), l => l.Withdraw(Heim.Raadhuset, "Flyttet", Coordinator));
    }

    [Fact]
    public void ACommand_KeepsTheExpectedVersionCheck()
    {
        var heim = Start(Clock());

        var stale = () => heim.Apply(new CompleteStartUpCommand(new LocalDate(2024, 1, 20)), Coordinator, heim.Version - 1);

        stale.Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.ConcurrencyConflict);
    }

    public static TheoryData<string, string> Missing => new()
    {
        { """{"action":"deliver"}""", "$.unit" },
        { """{"action":"withdraw","unit":"raadhuset"}""", "$.reason" },
        { """{"action":"certify","unit":"raadhuset","certificateNumber":"X"}""", "$.certifier" },
        { """{"action":"certify","unit":"raadhuset","certifier":{"id":"k","name":"K"},"certificateNumber":"X"}""", "$.certifier.organisationNumber" },
        { """{"action":"addUnit","unit":{"id":"x"}}""", "$.unit.name" },
        { """{"action":"addUnit","unit":{"id":"x","name":"X","arrangement":"attached"}}""", "$.unit.host" },
        { """{"action":"correctAnnualReport","unit":"raadhuset","year":2025,"reason":"feil"}""", "$.content" },
    };

    [Theory]
    [MemberData(nameof(Missing))]
    public void AMissingField_IsRefusedWithItsPath_AndNothingChanges(string json, string path)
    {
        var heim = Start(Clock());
        var command = MiljofyrtarnJson.ReadCommand(Encoding.UTF8.GetBytes(json));

        var refused = heim.Invoking(h => h.Apply(command, Coordinator)).Should().Throw<MiljofyrtarnException>().Which;

        refused.Diagnostics.Should().Contain(d => d.Code == ErrorCodes.MissingProperty && d.Path == path);
        refused.Category.Should().Be(ErrorCategory.InvalidInput);
        heim.Version.Should().Be(Start(Clock()).Version);
    }

    [Fact]
    public void EveryCommandType_RoundTripsThroughJson_UnderItsActionName()
    {
        var types = typeof(LifecycleCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(LifecycleCommand))).ToList();
        LifecycleCommand[] samples =
        [
            new AddUnitCommand(new UnitInput(new UnitId("a"), "A")), new UpdateUnitCommand(new UnitInput(new UnitId("a"), "A")), new RemoveUnitCommand(new UnitId("a")),
            new AllocateCommand(1, ResponsibleParty.Headquarters), new RecordAssessmentCommand(new UnitId("a"), 1, FulfilmentStatus.NotApplicable, null, "n/a", null),
            new CompleteStartUpCommand(new LocalDate(2024, 1, 1)), new OpenMappingCommand(new UnitId("a")), new DeliverCommand(new UnitId("a")),
            new CertifyCommand(new UnitId("a"), new CertifierInput("k", "K", "974760673"), "N"), new SubmitAnnualReportCommand(new UnitId("a"), 2025, null),
            new CorrectAnnualReportCommand(new UnitId("a"), 2025, new ReportInput([]), "r"), new GrantPostponementCommand(new UnitId("a"), 2025, new LocalDate(2026, 6, 1)),
            new OpenRecertificationCommand(new UnitId("a")), new RecertifyCommand(new UnitId("a"), new CertifierInput("k", "K", "974760673"), "N"),
            new WithdrawCommand(new UnitId("a"), "r"), new ExpireCommand(new UnitId("a")), new ExpireCertificatesCommand(), new RecordFollowUpAuditCommand(new UnitId("a")),
            new RecomputeClimateAccountCommand(2025, "no-2025", new LocalDate(2026, 6, 30)),
            new SetClimateTargetCommand(2019, Scope2Method.LocationBased, [new TargetMilestone(2030, 55)], 1_200_000),
        ];
        samples.Select(s => s.GetType()).Should().BeEquivalentTo(types);

        var schema = ContractSchema.For("lifecycleCommand");
        foreach (var sample in samples)
        {
            var json = JsonSerializer.Serialize(sample, MiljofyrtarnJson.GetTypeInfo<LifecycleCommand>());
            json.Should().StartWith($"{{\"action\":\"{sample.Name}\"");
            var result = schema.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
            result.IsValid.Should().BeTrue($"{json} must match the command schema: {ContractSchema.Errors(result)}");
            Read(sample).Should().BeEquivalentTo(sample, o => o.RespectingRuntimeTypes());
        }
    }

    [Fact]
    public void ANumberTooLargeForADouble_IsRefusedAtItsPath()
    {
        var json = """{"action":"submitAnnualReport","unit":"raadhuset","year":2025,"content":{"figures":[{"code":"strom","value":1e999,"unit":"kilowattHour"}]}}""";

        var refused = FluentActions.Invoking(() => MiljofyrtarnJson.ReadCommand(Encoding.UTF8.GetBytes(json))).Should().Throw<MiljofyrtarnException>().Which;

        refused.Code.Should().Be(ErrorCodes.InvalidValue);
        refused.Diagnostics[0].Path.Should().Be("$.content.figures[0].value");
        refused.Diagnostics[0].Arguments[0].Should().Be("1e999");
    }

    [Theory]
    [InlineData("""{"action":"fly","unit":"raadhuset"}""")]
    [InlineData("""{"action":"deliver"}""")]
    [InlineData("""{"action":"deliver","unit":"raadhuset","colour":"green"}""")]
    [InlineData("""{"action":"allocate","criterion":1,"party":"everyone"}""")]
    [InlineData("""{"action":"deliver","unit":"raadhuset","name":"deliver"}""")]
    public void TheCommandSchema_RefusesWhatTheReaderRefuses(string json)
    {
        ContractSchema.For("lifecycleCommand").Evaluate(JsonNode.Parse(json)).IsValid.Should().BeFalse();
        FluentActions.Invoking(() => Start(Clock()).Apply(MiljofyrtarnJson.ReadCommand(Encoding.UTF8.GetBytes(json)), Coordinator)).Should().Throw<MiljofyrtarnException>();
    }

    [Fact]
    public void AStartCommand_MatchesItsSchema_AndStarts()
    {
        var json = """{"name":"Heim kommune","kind":"municipality","number":"964123454","headquarters":{"id":"raadhuset","name":"Rådhuset","mainSet":"felles-kommune-2023"}}""";

        ContractSchema.For("startOrganisation").Evaluate(JsonNode.Parse(json)).IsValid.Should().BeTrue();
        var started = MiljofyrtarnJson.ReadStartCommand(Encoding.UTF8.GetBytes(json)).Start(Miljofyrtarn.Core.Catalog.CriteriaCatalog.LoadDefault(), Coordinator, Clock());
        started.Organisation.Headquarters.Name.Should().Be("Rådhuset");
    }

    [Fact]
    public void TheActionName_MayComeAfterTheData()
    {
        MiljofyrtarnJson.ReadCommand("""{"unit":"raadhuset","action":"deliver"}"""u8).Should().Be(new DeliverCommand(Heim.Raadhuset));
    }

    private static LifecycleCommand Read(LifecycleCommand command) =>
        MiljofyrtarnJson.ReadCommand(JsonSerializer.SerializeToUtf8Bytes(command, MiljofyrtarnJson.GetTypeInfo<LifecycleCommand>()));
}
