using Miljofyrtarn.Core.Diagnostics;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Miljofyrtarn.AspNetCore;

/// <summary>
/// Retries of a change without <c>If-Match</c> that met another writer's append (issue 32): commands on different
/// units of one organisation share its stream, so they collide although they touch different things. Each retry
/// loads the new state and applies the command to it again, so the rules and the caller's rights are checked again and
/// a rule is never bypassed. Only <see cref="ErrorCodes.ConcurrencyConflict"/> is retried, with a short exponential
/// backoff and jitter (Polly.Core); a change with <c>If-Match</c> is never retried.
/// </summary>
internal sealed class CommandRetry
{
    public CommandRetry(IOptions<MiljofyrtarnOptions> options, MiljofyrtarnInstruments instruments)
    {
        var retries = options.Value.CommandRetries;
        Pipeline = retries == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<MiljofyrtarnException>(e => e.Code == ErrorCodes.ConcurrencyConflict),
                    MaxRetryAttempts = retries,
                    Delay = TimeSpan.FromMilliseconds(5),
                    MaxDelay = TimeSpan.FromMilliseconds(500),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    OnRetry = _ =>
                    {
                        instruments.CommandRetries.Add(1);
                        return default;
                    },
                })
                .Build();
    }

    /// <summary>The pipeline a change without <c>If-Match</c> runs in.</summary>
    public ResiliencePipeline Pipeline { get; }
}
