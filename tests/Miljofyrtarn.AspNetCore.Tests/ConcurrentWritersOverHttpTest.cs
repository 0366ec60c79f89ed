using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using Miljofyrtarn.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Miljofyrtarn.AspNetCore.Tests.HeimScenario;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>
/// Issue 32: writers to different units of one organisation collided only because they share its stream (301 × 409 in
/// 1,744 writes). Without If-Match a change that meets another writer's append is applied again to the new state.
/// </summary>
public sealed class ConcurrentWritersOverHttpTest
{
    private const string H = "/api/organisations/" + TestApi.Number;
    private const int Writers = 16;
    private const int WritesEach = 6;

    private static async Task<(TestApi Api, int[] Criteria)> HeimWithSixteenUnitsAsync(Action<MiljofyrtarnOptions>? configure = null)
    {
        var api = await TestApi.StartAsync(configure: configure is null ? null : builder => builder.Services.Configure(configure));
        await StartAsync(api);
        for (var i = 1; i < Writers; i++)
        {
            var unit = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(AddBarnehage))!;
            unit["unit"]!["id"] = $"barnehage-{i}";
            unit["unit"]!["name"] = $"Barnehage {i}";
            await OkAsync(api.PostAsync(H + "/actions", unit.ToJsonString()));
        }

        var resolution = await api.GetJsonAsync($"{H}/units/{Barnehage}/resolution");
        var criteria = resolution["criteria"]!.AsArray().Where(c => (string?)c!["fulfilledBy"] == "unit").Select(c => (int)c!["id"]!).Take(WritesEach).ToArray();
        return (api, criteria);
    }

    private static string UnitOf(int writer) => writer == 0 ? Barnehage : $"barnehage-{writer}";

    private static async Task<HttpStatusCode[]> WriteConcurrentlyAsync(TestApi api, int[] criteria)
    {
        var statuses = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async writer =>
        {
            var results = new List<HttpStatusCode>();
            foreach (var criterion in criteria)
            {
                using var response = await api.ActAsync(new { action = "recordAssessment", unit = UnitOf(writer), criterion, status = "inProgress", comment = $"skribent {writer}" });
                results.Add(response.StatusCode);
            }

            return results;
        }));
        return [.. statuses.SelectMany(s => s)];
    }

    [Fact]
    public async Task SixteenWritersOnSixteenUnits_WithoutIfMatch_GetNoConflict_AndEveryWriteIsStoredOnce()
    {
        var (api, criteria) = await HeimWithSixteenUnitsAsync();
        await using var _ = api;
        var before = (await api.GetJsonAsync(H))["version"]!.GetValue<long>();

        var statuses = await WriteConcurrentlyAsync(api, criteria);

        statuses.Should().OnlyContain(s => s == HttpStatusCode.OK);
        var store = api.Services.GetRequiredService<IEventStore>();
        var events = await store.ReadAsync(TestApi.Number, cancellationToken: TestContext.Current.CancellationToken);
        events.Should().HaveCount((int)before + Writers * WritesEach, "every acknowledged write is stored once");
        events.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), "gapless");
    }

    [Fact]
    public async Task WithRetriesTurnedOff_TheSameWritersConflict()
    {
        // The control: the collisions are real, and the retries are what removes them.
        var (api, criteria) = await HeimWithSixteenUnitsAsync(o => o.CommandRetries = 0);
        await using var _ = api;

        var statuses = await WriteConcurrentlyAsync(api, criteria);

        statuses.Should().Contain(HttpStatusCode.Conflict);
        statuses.Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task WhenTheHostRequiresIfMatch_AChangeWithoutIt_Is428_AndChangesNothing()
    {
        await using var api = await TestApi.StartAsync(configure: builder => builder.Services.Configure<MiljofyrtarnOptions>(o => o.RequireIfMatch = true));
        (await api.PostAsync("/api/organisations", StartBody)).StatusCode.Should().Be(HttpStatusCode.Created);

        using var without = await api.ActAsync(AddBarnehage);
        using var wildcard = await api.ActAsync(AddBarnehage, ifMatch: "*");
        using var overview = await api.GetAsync(H);
        using var with = await api.ActAsync(AddBarnehage, ifMatch: overview.Headers.ETag!.Tag);

        without.StatusCode.Should().Be((HttpStatusCode)428);
        JsonNode.Parse(await without.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["code"]!.GetValue<string>().Should().Be("MFT0331");
        wildcard.StatusCode.Should().Be((HttpStatusCode)428, "a wildcard says nothing about what the client read");
        with.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
