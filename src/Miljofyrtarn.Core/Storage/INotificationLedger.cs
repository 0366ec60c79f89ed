using Miljofyrtarn.Core.Diagnostics;
using NodaTime;

using Miljofyrtarn.Core.Notifications;

namespace Miljofyrtarn.Core.Storage;

/// <summary>
/// Where a host records which notifications it sent, by key, so each is sent once even with several hosts: the SQLite,
/// PostgreSQL and in-memory event stores keep one (a table with the key as its primary key), with the same contract.
/// </summary>
/// <remarks>
/// <para>
/// A sender first <b>claims</b> a key for a lease (<see cref="TryClaimAsync"/>): of two hosts claiming at once, one
/// wins. It then sends, and <b>records</b> the key as sent (<see cref="MarkSentAsync"/>); a key recorded as sent is
/// never claimed again. A failed send <b>releases</b> the claim (<see cref="ReleaseAsync"/>), so the next run retries.
/// </para>
/// <para>
/// A host that stops between claiming and recording leaves a claim that lapses with its lease; the next run claims it
/// again and sends. So a crash before the send loses nothing, and a crash after the send but before the record gives at
/// most one duplicate: never a loss.
/// </para>
/// </remarks>
public interface INotificationLedger
{
    /// <summary>Claims a notification's key for sending: true when it was neither sent nor claimed under a lease that has not lapsed.</summary>
    /// <param name="key">The notification's key (<see cref="Notification.Key"/>).</param>
    /// <param name="claimant">Who claims it, for example the host's name and a run ID.</param>
    /// <param name="now">Now, by the host's clock.</param>
    /// <param name="lease">How long the claim holds before another may take it over: 1 second to 1 day.</param>
    /// <param name="cancellationToken">Cancels the claim; nothing is written then.</param>
    /// <returns>True when the caller now holds the claim and should send.</returns>
    /// <exception cref="MiljofyrtarnException">The key or claimant is blank, too long or not valid text, or the lease is out of range.</exception>
    Task<bool> TryClaimAsync(string key, string claimant, Instant now, Duration lease, CancellationToken cancellationToken = default);

    /// <summary>Records a claimed notification as sent; it is never claimed again.</summary>
    /// <param name="key">The key.</param>
    /// <param name="claimant">The claimant that holds the claim.</param>
    /// <param name="sentAt">When it was sent.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when recorded; false when the claim was no longer the claimant's (its lease lapsed and another took it over) or the key was already recorded.</returns>
    /// <exception cref="MiljofyrtarnException">The key or claimant is invalid.</exception>
    Task<bool> MarkSentAsync(string key, string claimant, Instant sentAt, CancellationToken cancellationToken = default);

    /// <summary>Gives up a claim that was not sent (the send failed), so the next run may claim it at once.</summary>
    /// <param name="key">The key.</param>
    /// <param name="claimant">The claimant that holds the claim.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when a claim was released; false when there was none of this claimant's, or the key was sent.</returns>
    /// <exception cref="MiljofyrtarnException">The key or claimant is invalid.</exception>
    Task<bool> ReleaseAsync(string key, string claimant, CancellationToken cancellationToken = default);

    /// <summary>Reads what the ledger holds for a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry, or null when the key was never claimed (or its claim was released).</returns>
    /// <exception cref="MiljofyrtarnException">The key is invalid, or the stored entry is corrupt (<see cref="ErrorCodes.CorruptStoredValue"/>).</exception>
    Task<NotificationLedgerEntry?> FindAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>What a ledger holds for a notification's key.</summary>
/// <param name="Key">The key.</param>
/// <param name="Claimant">Who claimed it last.</param>
/// <param name="ClaimedUntil">When the last claim's lease lapses (lapsed or not).</param>
/// <param name="SentAt">When it was recorded as sent; null while it is only claimed.</param>
public sealed record NotificationLedgerEntry(string Key, string Claimant, Instant ClaimedUntil, Instant? SentAt);

/// <summary>The checks every ledger makes before it writes or reads, the same in every store.</summary>
public static class NotificationLedgerRules
{
    /// <summary>
    /// The longest key: derived from what the library accepts, so every key it makes fits. A stream name (256) and a
    /// person ID (256) of characters that are all escaped (three each), a unit ID (64, escaped), the longest kind, the
    /// criterion, the occurrence and the separators come to 1,789.
    /// </summary>
    public const int MaxKeyLength = 2048;

    /// <summary>The longest claimant.</summary>
    public const int MaxClaimantLength = 256;

    /// <summary>The shortest lease.</summary>
    public static readonly Duration MinLease = Duration.FromSeconds(1);

    /// <summary>The longest lease.</summary>
    public static readonly Duration MaxLease = Duration.FromDays(1);

    /// <summary>Checks a key.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="MiljofyrtarnException">Blank, longer than <see cref="MaxKeyLength"/> or not valid text.</exception>
    public static void CheckKey(string key) => Check(key, null, null);

    /// <summary>Checks a key and a claimant.</summary>
    /// <param name="key">The key.</param>
    /// <param name="claimant">The claimant.</param>
    /// <exception cref="MiljofyrtarnException">Either is blank, too long or not valid text.</exception>
    public static void CheckClaim(string key, string claimant) => Check(key, claimant, null);

    /// <summary>Checks a claim's key, claimant and lease.</summary>
    /// <param name="key">The key.</param>
    /// <param name="claimant">The claimant.</param>
    /// <param name="lease">The lease.</param>
    /// <exception cref="MiljofyrtarnException">The key or claimant is invalid, or the lease is outside <see cref="MinLease"/> to <see cref="MaxLease"/> (<see cref="ErrorCodes.NumberOutOfRange"/>).</exception>
    public static void CheckClaim(string key, string claimant, Duration lease) => Check(key, claimant, lease);

    private static void Check(string key, string? claimant, Duration? lease)
    {
        ArgumentNullException.ThrowIfNull(key);
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(key))
        {
            problems.Add(ErrorCodes.BlankText, "key");
        }

        problems.Text(key, "key", MaxKeyLength);
        if (claimant is not null || lease is not null)
        {
            ArgumentNullException.ThrowIfNull(claimant);
            if (string.IsNullOrWhiteSpace(claimant))
            {
                problems.Add(ErrorCodes.BlankText, "claimant");
            }

            problems.Text(claimant, "claimant", MaxClaimantLength);
        }

        if (lease is { } duration && (duration < MinLease || duration > MaxLease))
        {
            problems.Add(ErrorCodes.NumberOutOfRange, "lease", duration.TotalSeconds, MinLease.TotalSeconds, MaxLease.TotalSeconds);
        }

        problems.ThrowIfAny();
    }
}
