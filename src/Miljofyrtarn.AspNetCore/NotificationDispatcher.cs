using Miljofyrtarn.Calendar;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Notifications;
using Miljofyrtarn.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Miljofyrtarn.AspNetCore;

/// <summary>
/// Sends the notifications due on a day (<see cref="DueNotifications"/>) for every organisation in the store, each
/// exactly once across hosts: claimed in the store's ledger (<see cref="INotificationLedger"/>), sent through the
/// <see cref="INotificationSender"/>, then recorded. A failed send is released and retried on the next run (within the
/// catch-up window); an organisation that cannot be read is logged and the run goes on.
/// </summary>
/// <remarks>
/// Registered by <see cref="MiljofyrtarnBuilder.AddNotifications"/>; the background service calls it once a day, and a
/// host or test may call <see cref="RunAsync"/> itself. A run that is stopped (or a process that dies) leaves its claims
/// to lapse with their lease, so the next run after it sends them: at most one duplicate (a message sent but not yet
/// recorded), never a loss. Safe to run on several hosts at once.
/// </remarks>
public sealed partial class NotificationDispatcher
{
    private const int PageSize = 200;
    private readonly LifecycleRepository _repository;
    private readonly INotificationLedger _ledger;
    private readonly IRecipientDirectory _directory;
    private readonly INotificationSender _sender;
    private readonly NotificationDispatchOptions _options;
    private readonly MiljofyrtarnInstruments _instruments;
    private readonly ILogger _logger;

    internal NotificationDispatcher(LifecycleRepository repository, INotificationLedger ledger, IRecipientDirectory directory, INotificationSender sender,
        IOptions<NotificationDispatchOptions> options, MiljofyrtarnInstruments instruments, ILogger<NotificationDispatcher> logger)
    {
        _repository = repository;
        _ledger = ledger;
        _directory = directory;
        _sender = sender;
        _options = options.Value;
        _instruments = instruments;
        _logger = logger;
        var host = _options.HostName ?? Environment.MachineName;
        Claimant = $"{host[..Math.Min(host.Length, NotificationLedgerRules.MaxClaimantLength - 33)]}/{Guid.NewGuid():N}";
    }

    /// <summary>The name this dispatcher claims notifications under: the host's name and a random part, one per process.</summary>
    public string Claimant { get; }

    /// <summary>
    /// When the daily run after <paramref name="now"/> is: the first instant at or after it at which the local time of
    /// day is <paramref name="timeOfDay"/> in <paramref name="zone"/>. Computed in local time, so a 06:00 run stays at
    /// 06:00 across daylight-saving changes; a time that does not exist that day (in the hour skipped in spring) is moved
    /// forward by the gap (02:30 becomes 03:30 summer time), as NodaTime's lenient resolver does.
    /// </summary>
    /// <param name="now">Now.</param>
    /// <param name="timeOfDay">The local time of day.</param>
    /// <param name="zone">The time zone, usually the scheme's (Europe/Oslo).</param>
    /// <returns>The next run.</returns>
    public static Instant NextRun(Instant now, LocalTime timeOfDay, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = now.InZone(zone).Date;
        var run = today.At(timeOfDay).InZoneLeniently(zone).ToInstant();
        return run >= now ? run : today.PlusDays(1).At(timeOfDay).InZoneLeniently(zone).ToInstant();
    }

