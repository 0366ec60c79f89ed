using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using Miljofyrtarn.Core.Interchange;
using Miljofyrtarn.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Miljofyrtarn.AspNetCore.Tests.HeimScenario;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>
/// Issue 31, finding 1 through the web API: 70 addUnit commands, each under the 1 MiB request limit with a unit name
/// of about a megabyte, together made the organisation's documents larger than their readers accept. Each is now
/// refused at the door with MFT0222, and the organisation is unchanged and can still be exported and read back.
/// </summary>
public sealed class LimitsOverHttpTest
{
    private const string H = "/api/organisations/" + TestApi.Number;

    [Fact]
    public async Task SeventyAddUnitCommands_WithAMegabyteName_AreEachRefused_AndTheOrganisationStaysReadable()
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);
        var before = await api.GetJsonAsync(H);

        for (var i = 0; i < 70; i++)
        {
            var command = new
            {
                action = "addUnit",
                unit = new { id = $"stor-{i}", name = new string('a', 1_000_000), address = "Vegen 1", fullTimeEquivalents = 1, mainSet = "barnehage" },
            };
            using var response = await api.ActAsync(command);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, body);
            var problem = JsonNode.Parse(body)!;
            problem["code"]!.GetValue<string>().Should().Be("MFT0222");
            body.Should().Contain("unit.name").And.Contain("200");
            body.Length.Should().BeLessThan(10_000, "the refusal quotes the field, never the megabyte");
        }

        var after = await api.GetJsonAsync(H);
        after.ToJsonString().Should().Be(before.ToJsonString(), "nothing was recorded");
        var repository = api.Services.GetRequiredService<LifecycleRepository>();
        var lifecycle = await repository.GetAsync(TestApi.Number, TestContext.Current.CancellationToken);
        SnapshotJson.Read(SnapshotJson.Write(lifecycle), lifecycle.Organisation.Catalog, lifecycle.Clock).Version.Should().Be(lifecycle.Version);
        HistoryJson.Read(HistoryJson.Write(lifecycle.Organisation.Catalog.Version, lifecycle.History)).Events.Should().HaveCount(lifecycle.History.Count);
    }
}
