using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Storage;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Miljofyrtarn.AspNetCore;

/// <summary>
/// Opening the store, and reading from it, while it is briefly unavailable (issue 32: a store that heals). A failed
/// opening is never kept: the next request or health probe opens again, so a host whose database starts after it
/// becomes healthy by itself. Reads that meet an unavailable store (<see cref="ErrorCategory.Unavailable"/>: the server
/// is restarting, the file is locked) are retried with exponential backoff and jitter. Appends are not retried: one
/// whose acknowledgement was lost may have been stored, and only the caller, re-reading, can tell.
/// </summary>
internal sealed partial class InstrumentedEventStore
{
    /// <summary>The retries of an opening or a read: three more tries, 100 ms apart at first and doubling, with jitter.</summary>
    internal static readonly ResiliencePipeline Resilience = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<MiljofyrtarnException>(e => e.Category == ErrorCategory.Unavailable),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(100),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    private readonly object _gate = new();
    private Task<IEventStore>? _opening;

    /// <summary>The store, opening it if it is not open: one opening at a time, and a new one after a failure.</summary>
    private Task<IEventStore> StoreAsync()
    {
        lock (_gate)
        {
            if (_opening is null || _opening.IsFaulted || _opening.IsCanceled)
            {
                _opening = OpenAsync();
            }

            return _opening;
        }
    }

    private async Task<IEventStore> OpenAsync()
    {
        try
        {
            var store = await Resilience.ExecuteAsync(async ct => await registration.Open(services, ct).ConfigureAwait(false), CancellationToken.None).ConfigureAwait(false);
            LogOpened(logger, store.GetType().Name);
            return store;
        }
        catch (MiljofyrtarnException failed)
        {
            LogOpenFailed(logger, failed.Code);
            throw;
        }
    }

    /// <summary>The store if it was opened, for disposal.</summary>
    private IEventStore? OpenedStore()
    {
        lock (_gate)
        {
            return _opening is { IsCompletedSuccessfully: true } opened ? opened.Result : null;
        }
    }

    /// <summary>A read, retried while the store is unavailable.</summary>
    private async Task<T> RetriedAsync<T>(Func<IEventStore, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        await Resilience.ExecuteAsync(
            async ct => await read(await StoreAsync().ConfigureAwait(false), ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Opened the Miljøfyrtårn event store ({StoreType})")]
    private static partial void LogOpened(ILogger logger, string storeType);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "The Miljøfyrtårn event store could not be opened ({Code}); the next request tries again")]
    private static partial void LogOpenFailed(ILogger logger, string code);
}
