using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Miljofyrtarn.AspNetCore;

/// <summary>Reports the event store healthy when it opens and answers a one-stream listing; unhealthy, with the library's error code, otherwise.</summary>
internal sealed class EventStoreHealthCheck(IEventStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ListStreamsAsync(null, 1, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (MiljofyrtarnException refused)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, refused.Code, refused, new Dictionary<string, object> { ["code"] = refused.Code });
        }
    }
}
