using System.Diagnostics;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Miljofyrtarn.AspNetCore;

/// <summary>
/// The registered store as the host sees it: opened on first use (once, even under concurrent first requests, and
/// again on the next request after a failed opening), with every append and read logged, traced and measured. Reads
/// are retried while the store is briefly unavailable (<see cref="InstrumentedEventStore.Resilience"/>). Refusals pass
/// through unchanged.
/// </summary>
internal sealed partial class InstrumentedEventStore(StoreRegistration registration, IServiceProvider services, MiljofyrtarnInstruments instruments, ILogger<InstrumentedEventStore> logger)
    : IEventStore, IAsyncDisposable
{

    public async Task<long> AppendAsync(string stream, long expectedVersion, IReadOnlyList<LifecycleEvent> events, CancellationToken cancellationToken = default)
    {
        var store = await StoreAsync().ConfigureAwait(false);
        using var activity = MiljofyrtarnInstruments.Source.StartActivity("miljofyrtarn.store.append");
        activity?.SetTag("miljofyrtarn.stream", stream);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var version = await store.AppendAsync(stream, expectedVersion, events, cancellationToken).ConfigureAwait(false);
            instruments.Appends.Add(1);
            instruments.Events.Add(events.Count);
            LogAppended(logger, events.Count, stream, version);
            return version;
        }
        catch (MiljofyrtarnException refused) when (refused.Category == ErrorCategory.Conflict)
        {
            instruments.Conflicts.Add(1);
            activity?.SetStatus(ActivityStatusCode.Error, refused.Code);
            LogConflict(logger, stream, expectedVersion);
            throw;
        }
        finally
        {
            instruments.AppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    public Task<IReadOnlyList<LifecycleEvent>> ReadAsync(string stream, long afterVersion = 0, CancellationToken cancellationToken = default) =>
        ReadCoreAsync(stream, (store, ct) => store.ReadAsync(stream, afterVersion, ct), cancellationToken);

    public Task<IReadOnlyList<LifecycleEvent>> ReadPageAsync(string stream, long afterVersion, int maxCount, CancellationToken cancellationToken = default) =>
        ReadCoreAsync(stream, (store, ct) => store.ReadPageAsync(stream, afterVersion, maxCount, ct), cancellationToken);

    public Task<long> GetVersionAsync(string stream, CancellationToken cancellationToken = default) =>
        RetriedAsync((store, ct) => store.GetVersionAsync(stream, ct), cancellationToken);

    public Task<HistoryVerification> VerifyAsync(string stream, CancellationToken cancellationToken = default) =>
        RetriedAsync((store, ct) => store.VerifyAsync(stream, ct), cancellationToken);

    public Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string? after, int maxCount, CancellationToken cancellationToken = default) =>
        RetriedAsync((store, ct) => store.ListStreamsAsync(after, maxCount, ct), cancellationToken);

    public async Task<IReadOnlyList<FeedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        using var activity = MiljofyrtarnInstruments.Source.StartActivity("miljofyrtarn.store.feed");
        activity?.SetTag("miljofyrtarn.position", afterPosition);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await RetriedAsync((store, ct) => store.ReadAllAsync(afterPosition, maxCount, ct), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            instruments.ReadDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    public async Task<bool> WriteSnapshotAsync(string stream, StoredSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var store = await StoreAsync().ConfigureAwait(false);
        using var activity = MiljofyrtarnInstruments.Source.StartActivity("miljofyrtarn.store.snapshot");
        activity?.SetTag("miljofyrtarn.stream", stream);
        var written = await store.WriteSnapshotAsync(stream, snapshot, cancellationToken).ConfigureAwait(false);
        if (written)
        {
            LogSnapshot(logger, stream, snapshot.Version);
        }

        return written;
    }

    public Task<StoredSnapshot?> ReadSnapshotAsync(string stream, CancellationToken cancellationToken = default) =>
        RetriedAsync((store, ct) => store.ReadSnapshotAsync(stream, ct), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (OpenedStore() is { } opened)
        {
            switch (opened)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private async Task<IReadOnlyList<LifecycleEvent>> ReadCoreAsync(string stream, Func<IEventStore, CancellationToken, Task<IReadOnlyList<LifecycleEvent>>> read, CancellationToken cancellationToken)
    {
        using var activity = MiljofyrtarnInstruments.Source.StartActivity("miljofyrtarn.store.read");
        activity?.SetTag("miljofyrtarn.stream", stream);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var events = await RetriedAsync(read, cancellationToken).ConfigureAwait(false);
            LogRead(logger, events.Count, stream);
            return events;
        }
        finally
        {
            instruments.ReadDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }


    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Appended {Count} events to stream {Stream}, now at version {Version}")]
    private static partial void LogAppended(ILogger logger, int count, string stream, long version);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Append to stream {Stream} at version {ExpectedVersion} lost to another writer")]
    private static partial void LogConflict(ILogger logger, string stream, long expectedVersion);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Read {Count} events from stream {Stream}")]
    private static partial void LogRead(ILogger logger, int count, string stream);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "Wrote the snapshot of stream {Stream} at version {Version}")]
    private static partial void LogSnapshot(ILogger logger, string stream, long version);
}
