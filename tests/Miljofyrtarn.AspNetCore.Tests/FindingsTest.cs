using System.Net;
using FluentAssertions;
using Xunit;
using static Miljofyrtarn.AspNetCore.Tests.HeimScenario;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>The findings of issue 30, each as its attacker would try it against the library's host; each answered 200 before.</summary>
public sealed class FindingsTest
{
    private const string H = "/api/organisations/" + TestApi.Number;
    private const string Stranger = "miljo@naboby.kommune.no";

    [Fact]
    public async Task AnAnonymousCaller_ListsNothing_AndReadsNoAssessment()
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);

        foreach (var path in new[] { "/api/organisations", H + "/readiness", H + "/units/" + Raadhuset + "/resolution", H + "/units/" + Raadhuset + "/assessments" })
        {
            using var response = await api.GetAsync(path, user: null);
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, path);
            (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().NotContain("heim.kommune.no");
        }
    }

    [Fact]
    public async Task AUserOfAnotherMunicipality_CannotRecordAnAssessment_NorRemoveAUnit_InHeim()
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);
        var criterion = (int)(await api.GetJsonAsync(H + "/units/" + Raadhuset + "/resolution"))["criteria"]![0]!["id"]!;

        foreach (var command in new object[] { new { action = "recordAssessment", unit = Raadhuset, criterion, status = "fulfilled" }, new { action = "removeUnit", unit = Barnehage } })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, H + "/actions") { Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(command), System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Test-User", Stranger);
            request.Headers.Add("X-Test-Organisations", "974760673");
            using var response = await api.Client.SendAsync(request, TestContext.Current.CancellationToken);
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        var overview = await api.GetJsonAsync(H);
        overview["units"]!.AsArray().Should().HaveCount(2, "the kindergarten is still there");
    }

    [Fact]
    public async Task AnOrganisation_CannotCertifyItself_WithAMadeUpCertifier_EvenBeforeItGrantsRoles()
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);
        await OkAsync(api.ActAsync(new { action = "openMapping", unit = Raadhuset }));
        await FulfilAllAsync(api, Raadhuset);
        await OkAsync(api.ActAsync(new { action = "deliver", unit = Raadhuset }, user: TestApi.Mayor));
        var madeUp = new { id = TestApi.Coordinator, name = "Selvoppnevnt", organisationNumber = "974760673" };

        using var asItself = await api.ActAsync(new { action = "certify", unit = Raadhuset, certifier = madeUp, certificateNumber = "SELV-1" });
        using var inKarisName = await api.ActAsync(new { action = "certify", unit = Raadhuset, certifier = Certifier, certificateNumber = "SELV-2" });

        asItself.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        inKarisName.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the certifier certifies: nobody posts it in her name");
        var state = (string?)(await api.GetJsonAsync(H))["units"]![0]!["state"];
        state.Should().Be("delivered");
    }
}
