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
        return (api, await SixteenUnitsAsync(api));
    }

    private static async Task<int[]> SixteenUnitsAsync(TestApi api)
    {
        await StartAsync(api);
        for (var i = 1; i < Writers; i++)
        {
            var unit = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(AddBarnehage))!;
            unit["unit"]!["id"] = $"barnehage-{i}";
            unit["unit"]!["name"] = $"Barnehage {i}";
            await OkAsync(api.PostAsync(H + "/actions", unit.ToJsonString()));
        }

        var resolution = await api.GetJsonAsync($"{H}/units/{Barnehage}/resolution");
        return [.. resolution["criteria"]!.AsArray().Where(c => (string?)c!["fulfilledBy"] == "unit").Select(c => (int)c!["id"]!).Take(WritesEach)];
    }

    private static string UnitOf(int writer) => writer == 0 ? Barnehage : $"barnehage-{writer}";

    private static async Task<HttpStatusCode[]> WriteConcurrentlyAsync(TestApi api, int[] criteria, int[]? writers = null)
    {
        var statuses = await Task.WhenAll((writers ?? [.. Enumerable.Range(0, Writers)]).Select(async writer =>
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
    public async Task InOneHost_WritersTakeTurns_SoEvenWithRetriesTurnedOff_NoneConflicts()
    {
        var (api, criteria) = await HeimWithSixteenUnitsAsync(o => o.CommandRetries = 0);
        await using var _ = api;

        var statuses = await WriteConcurrentlyAsync(api, criteria);

        statuses.Should().OnlyContain(s => s == HttpStatusCode.OK, "changes to one organisation take turns within a host");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public async Task TwoHostsOverOneStore_Conflict_AndTheRetriesRemoveTheConflicts(int retries)
    {
        // The control: across hosts the collisions are real (retries off), and the retries are what removes them.
        var shared = new InMemoryEventStore();
        var clock = new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2024, 1, 15, 8, 0)) { AutoAdvance = NodaTime.Duration.FromSeconds(1) };
        void Configure(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder)
        {
            builder.Services.AddSingleton<NodaTime.IClock>(clock);
            builder.Services.Configure<MiljofyrtarnOptions>(o => o.CommandRetries = retries);
        }

        await using var first = await TestApi.StartAsync(Configure, b => b.AddEventStore(_ => Task.FromResult<IEventStore>(shared)));
        await using var second = await TestApi.StartAsync(Configure, b => b.AddEventStore(_ => Task.FromResult<IEventStore>(shared)));
        var criteria = await SixteenUnitsAsync(first);
        var before = await shared.GetVersionAsync(TestApi.Number, TestContext.Current.CancellationToken);

        // A race, so without retries the bursts are repeated until one collides (the first almost always does).
        var statuses = new List<HttpStatusCode>();
        for (var round = 0; round < (retries == 0 ? 20 : 1) && !statuses.Contains(HttpStatusCode.Conflict); round++)
        {
            statuses.AddRange((await Task.WhenAll(WriteConcurrentlyAsync(first, criteria, writers: [0, 2, 4, 6, 8, 10, 12, 14]), WriteConcurrentlyAsync(second, criteria, writers: [1, 3, 5, 7, 9, 11, 13, 15])))
                .SelectMany(s => s));
        }

        var written = statuses.Count(s => s == HttpStatusCode.OK);
        (await shared.GetVersionAsync(TestApi.Number, TestContext.Current.CancellationToken)).Should().Be(before + written, "every acknowledged write is stored once");
        if (retries == 0)
        {
            statuses.Should().Contain(HttpStatusCode.Conflict);
            statuses.Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);
        }
        else
        {
            statuses.Should().OnlyContain(s => s == HttpStatusCode.OK);
        }
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
