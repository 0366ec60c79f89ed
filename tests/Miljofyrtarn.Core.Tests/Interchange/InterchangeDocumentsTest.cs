using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Json.Schema;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Tests.Docs;
using Miljofyrtarn.Core.Tests.Lifecycle;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Interchange;

public class InterchangeDocumentsTest
{
    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.LoadDefault();

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static JsonObject Snapshot() => JsonNode.Parse(Fixture("snapshot.v1.json"))!.AsObject();

    private static JsonObject History() => JsonNode.Parse(Fixture("history.v1.json"))!.AsObject();

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

    private static IReadOnlyList<Diagnostic> SnapshotRefused(byte[] json, InterchangeOptions? options = null) =>
        FluentActions.Invoking(() => SnapshotJson.Read(json, Catalog, HeimLifecycle.Clock(), options: options)).Should().Throw<MiljofyrtarnException>().Which.Diagnostics;

    // The fixtures are version 1 documents (without hashes), read only when allowed explicitly.
    private static readonly InterchangeOptions Unverified = new() { AllowUnverifiedHistory = true };

    private static IReadOnlyList<Diagnostic> HistoryRefused(byte[] json, InterchangeOptions? options = null) =>
        FluentActions.Invoking(() => HistoryJson.Read(json, options ?? Unverified)).Should().Throw<MiljofyrtarnException>().Which.Diagnostics;

    [Fact]
    public void Fixtures_OfSchemaVersion1_LoadAndAgree()
    {
        var (catalogVersion, events) = HistoryJson.Read(Fixture("history.v1.json"), Unverified);
        var replayed = OrganisationLifecycle.Replay(Catalog, events, HeimLifecycle.Clock(2026, 3, 10));
        var snapshot = SnapshotJson.Read(Fixture("snapshot.v1.json"), Catalog, HeimLifecycle.Clock(2026, 3, 10));

        catalogVersion.Should().Be(Catalog.Version);
        LifecycleFingerprint.Of(snapshot).Should().Be(LifecycleFingerprint.Of(replayed), "the snapshot is the fold of the history");
        snapshot.Version.Should().Be(events.Length);
        snapshot.History.Should().BeEmpty("a restored lifecycle's history starts after the snapshot");
        snapshot.Organisation.GetAssessment(Tests.Organisations.Heim.Barnehage, 2101)!.Evidence.Should().ContainSingle();
    }

    [Fact]
    public void ARestoredLifecycle_ContinuesItsHistoryFromTheSnapshotVersion()
    {
        var clock = HeimLifecycle.Clock(2026, 3, 11);
        var snapshot = SnapshotJson.Read(Fixture("snapshot.v1.json"), Catalog, clock);

        var next = snapshot.SubmitAnnualReport(Tests.Organisations.Heim.Skole, 2025, HeimLifecycle.Coordinator);

        next.History.Should().ContainSingle().Which.Sequence.Should().Be(snapshot.Version + 1);
    }

    public static TheoryData<string> Documents() => new("snapshot", "history");

