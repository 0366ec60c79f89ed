using System.Globalization;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Notifications;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.AspNetCore;

/// <summary>How the SMTP sender connects: STARTTLS on a plain connection (port 587), TLS from the start (port 465), or no TLS (only for a server on the same machine).</summary>
public enum SmtpSecurity
{
    /// <summary>Upgrade the connection with STARTTLS; refuse a server that does not offer it.</summary>
    StartTls = 0,

    /// <summary>TLS from the first byte (implicit TLS, port 465).</summary>
    SslOnConnect = 1,

    /// <summary>No TLS: only for a relay on the same machine or a test server.</summary>
    None = 2,
}

/// <summary>The SMTP server the default sender uses (<see cref="SmtpNotificationSender"/>), bound from <c>Miljofyrtarn:Notifications:Smtp</c>.</summary>
public sealed class SmtpSenderOptions
{
    /// <summary>The server's host name or address.</summary>
    public string? Host { get; set; }

    /// <summary>The server's port, 1 to 65535. Default 587.</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured. Default <see cref="SmtpSecurity.StartTls"/>.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The user name to authenticate with; null for a server that needs none.</summary>
    public string? UserName { get; set; }

    /// <summary>The password: from configuration or a secret store only, never in code; it is never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The sender's address, for example <c>miljofyrtarn@heim.kommune.no</c>.</summary>
    public string? From { get; set; }

    /// <summary>The sender's display name. Default «Miljøfyrtårn».</summary>
    public string FromName { get; set; } = "Miljøfyrtårn";

    /// <summary>How long one connection or command may take, in seconds, 1 to 300. Default 30.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <inheritdoc />
    public override string ToString() => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)} ({Security}), user {(UserName is null ? "none" : "set")}, password {(Password is null ? "none" : "set")}";
}

/// <summary>
/// The notification dispatcher's settings (<see cref="MiljofyrtarnBuilder.AddNotifications"/>), bound from the
/// <c>Miljofyrtarn:Notifications</c> configuration section and checked at start-up.
/// </summary>
public sealed class NotificationDispatchOptions
{
    /// <summary>The configuration section: <c>Miljofyrtarn:Notifications</c>.</summary>
    public const string SectionName = "Miljofyrtarn:Notifications";

    /// <summary>Whether the background service runs the dispatcher every day; false leaves it to the host to call <see cref="NotificationDispatcher.RunAsync"/>. Default true.</summary>
    public bool RunDaily { get; set; } = true;

    /// <summary>The local time of day (in the scheme's time zone) of the daily run, <c>HH:mm</c>. Default <c>06:00</c>.</summary>
    public string TimeOfDay { get; set; } = "06:00";

    /// <summary>How long a claim holds before another host may take it over, in minutes, 1 to 1,440. Default 10.</summary>
    public int LeaseMinutes { get; set; } = 10;

    /// <summary>Days before the annual report's due date to remind; null for the default (30 and 7).</summary>
    public int[]? ReportLeadDays { get; set; }

    /// <summary>Days before a follow-up audit to remind; null for the default (30).</summary>
    public int[]? AuditLeadDays { get; set; }

    /// <summary>Days before a certificate expires to remind; null for the default (90 and 30).</summary>
    public int[]? ExpiryLeadDays { get; set; }

    /// <summary>How many days back a notification not yet sent is still sent, 0 to 31. Default 7.</summary>
    public int CatchUpDays { get; set; } = 7;

    /// <summary>The language of a person not in <see cref="Languages"/>: <c>nb</c>, <c>nn</c> or <c>en</c>. Default <c>nb</c>.</summary>
    public string DefaultLanguage { get; set; } = "nb";

    /// <summary>Each person's language by person ID (<c>nb</c>, <c>nn</c> or <c>en</c>), for the default directory.</summary>
    public Dictionary<string, string> Languages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The name this host claims notifications under (with a random suffix per process); null for the machine's name.</summary>
    public string? HostName { get; set; }

    /// <summary>The SMTP server of the default sender.</summary>
    public SmtpSenderOptions Smtp { get; set; } = new();

    internal LocalTime ParsedTimeOfDay => LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(TimeOfDay ?? string.Empty).GetValueOrThrow();

    internal Language ParsedDefaultLanguage => LanguageExtensions.TryParseTag(DefaultLanguage, out var language) ? language : Language.NorwegianBokmal;

    /// <summary>The core's options these settings describe.</summary>
    /// <exception cref="MiljofyrtarnException">A lead time or the catch-up window is out of range.</exception>
    internal NotificationOptions ToDue()
    {
        var due = NotificationOptions.Default with { CatchUpDays = CatchUpDays };
        due = ReportLeadDays is null ? due : due with { ReportLeadDays = [.. ReportLeadDays] };
        due = AuditLeadDays is null ? due : due with { AuditLeadDays = [.. AuditLeadDays] };
        return ExpiryLeadDays is null ? due : due with { ExpiryLeadDays = [.. ExpiryLeadDays] };
    }
}

/// <summary>Checks the dispatcher's settings at start-up, naming each bad one; the password is never part of a message.</summary>
internal sealed class NotificationDispatchOptionsValidator(IEnumerable<INotificationSender> senders) : IValidateOptions<NotificationDispatchOptions>
{
    private const string Section = NotificationDispatchOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, NotificationDispatchOptions options)
    {
        var failures = new List<string>();
        if (!LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(options.TimeOfDay ?? string.Empty).Success)
        {
            failures.Add($"{Section}:TimeOfDay: '{options.TimeOfDay}' is not a time of day as HH:mm, such as 06:00.");
        }

        if (options.LeaseMinutes is < 1 or > 1440)
        {
            failures.Add($"{Section}:LeaseMinutes: {options.LeaseMinutes} is outside 1 to 1440.");
        }

        try
        {
            options.ToDue();
        }
        catch (MiljofyrtarnException refused)
        {
            failures.Add($"{Section}: lead days or CatchUpDays out of range: {refused.GetMessage(Language.English)}");
        }

        foreach (var (person, tag) in options.Languages.Prepend(new KeyValuePair<string, string>("DefaultLanguage", options.DefaultLanguage)))
        {
            if (!LanguageExtensions.TryParseTag(tag, out _))
            {
                failures.Add($"{Section}:{(person == "DefaultLanguage" ? person : "Languages:" + person)}: '{tag}' is not nb, nn or en.");
            }
        }

        // Only the default sender needs the SMTP settings; a host with a sender of its own needs none.
        if (senders.LastOrDefault() is ConfiguredSmtpSender)
        {
            var smtp = options.Smtp;
            if (string.IsNullOrWhiteSpace(smtp.Host))
            {
                failures.Add($"{Section}:Smtp:Host is not set.");
            }

            if (smtp.Port is < 1 or > 65535)
            {
                failures.Add($"{Section}:Smtp:Port: {smtp.Port} is outside 1 to 65535.");
            }

            if (!SmtpNotificationSender.IsAddress(smtp.From))
            {
                failures.Add($"{Section}:Smtp:From: '{smtp.From}' is not an e-mail address.");
            }

            if ((smtp.UserName is null) != (smtp.Password is null))
            {
                failures.Add($"{Section}:Smtp: set both UserName and Password, or neither.");
            }

            if (smtp.TimeoutSeconds is < 1 or > 300)
            {
                failures.Add($"{Section}:Smtp:TimeoutSeconds: {smtp.TimeoutSeconds} is outside 1 to 300.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
