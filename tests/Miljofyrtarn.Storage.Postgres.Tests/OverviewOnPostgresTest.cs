using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.ReadModels;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Tests;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace Miljofyrtarn.Storage.Postgres.Tests;

/// <summary>The municipality overview from the PostgreSQL feed: caught up incrementally while organisations change, it equals a rebuild.</summary>
public sealed class OverviewOnPostgresTest : SchemaScopedTest
{
    [Fact]
    public async Task CaughtUpAfterEachChange_TheOverviewEqualsARebuild_AndNamesWhoMustRecertify()
    {
        var store = await PostgresEventStore.OpenAsync(PostgresServer.DataSource, Schema, Ct);
        var catalog = CriteriaCatalog.LoadDefault();
        var clock = new FakeClock(Instant.FromUtc(2024, 1, 15, 8, 0)) { AutoAdvance = Duration.FromSeconds(1) };
        string[] municipalities = ["4601", "0301", "5001"];
        foreach (var (stream, municipality) in new[] { ("heim", "4601"), ("oslo", "0301") })
        {
            var heim = Samples.CertifiedTownHall.Create(catalog, clock);
            await store.SaveAsync(stream, heim.UpdateUnit(heim.Organisation.Headquarters.Definition with { Municipality = municipality }, "miljo"), 0, Ct);
        }

        var overview = new MunicipalityOverview(catalog, clock);
        var random = new Random(14);
        for (var step = 0; step < 20; step++)
        {
            var stream = step % 2 == 0 ? "heim" : "oslo";
            var lifecycle = await store.LoadAsync(stream, catalog, clock, cancellationToken: Ct);
            var changed = lifecycle.AddUnit(new UnitDefinition(new UnitId($"enhet-{step}"), $"Enhet {step}") { Municipality = municipalities[random.Next(3)] }, "miljo");
            await store.SaveAsync(stream, changed, lifecycle.Version, Ct);

            await overview.CatchUpAsync(store, Ct);
            var rebuilt = await MunicipalityOverview.BuildAsync(store, catalog, clock, cancellationToken: Ct);

            overview.GetUnits().Should().Equal(rebuilt.GetUnits(), $"after step {step}");
            overview.Position.Should().Be(rebuilt.Position);
        }

        clock.Reset(Instant.FromUtc(2026, 10, 1, 8, 0));
        overview.MustRecertifyWithin("4601", Period.FromMonths(6)).Select(e => (e.Stream, e.Unit.Value, e.CertificateNumber))
            .Should().Equal(("heim", "raadhuset", "MFT-1"));
        overview.GetUnits("5001").Should().OnlyContain(e => e.State == Core.Lifecycle.UnitState.NotStarted);
    }
}
