using System.Net;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Xunit;
using static Miljofyrtarn.AspNetCore.Tests.HeimScenario;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>Roles from the identity provider's claims (<c>miljofyrtarn:role</c> = <c>organisation number:role</c>), besides the history's.</summary>
public sealed class RoleClaimsTest
{
    private const string H = "/api/organisations/" + TestApi.Number;
    private const string Consultant = "ekstern@radgiver.no";

    [Theory]
    [InlineData("964123454:consultant", HttpStatusCode.OK)]
    [InlineData("964123454:reader", HttpStatusCode.Forbidden)]
    [InlineData("974760673:consultant", HttpStatusCode.Forbidden)]
    [InlineData("964123454:certifier", HttpStatusCode.Forbidden)]
    [InlineData("964123454", HttpStatusCode.Forbidden)]
    public async Task ARoleClaim_CountsForItsOrganisationOnly_AndOnlyForTheRolesAnOrganisationHolds(string claim, HttpStatusCode expected)
    {
        await using var api = await TestApi.StartAsync();
        var criterion = await AccessMatrixTest.GovernedHeimAsync(api);
        using var request = new HttpRequestMessage(HttpMethod.Post, H + "/actions")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { action = "recordAssessment", unit = Barnehage, criterion, status = "inProgress" }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Test-User", Consultant);
        request.Headers.Add("X-Test-Organisations", string.Empty);
        request.Headers.Add("X-Test-Role-Claims", claim);

        using var response = await api.Client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
