using Miljofyrtarn.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Miljofyrtarn.AspNetCore;

/// <content>The notification dispatcher, opt-in.</content>
public sealed partial class MiljofyrtarnBuilder
{
    /// <summary>
    /// Sends reminders by e-mail (issue 34): a <see cref="NotificationDispatcher"/> and a background service that runs it
    /// every day at <see cref="NotificationDispatchOptions.TimeOfDay"/>, with options bound from
    /// <c>Miljofyrtarn:Notifications</c> and checked at start-up. The defaults: an <see cref="SmtpNotificationSender"/> for
    /// <see cref="NotificationDispatchOptions.Smtp"/>, and a directory that takes e-mail-shaped person IDs as addresses;
    /// register an <see cref="INotificationSender"/> or <see cref="IRecipientDirectory"/> of your own (before or after
    /// this call) to replace either. The registered store must keep a notification ledger (<see cref="INotificationLedger"/>).
    /// </summary>
    /// <param name="configure">Changes to the options after configuration binding, or null.</param>
    /// <returns>This builder.</returns>
    public MiljofyrtarnBuilder AddNotifications(Action<NotificationDispatchOptions>? configure = null)
    {
        var options = Services.AddOptions<NotificationDispatchOptions>().BindConfiguration(NotificationDispatchOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationDispatchOptions>, NotificationDispatchOptionsValidator>());
        Services.TryAddSingleton<INotificationSender, ConfiguredSmtpSender>();
        Services.TryAddSingleton<IRecipientDirectory, PersonIdRecipientDirectory>();
        Services.TryAddSingleton<INotificationLedger>(sp => (INotificationLedger)sp.GetRequiredService<IEventStore>());
        Services.TryAddSingleton(sp => new NotificationDispatcher(
            sp.GetRequiredService<LifecycleRepository>(),
            sp.GetRequiredService<INotificationLedger>(),
            sp.GetRequiredService<IRecipientDirectory>(),
            sp.GetRequiredService<INotificationSender>(),
            sp.GetRequiredService<IOptions<NotificationDispatchOptions>>(),
            sp.GetRequiredService<MiljofyrtarnInstruments>(),
            sp.GetRequiredService<ILogger<NotificationDispatcher>>()));
        Services.AddHostedService<NotificationDispatcherService>();
        return this;
    }
}