    [Theory]
    [MemberData(nameof(Documents))]
    public void ShippedDocuments_ValidateAgainstTheirSchemas(string kind)
    {
        var schema = JsonSchema.FromText(kind == "snapshot" ? SnapshotJson.GetJsonSchema() : HistoryJson.GetJsonSchema());
        var lifecycle = OrganisationLifecycleProperties.Run(OrganisationLifecycleProperties.HappyPathForTests).Lifecycle;
        var written = kind == "snapshot" ? SnapshotJson.Write(lifecycle) : HistoryJson.Write(Catalog.Version, lifecycle.History);

        foreach (var document in new[] { written, Fixture($"{kind}.v1.json") })
        {
            var result = schema.Evaluate(JsonNode.Parse(document), new EvaluationOptions { OutputFormat = OutputFormat.List });
            result.IsValid.Should().BeTrue(string.Join("; ", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }

        File.ReadAllText(Path.Combine(RepositoryFiles.Root, "schemas", $"{kind}.schema.json")).Should().Be(kind == "snapshot" ? SnapshotJson.GetJsonSchema() : HistoryJson.GetJsonSchema());
    }

    [Fact]
    public void Schemas_RejectWhatTheReaderRejects()
    {
        var schema = JsonSchema.FromText(SnapshotJson.GetJsonSchema());
        var document = Snapshot();
        document["units"]![0]!["lifecycle"]!["state"] = "sleeping";

        schema.Evaluate(document).IsValid.Should().BeFalse();
        SnapshotRefused(Bytes(document)).Should().Contain(d => d.Code == ErrorCodes.InvalidValue);
    }

    [Theory]
    [InlineData("{\"schemaVersion\": 1,")]
    [InlineData("{} {}")]
    [InlineData("{ // comment\n}")]
    public void Malformed_IsRefused(string json)
    {
        SnapshotRefused(Encoding.UTF8.GetBytes(json)).Single().Code.Should().Be(ErrorCodes.MalformedJson);
        HistoryRefused(Encoding.UTF8.GetBytes(json)).Single().Code.Should().Be(ErrorCodes.MalformedJson);
    }

    [Fact]
    public void TrailingContent_IsRefused()
    {
        var json = Fixture("snapshot.v1.json").Concat(Encoding.UTF8.GetBytes("\n{}")).ToArray();

        SnapshotRefused(json).Single().Code.Should().Be(ErrorCodes.MalformedJson);
    }

    [Fact]
    public void MissingRequiredProperty_IsRefusedWithItsPathAndLine()
    {
        var document = Snapshot();
        document["units"]![1]!.AsObject().Remove("name");

        var problem = SnapshotRefused(Bytes(document)).Single();

        problem.Code.Should().Be(ErrorCodes.MissingProperty);
        problem.Path.Should().Be("$.units[1].name");
        problem.Line.Should().BeGreaterThan(1);
    }

    [Fact]
    public void UnknownEnumValue_IsRefused()
    {
        var document = History();
        document["events"]![3]!["type"] = "unitTeleported";

        var problem = HistoryRefused(Bytes(document)).Single();
        problem.Code.Should().Be(ErrorCodes.InvalidValue);
        problem.Path.Should().Be("$.events[3].type");
    }

    [Fact]
    public void WrongType_IsRefused()
    {
        var document = History();
        document["events"]![2]!["sequence"] = "three";

        var problem = HistoryRefused(Bytes(document)).Single();
        problem.Code.Should().Be(ErrorCodes.WrongJsonType);
        problem.Path.Should().Be("$.events[2].sequence");
    }

    [Fact]
    public void MalformedInstant_IsRefusedAsAWrongValue()
    {
        var document = History();
        document["events"]![2]!["occurredAt"] = "yesterday";

        HistoryRefused(Bytes(document)).Single().Path.Should().Be("$.events[2].occurredAt");
    }

    [Fact]
    public void DuplicatePropertyNames_AreRefused()
    {
        var json = Encoding.UTF8.GetString(Fixture("snapshot.v1.json")).Replace("\"name\": \"Heim kommune\",", "\"name\": \"Heim kommune\", \"name\": \"Borte kommune\",", StringComparison.Ordinal);

        var problem = SnapshotRefused(Encoding.UTF8.GetBytes(json)).Single();
        problem.Code.Should().Be(ErrorCodes.DuplicateProperty);
        problem.Path.Should().Be("$.name");
    }

    [Fact]
    public void DocumentsDeeperOrLargerThanTheLimits_AreRefused()
    {
        SnapshotRefused(Fixture("snapshot.v1.json"), new InterchangeOptions { MaxDepth = 3 }).Single().Code.Should().Be(ErrorCodes.DocumentTooDeep);
        SnapshotRefused(Fixture("snapshot.v1.json"), new InterchangeOptions { MaxBytes = 1000 }).Single().Code.Should().Be(ErrorCodes.DocumentTooLarge);
        HistoryRefused(Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000))).Single().Code.Should().Be(ErrorCodes.DocumentTooDeep);
    }

    [Fact]
    public void ReferencesThatDoNotResolve_AreRefused()
    {
        var document = Snapshot();
        var certificates = document["units"]![0]!["lifecycle"]!["certificates"]![0]!;
        certificates["units"]!.AsArray().Add("ghost-unit");
        document["units"]![2]!["assessments"] = new JsonArray(new JsonObject { ["criterionId"] = 999_999, ["status"] = "fulfilled", ["recordedAt"] = "2024-03-01T08:00:00Z", ["recordedBy"] = "x" });
        document["units"]![3]!["setIds"] = new JsonArray("planetarium");
        document["commonSetId"] = "felles-1999";

        var problems = SnapshotRefused(Bytes(document));

        problems.Select(p => (p.Code, p.Path)).Should().Contain([
            (ErrorCodes.UnknownUnit, "$.units[0].lifecycle.certificates[0].units"),
            (ErrorCodes.UnknownCriterion, "$.units[2].assessments[0].criterionId"),
            (ErrorCodes.UnknownSet, "$.commonSetId"),
        ]);
    }

