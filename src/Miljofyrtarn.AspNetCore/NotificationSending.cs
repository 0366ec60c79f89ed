using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Notifications;

namespace Miljofyrtarn.AspNetCore;

/// <summary>Where and in which language a person receives notifications.</summary>
/// <param name="Email">The e-mail address.</param>
/// <param name="Language">The language the person reads.</param>
public sealed record RecipientAddress(string Email, Language Language);

/// <summary>
/// Finds the e-mail address and language of a person the organisation's roles name (<see cref="NotificationRecipient.Person"/>).
/// The default takes a person ID that is an e-mail address as the address, in the language configured for the person
/// or the default one (<see cref="NotificationDispatchOptions.Languages"/>); register your own to look people up in a
/// directory of your own.
/// </summary>
public interface IRecipientDirectory
{
    /// <summary>The person's address, or null when the person cannot be reached by e-mail (the notification is then not sent, and not recorded as sent).</summary>
    /// <param name="person">The person's ID.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The address, or null.</returns>
    ValueTask<RecipientAddress?> FindAsync(string person, CancellationToken cancellationToken = default);
}

/// <summary>A notification ready to send: to whom, its subject and body in the reader's language, and its date as an <c>.ics</c> document.</summary>
/// <param name="Notification">The notification.</param>
/// <param name="To">The reader's address and language.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Body">The plain-text body.</param>
/// <param name="Calendar">The notification's date as an iCalendar document (<see cref="Calendar.NotificationCalendar"/>).</param>
public sealed record NotificationMessage(Notification Notification, RecipientAddress To, string Subject, string Body, string Calendar);

/// <summary>Sends a notification. The default sends e-mail through SMTP (<see cref="SmtpNotificationSender"/>).</summary>
public interface INotificationSender
{
    /// <summary>Sends the message; throws when it was not accepted, so the dispatcher releases it for the next run.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the message was handed over.</returns>
    Task SendAsync(NotificationMessage message, CancellationToken cancellationToken = default);
}

/// <summary>What one run of the dispatcher did (<see cref="NotificationDispatcher.RunAsync"/>).</summary>
/// <param name="Sent">Notifications sent and recorded.</param>
/// <param name="Failed">Notifications whose send failed, released for the next run; and organisations that could not be read.</param>
/// <param name="Skipped">Notifications already sent, or claimed by another host now.</param>
/// <param name="Unaddressed">Notifications whose recipient has no address (<see cref="IRecipientDirectory"/>); not recorded, so they go once an address is known, within the catch-up window.</param>
public sealed record NotificationRunResult(int Sent, int Failed, int Skipped, int Unaddressed);
