using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Tests.Lifecycle;
using NodaTime;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Diagnostics;

/// <summary>Each class of failure that once escaped as a runtime exception now surfaces as a coded, localised error.</summary>
public class CodedFailureTest
{
    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.LoadDefault();

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static MiljofyrtarnException Refused(Action action) => FluentActions.Invoking(action).Should().Throw<MiljofyrtarnException>().Which;

    public static TheoryData<string, int> InvalidUtf8Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var reader in new[] { "catalog", "snapshot", "history" })
        {
            // Invalid UTF-8 in the first property name, in a nested one, and a lone continuation byte.
            data.Add(reader, 0);
            data.Add(reader, 1);
            data.Add(reader, 2);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidUtf8Cases))]
    public void InvalidUtf8InAPropertyName_IsACodedError(string reader, int variant)
    {
        var text = reader switch
        {
            "catalog" => Encoding.UTF8.GetString(CriteriaCatalog.LoadDefault().ToUtf8Json()),
            "snapshot" => Encoding.UTF8.GetString(Fixture("snapshot.v1.json")),
            _ => Encoding.UTF8.GetString(Fixture("history.v1.json")),
        };
        var marker = variant == 1 ? LastPropertyName(text) : "\"schemaVersion\"";
        var at = Encoding.UTF8.GetByteCount(text[..text.IndexOf(marker, StringComparison.Ordinal)]) + 1;
        var bytes = Encoding.UTF8.GetBytes(text);
        bytes[at] = variant == 2 ? (byte)0x80 : (byte)0xC3;
        bytes[at + 1] = variant == 2 ? (byte)0x80 : (byte)0x28;

        var exception = Refused(() => Read(reader, bytes));

        exception.Code.Should().BeOneOf(ErrorCodes.MalformedJson, ErrorCodes.UnknownProperty, ErrorCodes.MissingProperty, ErrorCodes.WrongJsonType);
    }

    private static string LastPropertyName(string text)
    {
        var end = text.LastIndexOf("\":", StringComparison.Ordinal);
        var start = text.LastIndexOf('"', end - 1);
        return text[start..(end + 1)];
    }

    private static void Read(string reader, byte[] bytes)
    {
        switch (reader)
        {
            case "catalog":
                CriteriaCatalog.Load(bytes);
                break;
            case "snapshot":
                SnapshotJson.Read(bytes, Catalog, HeimLifecycle.Clock());
                break;
            default:
                HistoryJson.Read(bytes, Unverified);
                break;
        }
    }

    [Theory]
    [InlineData("9999-12-31T23:30:00Z", ErrorCodes.DateOutOfRange)]
    [InlineData("2201-06-01T00:00:00Z", ErrorCodes.DateOutOfRange)]
    [InlineData("1899-12-31T22:00:00Z", ErrorCodes.TimeRunsBackwards)]
    [InlineData("0001-01-01T00:00:00Z", ErrorCodes.DateOutOfRange)]
    public void ReplayingAnEventAtTheEdgeOfTheCalendar_IsACodedError(string instant, string code)
    {
        var history = JsonNode.Parse(Fixture("history.v1.json"))!.AsObject();
        var events = (JsonArray)history["events"]!;
        events[^1]!["occurredAt"] = instant;

        // A date outside 1900–2200 is refused as the document is read (issue 31); one inside, but before the event
        // before it, when the history is replayed.
        CodesOfReadingAndReplaying(history).Should().Contain(code);
    }

    private static readonly InterchangeOptions Unverified = new() { AllowUnverifiedHistory = true };

    /// <summary>The codes a history document is refused with: by its reader, or else by replaying what was read.</summary>
    private static IEnumerable<string> CodesOfReadingAndReplaying(JsonObject history, int take = int.MaxValue)
    {
        System.Collections.Immutable.ImmutableArray<LifecycleEvent> read;
        try
        {
            read = HistoryJson.Read(Encoding.UTF8.GetBytes(history.ToJsonString()), Unverified).Events;
        }
        catch (MiljofyrtarnException refused)
        {
            return refused.Diagnostics.Select(d => d.Code);
        }

        return Refused(() => OrganisationLifecycle.Replay(Catalog, read.Take(take), HeimLifecycle.Clock())).Diagnostics.Select(d => d.Code);
    }

    [Theory]
    [InlineData("9999-12-31T23:30:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void AnOrganisationCreatedAtTheEdgeOfTheCalendar_IsACodedError(string instant)
    {
        var history = JsonNode.Parse(Fixture("history.v1.json"))!.AsObject();
        var events = (JsonArray)history["events"]!;
        events[0]!["occurredAt"] = instant;

        CodesOfReadingAndReplaying(history, take: 1).Should().Contain(ErrorCodes.DateOutOfRange);
    }

    [Fact]
    public void APostponementToAYearFarAhead_IsACodedError()
    {
        var history = JsonNode.Parse(Fixture("history.v1.json"))!.AsObject();
        var events = (JsonArray)history["events"]!;
        var last = events[^1]!.AsObject();
        events.Add(new JsonObject
        {
            ["type"] = "postponementGranted",
            ["sequence"] = (long)last["sequence"]! + 1,
            ["occurredAt"] = (string)last["occurredAt"]!,
            ["actor"] = HeimLifecycle.Coordinator,
            ["unit"] = "raadhuset",
            ["year"] = 2025,
            ["dueOn"] = "9999-12-31",
        });

        CodesOfReadingAndReplaying(history).Should().Contain(ErrorCodes.DateOutOfRange);
    }

    [Fact]
    public void LoadFile_OnAMissingFile_IsFileNotFound_NamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "catalog.json");

        var exception = Refused(() => CriteriaCatalog.LoadFile(path));

        exception.Code.Should().Be(ErrorCodes.FileNotFound);
        exception.Diagnostics[0].Arguments.Should().Equal(path);
        exception.InnerException.Should().BeAssignableTo<IOException>();
    }

    [Fact]
    public void LoadFile_OnADirectory_IsFileNotReadable()
    {
        var exception = Refused(() => CriteriaCatalog.LoadFile(Path.GetTempPath()));

        exception.Code.Should().Be(ErrorCodes.FileNotReadable);
        exception.InnerException.Should().NotBeNull();
    }

    [Fact]
    public void TheLoadFileError_IsAlsoACatalogLoadException_SoExistingCatchesStillWork()
    {
        var exception = Refused(() => CriteriaCatalog.LoadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));

        exception.Should().BeOfType<CatalogLoadException>();
    }

    public static TheoryData<string, string> AbsurdValues() => new()
    {
        { "start with a blank actor", ErrorCodes.BlankText },
        { "a negative certificate validity", ErrorCodes.NumberOutOfRange },
        { "a rule book containing null", ErrorCodes.MissingProperty },
        { "a postponement to the end of the calendar", ErrorCodes.DateOutOfRange },
        { "an event with sequence -1 written", ErrorCodes.InvalidValue },
        { "a certifier with the default organisation number", ErrorCodes.InvalidOrganisationNumber },
        { "a unit with the default ID", ErrorCodes.InvalidUnitId },
    };

    [Theory]
    [MemberData(nameof(AbsurdValues))]
    public void AnAbsurdValueOnceAccepted_IsNowRefusedWithItsCode(string what, string code)
    {
        var clock = HeimLifecycle.Clock();
        var certified = HeimLifecycle.WithCertifiedHeadquarters(clock);
        HeimLifecycle.SetDate(clock, 2026, 2, 1);
        Action action = what switch
        {
            "start with a blank actor" => () => OrganisationLifecycle.Start(Catalog, "Heim", OrganisationKind.Municipality, Organisations.Heim.Number, Organisations.Heim.Headquarters(), " ", clock),
            "a negative certificate validity" => () => SchemeRuleBook.Of(SchemeRules.Default with { CertificateValidity = Period.FromYears(-3) }),
            "a rule book containing null" => () => _ = new SchemeRuleBook([SchemeRules.Default, null!]),
            "a postponement to the end of the calendar" => () => certified.GrantPostponement(Organisations.Heim.Raadhuset, 2025, LocalDate.MaxIsoValue, HeimLifecycle.Coordinator),
            "an event with sequence -1 written" => () => HistoryJson.Write(Catalog.Version, [certified.History[0] with { Sequence = -1 }]),
            "a certifier with the default organisation number" => () => _ = new Certifier("kari", "Kari", default),
            _ => () => certified.AddUnit(new Core.Organisations.UnitDefinition(default, "Uten ID"), HeimLifecycle.Coordinator),
        };

        Refused(action).Diagnostics.Select(d => d.Code).Should().Contain(code, what);
    }
}
