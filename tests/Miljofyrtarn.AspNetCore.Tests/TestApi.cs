using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>
/// A real ASP.NET Core host on the test server, built as a user would build one: AddMiljofyrtarn, a store, MapMiljofyrtarn,
/// OpenAPI and health checks. The signed-in user is the <c>X-Test-User</c> header (<see cref="HeaderAuthentication"/>, and
/// the endpoint option for who acts); requests are made as Heim's coordinator unless a test says otherwise.
/// </summary>
internal sealed class TestApi : IAsyncDisposable
{
    public const string Number = "964123454";
    public const string Coordinator = "miljo@heim.kommune.no";
    public const string Mayor = "ordforer@heim.kommune.no";

    private readonly WebApplication _app;

    private TestApi(WebApplication app, FakeClock clock)
    {
        _app = app;
        Clock = clock;
        Client = app.GetTestClient();
    }

    public FakeClock Clock { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestApi> StartAsync(Action<WebApplicationBuilder>? configure = null, Action<MiljofyrtarnBuilder>? store = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var clock = new FakeClock(Instant.FromUtc(2024, 1, 15, 8, 0)) { AutoAdvance = Duration.FromSeconds(1) };
        builder.Services.AddSingleton<IClock>(clock);
        var miljofyrtarn = builder.Services.AddMiljofyrtarn();
        (store ?? (b => b.AddInMemoryEventStore()))(miljofyrtarn);
        builder.Services.AddOpenApi();
        builder.Services.AddAuthentication(HeaderAuthentication.SchemeName).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.SchemeName, null);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapMiljofyrtarn("/api", o => o.ResolveActor = http => http.Request.Headers["X-Test-User"].FirstOrDefault());
        app.MapOpenApi();
        app.MapHealthChecks("/health");
        map?.Invoke(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestApi(app, clock);
    }

    public void SetDate(int year, int month, int day) => Clock.Reset(Instant.FromUtc(year, month, day, 8, 0));

    public const string Foundation = "tildeling@miljofyrtarn.no";

    public const string FoundationRole = "miljofyrtarn-foundation";

    public async Task<HttpResponseMessage> PostAsync(string path, string json, string? user = Coordinator, string? ifMatch = null, string? language = null, string? roles = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        Headers(request, user, ifMatch, language);
        if (roles is not null)
        {
            request.Headers.Add("X-Test-Roles", roles);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> ActAsync(object command, string? user = Coordinator, string? ifMatch = null, string? language = null) =>
        PostAsync($"/api/organisations/{Number}/actions", JsonSerializer.Serialize(command), user, ifMatch, language);

    public async Task<HttpResponseMessage> GetAsync(string path, string? language = null, string? user = Coordinator)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        Headers(request, user, null, language);
        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task<JsonNode> GetJsonAsync(string path, string? language = null, string? user = Coordinator)
    {
        using var response = await GetAsync(path, language, user);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {text}");
        }

        return JsonNode.Parse(text)!;
    }

    public static async Task<JsonNode> JsonOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    private static void Headers(HttpRequestMessage request, string? user, string? ifMatch, string? language)
    {
        if (user is not null)
        {
            request.Headers.Add("X-Test-User", user);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }
    }
}
