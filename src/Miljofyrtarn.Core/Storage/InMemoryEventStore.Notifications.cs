using NodaTime;

namespace Miljofyrtarn.Core.Storage;

/// <content>The notification ledger (<see cref="INotificationLedger"/>): the same contract as the SQLite and PostgreSQL tables, under the store's lock.</content>
public sealed partial class InMemoryEventStore
{
    private readonly Dictionary<string, NotificationLedgerEntry> _notifications = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<bool> TryClaimAsync(string key, string claimant, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        NotificationLedgerRules.CheckClaim(key, claimant, lease);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_notifications.TryGetValue(key, out var entry) && (entry.SentAt is not null || entry.ClaimedUntil > now))
            {
                return Task.FromResult(false);
            }

            _notifications[key] = new NotificationLedgerEntry(key, claimant, now + lease, null);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> MarkSentAsync(string key, string claimant, Instant sentAt, CancellationToken cancellationToken = default)
    {
        NotificationLedgerRules.CheckClaim(key, claimant);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_notifications.TryGetValue(key, out var entry) || entry.SentAt is not null || !string.Equals(entry.Claimant, claimant, StringComparison.Ordinal))
            {
                return Task.FromResult(false);
            }

            _notifications[key] = entry with { SentAt = sentAt };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(string key, string claimant, CancellationToken cancellationToken = default)
    {
        NotificationLedgerRules.CheckClaim(key, claimant);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_notifications.TryGetValue(key, out var entry) && entry.SentAt is null
                && string.Equals(entry.Claimant, claimant, StringComparison.Ordinal) && _notifications.Remove(key));
        }
    }

    /// <inheritdoc />
    public Task<NotificationLedgerEntry?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        NotificationLedgerRules.CheckKey(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_notifications.GetValueOrDefault(key));
        }
    }
}
