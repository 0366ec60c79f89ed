using Miljofyrtarn.Core.Storage;
using NodaTime;

namespace Miljofyrtarn.AspNetCore;

/// <summary>
/// The registered store's notification ledger (<see cref="INotificationLedger"/>), for the notification dispatcher.
/// Only the read is retried: a claim that reached the store before a failure must not be tried again as if it had not.
/// </summary>
internal sealed partial class InstrumentedEventStore : INotificationLedger
{
    public async Task<bool> TryClaimAsync(string key, string claimant, Instant now, Duration lease, CancellationToken cancellationToken = default) =>
        await (await LedgerAsync().ConfigureAwait(false)).TryClaimAsync(key, claimant, now, lease, cancellationToken).ConfigureAwait(false);

    public async Task<bool> MarkSentAsync(string key, string claimant, Instant sentAt, CancellationToken cancellationToken = default) =>
        await (await LedgerAsync().ConfigureAwait(false)).MarkSentAsync(key, claimant, sentAt, cancellationToken).ConfigureAwait(false);

    public async Task<bool> ReleaseAsync(string key, string claimant, CancellationToken cancellationToken = default) =>
        await (await LedgerAsync().ConfigureAwait(false)).ReleaseAsync(key, claimant, cancellationToken).ConfigureAwait(false);

    public Task<NotificationLedgerEntry?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        RetriedAsync((store, ct) => Ledger(store).FindAsync(key, ct), cancellationToken);

    private async Task<INotificationLedger> LedgerAsync() => Ledger(await StoreAsync().ConfigureAwait(false));

    private static INotificationLedger Ledger(IEventStore store) => store as INotificationLedger
        ?? throw new InvalidOperationException($"The registered event store ({store.GetType().Name}) keeps no notification ledger: the notification dispatcher needs a store that implements INotificationLedger, as the SQLite, PostgreSQL and in-memory stores do.");
}