    [Fact]
    public void ProblemsInsideAssessments_AreReportedAtTheirExactPath()
    {
        var document = Snapshot();
        var assessments = document["units"]![0]!["assessments"]!.AsArray();
        assessments[0]!["status"] = "almostDone";
        assessments[1]!["criterionId"] = "seven";
        assessments[2]!.AsObject().Remove("recordedBy");
        assessments[3]!["mood"] = "happy";
        assessments[4]!["evidence"] = new JsonArray(new JsonObject { ["reference"] = "x.pdf", ["sha256"] = "abc" });
        assessments[5]!["recordedAt"] = "yesterday";

        var problems = SnapshotRefused(Bytes(document)).Select(p => (p.Code, p.Path)).ToList();

        problems.Should().BeEquivalentTo([
            (ErrorCodes.InvalidValue, "$.units[0].assessments[0].status"),
            (ErrorCodes.WrongJsonType, "$.units[0].assessments[1].criterionId"),
            (ErrorCodes.MissingProperty, "$.units[0].assessments[2].recordedBy"),
            (ErrorCodes.UnknownProperty, "$.units[0].assessments[3].mood"),
            (ErrorCodes.InvalidSha256, "$.units[0].assessments[4].evidence[0]"),
            (ErrorCodes.InvalidValue, "$.units[0].assessments[5].recordedAt"),
        ]);
    }

    [Fact]
    public void EveryKindOfBadAssessmentRecord_IsReportedAtItsPath_WithWhatWasExpected()
    {
        var document = Snapshot();
        var assessments = document["units"]![0]!["assessments"]!.AsArray();
        assessments[0] = 5;
        assessments[1]!["status"] = 3;
        assessments[2]!["evidence"] = "x.pdf";
        assessments[3]!["criterionId"] = 1.5;
        assessments[4]!["evidence"] = new JsonArray(7, new JsonObject { ["reference"] = 8 }, new JsonObject { ["reference"] = "a.pdf", ["validUntil"] = "31.12.2026", ["page"] = 2 });
        assessments[5]!.AsObject().Remove("status");
        assessments[5]!.AsObject().Remove("recordedAt");
        assessments[5]!.AsObject().Remove("criterionId");

        var problems = SnapshotRefused(Bytes(document));

        problems.Select(p => (p.Code, p.Path, string.Join("|", p.Arguments))).Should().BeEquivalentTo([
            (ErrorCodes.WrongJsonType, "$.units[0].assessments[0]", "object"),
            (ErrorCodes.WrongJsonType, "$.units[0].assessments[1].status", "text"),
            (ErrorCodes.WrongJsonType, "$.units[0].assessments[2].evidence", "array"),
            (ErrorCodes.WrongJsonType, "$.units[0].assessments[3].criterionId", "integer"),
            (ErrorCodes.WrongJsonType, "$.units[0].assessments[4].evidence[0]", "object"),
            (ErrorCodes.WrongJsonType, "$.units[0].assessments[4].evidence[1].reference", "text"),
            (ErrorCodes.BlankText, "$.units[0].assessments[4].evidence[1]", "evidence.reference"),
            (ErrorCodes.InvalidValue, "$.units[0].assessments[4].evidence[2].validUntil", "31.12.2026|yyyy-MM-dd"),
            (ErrorCodes.UnknownProperty, "$.units[0].assessments[4].evidence[2].page", "evidence[2].page"),
            (ErrorCodes.MissingProperty, "$.units[0].assessments[5].status", "status"),
            (ErrorCodes.MissingProperty, "$.units[0].assessments[5].recordedAt", "recordedAt"),
            (ErrorCodes.MissingProperty, "$.units[0].assessments[5].criterionId", "criterionId"),
        ]);
    }

