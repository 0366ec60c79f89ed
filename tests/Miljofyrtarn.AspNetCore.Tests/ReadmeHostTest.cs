using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Miljofyrtarn.Core.Tests.Docs;
using Xunit;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>The README's minimal API host, compiled here verbatim and run on Kestrel with JWT bearer sign-in: closed by default, open to each organisation's members.</summary>
public sealed class ReadmeHostTest
{
    [Fact]
    public async Task TheReadmeHost_ServesTheApi()
    {
        var path = Path.Combine(Path.GetTempPath(), $"readme-{Guid.NewGuid():N}.db");
        var app = ReadmeHost(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", $"--ConnectionStrings:Miljofyrtarn=Data Source={path}", .. Tokens.Settings]);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            (await client.GetStringAsync("/health", TestContext.Current.CancellationToken)).Should().Be("Healthy");
            using var anonymous = await client.PostAsync("/api/organisations", new StringContent(HeimScenario.StartBody, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            anonymous.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer");
            using var anonymousList = await client.GetAsync("/api/organisations", TestContext.Current.CancellationToken);
            anonymousList.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "closed by default: nobody reads anything without signing in");

            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(TestApi.Coordinator, organisation: TestApi.Number));
            using var started = await client.PostAsync("/api/organisations", new StringContent(HeimScenario.StartBody, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            started.StatusCode.Should().Be(HttpStatusCode.Created);
            (await client.GetStringAsync($"/api/organisations/{TestApi.Number}/units/raadhuset/readiness", TestContext.Current.CancellationToken)).Should().Contain("\"percentMustFulfilled\"");
            foreach (var encoding in new[] { "br", "gzip" })
            {
                // Issue 32: a 17-unit readiness was 106 KB uncompressed.
                using var compressed = new HttpRequestMessage(HttpMethod.Get, $"/api/organisations/{TestApi.Number}/readiness");
                compressed.Headers.AcceptEncoding.ParseAdd(encoding);
                using var response = await client.SendAsync(compressed, TestContext.Current.CancellationToken);
                response.Content.Headers.ContentEncoding.Should().Equal(encoding);
                response.Headers.Vary.Should().Contain("Accept-Encoding").And.Contain("Accept-Language");
            }

            (await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).Should().Contain("OrganisationOverview");

            // A user of another municipality sees nothing of Heim, and changes nothing.
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For("miljo@naboby.kommune.no", organisation: "974760673"));
            (await client.GetStringAsync("/api/organisations", TestContext.Current.CancellationToken)).Should().NotContain(TestApi.Number);
            using var stranger = await client.GetAsync($"/api/organisations/{TestApi.Number}/units/raadhuset/readiness", TestContext.Current.CancellationToken);
            stranger.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }
        finally
        {
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void Readme_ContainsTheHostVerbatim_InUnder30Lines()
    {
        var snippet = RepositoryFiles.Region("tests/Miljofyrtarn.AspNetCore.Tests/ReadmeHostTest.cs", "readme-host");

        RepositoryFiles.Read("README.md").Replace("\r\n", "\n", StringComparison.Ordinal).Should().Contain(snippet);
        snippet.Split('\n').Length.Should().BeLessThan(30);
    }

    private static WebApplication ReadmeHost(string[] args)
    {
        #region readme-host
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddJwtBearer(); // Entra ID or ID-porten: Authentication:Schemes:Bearer in settings
        builder.Services.AddMiljofyrtarn()   // catalog, clock, rules, options, problems, JSON, health check, who may do what
            .AddSqliteEventStore(builder.Configuration.GetConnectionString("Miljofyrtarn") ?? "miljofyrtarn.db");
        builder.Services.AddOpenApi();
        builder.Services.AddResponseCompression(o => o.EnableForHttps = true); // Brotli and gzip (docs/security.md)

        var app = builder.Build();
        app.UseResponseCompression();
        app.UseExceptionHandler();   // library errors in your own endpoints become problem details too
        app.MapMiljofyrtarn("/api"); // closed: signed-in members of each organisation only (docs/security.md)
        app.MapOpenApi();
        app.MapHealthChecks("/health");
        #endregion

        return app;
    }
}
