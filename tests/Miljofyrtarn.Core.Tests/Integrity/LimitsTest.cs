using FluentAssertions;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Reporting;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Core.Tests.Organisations;
using NodaTime;
using Xunit;
using static Miljofyrtarn.Core.Tests.Lifecycle.HeimLifecycle;

namespace Miljofyrtarn.Core.Tests.Integrity;

/// <summary>Issue 31: the library accepts only what it can read back; every limit is refused at the door, coded, and changes nothing.</summary>
public class LimitsTest
{
    private static readonly UnitId Ny = new("ny-barnehage");

    private static readonly IndicatorValue[] Figures =
    [
        new("arsverk", 40, MeasureUnit.FullTimeEquivalent), new("oppvarmet-areal", 2_500, MeasureUnit.SquareMetre), new("sykefravaer", 5.5, MeasureUnit.Percent),
        new("avfall-sortert", 3_000, MeasureUnit.Kilogram), new("avfall-restavfall", 1_200, MeasureUnit.Kilogram),
        new("strom", Limits.Quantity, MeasureUnit.KilowattHour), new("diesel", 400, MeasureUnit.Litre),
    ];

    private static Diagnostic Refused(Func<object> action) =>
        FluentActions.Invoking(action).Should().Throw<MiljofyrtarnException>().Which.Diagnostics[0];

