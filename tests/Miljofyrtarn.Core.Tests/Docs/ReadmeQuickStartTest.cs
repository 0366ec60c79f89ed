using System.Collections.Immutable;
using FluentAssertions;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Organisations;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Docs;

public class ReadmeQuickStartTest
{
    [Fact]
    public void QuickStart_RunsAndPrintsWhatTheReadmeSays()
    {
        // The README's snippet writes to Console; this local shadows System.Console to capture it.
        var Console = new StringWriter();

        #region quickstart
        // The illustrative catalog embedded in the package: one call, no files.
        var catalog = CriteriaCatalog.LoadDefault();

        // Which common criteria does a municipality starting on 1 September 2024 follow?
        var common = catalog.SelectCommonSet(OrganisationKind.Municipality, new LocalDate(2024, 9, 1));
        Console.WriteLine(common.Name.Get(Language.English));   // Common criteria, municipalities and county municipalities

        // O(1), allocation-free lookups; retired criteria point to their replacement.
        var criterion = catalog.GetCriterion(1868);
        Console.WriteLine(catalog.ResolveActive(criterion).Id);  // 1871

        // Heim kommune: the town hall as headquarters (HK), a kindergarten as an underlying unit (UE).
        var startedOn = new LocalDate(2024, 1, 15);
        var heim = Organisation.Create(catalog, "Heim kommune", OrganisationKind.Municipality,
                OrganisationNumber.Parse("964 123 454"), startedOn,
                new UnitDefinition(new UnitId("raadhuset"), "Rådhuset"))
            .AddUnit(new UnitDefinition(new UnitId("solsikken"), "Solsikken barnehage")
            {
                SetIds = ["barnehage"],
                MainSetId = "barnehage",
                Answers = ImmutableDictionary<string, bool>.Empty.Add("kitchen", true),
            }, startedOn);

        // HK publishes the annual climate and environment report (criterion 7) for everyone.
        heim = heim.RecordAssessment(new UnitId("raadhuset"), 7,
            new CriterionAssessment(FulfilmentStatus.Fulfilled, Instant.FromUtc(2024, 3, 1, 9, 0), "miljo@heim.kommune.no"));
        Console.WriteLine(heim.GetStatus(new UnitId("solsikken"), 7));  // EffectiveStatus { Status = Fulfilled, FulfilledBy = Headquarters }

        // What is left for Rådhuset before the certifier can come?
        var left = heim.GetReadiness(new UnitId("raadhuset"));
        Console.WriteLine($"{left.Blocking.Length} must-criteria left, {left.Counts.PercentMustFulfilled:F0} % done");
        #endregion

        Console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            .Should().Equal(
                "Common criteria, municipalities and county municipalities",
                "1871",
                "EffectiveStatus { Status = Fulfilled, FulfilledBy = Headquarters }",
                $"{left.Blocking.Length} must-criteria left, {left.Counts.PercentMustFulfilled:F0} % done");
        left.Blocking.Length.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Readme_ContainsTheQuickStartVerbatim()
    {
        var snippet = RepositoryFiles.Region("tests/Miljofyrtarn.Core.Tests/Docs/ReadmeQuickStartTest.cs", "quickstart");

        RepositoryFiles.Read("README.md").Replace("\r\n", "\n", StringComparison.Ordinal).Should().Contain(snippet);
    }

    [Fact]
    public void Readme_StatesTheTestCommandThatCiRuns()
    {
        const string command = "dotnet test Miljofyrtarn.Core.sln -c Release";

        RepositoryFiles.Read("README.md").Should().Contain(command);
        RepositoryFiles.Read(".ci/run").Should().Contain(command);
    }

    [Fact]
    public void ErrorCodesDocument_ListsEveryCode()
    {
        var document = RepositoryFiles.Read("docs/error-codes.md");

        foreach (var field in typeof(Miljofyrtarn.Core.Diagnostics.ErrorCodes).GetFields())
        {
            document.Should().Contain($"| {field.GetRawConstantValue()} | `{field.Name}` |");
        }
    }
}
