using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Miljofyrtarn.AspNetCore;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Miljofyrtarn.Core.Benchmarks.Load;

/// <summary>The store a load host runs on: a SQLite file, or a schema on the PostgreSQL server of the benchmarks.</summary>
public enum LoadStore
{
    /// <summary>A SQLite file in the temporary directory.</summary>
    Sqlite,

    /// <summary>A schema of its own on <c>MILJOFYRTARN_POSTGRES</c>.</summary>
    Postgres,
}

/// <summary>
/// A real Kestrel host on 127.0.0.1 (a free port), built as the package README builds one: AddMiljofyrtarn, a store,
/// MapMiljofyrtarn. Every request is Heim's coordinator (<see cref="LoadAuthentication"/>). Two organisations are seeded
/// through the store: Heim kommune with <see cref="SmallEvents"/> events and Storby kommune with <see cref="LargeEvents"/>,
/// each with headquarters and 15 kindergartens, so a readiness request costs the same work but for the history behind it.
/// </summary>
internal sealed class LoadHost : IAsyncDisposable
{
    public const string Small = "964123454";
    public const string Large = "974760673";
    public const int SmallEvents = 20;
    public const int LargeEvents = 2_000;
    public const int Units = 16;
    public const string Coordinator = "miljo@heim.kommune.no";

    private readonly WebApplication _app;
    private readonly Action _cleanUp;

    private LoadHost(WebApplication app, HttpClient client, Action cleanUp)
    {
        _app = app;
        Client = client;
        _cleanUp = cleanUp;
    }

    public HttpClient Client { get; }

    public IEventStore Store => _app.Services.GetRequiredService<IEventStore>();

    public static UnitId UnitOf(int writer) => new(writer == 0 ? "raadhuset" : $"barnehage-{writer}");

    public static async Task<LoadHost> StartAsync(LoadStore store)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(LoadAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, LoadAuthentication>(LoadAuthentication.SchemeName, null);
        // MILJOFYRTARN_LOAD_REPLAY=1: no kept states and no snapshots, every request replays the history (the comparison in docs/benchmarks.md).
        var replay = Environment.GetEnvironmentVariable("MILJOFYRTARN_LOAD_REPLAY") == "1";
        var miljofyrtarn = builder.Services.AddMiljofyrtarn(o => (o.SnapshotEvery, o.CachedOrganisations) = replay ? (0, 0) : (o.SnapshotEvery, o.CachedOrganisations));
        Action cleanUp;
        if (store == LoadStore.Sqlite)
        {
            var path = BenchmarkServer.NewSqlitePath();
            miljofyrtarn.AddSqliteEventStore(path);
            cleanUp = () => BenchmarkServer.DeleteSqlite(path);
        }
        else
        {
            var schema = BenchmarkServer.NewSchema();
            miljofyrtarn.AddPostgresEventStore(BenchmarkServer.ConnectionString, schema);
            cleanUp = () => BenchmarkServer.Drop(schema);
        }

        var app = builder.Build();
        app.MapMiljofyrtarn("/api");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(address) };
        var host = new LoadHost(app, client, cleanUp);
        await host.SeedAsync();
        return host;
    }

    /// <summary>Both organisations, appended through the host's own store in pages of 500 events.</summary>
    private async Task SeedAsync()
    {
        var catalog = _app.Services.GetRequiredService<CriteriaCatalog>();
        foreach (var (number, name, events) in new[] { (Small, "Heim kommune", SmallEvents), (Large, "Storby kommune", LargeEvents) })
        {
            var lifecycle = Organisation(catalog, number, name, events);
            for (long version = 0; version < lifecycle.Version; version += 500)
            {
                await Store.AppendAsync(number, version, [.. lifecycle.History.Skip((int)version).Take(500)]);
            }
        }
    }

    /// <summary>An organisation with headquarters and 15 kindergartens, then assessments of headquarters up to the number of events.</summary>
    public static OrganisationLifecycle Organisation(CriteriaCatalog catalog, string number, string name, int events)
    {
        var clock = new FakeClock(Instant.FromUtc(2024, 1, 15, 8, 0)) { AutoAdvance = Duration.FromMilliseconds(10) };
        var answers = ImmutableDictionary<string, bool>.Empty.Add("buildings", true).Add("vehicles", false).Add("kitchen", true).Add("chemicals", true);
        UnitInput Unit(int i) => i == 0
            ? new UnitInput(UnitOf(0), "Rådhuset", "Rådhusplassen 1", 120, MainSet: "felles-kommune-2023", Answers: answers,
                Officer: new PersonInput(Coordinator, "Miljøkoordinatoren"), Management: [new PersonInput("ordforer@heim.kommune.no", "Ordføreren")])
            : new UnitInput(UnitOf(i), $"Barnehage {i}", $"Barnehagevegen {i}", 20, ["barnehage"], "barnehage", answers,
                new PersonInput($"barnehage-{i}@heim.kommune.no", "Miljøfyrtårnansvarlig"), [new PersonInput($"styrer-{i}@heim.kommune.no", "Styreren")]);
        var lifecycle = new StartOrganisationCommand(name, OrganisationKind.Municipality, number, Unit(0)) { Units = [.. Enumerable.Range(1, Units - 1).Select(Unit)] }
            .Start(catalog, Coordinator, clock);
        var hk = lifecycle.Organisation.Headquarters.Id;
        var criteria = lifecycle.Organisation.Resolve(hk).Criteria;
        for (var i = 0; lifecycle.Version < events; i++)
        {
            lifecycle = lifecycle.RecordAssessment(hk, criteria[i % criteria.Length].Criterion.Id, (Assessment.FulfilmentStatus)(i % 3), Coordinator, comment: $"vurdering {i}");
        }

        return lifecycle;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _cleanUp();
    }

    /// <summary>Every request is Heim's and Storby's coordinator: a member of both organisations.</summary>
    private sealed class LoadAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Load";

        private static readonly ClaimsPrincipal Principal = new(new ClaimsIdentity(
            [new Claim("sub", Coordinator), new Claim(ClaimTypes.Name, Coordinator), new Claim("miljofyrtarn:organisation", Small), new Claim("miljofyrtarn:organisation", Large)],
            SchemeName));

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Principal, SchemeName)));
    }
}
