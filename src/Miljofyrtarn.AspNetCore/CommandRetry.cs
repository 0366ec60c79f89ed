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
/// <remarks>
/// Within one host, changes to one organisation also take turns (<see cref="RunAsync{T}"/>: one of 256 gates, chosen by
/// the stream's name), so they never meet each other's appends; what remains to retry is another host's append. Under
/// sustained load from many writers, optimistic retries alone could starve a writer (measured in docs/benchmarks.md:
/// 14 of 6,222 writes answered 409 on PostgreSQL without the gates); the gates make the host's own writers queue instead.
/// </remarks>
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

    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>The pipeline a change without <c>If-Match</c> runs in.</summary>
    public ResiliencePipeline Pipeline { get; }

    /// <summary>
    /// Runs a change to an organisation: each attempt (load, decide, save) holds the organisation's gate, and a change
    /// without <c>If-Match</c> is retried on another host's append.
    /// </summary>
    /// <param name="stream">The organisation (its stream).</param>
    /// <param name="retried">Whether conflicts are retried (no <c>If-Match</c>).</param>
    /// <param name="attempt">One attempt.</param>
    /// <param name="cancellationToken">Cancels the wait and the attempt.</param>
    /// <returns>What the attempt returned.</returns>
    public async Task<T> RunAsync<T>(string stream, bool retried, Func<CancellationToken, ValueTask<T>> attempt, CancellationToken cancellationToken)
    {
        var gate = _gates[(int)((uint)StringComparer.Ordinal.GetHashCode(stream) % (uint)_gates.Length)];
        return await (retried ? Pipeline : ResiliencePipeline.Empty).ExecuteAsync(
            async token =>
            {
                await gate.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    return await attempt(token).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            },
            cancellationToken).ConfigureAwait(false);
    }
}
