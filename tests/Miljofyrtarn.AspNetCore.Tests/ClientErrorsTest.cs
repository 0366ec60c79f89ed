using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;
using static Miljofyrtarn.AspNetCore.Tests.HeimScenario;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>Issue 32: a client's error stays a client's error, with a problem body, whatever the host's exception handler does.</summary>
public sealed class ClientErrorsTest
{
    [Fact]
    public async Task ABodyOverTheCommandLimit_Is413_WithAProblemBody()
    {
        // Before: 400, as if the JSON were wrong.
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);
        var body = $$"""{"action":"withdraw","unit":"raadhuset","reason":"{{new string('a', Core.Json.MiljofyrtarnJson.MaxCommandBytes)}}"}""";

        using var response = await api.PostAsync($"/api/organisations/{TestApi.Number}/actions", body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        problem["code"]!.GetValue<string>().Should().Be("MFT0003");
        problem["status"]!.GetValue<int>().Should().Be(413);
    }

    [Theory]
    [InlineData(StatusCodes.Status413PayloadTooLarge, "MFT0003")]
    [InlineData(StatusCodes.Status400BadRequest, "MFT0001")]
    public async Task TheServersOwnRefusalOfARequest_ThroughUseExceptionHandler_KeepsItsStatus_NeverA500(int status, string code)
    {
        // Before: Kestrel's BadHttpRequestException (a 40 MiB upload) reached UseExceptionHandler and became a 500 with a stack trace in the log.
        await using var api = await TestApi.StartAsync(map: app => app.MapPost("/upload", (HttpContext _) => throw new BadHttpRequestException("Request body too large.", status)).AllowAnonymous());

        using var response = await api.Client.PostAsync("/upload", new StringContent("x", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        ((int)response.StatusCode).Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        problem["code"]!.GetValue<string>().Should().Be(code);
        problem["status"]!.GetValue<int>().Should().Be(status);
    }
}

/// <summary>Issue 32: a wrong content type got an empty 415, with no problem body.</summary>
public sealed class UnsupportedMediaTypeTest
{
    [Fact]
    public async Task ACommandSentAsText_Is415_WithAProblemBody_InTheRequestsLanguage()
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/organisations/{TestApi.Number}/actions")
        {
            Content = new StringContent("""{"action":"openMapping","unit":"raadhuset"}""", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("X-Test-User", TestApi.Coordinator);
        request.Headers.AcceptLanguage.ParseAdd("en");

        using var response = await api.Client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        problem["code"]!.GetValue<string>().Should().Be("MFT0012");
        problem["status"]!.GetValue<int>().Should().Be(415);
        problem["detail"]!.GetValue<string>().Should().Contain("text/plain").And.Contain("application/json");
    }
}

/// <summary>The host's own endpoints keep their own 415.</summary>
public sealed class HostOwnUnsupportedMediaTypeTest
{
    [Fact]
    public async Task AHostsOwnEndpoint_KeepsItsEmpty415()
    {
        await using var api = await TestApi.StartAsync(map: app => app.MapPost("/host/form", (HttpContext _) => Results.Ok()).Accepts<string>("application/x-www-form-urlencoded").AllowAnonymous());

        using var response = await api.Client.PostAsync("/host/form", new StringContent("{}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().BeEmpty("the library answers for its own routes only");
    }
}
