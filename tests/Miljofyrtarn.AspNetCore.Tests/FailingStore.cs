using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;

namespace Miljofyrtarn.AspNetCore.Tests;

/// <summary>A store that refuses every call with a chosen code: a damaged or unreachable database, on demand.</summary>
internal sealed class FailingStore : IEventStore
{
    public string Code { get; set; } = ErrorCodes.StoreUnavailable;

    public string[] Arguments { get; set; } = ["test"];

    public Task<long> AppendAsync(string stream, long expectedVersion, IReadOnlyList<LifecycleEvent> events, CancellationToken cancellationToken = default) => throw Fail();

    public Task<IReadOnlyList<LifecycleEvent>> ReadAsync(string stream, long afterVersion = 0, CancellationToken cancellationToken = default) => throw Fail();

    public Task<IReadOnlyList<LifecycleEvent>> ReadPageAsync(string stream, long afterVersion, int maxCount, CancellationToken cancellationToken = default) => throw Fail();

    public Task<long> GetVersionAsync(string stream, CancellationToken cancellationToken = default) => throw Fail();

    public Task<HistoryVerification> VerifyAsync(string stream, CancellationToken cancellationToken = default) => throw Fail();

    public Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string? after, int maxCount, CancellationToken cancellationToken = default) => throw Fail();

    public Task<IReadOnlyList<FeedEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default) => throw Fail();

    private MiljofyrtarnException Fail() => new(new Diagnostic(Code, Arguments));
}
