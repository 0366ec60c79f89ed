using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Tests;

namespace Miljofyrtarn.Storage.Postgres.Tests;

/// <summary>Writers for the reliability tests: each appends valid events (an organisation's start, then assessments) and says who wrote which.</summary>
internal static class Writers
{
    private static readonly OrganisationLifecycle Start = EventStoreContractTest.Lifecycle(0);

    private static readonly LifecycleEvent Assessment =
        Start.RecordAssessment(Start.Organisation.Headquarters.Id, 7, FulfilmentStatus.InProgress, "writer").History[^1];

    /// <summary>The first event of every stream.</summary>
    public static LifecycleEvent First => Start.History[0];

    /// <summary>An assessment as event <paramref name="sequence"/>, attributed to <paramref name="actor"/>, so the winner of each version can be told apart.</summary>
    public static LifecycleEvent Event(long sequence, string actor) => Assessment with { Sequence = sequence, Actor = actor };

    /// <summary>Appends one event at the stream's current version; true when it won, false on a conflict. Any other failure is thrown.</summary>
    public static async Task<(bool Won, long Version)> TryAppendAsync(IEventStore store, string stream, string actor, CancellationToken cancellationToken)
    {
        var version = await store.GetVersionAsync(stream, cancellationToken);
        try
        {
            return (true, await store.AppendAsync(stream, version, [Event(version + 1, actor)], cancellationToken));
        }
        catch (MiljofyrtarnException conflict) when (conflict.Code == ErrorCodes.ConcurrencyConflict)
        {
            return (false, version + 1);
        }
    }
}
