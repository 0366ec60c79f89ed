using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Miljofyrtarn.AspNetCore;

/// <summary>
/// The names under which the library reports traces and metrics, for a host's OpenTelemetry set-up:
/// <c>.AddSource(MiljofyrtarnTelemetry.Name)</c> and <c>.AddMeter(MiljofyrtarnTelemetry.Name)</c>.
/// </summary>
/// <remarks>
/// Instruments, following the .NET and OpenTelemetry naming conventions (lower case, dot-separated, units in UCUM):
/// <list type="bullet">
/// <item><c>miljofyrtarn.actions.applied</c> (counter, <c>{action}</c>), tagged <c>miljofyrtarn.action</c>;</item>
/// <item><c>miljofyrtarn.refusals</c> (counter, <c>{refusal}</c>), tagged <c>error.type</c> (the code) and <c>miljofyrtarn.error.category</c>;</item>
/// <item><c>miljofyrtarn.store.appends</c> (counter, <c>{append}</c>) and <c>miljofyrtarn.store.events</c> (counter, <c>{event}</c>);</item>
/// <item><c>miljofyrtarn.store.conflicts</c> (counter, <c>{conflict}</c>) and <c>miljofyrtarn.command.retries</c> (counter, <c>{retry}</c>);</item>
/// <item><c>miljofyrtarn.store.append.duration</c> and <c>miljofyrtarn.store.read.duration</c> (histograms, <c>s</c>);</item>
/// <item><c>miljofyrtarn.notifications.sent</c>, <c>miljofyrtarn.notifications.failed</c> and <c>miljofyrtarn.notifications.skipped</c> (counters, <c>{notification}</c>): the dispatcher's sends, failed sends (retried on the next run) and notifications already sent or claimed by another host.</item>
/// </list>
/// Activities: <c>miljofyrtarn.command</c> (one per change: the organisation, the action, and the version it made or
/// the code that refused it), <c>miljofyrtarn.store.append</c>, <c>miljofyrtarn.store.read</c> and <c>miljofyrtarn.store.feed</c>.
/// </remarks>
public static class MiljofyrtarnTelemetry
{
    /// <summary>The name of the library's <see cref="ActivitySource"/> and <see cref="Meter"/>: <c>Miljofyrtarn</c>.</summary>
    public const string Name = "Miljofyrtarn";
}

/// <summary>The library's instruments, created through the host's <see cref="IMeterFactory"/>.</summary>
internal sealed class MiljofyrtarnInstruments
{
    public static readonly ActivitySource Source = new(MiljofyrtarnTelemetry.Name, typeof(MiljofyrtarnInstruments).Assembly.GetName().Version?.ToString());

    public MiljofyrtarnInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MiljofyrtarnTelemetry.Name);
        ActionsApplied = meter.CreateCounter<long>("miljofyrtarn.actions.applied", "{action}", "Lifecycle actions applied and saved.");
        Refusals = meter.CreateCounter<long>("miljofyrtarn.refusals", "{refusal}", "Requests refused with a library error, by code.");
        Appends = meter.CreateCounter<long>("miljofyrtarn.store.appends", "{append}", "Appends to the event store.");
        Events = meter.CreateCounter<long>("miljofyrtarn.store.events", "{event}", "Events appended to the event store.");
        Conflicts = meter.CreateCounter<long>("miljofyrtarn.store.conflicts", "{conflict}", "Appends refused because the stream had moved on.");
        CommandRetries = meter.CreateCounter<long>("miljofyrtarn.command.retries", "{retry}", "Changes without If-Match tried again on a new state after another writer's append.");
        AppendDuration = meter.CreateHistogram<double>("miljofyrtarn.store.append.duration", "s", "Duration of appends to the event store.");
        ReadDuration = meter.CreateHistogram<double>("miljofyrtarn.store.read.duration", "s", "Duration of reads from the event store.");
        NotificationsSent = meter.CreateCounter<long>("miljofyrtarn.notifications.sent", "{notification}", "Notifications sent and recorded.");
        NotificationsFailed = meter.CreateCounter<long>("miljofyrtarn.notifications.failed", "{notification}", "Notifications whose send failed, released for the next run.");
        NotificationsSkipped = meter.CreateCounter<long>("miljofyrtarn.notifications.skipped", "{notification}", "Notifications already sent, or claimed by another host.");
    }

    public Counter<long> NotificationsSent { get; }

    public Counter<long> NotificationsFailed { get; }

    public Counter<long> NotificationsSkipped { get; }

    public Counter<long> ActionsApplied { get; }

    public Counter<long> Refusals { get; }

    public Counter<long> Appends { get; }

    public Counter<long> Events { get; }

    public Counter<long> Conflicts { get; }

    public Counter<long> CommandRetries { get; }

    public Histogram<double> AppendDuration { get; }

    public Histogram<double> ReadDuration { get; }
}
