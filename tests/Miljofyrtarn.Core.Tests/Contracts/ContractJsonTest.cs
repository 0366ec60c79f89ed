using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Json.Schema;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Json;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Reporting;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Contracts;

/// <summary>Every web contract serialises as documented: valid against its schema, no NodaTime or struct internals, in each language form.</summary>
public sealed class ContractJsonTest
{
    private static readonly LeftOutActivity[] NoWasteFactors = [new("waste-recycled", "ingen faktor"), new("waste-residual", "ingen faktor")];

    /// <summary>Heim with HK and the kindergarten certified and HK's 2025 report in, on 1 March 2026.</summary>
    private static readonly Lazy<OrganisationLifecycle> Reported = new(() =>
    {
        var clock = Clock();
        var heim = WithCertifiedHeadquarters(clock);
        heim = Certify(heim, Heim.Barnehage, "MFT-UE-1");
        SetDate(clock, 2026, 3, 1);
        var report = heim.CreateReport(Heim.Raadhuset, 2025, Reporting.ReportBuilder.TownHall(), [new ReportGoal("Mindre strøm", 2027, "strom", 280_000, 2025)], ["Varmepumper"]);
        return heim.SubmitAnnualReport(Heim.Raadhuset, 2025, Coordinator, report);
    });

    /// <summary>Each contract with the schema definition it must match, in one language or all three.</summary>
    private static IEnumerable<(string Definition, string Json)> Contracts(ContractLanguage language)
    {
        var heim = Reported.Value;
        yield return ("organisationOverview", Write(heim.ToOverview(language)));
        yield return ("organisationReadiness", Write(ContractViews.ToView(heim.Organisation.GetReadiness(), language)));
        yield return ("unitReadiness", Write(ContractViews.ToView(heim.Organisation.GetReadiness(Heim.Skole), language)));
        yield return ("resolution", Write(heim.Organisation.ToResolutionView(Heim.Barnehage, language)));
        yield return ("assessments", Write(heim.Organisation.ToAssessmentViews(Heim.Raadhuset)));
        yield return ("actions", Write(heim.ToActionViews(Heim.Skole, Coordinator, language)));
        yield return ("deadlines", Write(ContractViews.ToViews(new DeadlineSchedule(heim).Between(new LocalDate(2024, 1, 1), new LocalDate(2028, 12, 31)), language)));
        yield return ("annualReport", Write(heim.ToReportView(Heim.Raadhuset, 2025, language)!));
        yield return ("climateAccount", Write(heim.ToClimateAccountView(2025, null, NoWasteFactors)));
        var targeted = heim.SetClimateTarget(ClimateTarget.Create(2025, Scope2Method.LocationBased, [new TargetMilestone(2030, 55), new TargetMilestone(2050, 95)]), Coordinator);
        yield return ("climateTarget", Write(targeted.ToClimateTargetView(null, NoWasteFactors)!));
        yield return ("streamPage", Write(new Page<StreamSummary>([new StreamSummary("964123454", 42)], "964123454")));
    }

    [Theory]
    [InlineData("nb")]
    [InlineData("nn")]
    [InlineData("en")]
    [InlineData("all")]
    public void EveryContract_ValidatesAgainstItsSchema(string language)
    {
        foreach (var (definition, json) in Contracts(ContractLanguage.FromRequest(language, null)))
        {
            var result = Schema(definition).Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });

