using FluentAssertions;
using Miljofyrtarn.Core.ReadModels;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Tests;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using Xunit;

namespace Miljofyrtarn.Storage.Postgres.Tests;

/// <summary>The example of the package's own README (src/Miljofyrtarn.Storage.Postgres/README.md), verbatim, run against the server.</summary>
public sealed class PackageReadmeExampleTest
{
    // The example is written as a host writes it, without the test's cancellation token.
#pragma warning disable xUnit1051
    [Fact]
    public async Task Example_Runs_AndTheOverviewNamesWhoMustRecertify()
    {
        var clock = new FakeClock(Instant.FromUtc(2024, 1, 15, 8, 0)) { AutoAdvance = Duration.FromSeconds(1) };
        var heim = Samples.CertifiedTownHall.Create(Core.Catalog.CriteriaCatalog.LoadDefault(), clock);
        var lifecycle = heim.UpdateUnit(heim.Organisation.Headquarters.Definition with { Municipality = "4601" }, "miljo");
        var catalog = lifecycle.Organisation.Catalog;
        var (connectionString, schema) = (PostgresServer.ConnectionString, PostgresServer.NewSchema());
        var Console = new StringWriter();
        clock.Reset(Instant.FromUtc(2026, 10, 1, 8, 0));
        try
        {
            #region postgres
            await using var dataSource = NpgsqlDataSource.Create(connectionString); // "Host=db.kommune.no;Database=miljofyrtarn;Username=app"
            var store = await PostgresEventStore.OpenAsync(dataSource, schema);
            await store.SaveAsync("964123454", lifecycle, storedVersion: 0);
            var loaded = await store.LoadAsync("964123454", catalog, clock);

            var overview = await MunicipalityOverview.BuildAsync(store, catalog, clock);
            foreach (var unit in overview.MustRecertifyWithin("4601", Period.FromMonths(6)))
            {
                Console.WriteLine($"{unit.OrganisationName}, {unit.UnitName}: sertifikat {unit.CertificateNumber} utløper {unit.ExpiresOn}");
            }
            #endregion

            loaded.Version.Should().Be(lifecycle.Version);
            Console.ToString().Should().StartWith("Heim kommune, Rådhuset: sertifikat MFT-1 utløper");
        }
        finally
        {
            await PostgresServer.DropAsync(schema);
        }
    }
}
#pragma warning restore xUnit1051