    [Fact]
    public void A70MegabyteUnitName_IsRefusedAtTheDoor_NamingTheFieldAndTheLimit_AndNothingChanges()
    {
        // Finding 1: AddUnit accepted it, SaveAsync stored it, and the organisation could never be loaded again.
        var lifecycle = Start(Clock());
        var huge = Heim.Unit(Ny, new string('a', 70_000_000), "barnehage", kitchen: true);

        var refused = Refused(() => lifecycle.AddUnit(huge, Coordinator));

        refused.Code.Should().Be(ErrorCodes.TextTooLong);
        refused.Arguments.Should().Equal("unit.name", "70000000", "200");
        lifecycle.Version.Should().Be(5);
        lifecycle.Organisation.AllUnits.Should().HaveCount(5);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void AUnitName_OfTheLimit_IsAccepted_AndOneMore_IsRefused(int length, bool accepted)
    {
        var lifecycle = Start(Clock());
        var unit = Heim.Unit(Ny, "Ny", "barnehage", kitchen: true) with { Name = new string('æ', length) };

        if (accepted)
        {
            lifecycle.AddUnit(unit, Coordinator).Organisation.GetUnit(Ny).Name.Should().HaveLength(length);
        }
        else
        {
            Refused(() => lifecycle.AddUnit(unit, Coordinator)).Code.Should().Be(ErrorCodes.TextTooLong);
        }
    }

    [Fact]
    public void EveryFreeText_HasItsLimit_Comments_Evidence_CertificateNumbers_Reasons()
    {
        var lifecycle = Start(Clock());
        var unit = lifecycle.Organisation.Headquarters.Id;
        var criterion = lifecycle.Organisation.Resolve(unit).Criteria.First(c => c.FulfilledBy == Miljofyrtarn.Core.Resolution.ResponsibleParty.Unit).Criterion.Id;

        Refused(() => lifecycle.RecordAssessment(unit, criterion, FulfilmentStatus.InProgress, Coordinator, comment: new string('x', Limits.TextLength + 1)))
            .Arguments.Should().Equal("comment", "4001", "4000");
        Refused(() => lifecycle.RecordAssessment(unit, criterion, FulfilmentStatus.InProgress, Coordinator, evidence: [new EvidenceReference("https://heim.kommune.no/" + new string('x', Limits.ReferenceLength))]))
            .Arguments[0].Should().Be("evidence.reference");
        Refused(() => lifecycle.RecordAssessment(unit, criterion, FulfilmentStatus.InProgress, Coordinator, evidence: [.. Enumerable.Range(0, Limits.EvidenceReferences + 1).Select(i => new EvidenceReference($"doc-{i}.pdf"))]))
            .Should().Match<Diagnostic>(d => d.Code == ErrorCodes.TooManyEntries && d.Arguments[0] == "evidence");
        lifecycle.RecordAssessment(unit, criterion, FulfilmentStatus.InProgress, Coordinator, comment: new string('x', Limits.TextLength))
            .Organisation.GetAssessment(unit, criterion)!.Comment.Should().HaveLength(Limits.TextLength);
    }

    [Fact]
    public void TooManyManagementUsers_IsRefused()
    {
        var lifecycle = Start(Clock());
        var unit = Heim.Unit(Ny, "Ny barnehage", "barnehage", kitchen: true) with
        {
            Management = [.. Enumerable.Range(0, Limits.ManagementUsers + 1).Select(i => new Person($"leder{i}@heim.kommune.no", $"Leder {i}"))],
        };

        Refused(() => lifecycle.AddUnit(unit, Coordinator)).Should().Match<Diagnostic>(d => d.Code == ErrorCodes.TooManyEntries && d.Arguments[0] == "unit.management");
    }

    [Theory]
    [InlineData(0xD800, "sikken", "U+D800")]
    [InlineData(0xDC00, "", "U+DC00")]
    [InlineData(0x0007, "sikken", "U+0007")]
    [InlineData(0x000A, "sikken", "U+000A")]
    public void ALoneSurrogateOrAControlCharacter_InAName_IsRefused_WithItsPosition(int code, string rest, string character)
    {
        // Finding 8: a lone surrogate was silently replaced with U+FFFD when saved, and control characters were accepted.
        var lifecycle = Start(Clock());
        var name = "Sol" + (char)code + rest;

        var refused = Refused(() => lifecycle.AddUnit(Heim.Unit(Ny, name, "barnehage", kitchen: true) with { Address = "Heimveien 1" }, Coordinator));

        refused.Code.Should().Be(ErrorCodes.InvalidText);
        refused.Arguments.Should().Equal("unit.name", character, "4");
    }

    [Fact]
    public void AComment_OfSeveralLines_IsAccepted_WithTabsAndBrowserLineBreaks_ButNotABareCarriageReturn()
    {
        var lifecycle = Start(Clock());
        var unit = lifecycle.Organisation.Headquarters.Id;
        var criterion = lifecycle.Organisation.Resolve(unit).Criteria.First(c => c.FulfilledBy == Miljofyrtarn.Core.Resolution.ResponsibleParty.Unit).Criterion.Id;

        lifecycle.RecordAssessment(unit, criterion, FulfilmentStatus.InProgress, Coordinator, comment: "Linje 1\r\nLinje 2\n\tinnrykk 😀")
            .Organisation.GetAssessment(unit, criterion)!.Comment.Should().Contain("😀");
        Refused(() => lifecycle.RecordAssessment(unit, criterion, FulfilmentStatus.InProgress, Coordinator, comment: "Linje 1\rLinje 2"))
            .Code.Should().Be(ErrorCodes.InvalidText);
    }

    [Fact]
    public async Task AnEventStore_RefusesAnOverLimitEvent_MadeInCode_AndTheStreamStaysLoadable()
    {
        var lifecycle = Start(Clock());
        var store = new InMemoryEventStore();
        await store.AppendAsync("964123454", 0, lifecycle.History, TestContext.Current.CancellationToken);
        var forged = new UnitAdded(6, lifecycle.History[^1].OccurredAt, Coordinator, Heim.Unit(Ny, new string('a', 2_000_000), "barnehage", kitchen: true));

        (await FluentActions.Awaiting(() => store.AppendAsync("964123454", 5, [forged], TestContext.Current.CancellationToken))
            .Should().ThrowAsync<MiljofyrtarnException>()).Which.Code.Should().Be(ErrorCodes.TextTooLong);
        (await store.LoadAsync("964123454", lifecycle.Organisation.Catalog, Clock(), cancellationToken: TestContext.Current.CancellationToken))
            .Version.Should().Be(5);
    }

    [Fact]
    public void TheLargestEvent_TheLimitsAllow_FitsTheStoreLimit_AndIsReadBack()
    {
        // The readers' limits are derived from the writers': the largest event any field limit allows, every character
        // escaped in JSON (six bytes each), is under Limits.EventBytes, which every store's reader accepts.
        var text = new string('<', Limits.TextLength);
        var report = EnvironmentalReport.Create(
            IndicatorCatalog.Default, Heim.Raadhuset, 2025, Figures, new LocalDate(2026, 3, 1),
            goals: Enumerable.Range(0, Limits.ReportEntries).Select(_ => new ReportGoal(text, 2030)),
            measures: Enumerable.Repeat(text, Limits.ReportEntries));
        var largest = new AnnualReportCorrected(9, Instant.FromUtc(2026, 3, 1, 8, 0), new string('å', Limits.PersonIdLength), Heim.Raadhuset, 2025, report, text);

        var payload = StoredEvents.Encode(largest);

        payload.Length.Should().BeLessThanOrEqualTo(Limits.EventBytes).And.BeGreaterThan(Limits.EventBytes / 2, "the limit is not far above what the fields allow");
        StoredEvents.Encode(StoredEvents.Decode(payload)).Should().Equal(payload);
        InterchangeOptions.Default.MaxBytes.Should().BeGreaterThanOrEqualTo(Limits.EventBytes);
    }

    [Fact]
    public void DatesOutsideTheSupportedRange_AreRefused_ByEveryAction()
    {
        // Finding 6: CompleteStartUp in year 1 or 9999 and a postponement to 9999-12-31 were accepted.
        var lifecycle = Start(Clock());

        Refused(() => lifecycle.CompleteStartUp(new LocalDate(1, 1, 1), Coordinator)).Code.Should().Be(ErrorCodes.DateOutOfRange);
        Refused(() => lifecycle.CompleteStartUp(new LocalDate(9999, 1, 1), Coordinator)).Code.Should().Be(ErrorCodes.DateOutOfRange);
        Refused(() => lifecycle.GrantPostponement(Heim.Raadhuset, 2025, new LocalDate(9999, 12, 31), Coordinator)).Code.Should().Be(ErrorCodes.DateOutOfRange);
        Refused(() => EmissionFactorSet.Create("x", "y", 2025, new LocalDate(9999, 12, 31), "NO", "AR6", "CC-BY", "https://x", EmissionFactorSet.Defaults[0].Factors))
            .Code.Should().Be(ErrorCodes.DateOutOfRange);
        lifecycle.Version.Should().Be(5);
    }

    [Fact]
    public void ClimateFigures_AndFactors_AreFiniteAndBounded()
    {
        // Finding 7: a figure or factor of 1e308 made the total Infinity, and serialising the view threw.
        Refused(() => EnvironmentalReport.Create(IndicatorCatalog.Default, Heim.Raadhuset, 2025, [new IndicatorValue("strom", 1e308, MeasureUnit.KilowattHour)], new LocalDate(2026, 3, 1)))
            .Should().Match<Diagnostic>(d => d.Code == ErrorCodes.NumberOutOfRange && d.Arguments[0] == "strom");
        Refused(() => new EmissionFactor("strom", MeasureUnit.KilowattHour, 1e308, EmissionScope.Scope2, method: Scope2Method.LocationBased))
            .Code.Should().Be(ErrorCodes.NumberOutOfRange);
    }

    [Fact]
    public void AnEmptyFactorSet_AndAnEmptyIndicatorCatalog_AreRefused_AsAreOverlongOrInvalidNamesInThem()
    {
        // Finding 8: both were accepted, and a report computed against them silently had no figures.
        var published = new LocalDate(2025, 6, 1);
        Refused(() => EmissionFactorSet.Create("tom", "Heim", 2025, published, "NO", "AR6", "CC-BY", "https://heim.no", []))
            .Should().Match<Diagnostic>(d => d.Code == ErrorCodes.NoEntries && d.Arguments[0] == "factors");
        Refused(() => IndicatorCatalog.Create("tom", [])).Should().Match<Diagnostic>(d => d.Code == ErrorCodes.NoEntries && d.Arguments[0] == "indicators");

        var factors = EmissionFactorSet.Defaults[0].Factors;
        Refused(() => EmissionFactorSet.Create("x", "Heim\u0007", 2025, published, "NO", "AR6", "CC-BY", "https://heim.no", factors))
            .Should().Match<Diagnostic>(d => d.Code == ErrorCodes.InvalidText && d.Arguments[0] == "publisher");
        Refused(() => EmissionFactorSet.Create("x", "Heim", 2025, published, "NO", "AR6", "CC-BY", "https://heim.no/" + new string('a', Limits.ReferenceLength), factors))
            .Should().Match<Diagnostic>(d => d.Code == ErrorCodes.TextTooLong && d.Arguments[0] == "url");
        Refused(() => IndicatorCatalog.Create(new string('v', Limits.NameLength + 1), IndicatorCatalog.Default.Indicators))
            .Should().Match<Diagnostic>(d => d.Code == ErrorCodes.TextTooLong && d.Arguments[0] == "version");
    }

    [Fact]
    public void AWrittenDocument_IsNeverLargerThanItsReaderAccepts()
    {
        var lifecycle = Start(Clock());
        var small = new InterchangeOptions { MaxBytes = 1000 };

        Refused(() => SnapshotJson.Write(lifecycle, small)).Code.Should().Be(ErrorCodes.DocumentTooLarge);
        Refused(() => HistoryJson.Write(lifecycle.Organisation.Catalog.Version, lifecycle.History, small)).Code.Should().Be(ErrorCodes.DocumentTooLarge);
        HistoryJson.Read(HistoryJson.Write(lifecycle.Organisation.Catalog.Version, lifecycle.History)).Events.Should().HaveCount(5);
    }
}