            result.IsValid.Should().BeTrue($"{definition} must match its schema: {ContractSchema.Errors(result)}\n{json[..Math.Min(json.Length, 600)]}");
        }
    }

    [Theory]
    [InlineData("\"id\":\"raadhuset\"", "\"id\":{\"value\":\"raadhuset\"}")]
    [InlineData("\"today\":\"2026-03-01\"", "\"today\":\"01.03.2026\"")]
    [InlineData("\"state\":\"certified\"", "\"state\":3")]
    [InlineData("\"overdue\":0", "\"overdue\":0,\"extra\":1")]
    public void TheSchema_RefusesTheShapesItExistsToPrevent(string written, string leaked)
    {
        var json = Write(Reported.Value.ToOverview(Language.NorwegianBokmal));
        json.Should().Contain(written);

        Schema("organisationOverview").Evaluate(JsonNode.Parse(json.Replace(written, leaked, StringComparison.Ordinal))).IsValid.Should().BeFalse();
    }

    [Fact]
    public void NoContract_LeaksANodaTimeOrStructInternal()
    {
        string[] internals = ["\"calendar\"", "\"era\"", "\"yearOfEra\"", "\"dayOfWeek\"", "\"dayOfYear\"", "\"ticks\"", "\"nanosecond", "\"unixTime", "{\"value\":\"", "\"isDefault\""];
        foreach (var (definition, json) in Contracts(ContractLanguage.All))
        {
            foreach (var item in internals)
            {
                json.Should().NotContain(item, $"{definition} must not leak an internal shape");
            }
        }
    }

    [Fact]
    public void Values_AreWrittenAsPeopleExpect()
    {
        var overview = JsonNode.Parse(Write(Reported.Value.ToOverview(Language.NorwegianBokmal)))!;

        overview["units"]![0]!["id"]!.GetValue<string>().Should().Be("raadhuset");
        overview["units"]![0]!["certificate"]!["validFrom"]!.GetValue<string>().Should().Be("2024-03-01");
        overview["units"]![0]!["state"]!.GetValue<string>().Should().Be("certified");
        overview["units"]![0]!["name"]!.GetValue<string>().Should().Be("Rådhuset");
        overview["today"]!.GetValue<string>().Should().Be("2026-03-01");
        var report = JsonNode.Parse(Write(Reported.Value.ToReportView(Heim.Raadhuset, 2025, Language.NorwegianNynorsk)!))!;
        report["submittedAt"]!.GetValue<string>().Should().MatchRegex("^2026-03-01T0[0-9]:[0-9]{2}:[0-9]{2}Z$");
        report["figures"]!.AsArray().Should().Contain(f => (string?)f!["code"] == "sykefravaer" && (string?)f["name"] == "Sjukefråvær");
    }

    [Fact]
    public void TheReadinessOfAUnit_IsSmall_NotTheWholeCatalog()
    {
        var json = Write(ContractViews.ToView(Reported.Value.Organisation.GetReadiness(Heim.Skole), Language.NorwegianBokmal));

        json.Length.Should().BeLessThan(8_000);
        JsonNode.Parse(json)!["blocking"]!.AsArray().Should().NotBeEmpty();
    }

    [Fact]
    public void Configure_MakesAHostsOptionsWriteTheContractsTheSameWay()
    {
        var options = MiljofyrtarnJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var overview = Reported.Value.ToOverview(ContractLanguage.All);

        var viaHost = JsonSerializer.Serialize(overview, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<OrganisationOverview>)options.GetTypeInfo(typeof(OrganisationOverview)));

        JsonNode.DeepEquals(JsonNode.Parse(viaHost), JsonNode.Parse(Write(overview))).Should().BeTrue();
        var converters = options.Converters.Count;
        MiljofyrtarnJson.Configure(options).TypeInfoResolverChain.Count(r => ReferenceEquals(r, MiljofyrtarnJson.TypeInfoResolver)).Should().Be(1, "configuring twice adds nothing");
        options.Converters.Should().HaveCount(converters);
    }

    [Fact]
    public void TheReadinessViews_ReadBackEqual_AndStrictly()
    {
        var readiness = ContractViews.ToView(Reported.Value.Organisation.GetReadiness(), ContractLanguage.All);

        var read = JsonSerializer.Deserialize(Write(readiness), MiljofyrtarnJson.GetTypeInfo<OrganisationReadinessView>())!;

        read.Should().BeEquivalentTo(readiness);
        var blocking = """{"criterion":1,"title":"T","theme":"energi","status":"fulfilled","fulfilledBy":"unit"}""";
        JsonSerializer.Deserialize(blocking, MiljofyrtarnJson.GetTypeInfo<BlockingCriterionView>()).Should().Be(
            new BlockingCriterionView(1, ContractText.Of("T"), "energi", Miljofyrtarn.Core.Assessment.FulfilmentStatus.Fulfilled, Miljofyrtarn.Core.Resolution.ResponsibleParty.Unit));
        foreach (var bad in new[] { blocking.Replace("\"unit\"", "\"nobody\"", StringComparison.Ordinal), blocking.Replace(",\"theme\":\"energi\"", string.Empty, StringComparison.Ordinal), blocking.Replace("{", "{\"x\":1,", StringComparison.Ordinal), blocking.Replace("1,", "\"1\",", StringComparison.Ordinal) })
        {
            FluentActions.Invoking(() => JsonSerializer.Deserialize(bad, MiljofyrtarnJson.GetTypeInfo<BlockingCriterionView>())).Should().Throw<JsonException>(bad);
        }

        var theme = """{"theme":"energi","name":{"nb":"Energi","nn":"Energi","en":"Energy"},"counts":{"notStarted":1,"inProgress":0,"fulfilled":2,"notApplicable":0,"mustTotal":3,"mustFulfilled":2,"mustNotApplicable":0,"mustBlocking":1}}""";
        JsonSerializer.Deserialize(theme, MiljofyrtarnJson.GetTypeInfo<ThemeReadinessView>())!.Counts.MustBlocking.Should().Be(1);
        FluentActions.Invoking(() => JsonSerializer.Deserialize(theme.Replace("\"counts\"", "\"tally\"", StringComparison.Ordinal), MiljofyrtarnJson.GetTypeInfo<ThemeReadinessView>())).Should().Throw<JsonException>();
    }

    [Fact]
    public void AContract_ReadsBackEqual()
    {
        var overview = Reported.Value.ToOverview(ContractLanguage.All);

        var read = JsonSerializer.Deserialize(Write(overview), MiljofyrtarnJson.GetTypeInfo<OrganisationOverview>())!;

        read.Units.Should().BeEquivalentTo(overview.Units);
        read.PhaseName.Should().Be(overview.PhaseName);
        read.Today.Should().Be(overview.Today);
    }

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, MiljofyrtarnJson.GetTypeInfo<T>());

    private static JsonSchema Schema(string definition) => ContractSchema.For(definition);
}
