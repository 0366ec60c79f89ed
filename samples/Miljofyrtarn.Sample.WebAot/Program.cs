using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text;
using System.Text.Json.Nodes;
using Miljofyrtarn.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// A minimal API on the hosting package only, published with Native AOT. `--self-test` starts it on a free port,
// drives Heim through it over HTTP and exits non-zero on the first surprise.
var selfTest = args.Contains("--self-test");
var builder = WebApplication.CreateSlimBuilder(args);
if (selfTest)
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
}

builder.Services.AddMiljofyrtarn().AddInMemoryEventStore();
if (selfTest)
{
    // Demonstration only: the self-test names its user (and their roles) in headers.
    builder.Services.AddAuthentication(DemoAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, DemoAuthentication>(DemoAuthentication.SchemeName, null);
}
else
{
    // A real host signs people in with its identity provider (Authentication:Schemes:Bearer in appsettings.json).
    builder.Services.AddAuthentication().AddJwtBearer();
}

var app = builder.Build();
app.UseExceptionHandler();
app.MapMiljofyrtarn("/api"); // closed: signed-in members of each organisation only
app.MapHealthChecks("/health");
if (!selfTest)
{
    app.Run();
    return 0;
}

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
using var client = new HttpClient { BaseAddress = new Uri(address) };
var failures = 0;

async Task<JsonNode?> Expect(HttpMethod method, string path, HttpStatusCode status, string? body = null, string? user = "miljo@heim.kommune.no", string? language = null, string? roles = null)
{
    using var request = new HttpRequestMessage(method, path);
    if (user is not null)
    {
        request.Headers.Add("X-Demo-User", user);
    }

    if (roles is not null)
    {
        request.Headers.Add("X-Demo-Roles", roles);
    }

    if (language is not null)
    {
        request.Headers.Add("Accept-Language", language);
    }

    if (body is not null)
    {
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
    }

    using var response = await client.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    if (response.StatusCode != status)
    {
        Console.Error.WriteLine($"FAIL {method} {path}: {(int)response.StatusCode}, expected {(int)status}: {text}");
        failures++;
        return null;
    }

    Console.WriteLine($"ok   {method} {path} -> {(int)status}");
    return text.StartsWith('{') || text.StartsWith('[') ? JsonNode.Parse(text) : null;
}

const string Heim = "/api/organisations/964123454";
await Expect(HttpMethod.Get, "/health", HttpStatusCode.OK);
await Expect(HttpMethod.Post, "/api/organisations", HttpStatusCode.Created, """
    {"name":"Heim kommune","kind":"municipality","number":"964123454","headquarters":{"id":"raadhuset","name":"Rådhuset",
     "address":"Rådhusplassen 1, 9999 Heim","fullTimeEquivalents":120,"mainSet":"felles-kommune-2023","answers":{"buildings":true,"vehicles":true,"kitchen":false,"chemicals":false},
     "officer":{"id":"miljo@heim.kommune.no","name":"Miljøkoordinatoren"},"management":[{"id":"ordforer@heim.kommune.no","name":"Ordføreren"}]}}
    """);
await Expect(HttpMethod.Get, Heim, HttpStatusCode.Unauthorized, user: null);
await Expect(HttpMethod.Get, Heim, HttpStatusCode.Forbidden, user: "miljo@naboby.kommune.no");
await Expect(HttpMethod.Post, Heim + "/actions", HttpStatusCode.OK, """{"action":"completeStartUp","startUpListSentOn":"2024-01-20"}""");
await Expect(HttpMethod.Post, Heim + "/actions", HttpStatusCode.OK, """{"action":"openMapping","unit":"raadhuset"}""");
var resolution = await Expect(HttpMethod.Get, Heim + "/units/raadhuset/resolution", HttpStatusCode.OK);
var version = 0L;
foreach (var criterion in resolution?["criteria"]?.AsArray() ?? [])
{
    if ((string?)criterion!["fulfilledBy"] == "unit")
    {
        var overview = await Expect(HttpMethod.Post, Heim + "/actions", HttpStatusCode.OK, $$"""{"action":"recordAssessment","unit":"raadhuset","criterion":{{criterion["id"]}},"status":"fulfilled"}""");
        version = (long?)overview?["version"] ?? version;
    }
}

await Expect(HttpMethod.Post, Heim + "/actions", HttpStatusCode.OK, """{"action":"deliver","unit":"raadhuset"}""", user: "ordforer@heim.kommune.no");
const string Kari = """{"id":"kari","name":"Kari Sertifisør","organisationNumber":"974760673"}""";
await Expect(HttpMethod.Post, Heim + "/actions", HttpStatusCode.Forbidden, $$"""{"action":"certify","unit":"raadhuset","certifier":{{Kari}},"certificateNumber":"MFT-0"}""");
await Expect(HttpMethod.Post, Heim + "/certifier", HttpStatusCode.OK, Kari, user: "tildeling@miljofyrtarn.no", roles: "miljofyrtarn-foundation");
await Expect(HttpMethod.Post, Heim + "/actions", HttpStatusCode.OK, $$"""{"action":"certify","unit":"raadhuset","certifier":{{Kari}},"certificateNumber":"MFT-1"}""", user: "kari");
var state = await Expect(HttpMethod.Get, Heim, HttpStatusCode.OK, language: "en");
if ((string?)state?["units"]?[0]?["state"] != "certified" || (string?)state?["phaseName"] is not { Length: > 0 })
{
    Console.Error.WriteLine($"FAIL the town hall is not certified: {state?.ToJsonString()}");
    failures++;
}

await Expect(HttpMethod.Get, Heim + "/units/raadhuset/readiness", HttpStatusCode.OK);
await Expect(HttpMethod.Get, Heim + "/deadlines", HttpStatusCode.OK);
await Expect(HttpMethod.Get, Heim + "/calendar.ics", HttpStatusCode.OK);
await Expect(HttpMethod.Post, Heim + "/actions", HttpStatusCode.BadRequest, """{"action":"openMapping","unit":"raadhuset","colour":"green"}""");
await Expect(HttpMethod.Post, Heim + "/actions", HttpStatusCode.Forbidden, """{"action":"deliver","unit":"raadhuset"}""", language: "nn"); // only management delivers
await Expect(HttpMethod.Post, Heim + "/actions", HttpStatusCode.UnprocessableEntity, """{"action":"deliver","unit":"raadhuset"}""", user: "ordforer@heim.kommune.no", language: "nn"); // already certified
using (var stale = new HttpRequestMessage(HttpMethod.Post, Heim + "/actions"))
{
    stale.Headers.Add("X-Demo-User", "miljo@heim.kommune.no");
    stale.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
    stale.Content = new StringContent("""{"action":"openRecertification","unit":"raadhuset"}""", Encoding.UTF8, "application/json");
    using var response = await client.SendAsync(stale);
    var stood = response.StatusCode == HttpStatusCode.PreconditionFailed;
    Console.WriteLine($"{(stood ? "ok  " : "FAIL")} stale If-Match -> {(int)response.StatusCode}{(stood ? string.Empty : " " + await response.Content.ReadAsStringAsync())}");
    failures += response.StatusCode == HttpStatusCode.PreconditionFailed ? 0 : 1;
}

await Expect(HttpMethod.Get, "/api/organisations/000000000", HttpStatusCode.NotFound);
await app.StopAsync();
Console.WriteLine(failures == 0 ? "web AOT self-test: ok" : $"web AOT self-test: {failures} failure(s)");
return failures == 0 ? 0 : 1;

/// <summary>The self-test's sign-in: <c>X-Demo-User</c> names the user (a member of Heim by claim), <c>X-Demo-Roles</c> their roles.</summary>
internal sealed class DemoAuthentication(Microsoft.Extensions.Options.IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Demo";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers["X-Demo-User"].FirstOrDefault() is not { Length: > 0 } user)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        List<Claim> claims = [new("sub", user)];
        if (user.EndsWith("@heim.kommune.no", StringComparison.Ordinal))
        {
            claims.Add(new Claim("miljofyrtarn:organisation", "964123454"));
        }

        claims.AddRange((Request.Headers["X-Demo-Roles"].FirstOrDefault() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName)));
    }
}
