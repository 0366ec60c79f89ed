using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using FluentAssertions;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;
using static Miljofyrtarn.AspNetCore.Tests.HeimScenario;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>Registration, options from configuration with validation at start-up, the SQLite store, health, logs, traces and metrics.</summary>
public sealed class HostingTest
{
    [Fact]
    public async Task Options_AreBoundFromTheMiljofyrtarnSection()
    {
        await using var api = await TestApi.StartAsync(builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Miljofyrtarn:RequiresFollowUpAudit"] = "true",
            ["Miljofyrtarn:DueSoonDays"] = "14",
            ["Miljofyrtarn:ReminderOffsets:0"] = "10",
            ["Miljofyrtarn:DefaultPageSize"] = "7",
        }));

        api.Services.GetRequiredService<SchemeRuleBook>().Versions.Single().RequiresFollowUpAudit.Should().BeTrue();
        var deadlines = api.Services.GetRequiredService<DeadlineOptions>();
        deadlines.DueSoonDays.Should().Be(14);
        deadlines.ReminderOffsets.Should().Equal(10);
        api.Services.GetRequiredService<IOptions<MiljofyrtarnOptions>>().Value.DefaultPageSize.Should().Be(7);
    }

    [Fact]
    public async Task FollowUpAudits_TakeEffectOnTheDayConfigured()
    {
        await using var api = await TestApi.StartAsync(builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Miljofyrtarn:RequiresFollowUpAudit"] = "true",
            ["Miljofyrtarn:FollowUpAuditsFrom"] = "2026-01-01",
        }));

        var rules = api.Services.GetRequiredService<SchemeRuleBook>();
        rules.On(new NodaTime.LocalDate(2025, 12, 31)).RequiresFollowUpAudit.Should().BeFalse();
        rules.On(new NodaTime.LocalDate(2026, 1, 1)).RequiresFollowUpAudit.Should().BeTrue();
    }

    [Theory]
    [InlineData("Miljofyrtarn:FollowUpAuditsFrom", "1. januar 2026", "Miljofyrtarn:FollowUpAuditsFrom", true)]
    [InlineData("Miljofyrtarn:FollowUpAuditsFrom", "2201-01-01", "Miljofyrtarn:FollowUpAuditsFrom", true)]
    public async Task ABadFollowUpAuditDay_StopsTheHostAtStartUp_NamingIt(string key, string value, string named, bool on)
    {
        var starting = () => TestApi.StartAsync(builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value, ["Miljofyrtarn:RequiresFollowUpAudit"] = on ? "true" : "false" }));

        (await starting.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(named).And.Contain(value);
    }

    [Theory]
    [InlineData("Miljofyrtarn:TimeZone", "Europe/Atlantis", "Miljofyrtarn:TimeZone")]
    [InlineData("Miljofyrtarn:CatalogPath", "/finnes/ikke.json", "Miljofyrtarn:CatalogPath")]
    [InlineData("Miljofyrtarn:DefaultPageSize", "0", "Miljofyrtarn:DefaultPageSize")]
    [InlineData("Miljofyrtarn:ReminderOffsets:0", "-3", "ReminderOffsets")]
    public async Task ABadSetting_StopsTheHostAtStartUp_NamingIt(string key, string value, string named)
    {
        var starting = () => TestApi.StartAsync(builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }));

        (await starting.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(named).And.Contain(value.TrimStart('-'));
    }

    [Fact]
    public async Task WithoutAStore_TheHostDoesNotStart()
    {
        var starting = () => TestApi.StartAsync(store: _ => { });

        (await starting.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("AddSqliteEventStore");
    }

    [Fact]
    public async Task TheSqliteStore_KeepsTheOrganisationAcrossHosts_AndReportsHealthy()
    {
        var path = Path.Combine(Path.GetTempPath(), $"miljofyrtarn-{Guid.NewGuid():N}.db");
        try
        {
            await using (var first = await TestApi.StartAsync(store: b => b.AddSqliteEventStore($"Data Source={path}")))
            {
                await StartAsync(first);
            }

            await using var second = await TestApi.StartAsync(store: b => b.AddSqliteEventStore(path));
            (await second.GetJsonAsync($"/api/organisations/{TestApi.Number}"))["units"]!.AsArray().Should().HaveCount(2);
            using var health = await second.GetAsync("/health");
            health.StatusCode.Should().Be(HttpStatusCode.OK);
            (await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Be("Healthy");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task AnUnreachableStore_IsUnhealthy()
    {
        await using var api = await TestApi.StartAsync(store: b => b.AddEventStore(_ => Task.FromResult<IEventStore>(new FailingStore())));

        using var health = await api.GetAsync("/health");

        health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task ActionsRefusalsAppendsAndConflicts_AreMeasured_AndTraced()
    {
        // This host's own meters only: tests run in parallel, each host with its meter factory (the meters' scope).
        await using var api = await TestApi.StartAsync();
        var factory = api.Services.GetRequiredService<IMeterFactory>();
        var measurements = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MiljofyrtarnTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (measurements)
            {
                measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        listener.Start();
        var activities = new List<string>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MiljofyrtarnTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => { lock (activities) { activities.Add(activity.OperationName); } },
        };
        ActivitySource.AddActivityListener(activityListener);

        await StartAsync(api);
        using var refused = await api.ActAsync(new { action = "deliver", unit = Raadhuset }, user: TestApi.Mayor);
        using var stale = await api.ActAsync(new { action = "openMapping", unit = Raadhuset }, ifMatch: "\"1\"");

        lock (measurements)
        {
            measurements.Should().Contain(m => m.Instrument == "miljofyrtarn.actions.applied" && (string?)m.Tags["miljofyrtarn.action"] == "completeStartUp");
            measurements.Should().Contain(m => m.Instrument == "miljofyrtarn.refusals" && (string?)m.Tags["error.type"] == "MFT0311" || m.Instrument == "miljofyrtarn.refusals" && (string?)m.Tags["miljofyrtarn.error.category"] == "RefusedByRule");
            measurements.Should().Contain(m => m.Instrument == "miljofyrtarn.refusals" && (string?)m.Tags["error.type"] == "MFT0314");
            measurements.Where(m => m.Instrument == "miljofyrtarn.store.appends").Sum(m => m.Value).Should().Be(3);
            measurements.Where(m => m.Instrument == "miljofyrtarn.store.events").Sum(m => m.Value).Should().Be(3);
        }

        lock (activities)
        {
            activities.Should().Contain(["miljofyrtarn.store.append", "miljofyrtarn.store.read"]);
        }
    }

    [Fact]
    public async Task StoreOpensAppendsAndRefusals_AreLogged()
    {
        var logs = new CollectingLoggerProvider();
        await using var api = await TestApi.StartAsync(builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
        });

        await StartAsync(api);
        using var refused = await api.ActAsync(new { action = "deliver", unit = Raadhuset }, user: TestApi.Mayor);

        logs.Messages.Should().Contain(m => m.StartsWith("Opened the Miljøfyrtårn event store", StringComparison.Ordinal));
        logs.Messages.Should().Contain(m => m.StartsWith("Appended 1 events to stream 964123454", StringComparison.Ordinal));
        logs.Messages.Should().Contain(m => m.StartsWith("Refused with MFT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheRepository_IsTheOneTheEndpointsUse()
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(api);

        var lifecycle = await api.Services.GetRequiredService<LifecycleRepository>().GetAsync(TestApi.Number, TestContext.Current.CancellationToken);

        lifecycle.StartUpListSentOn.Should().Be(new NodaTime.LocalDate(2024, 1, 20));
        lifecycle.Should().BeOfType<OrganisationLifecycle>();
    }

    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Collecting(this);

        public void Dispose()
        {
        }

        private sealed class Collecting(CollectingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._messages)
                {
                    owner._messages.Add(formatter(state, exception));
                }
            }
        }
    }
}
