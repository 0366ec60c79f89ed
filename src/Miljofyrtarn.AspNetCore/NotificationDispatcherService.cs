using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Miljofyrtarn.AspNetCore;

/// <summary>
/// Runs the dispatcher once a day at the configured local time in the scheme's time zone, and once at start-up when
/// today's time has passed (the ledger makes a second run of a day harmless). The next run is computed in local time
/// each day, so it stays at 06:00 across daylight-saving changes; a time that does not exist that day (in the hour
/// skipped in spring) is moved forward by the gap.
/// </summary>
internal sealed partial class NotificationDispatcherService(
    NotificationDispatcher dispatcher, IClock clock, SchemeRuleBook rules, IOptions<NotificationDispatchOptions> options, ILogger<NotificationDispatcherService> logger)
    : BackgroundService
{
    /// <summary>The longest single wait: the next run is recomputed at least this often, so a changed system clock is noticed.</summary>
    private static readonly Duration LongestWait = Duration.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunDaily)
        {
            return;
        }

        var time = options.Value.ParsedTimeOfDay;
        var zone = rules.TimeZone;
        var next = clock.GetCurrentInstant().InZone(zone).Date.At(time).InZoneLeniently(zone).ToInstant() <= clock.GetCurrentInstant()
            ? clock.GetCurrentInstant()
            : NotificationDispatcher.NextRun(clock.GetCurrentInstant(), time, zone);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetCurrentInstant();
            if (now < next)
            {
                var wait = next - now < LongestWait ? next - now : LongestWait;
                await Task.Delay(wait.ToTimeSpan(), stoppingToken).ConfigureAwait(false);
                continue;
            }

            var day = rules.DateOf(now);
            try
            {
                await dispatcher.RunAsync(day, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The next day's run retries (within the catch-up window); the host keeps running.
                LogRunFailed(logger, failure, Dates.Format(day, Language.English));
            }

            next = NotificationDispatcher.NextRun(now + Duration.FromMinutes(1), time, zone);
        }
    }

    [LoggerMessage(EventId = 45, Level = LogLevel.Error, Message = "The notification run for {Day} failed; the next run retries")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string day);
}

/// <summary>The default directory: a person ID that is an e-mail address is the address, in the person's configured language or the default.</summary>
internal sealed class PersonIdRecipientDirectory(IOptions<NotificationDispatchOptions> options) : IRecipientDirectory
{
    public ValueTask<RecipientAddress?> FindAsync(string person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var settings = options.Value;
        if (!SmtpNotificationSender.IsAddress(person))
        {
            return ValueTask.FromResult<RecipientAddress?>(null);
        }

        var language = settings.Languages.TryGetValue(person, out var tag) && LanguageExtensions.TryParseTag(tag, out var chosen) ? chosen : settings.ParsedDefaultLanguage;
        return ValueTask.FromResult<RecipientAddress?>(new RecipientAddress(person, language));
    }
}
