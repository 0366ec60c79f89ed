using System.Collections.Immutable;
using System.Text;
using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Tests.Lifecycle;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Localization;

/// <summary>
/// What a Norwegian coordinator reads is Norwegian all through: no English from System.Text.Json or the runtime inside
/// a Bokmål or Nynorsk message, no stray separators or line breaks, and units named by their names.
/// </summary>
public class WholeNorwegianTest
{
    /// <summary>Fragments of System.Text.Json's and the runtime's own English messages.</summary>
    private static readonly string[] EnglishFromTheRuntime =
    [
        "The JSON", "could not be converted", "is an invalid", "invalid JSON", "Path:", "LineNumber", "BytePosition", "System.",
        "Expected", "expected", "must be", "is not", "Cannot", "cannot be", "Object reference", "must not", "an object", "a string",
        "'{' ", "end of", "start of", "after", " | ",
    ];

    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.LoadDefault();

    public static TheoryData<string> Codes() => [.. typeof(ErrorCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryCode_RendersInEachLanguage_OnOneLine_WithoutTheRuntimesEnglish(string code)
    {
        var diagnostic = new Diagnostic(code, ["<a>", "<b>", "<c>", "<d>"], "$.x", 3, 7);

        foreach (var language in new[] { Language.NorwegianBokmal, Language.NorwegianNynorsk, Language.English })
        {
            var text = diagnostic.ToString(language);
            text.Should().NotContain("\n").And.NotContain(" |").And.StartWith(code);
        }

        foreach (var language in new[] { Language.NorwegianBokmal, Language.NorwegianNynorsk })
        {
            diagnostic.GetMessage(language).Should().NotContainAny(EnglishFromTheRuntime.Where(e => e.Length > 4));
        }
    }

    /// <summary>Broken documents of every class the readers refuse, and the problems they report.</summary>
    private static IEnumerable<Diagnostic> DocumentProblems()
    {
        var snapshot = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "snapshot.v1.json"));
        var history = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "history.v1.json"));
        var catalog = Encoding.UTF8.GetString(Catalog.ToUtf8Json());
        var broken = new List<string>
        {
            "not json", "{", "{\"a\":1}{}", "[1,2,", "{\"schemaVersion\": \"one\"}", "{\"schemaVersion\": 1, \"schemaVersion\": 1}",
            snapshot.Replace("\"version\": 56", "\"version\": \"56\"", StringComparison.Ordinal),
            snapshot.Replace("\"startedOn\": \"2024-01-15\"", "\"startedOn\": \"15.01.2024\"", StringComparison.Ordinal),
            snapshot.Replace("\"lastEventAt\": \"", "\"lastEventAt\": 5, \"x\": \"", StringComparison.Ordinal),
            snapshot.Replace("\"criterionId\": 2101", "\"criterionId\": \"2101\"", StringComparison.Ordinal),
            snapshot.Replace("\"status\": \"fulfilled\"", "\"status\": 3", StringComparison.Ordinal),
            history.Replace("\"sequence\": 2,", "\"sequence\": true,", StringComparison.Ordinal),
            history.Replace("\"occurredAt\": \"2024-01-15T08:00:00Z\"", "\"occurredAt\": \"yesterday\"", StringComparison.Ordinal),
            history[..(history.Length / 2)],
            catalog.Replace("\"must\"", "\"sometimes\"", StringComparison.Ordinal),
            catalog.Replace("\"id\": 1001", "\"id\": \"1001\"", StringComparison.Ordinal).Replace("\"id\":1001", "\"id\":\"1001\"", StringComparison.Ordinal),
        };
        foreach (var text in broken)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            foreach (var read in new Action[]
            {
                () => CriteriaCatalog.Load(bytes),
                () => SnapshotJson.Read(bytes, Catalog, HeimLifecycle.Clock()),
                () => HistoryJson.Read(bytes),
            })
            {
                IReadOnlyList<Diagnostic> problems = [];
                try
                {
                    read();
                }
                catch (MiljofyrtarnException exception)
                {
                    problems = exception.Diagnostics;
                }

                foreach (var problem in problems)
                {
                    yield return problem;
                }
            }
        }
    }

    [Fact]
    public void DocumentProblems_AreNorwegianAllThrough_WithTheParsersTextKeptForDevelopers()
    {
        var problems = DocumentProblems().ToList();

        problems.Select(p => p.Code).Should().Contain([ErrorCodes.MalformedJson, ErrorCodes.WrongJsonType, ErrorCodes.DuplicateProperty, ErrorCodes.InvalidValue]);
        foreach (var problem in problems)
        {
            foreach (var language in new[] { Language.NorwegianBokmal, Language.NorwegianNynorsk })
            {
                problem.ToString(language).Should().NotContainAny(EnglishFromTheRuntime, "a Norwegian message has no English from the runtime: {0}", problem.ToString(Language.English))
                    .And.NotContain("\n");
            }
        }

        problems.Where(p => p.Code == ErrorCodes.MalformedJson).Should().OnlyContain(p => p.Detail != null, "the parser's own text stays available");
    }

    [Fact]
    public void LifecycleRefusals_NameUnitsByTheirNames()
    {
        var (lifecycle, _, _) = OrganisationLifecycleProperties.Run(OrganisationLifecycleProperties.HappyPathForTests.Take(9).ToImmutableArray());
        var named = lifecycle.Organisation.AllUnits.Where(u => u.Name != u.Id.Value).ToList();

        var reasons = lifecycle.Organisation.AllUnits.SelectMany(u => lifecycle.GetActions(u.Id)).SelectMany(a => a.Reasons).ToList();

        reasons.Should().NotBeEmpty();
        foreach (var reason in reasons)
        {
            foreach (var language in new[] { Language.NorwegianBokmal, Language.NorwegianNynorsk, Language.English })
            {
                var text = reason.GetMessage(language);
                named.Should().OnlyContain(u => !text.Contains($"«{u.Id.Value}»", StringComparison.Ordinal) && !text.Contains($"'{u.Id.Value}'", StringComparison.Ordinal), text);
            }
        }

        reasons.Select(r => r.GetMessage(Language.NorwegianBokmal)).Should().Contain(m => m.Contains("«Rådhuset»", StringComparison.Ordinal));
    }
}
