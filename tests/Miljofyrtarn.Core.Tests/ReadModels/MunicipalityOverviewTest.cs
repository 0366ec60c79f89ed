using System.Collections.Immutable;
using FluentAssertions;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.ReadModels;
using Miljofyrtarn.Core.Storage;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace Miljofyrtarn.Core.Tests.ReadModels;

public sealed class MunicipalityOverviewTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.LoadDefault();

    private readonly FakeClock _clock = new(Instant.FromUtc(2024, 1, 15, 8, 0)) { AutoAdvance = Duration.FromSeconds(1) };
    private readonly InMemoryEventStore _store = new();

    /// <summary>
    /// Heim (4601) certified in January 2024; Oslo-firma (0301) certified in June 2025; Bedrift AS (4601) not certified,
    /// with a shop in Oslo (0301).
    /// </summary>
    private async Task SeedAsync()
    {
        var heim = OverviewOrganisations.CertifiedTownHallIn("4601", _clock);
        await _store.SaveAsync("964123454", heim, 0, Ct);

        _clock.Reset(Instant.FromUtc(2025, 6, 2, 8, 0));
        var oslo = OverviewOrganisations.CertifiedTownHallIn("0301", _clock);
        await _store.SaveAsync("oslo-firma", oslo, 0, Ct);

        var bedrift = OrganisationLifecycle.Start(Catalog, "Bedrift AS", OrganisationKind.Private, OrganisationNumber.Parse("974760673"),
            new UnitDefinition(new UnitId("kontoret"), "Kontoret") { Municipality = "4601" }, "eier", _clock);
        bedrift = bedrift.AddUnit(new UnitDefinition(new UnitId("butikken"), "Butikken i Oslo") { Municipality = "0301" }, "eier");
        await _store.SaveAsync("bedrift", bedrift, 0, Ct);
    }

    [Fact]
    public async Task WhoInAMunicipalityMustRecertifyInTheNextSixMonths_IsAnsweredFromTheFeed()
    {
        await SeedAsync();
        _clock.Reset(Instant.FromUtc(2026, 9, 1, 8, 0));

        var overview = await MunicipalityOverview.BuildAsync(_store, Catalog, _clock, cancellationToken: Ct);
        var due = overview.MustRecertifyWithin("4601", Period.FromMonths(6));

        due.Should().ContainSingle();
        due[0].Should().Match<OverviewEntry>(e => e.Stream == "964123454" && e.Unit.Value == "raadhuset" && e.OrganisationName == "Heim kommune"
            && e.CertificateNumber == "MFT-1" && e.State == UnitState.Certified && e.Municipality == "4601");
        due[0].ExpiresOn!.Value.Should().BeInRange(new LocalDate(2026, 9, 1), new LocalDate(2027, 3, 1));
        overview.MustRecertifyWithin("0301", Period.FromMonths(6)).Should().BeEmpty("Oslo-firma's certificate runs to 2028");
        overview.MustRecertifyWithin("0301", Period.FromYears(2)).Select(e => e.Stream).Should().Equal("oslo-firma");
        overview.MustRecertifyWithin("4601", Period.FromMonths(1)).Should().BeEmpty();
        overview.Position.Should().Be((await _store.ReadAllAsync(0, 10_000, Ct)).Count);
    }

    [Fact]
    public async Task AMunicipalitysUnits_AreThoseInIt_ByTheirOwnNumber_OrElseTheirHeadquarters()
    {
        await SeedAsync();

        var overview = await MunicipalityOverview.BuildAsync(_store, Catalog, _clock, cancellationToken: Ct);

        overview.Municipalities.Should().Equal("0301", "4601");
        overview.GetUnits("4601").Select(e => (e.Stream, e.Unit.Value)).Should().Equal(("964123454", "raadhuset"), ("bedrift", "kontoret"));
        overview.GetUnits("0301").Select(e => (e.Stream, e.Unit.Value)).Should().Equal(("bedrift", "butikken"), ("oslo-firma", "raadhuset"));
        overview.GetUnits().Should().HaveCount(4);
        overview.GetUnits("5001").Should().BeEmpty();
        overview.GetUnits("0301").Single(e => e.Unit.Value == "butikken").Should().Match<OverviewEntry>(e =>
            e.CertificateNumber == null && e.ExpiresOn == null && e.Role == UnitRole.Unit && e.OrganisationNumber == OrganisationNumber.Parse("974760673"));
    }

    [Fact]
    public async Task OverdueReportsAndTheNextDeadline_FollowTheDay_WithoutNewEvents()
    {
        await SeedAsync();
        _clock.Reset(Instant.FromUtc(2026, 3, 1, 8, 0));
        var overview = await MunicipalityOverview.BuildAsync(_store, Catalog, _clock, cancellationToken: Ct);
        var before = overview.GetUnits("4601")[0];

        _clock.Reset(Instant.FromUtc(2026, 5, 1, 8, 0));
        var after = overview.GetUnits("4601")[0];

        before.OverdueReports.Should().Be(0);
        before.NextDeadline!.Kind.Should().Be(Core.Schedule.DeadlineKind.AnnualReport);
        before.NextDeadline.Year.Should().Be(2025);
        after.OverdueReports.Should().Be(1, "the report for 2025 was due in April 2026 and was not submitted");
        after.NextDeadline!.DueDate.Should().BeGreaterThan(new LocalDate(2026, 5, 1));
    }

    [Fact]
    public async Task CaughtUpIncrementally_AfterEveryChange_ItEqualsARebuildFromTheStart()
    {
        await SeedAsync();
        var random = new Random(4601);
        var incremental = new MunicipalityOverview(Catalog, _clock);
        await incremental.CatchUpAsync(_store, Ct);
        string[] municipalities = ["4601", "0301", "5001", "1103"];
        string[] streams = ["964123454", "oslo-firma", "bedrift"];

        for (var step = 0; step < 60; step++)
        {
            var stream = streams[random.Next(streams.Length)];
            var lifecycle = await _store.LoadAsync(stream, Catalog, _clock, cancellationToken: Ct);
            var version = lifecycle.Version;
            var hq = lifecycle.Organisation.Headquarters;
            lifecycle = random.Next(4) switch
            {
                0 => lifecycle.AddUnit(new UnitDefinition(new UnitId($"enhet-{step}"), $"Enhet {step}") { Municipality = municipalities[random.Next(municipalities.Length)] }, "tester"),
                1 => lifecycle.UpdateUnit(hq.Definition with { Municipality = municipalities[random.Next(municipalities.Length)] }, "tester"),
                2 when lifecycle.Organisation.AllUnits.Length > 1 => lifecycle.UpdateUnit(lifecycle.Organisation.AllUnits[^1].Definition with { Municipality = null }, "tester"),
                _ => lifecycle.RecordAssessment(hq.Id, lifecycle.Organisation.Resolve(hq.Id).Criteria[0].Criterion.Id, (FulfilmentStatus)random.Next(3), "tester"),
            };
            await _store.SaveAsync(stream, lifecycle, version, Ct);
            if (random.Next(3) == 0)
            {
                continue; // several changes between catch-ups
            }

            await incremental.CatchUpAsync(_store, Ct);
            var rebuilt = await MunicipalityOverview.BuildAsync(_store, Catalog, _clock, cancellationToken: Ct);

            incremental.Position.Should().Be(rebuilt.Position);
            incremental.GetUnits().Should().Equal(rebuilt.GetUnits(), $"after step {step}");
            incremental.Municipalities.Should().Equal(rebuilt.Municipalities);
            foreach (var municipality in municipalities)
            {
                incremental.GetUnits(municipality).Should().Equal(rebuilt.GetUnits(municipality));
                incremental.MustRecertifyWithin(municipality, Period.FromYears(4)).Should().Equal(rebuilt.MustRecertifyWithin(municipality, Period.FromYears(4)));
            }
        }
    }

    [Fact]
    public async Task EventsAlreadyApplied_AreSkipped_AndEventsOutOfOrder_AreRefused_LeavingTheOverviewUnchanged()
    {
        await SeedAsync();
        var feed = await _store.ReadAllAsync(0, 10_000, Ct);
        var overview = new MunicipalityOverview(Catalog, _clock);

        overview.Apply([.. feed.Take(10)]).Should().Be(10);
        overview.Apply([.. feed.Take(20)]).Should().Be(10, "the first ten were applied already");
        var refused = () => overview.Apply([feed[25], feed[24]]);

        refused.Should().Throw<ArgumentException>();
        overview.Position.Should().Be(20);
        overview.Apply([.. feed.Skip(20)]);
        overview.GetUnits().Should().Equal((await MunicipalityOverview.BuildAsync(_store, Catalog, _clock, cancellationToken: Ct)).GetUnits());
    }

    [Fact]
    public async Task AnOrganisationThatCannotBeRead_IsSetAside_AndTheOthersGoOn()
    {
        await SeedAsync();
        var foreign = OrganisationLifecycle.Start(Catalog, "Fremmed AS", OrganisationKind.Private, OrganisationNumber.Parse("974760673"),
            new UnitDefinition(new UnitId("hk"), "HK") { Municipality = "4601" }, "eier", _clock);
        await _store.AppendAsync("fremmed", 0, [((OrganisationCreated)foreign.History[0]) with { CatalogVersion = "1999.1" }], Ct);

        var overview = await MunicipalityOverview.BuildAsync(_store, Catalog, _clock, cancellationToken: Ct);

        overview.Unreadable.Should().ContainKey("fremmed").WhoseValue.Code.Should().Be(ErrorCodes.CatalogMismatch);
        overview.GetUnits("4601").Select(e => e.Stream).Should().Equal("964123454", "bedrift");
    }

    [Theory]
    [InlineData("46")]
    [InlineData("0000")]
    [InlineData("46O1")]
    public void AMunicipalityNumberThatIsNotFourDigits_IsRefused_NamingIt(string municipality)
    {
        var overview = new MunicipalityOverview(Catalog, _clock);

        var refused = FluentActions.Invoking(() => overview.GetUnits(municipality)).Should().Throw<MiljofyrtarnException>().Which;

        refused.Code.Should().Be(ErrorCodes.InvalidMunicipalityNumber);
        refused.Diagnostics[0].Arguments.Should().Equal(municipality);
        FluentActions.Invoking(() => overview.MustRecertifyWithin(municipality, Period.FromMonths(6))).Should().Throw<MiljofyrtarnException>();
    }

    [Fact]
    public void APeriodThatRunsBackwards_IsRefused()
    {
        var overview = new MunicipalityOverview(Catalog, _clock);

        FluentActions.Invoking(() => overview.MustRecertifyWithin("4601", Period.FromMonths(-6))).Should().Throw<MiljofyrtarnException>()
            .Which.Code.Should().Be(ErrorCodes.RangeEndsBeforeStart);
    }

    [Fact]
    public void AUnitWithAnInvalidMunicipalityNumber_IsRefused_AndTheOrganisationIsUnchanged()
    {
        var heim = OverviewOrganisations.CertifiedTownHallIn("4601", _clock);

        var refused = FluentActions.Invoking(() => heim.AddUnit(new UnitDefinition(new UnitId("skole"), "Skolen") { Municipality = "460" }, "miljo"))
            .Should().Throw<MiljofyrtarnException>().Which;

        refused.Diagnostics.Should().Contain(d => d.Code == ErrorCodes.InvalidMunicipalityNumber && d.Arguments[0] == "460");
        heim.Organisation.AllUnits.Should().ContainSingle();
    }

    [Fact]
    public async Task AFeedLongerThanOnePage_IsCaughtUpToItsEnd_CountingEveryEvent()
    {
        var heim = OverviewOrganisations.CertifiedTownHallIn("4601", _clock);
        var hq = heim.Organisation.Headquarters.Id;
        var criteria = heim.Organisation.Resolve(hq).Criteria;
        for (var i = 0; i < 1_500; i++)
        {
            heim = heim.RecordAssessment(hq, criteria[i % criteria.Length].Criterion.Id, (FulfilmentStatus)(i % 3), "miljo");
        }

        await _store.SaveAsync("964123454", heim, 0, Ct);
        var overview = new MunicipalityOverview(Catalog, _clock);

        (await overview.CatchUpAsync(_store, Ct)).Should().Be(heim.Version);
        overview.Position.Should().Be(heim.Version);
        (await overview.CatchUpAsync(_store, Ct)).Should().Be(0);
        overview.GetUnits("4601").Should().ContainSingle();
    }

    [Fact]
    public async Task NothingToApply_ChangesNothing_AndTwoEventsAtOnePosition_AreRefused()
    {
        await SeedAsync();
        var feed = await _store.ReadAllAsync(0, 100, Ct);
        var overview = new MunicipalityOverview(Catalog, _clock);

        overview.Apply([]).Should().Be(0);
        overview.Position.Should().Be(0);
        FluentActions.Invoking(() => overview.Apply([feed[0], feed[0]])).Should().Throw<ArgumentException>();
        overview.Position.Should().Be(0);
        FluentActions.Invoking(() => overview.Apply(null!)).Should().Throw<ArgumentNullException>();
        await FluentActions.Awaiting(() => overview.CatchUpAsync(null!, Ct)).Should().ThrowAsync<ArgumentNullException>();
        FluentActions.Invoking(() => overview.MustRecertifyWithin(null!, Period.FromMonths(1))).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => overview.MustRecertifyWithin("4601", null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new MunicipalityOverview(null!, _clock)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new MunicipalityOverview(Catalog, null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public async Task AUnitWithoutANumber_IsInItsHeadquartersMunicipality()
    {
        var heim = OverviewOrganisations.CertifiedTownHallIn("4601", _clock).AddUnit(new UnitDefinition(new UnitId("skolen"), "Skolen"), "miljo");
        await _store.SaveAsync("964123454", heim, 0, Ct);

        var overview = await MunicipalityOverview.BuildAsync(_store, Catalog, _clock, cancellationToken: Ct);

        overview.GetUnits("4601").Select(e => (e.Unit.Value, e.Municipality)).Should().Equal(("raadhuset", "4601"), ("skolen", "4601"));
    }

    [Fact]
    public async Task AnOrganisationThatBecomesUnreadable_LeavesTheOverview_AndItsMunicipality()
    {
        await SeedAsync();
        var overview = await MunicipalityOverview.BuildAsync(_store, Catalog, _clock, cancellationToken: Ct);
        var bedrift = await _store.LoadAsync("bedrift", Catalog, _clock, cancellationToken: Ct);
        // An event the lifecycle could never have made: an assessment of a unit that does not exist.
        var bad = (AssessmentRecorded)bedrift.RecordAssessment(new UnitId("kontoret"), bedrift.Organisation.Resolve(new UnitId("kontoret")).Criteria[0].Criterion.Id, FulfilmentStatus.Fulfilled, "eier").History[^1];
        await _store.AppendAsync("bedrift", bedrift.Version, [bad with { Unit = new UnitId("finnes-ikke") }], Ct);

        await overview.CatchUpAsync(_store, Ct);

        overview.Unreadable.Should().ContainKey("bedrift").WhoseValue.Code.Should().Be(ErrorCodes.CorruptHistory);
        overview.GetUnits().Should().NotContain(e => e.Stream == "bedrift");
        overview.GetUnits("0301").Select(e => e.Stream).Should().Equal("oslo-firma");
        overview.Municipalities.Should().Equal("0301", "4601");
        overview.GetUnits().Should().Equal((await MunicipalityOverview.BuildAsync(_store, Catalog, _clock, cancellationToken: Ct)).GetUnits());
    }

    [Fact]
    public async Task WhoMustRecertify_IsOrderedByExpiry_AndTheWindowIncludesTodayAndItsLastDay()
    {
        var first = OverviewOrganisations.CertifiedTownHallIn("4601", _clock);
        await _store.SaveAsync("a-first", first, 0, Ct);
        _clock.Reset(Instant.FromUtc(2024, 3, 1, 8, 0));
        await _store.SaveAsync("0-second", OverviewOrganisations.CertifiedTownHallIn("4601", _clock), 0, Ct);
        var overview = await MunicipalityOverview.BuildAsync(_store, Catalog, _clock, cancellationToken: Ct);
        var expiries = overview.GetUnits("4601").Select(e => e.ExpiresOn!.Value).Order().ToList();

        _clock.Reset(expiries[0].AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Europe/Oslo"]).ToInstant() + Duration.FromHours(12));
        var window = Period.Between(expiries[0], expiries[1]);
        var due = overview.MustRecertifyWithin("4601", window);
        var today = overview.MustRecertifyWithin("4601", Period.Zero);
        var shorter = overview.MustRecertifyWithin("4601", Period.Between(expiries[0], expiries[1].PlusDays(-1)));

        due.Select(e => e.Stream).Should().Equal("a-first", "0-second");
        today.Select(e => e.Stream).Should().Equal("a-first");
        shorter.Select(e => e.Stream).Should().Equal("a-first");
        _clock.Reset(expiries[0].PlusDays(1).AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Europe/Oslo"]).ToInstant() + Duration.FromHours(12));
        overview.MustRecertifyWithin("4601", window).Select(e => e.Stream).Should().Equal("0-second");
    }
}

/// <summary>Organisations for the overview's tests.</summary>
internal static class OverviewOrganisations
{
    /// <summary>Heim's town hall, certified, in a municipality.</summary>
    public static OrganisationLifecycle CertifiedTownHallIn(string municipality, IClock clock)
    {
        var heim = Samples.CertifiedTownHall.Create(CriteriaCatalog.LoadDefault(), clock);
        var hq = heim.Organisation.Headquarters.Definition;
        return heim.UpdateUnit(hq with { Municipality = municipality, Answers = hq.Answers ?? ImmutableDictionary<string, bool>.Empty }, "miljo");
    }
}
