using System.ComponentModel;
using Miljofyrtarn.AspNetCore;
using Miljofyrtarn.Calendar;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Notifications;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Sqlite;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Miljofyrtarn.Sample.Console;

internal sealed class RemindSettings : FileSettings
{
    [CommandOption("--date <DATE>")]
    [Description("The day, like 2026-03-02; today when left out")]
    public string? Date { get; init; }

    [CommandOption("--send")]
    [Description("Send them by e-mail through --smtp (each once: a SQLite file records what was sent)")]
    public bool Send { get; init; }

    [CommandOption("--smtp <HOST:PORT>")]
    [Description("The SMTP server, like smtp.heim.kommune.no:587")]
    public string? Smtp { get; init; }

    [CommandOption("--security <MODE>")]
    [Description("starttls (default), ssl or none (only for a server on this machine)")]
    public string Security { get; init; } = "starttls";

    [CommandOption("--from <ADDRESS>")]
    [Description("The sender's address")]
    public string From { get; init; } = "miljofyrtarn@heim.kommune.no";

    public (string Host, int Port)? Server => Smtp?.LastIndexOf(':') is > 0 and var at && int.TryParse(Smtp[(at + 1)..], out var port) && port is > 0 and <= 65535
        ? (Smtp[..at], port)
        : null;

    public override ValidationResult Validate()
    {
        var language = base.Validate();
        if (!language.Successful)
        {
            return language;
        }

        if (Send && Server is null)
        {
            return ValidationResult.Error("--send needs --smtp HOST:PORT.");
        }

        if (Security is not ("starttls" or "ssl" or "none"))
        {
            return ValidationResult.Error($"--security must be starttls, ssl or none, not '{Security}'.");
        }

        return SmtpNotificationSender.IsAddress(From) ? ValidationResult.Success() : ValidationResult.Error($"--from must be an e-mail address, not '{From}'.");
    }
}

[Description("The reminders due on a day: to whom, about what; with --send, e-mailed through an SMTP server")]
internal sealed class RemindCommand : SampleCommand<RemindSettings>
{
    protected override async Task<int> RunAsync(RemindSettings settings, CancellationToken cancellationToken)
    {
        var language = settings.Language;
        var lifecycle = await LoadAsync(settings, cancellationToken);
        var day = Date(settings.Date, lifecycle.Today, "--date", language);
        var stream = settings.Stream ?? LifecycleRepository.StreamOf(lifecycle);
        var due = DueNotifications.On(lifecycle, stream, day);
        AnsiConsole.MarkupLine(Markup.Escape(Render.T(language,
            $"{due.Length} påminnelser {Dates.Format(day, language)}:", $"{due.Length} påminningar {Dates.Format(day, language)}:", $"{due.Length} reminders on {Dates.Format(day, language)}:")));
        foreach (var notification in due)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"  {NotificationTexts.Subject(notification, language)} → {notification.Recipient.Person}"));
        }

        return settings.Send ? await SendAsync(settings, due, cancellationToken) : ExitCodes.Success;
    }

    /// <summary>Sends each notification to a person whose ID is an e-mail address; a SQLite file's ledger makes a second run send nothing twice.</summary>
    private static async Task<int> SendAsync(RemindSettings settings, IReadOnlyList<Notification> due, CancellationToken cancellationToken)
    {
        var language = settings.Language;
        var (host, port) = settings.Server!.Value;
        var sender = new SmtpNotificationSender(new SmtpSenderOptions
        {
            Host = host,
            Port = port,
            From = settings.From,
            Security = settings.Security switch { "ssl" => SmtpSecurity.SslOnConnect, "none" => SmtpSecurity.None, _ => SmtpSecurity.StartTls },
        });
        await using var store = settings.File.EndsWith(".db", StringComparison.OrdinalIgnoreCase) ? await SqliteEventStore.OpenAsync(settings.File, cancellationToken) : null;
        var claimant = $"miljofyrtarn-sample/{Guid.NewGuid():N}";
        int sent = 0, earlier = 0, unaddressed = 0;
        foreach (var notification in due)
        {
            if (!SmtpNotificationSender.IsAddress(notification.Recipient.Person))
            {
                unaddressed++;
                continue;
            }

            var now = SystemClock.Instance.GetCurrentInstant();
            if (store is not null && !await store.TryClaimAsync(notification.Key, claimant, now, Duration.FromMinutes(10), cancellationToken))
            {
                earlier++;
                continue;
            }

            try
            {
                var address = new RecipientAddress(notification.Recipient.Person, language);
                await sender.SendAsync(new NotificationMessage(notification, address, NotificationTexts.Subject(notification, language),
                    NotificationTexts.Body(notification, language), NotificationCalendar.Export(notification, language, now)), cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                if (store is not null)
                {
                    await store.ReleaseAsync(notification.Key, claimant, CancellationToken.None);
                }

                // The server's own words (and the library's exception text) stay out of the message: the host and port are the user's own input.
                throw new BadInputException(Render.T(language,
                    $"SMTP-serveren {host}:{port} tok ikke imot e-posten (sjekk adressen, --security og om serveren kjører); {sent} ble sendt før det.",
                    $"SMTP-tenaren {host}:{port} tok ikkje imot e-posten (sjekk adressa, --security og om tenaren køyrer); {sent} vart sende før det.",
                    $"the SMTP server {host}:{port} did not take the e-mail (check the address, --security and that the server runs); {sent} were sent before."), failure);
            }

            if (store is not null)
            {
                await store.MarkSentAsync(notification.Key, claimant, SystemClock.Instance.GetCurrentInstant(), CancellationToken.None);
            }

            sent++;
        }

        AnsiConsole.MarkupLine(Markup.Escape(Render.T(language,
            $"Sendt: {sent}. Sendt før: {earlier}. Uten e-postadresse: {unaddressed}.",
            $"Sendt: {sent}. Sendt før: {earlier}. Utan e-postadresse: {unaddressed}.",
            $"Sent: {sent}. Sent before: {earlier}. Without an e-mail address: {unaddressed}.")));
        return ExitCodes.Success;
    }
}