    /// <summary>Sends every notification due on <paramref name="day"/> that no run has sent.</summary>
    /// <param name="day">The day, in the scheme's time zone (usually today).</param>
    /// <param name="cancellationToken">Stops the run; claims not yet recorded lapse with their lease.</param>
    /// <returns>What was sent, failed and skipped.</returns>
    /// <exception cref="MiljofyrtarnException">The day is outside the supported range, or the store cannot be listed.</exception>
    public async Task<NotificationRunResult> RunAsync(LocalDate day, CancellationToken cancellationToken = default)
    {
        if (day < SchemeRuleBook.MinDate || day > SchemeRuleBook.MaxDate)
        {
            throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.DateOutOfRange, [Iso(day), Iso(SchemeRuleBook.MinDate), Iso(SchemeRuleBook.MaxDate)]));
        }

        var due = _options.ToDue();
        var lease = Duration.FromMinutes(_options.LeaseMinutes);
        int sent = 0, failed = 0, skipped = 0, unaddressed = 0;
        string? after = null;
        do
        {
            var page = await _repository.ListAsync(after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var stream in page.Items)
            {
                OrganisationLifecycle lifecycle;
                try
                {
                    lifecycle = await _repository.GetAsync(stream.Name, cancellationToken).ConfigureAwait(false);
                }
                catch (MiljofyrtarnException unreadable)
                {
                    failed++;
                    _instruments.NotificationsFailed.Add(1);
                    LogUnreadable(_logger, stream.Name, unreadable.Code);
                    continue;
                }

                foreach (var notification in DueNotifications.On(lifecycle, stream.Name, day, due))
                {
                    switch (await DispatchAsync(notification, lease, cancellationToken).ConfigureAwait(false))
                    {
                        case Outcome.Sent: sent++; break;
                        case Outcome.Failed: failed++; break;
                        case Outcome.Unaddressed: unaddressed++; break;
                        default: skipped++; break;
                    }
                }
            }

            after = page.Next;
        }
        while (after is not null);

        LogRun(_logger, day, sent, failed, skipped, unaddressed);
        return new NotificationRunResult(sent, failed, skipped, unaddressed);
    }

    private async Task<Outcome> DispatchAsync(Notification notification, Duration lease, CancellationToken cancellationToken)
    {
        var key = notification.Key;
        if (await _ledger.FindAsync(key, cancellationToken).ConfigureAwait(false) is { SentAt: not null }
            || !await _ledger.TryClaimAsync(key, Claimant, _repository.Clock.GetCurrentInstant(), lease, cancellationToken).ConfigureAwait(false))
        {
            _instruments.NotificationsSkipped.Add(1);
            return Outcome.Skipped;
        }

        var address = await _directory.FindAsync(notification.Recipient.Person, cancellationToken).ConfigureAwait(false);
        if (address is null)
        {
            await _ledger.ReleaseAsync(key, Claimant, cancellationToken).ConfigureAwait(false);
            LogUnaddressed(_logger, Describe(notification));
            return Outcome.Unaddressed;
        }

        var language = address.Language;
        var message = new NotificationMessage(notification, address, NotificationTexts.Subject(notification, language), NotificationTexts.Body(notification, language),
            NotificationCalendar.Export(notification, language, _repository.Clock.GetCurrentInstant()));
        try
        {
            await _sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Released for the next run; the exception's message may name the server, never the credentials, and is only logged.
            await _ledger.ReleaseAsync(key, Claimant, CancellationToken.None).ConfigureAwait(false);
            _instruments.NotificationsFailed.Add(1);
            LogSendFailed(_logger, failure, Describe(notification));
            return Outcome.Failed;
        }

        await _ledger.MarkSentAsync(key, Claimant, _repository.Clock.GetCurrentInstant(), CancellationToken.None).ConfigureAwait(false);
        _instruments.NotificationsSent.Add(1);
        LogSent(_logger, Describe(notification));
        return Outcome.Sent;
    }

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    /// <summary>What a log line names of a notification: the organisation, the kind, the unit and the day, not the person (whose ID may be an e-mail address).</summary>
    private static string Describe(Notification n) => $"{n.Stream}/{n.Kind}/{n.Unit}/{Iso(n.DueDate)}";

    private enum Outcome
    {
        Sent,
        Failed,
        Skipped,
        Unaddressed,
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Notifications for {Day}: {Sent} sent, {Failed} failed, {Skipped} skipped, {Unaddressed} without an address")]
    private static partial void LogRun(ILogger logger, LocalDate day, int sent, int failed, int skipped, int unaddressed);

    [LoggerMessage(EventId = 41, Level = LogLevel.Debug, Message = "Sent notification {Notification}")]
    private static partial void LogSent(ILogger logger, string notification);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "Sending notification {Notification} failed; it is released for the next run")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string notification);

    [LoggerMessage(EventId = 43, Level = LogLevel.Warning, Message = "Notification {Notification} has a recipient without an address in the directory")]
    private static partial void LogUnaddressed(ILogger logger, string notification);

    [LoggerMessage(EventId = 44, Level = LogLevel.Error, Message = "Organisation {Stream} could not be read for notifications ({Code})")]
    private static partial void LogUnreadable(ILogger logger, string stream, string code);
}
