using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Miljofyrtarn.AspNetCore;
using Miljofyrtarn.Calendar;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Samples;
using Miljofyrtarn.Storage.Postgres;
using Miljofyrtarn.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;

// A scenario on the five packages as published: Heim's town hall certified, its events stored in SQLite and in
// PostgreSQL and loaded back, its deadlines exported as iCalendar, and the README's web host serving Heim over HTTP:
// anonymous 401, another municipality's user 403, Heim's coordinator served.
// Exit code 0 when every check holds.
var catalog = CriteriaCatalog.LoadDefault();
var clock = new SteppingClock(Instant.FromUtc(2024, 3, 1, 8, 0));
var heim = CertifiedTownHall.Create(catalog, clock);
var hk = CertifiedTownHall.Raadhuset;

var path = Path.Combine(Path.GetTempPath(), $"consumer-{Guid.NewGuid():N}.db");
var store = await SqliteEventStore.OpenAsync(path);
await store.SaveAsync("964123454", heim, 0);
var loaded = await store.LoadAsync("964123454", catalog, clock);
var ics = DeadlineCalendar.Export(new DeadlineSchedule(loaded), new LocalDate(2024, 1, 1), new LocalDate(2027, 12, 31));

// The README host: closed by default (JWT bearer, as Entra ID or ID-porten issue them; here signed with a key made now).
var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
const string Issuer = "https://idp.consumer.test", Audience = "miljofyrtarn-api";
var builder = WebApplication.CreateSlimBuilder(
[
    $"--Authentication:Schemes:Bearer:ValidIssuer={Issuer}", $"--Authentication:Schemes:Bearer:ValidAudiences:0={Audience}",
    $"--Authentication:Schemes:Bearer:SigningKeys:0:Issuer={Issuer}", $"--Authentication:Schemes:Bearer:SigningKeys:0:Value={Convert.ToBase64String(key)}",
]);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddAuthentication().AddJwtBearer();
builder.Services.AddMiljofyrtarn().AddSqliteEventStore(path);
var app = builder.Build();
app.MapMiljofyrtarn("/api");
await app.StartAsync();
using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
using var anonymous = await client.GetAsync("/api/organisations/964123454/units/raadhuset/readiness");
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token("miljo@naboby.kommune.no", "974760673"));
using var stranger = await client.GetAsync("/api/organisations/964123454/units/raadhuset/readiness");
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token("miljo@heim.kommune.no", "964123454"));
var overview = await client.GetStringAsync("/api/organisations/964123454/units/raadhuset/readiness");
using var refused = await client.PostAsync("/api/organisations/964123454/actions", new StringContent("""{"action":"deliver","unit":"raadhuset"}""", Encoding.UTF8, "application/json"));
await app.StopAsync();

// The PostgreSQL package, against the server .ci/run started (MILJOFYRTARN_POSTGRES); required there (--require-postgres).
var postgresOk = !args.Contains("--require-postgres");
if (Environment.GetEnvironmentVariable("MILJOFYRTARN_POSTGRES") is { Length: > 0 } connectionString)
{
    var schema = $"consumer_{Guid.NewGuid():N}";
    await using var postgres = await PostgresEventStore.ConnectAsync(connectionString, schema);
    await postgres.SaveAsync("964123454", heim, 0);
    postgresOk = (await postgres.LoadAsync("964123454", catalog, clock)).Version == heim.Version
        && (await postgres.ReadAllAsync(0, 1000)).Count == heim.Version;
    await using var cleanup = Npgsql.NpgsqlDataSource.Create(connectionString);
    await using var drop = cleanup.CreateCommand($"DROP SCHEMA \"{schema}\" CASCADE");
    await drop.ExecuteNonQueryAsync();
}

var ok = postgresOk && loaded.Version == heim.Version
    && loaded.GetUnitLifecycle(hk).State == UnitState.Certified
    && ics.Contains("BEGIN:VEVENT", StringComparison.Ordinal)
    && overview.Contains("\"readyForCertifier\":true", StringComparison.Ordinal)
    && anonymous.StatusCode == HttpStatusCode.Unauthorized && stranger.StatusCode == HttpStatusCode.Forbidden
    && refused.StatusCode == HttpStatusCode.UnprocessableEntity
    && refused.Content.Headers.ContentType?.MediaType == "application/problem+json";
Console.WriteLine(ok
    ? $"package consumer: ok ({loaded.Version} events stored and loaded, {ics.Split("BEGIN:VEVENT").Length - 1} calendar events, the web host answered)"
    : $"package consumer: FAILED ({overview}; anonymous {(int)anonymous.StatusCode}, stranger {(int)stranger.StatusCode}, deliver {(int)refused.StatusCode}; PostgreSQL {(postgresOk ? "ok" : "failed or MILJOFYRTARN_POSTGRES not set")})");
return ok ? 0 : 1;

// A token for a person of an organisation, as the identity provider would issue it.
string Token(string subject, string organisation) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
{
    Issuer = Issuer,
    Audience = Audience,
    Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("miljofyrtarn:organisation", organisation)]),
    Expires = DateTime.UtcNow.AddMinutes(5),
    SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
});
