using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Miljofyrtarn.Core.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Miljofyrtarn.AspNetCore;

/// <summary>
/// Sends notifications as e-mail through an SMTP server with MailKit: a plain-text body in the reader's language and
/// the date as a <c>frist.ics</c> attachment. The message's ID is derived from the notification's key, so a mail
/// system that removes duplicates by <c>Message-ID</c> removes the one duplicate a crash can cause.
/// </summary>
/// <remarks>
/// Connects for each message, with the configured security (STARTTLS by default) and credentials. The password is
/// passed to the server only, never logged or put in an exception. Thread-safe.
/// </remarks>
/// <param name="options">The server.</param>
public sealed class SmtpNotificationSender(SmtpSenderOptions options) : INotificationSender
{
    /// <summary>The header that names the notification's key, for a mail system's rules and for tracing a message back.</summary>
    public const string KeyHeader = "X-Miljofyrtarn-Key";

    /// <summary>Whether a text is a plain e-mail address: one <c>@</c> between non-empty parts, no spaces or control characters, at most 254 characters.</summary>
    /// <param name="address">The text.</param>
    /// <returns>True for an address.</returns>
    public static bool IsAddress(string? address) =>
        address is { Length: > 2 and <= 254 } && address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at == address.LastIndexOf('@')
        && at < address.Length - 1 && !address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"')
        && MailboxAddress.TryParse(address, out _);

    /// <inheritdoc />
    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var mime = Compose(message);
        using var client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        var security = options.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(options.Host ?? throw new InvalidOperationException("Miljofyrtarn:Notifications:Smtp:Host is not set."), options.Port, security, cancellationToken).ConfigureAwait(false);
        if (options.UserName is { } user && options.Password is { } password)
        {
            await client.AuthenticateAsync(user, password, cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The MIME message: text in UTF-8, the calendar as <c>text/calendar; method=PUBLISH</c>.</summary>
    private MimeMessage Compose(NotificationMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.From ?? throw new InvalidOperationException("Miljofyrtarn:Notifications:Smtp:From is not set.")));
        mime.To.Add(MailboxAddress.Parse(message.To.Email));
        mime.Subject = message.Subject;
        mime.MessageId = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(message.Notification.Key))).ToLowerInvariant() + "@miljofyrtarn";
        mime.Headers.Add(KeyHeader, message.Notification.Key);
        var text = new TextPart("plain") { Text = message.Body };
        text.Headers.Add(HeaderId.ContentLanguage, message.To.Language.ToTag());
        text.ContentType.Charset = "utf-8";
        var calendar = new MimePart("text", "calendar")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(message.Calendar))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "frist.ics",
        };
        calendar.ContentType.Charset = "utf-8";
        calendar.ContentType.Parameters.Add("method", "PUBLISH");
        mime.Body = new Multipart("mixed") { text, calendar };
        return mime;
    }
}

/// <summary>
/// The default sender: an <see cref="SmtpNotificationSender"/> for <see cref="NotificationDispatchOptions.Smtp"/>, made on
/// the first send, so that checking the options at start-up (which asks which sender is registered) does not read them
/// while they are being made.
/// </summary>
internal sealed class ConfiguredSmtpSender(IServiceProvider services) : INotificationSender
{
    private SmtpNotificationSender? _sender;

    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken = default) =>
        (_sender ??= new SmtpNotificationSender(services.GetRequiredService<IOptions<NotificationDispatchOptions>>().Value.Smtp)).SendAsync(message, cancellationToken);
}