    [Fact]
    public void AssessmentRecords_TakeNullsWhereTheyMayBeAbsent_AndAnExtendedInstant()
    {
        var document = Snapshot();
        var assessment = document["units"]![0]!["assessments"]![0]!;
        assessment["comment"] = null;
        assessment["justification"] = null;
        assessment["evidence"] = new JsonArray(new JsonObject { ["reference"] = "a.pdf", ["validUntil"] = null });
        assessment["recordedAt"] = "2024-03-01T08:00:00.5Z";

        var lifecycle = SnapshotJson.Read(Bytes(document), Catalog, HeimLifecycle.Clock());

        var read = lifecycle.Organisation.GetAssessment(lifecycle.Organisation.Headquarters.Id, assessment["criterionId"]!.GetValue<int>())!;
        read.RecordedAt.Should().Be(NodaTime.Instant.FromUtc(2024, 3, 1, 8, 0).Plus(NodaTime.Duration.FromMilliseconds(500)));
        read.Comment.Should().BeNull();
        read.Evidence.Should().ContainSingle().Which.ValidUntil.Should().BeNull();
    }

    [Fact]
    public void ADuplicatePropertyInsideAnAssessment_IsRefused()
    {
        var json = Encoding.UTF8.GetString(Fixture("snapshot.v1.json"));
        var at = json.IndexOf("\"recordedBy\":", StringComparison.Ordinal);
        json = json.Insert(at, "\"recordedBy\": \"someone else\", ");

        SnapshotRefused(Encoding.UTF8.GetBytes(json)).Should().ContainSingle(d => d.Code == ErrorCodes.DuplicateProperty);
    }

    [Fact]
    public void ReferencesAmongUnits_AreCheckedWhenTheOrganisationIsRebuilt()
    {
        var document = Snapshot();
        document["units"]![3]!["setIds"] = new JsonArray("planetarium");
        document["units"]![4]!["role"] = "headquarters";

        SnapshotRefused(Bytes(document)).Select(p => p.Code).Should().Contain([ErrorCodes.UnknownSet, ErrorCodes.SecondHeadquarters]);
    }

    [Fact]
    public void UnknownProperties_AreRefusedByDefault_AndIgnoredWhenAsked()
    {
        var document = Snapshot();
        document["units"]![0]!["colour"] = "green";
        document["dashboardLayout"] = new JsonObject { ["columns"] = 3 };
        var json = Bytes(document);

        SnapshotRefused(json).Select(p => p.Path).Should().BeEquivalentTo(["$.units[0].colour", "$.dashboardLayout"]);
        SnapshotJson.Read(json, Catalog, HeimLifecycle.Clock(), options: new InterchangeOptions { UnknownProperties = UnknownPropertyHandling.Ignore })
            .Organisation.Name.Should().Be("Heim kommune");
    }

    [Fact]
    public void ARestoredLifecycle_RefusesActionsDatedBeforeTheSnapshot()
    {
        var snapshot = SnapshotJson.Read(Fixture("snapshot.v1.json"), Catalog, HeimLifecycle.Clock(2026, 3, 1));

        FluentActions.Invoking(() => snapshot.SubmitAnnualReport(Tests.Organisations.Heim.Skole, 2025, HeimLifecycle.Coordinator))
            .Should().Throw<MiljofyrtarnException>().Which.Code.Should().Be(ErrorCodes.TimeRunsBackwards);
    }

    [Fact]
    public void ANewerSchemaVersion_IsRefusedRatherThanMisread()
    {
        var snapshot = Snapshot();
        snapshot["schemaVersion"] = 2;
        var history = History();
        history["schemaVersion"] = HistoryJson.CurrentSchemaVersion + 1;

        SnapshotRefused(Bytes(snapshot)).Single().Should().Match<Diagnostic>(d => d.Code == ErrorCodes.UnsupportedSchemaVersion && d.Path == "$.schemaVersion");
        HistoryRefused(Bytes(history)).Single().Code.Should().Be(ErrorCodes.UnsupportedSchemaVersion);
    }

    [Fact]
    public void ASnapshotOfAnotherCatalogVersion_IsRefused()
    {
        var document = Snapshot();
        document["catalogVersion"] = "2099.1";

        SnapshotRefused(Bytes(document)).Should().Contain(d => d.Code == ErrorCodes.CatalogMismatch);
    }

    [Fact]
    public void ACorruptedHistory_ReadsButIsRefusedOnReplay()
    {
        var (_, events) = HistoryJson.Read(Fixture("history.v1.json"), Unverified);
        var reordered = events.ToList();
        (reordered[10], reordered[11]) = (reordered[11], reordered[10]);

        FluentActions.Invoking(() => OrganisationLifecycle.Replay(Catalog, reordered, HeimLifecycle.Clock())).Should().Throw<MiljofyrtarnException>()
            .Which.Code.Should().Be(ErrorCodes.CorruptHistory);
    }
}
