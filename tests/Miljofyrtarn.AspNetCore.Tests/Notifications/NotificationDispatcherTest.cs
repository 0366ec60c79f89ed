using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;
using Xunit;
using static Miljofyrtarn.AspNetCore.Tests.Notifications.NotificationHosts;

namespace Miljofyrtarn.AspNetCore.Tests.Notifications;

/// <summary>The dispatcher against PostgreSQL and a real SMTP server: a killed run, a failing server, its schedule and its settings.</summary>
public sealed class NotificationDispatcherTest : IAsyncLifetime
{
    private static readonly LocalDate Overdue = new(2027, 4, 2);
    private static readonly string[] OverdueRecipients = [Contact, Coordinator, Leader, Mayor];
    private readonly string _schema = PostgresServer.NewSchema();
    private SmtpServer _smtp = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _smtp = await SmtpServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await PostgresServer.DropAsync(_schema);
    }

    [Fact]
    public async Task ADispatcherKilledMidRun_AndRestarted_LosesNoReminder_AndSendsAtMostOneTwice()
    {
        var clock = Clock();
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await using (var dying = Host(_schema, clock, "dying", _smtp, s => s.AddSingleton<INotificationSender>(sp => new DyingSender(new SmtpNotificationSender(Smtp(_smtp)), kill, after: 2))))
        {
            await SaveHeimAsync(dying, clock, townHallReported: true);
            RunTime(clock, Overdue);

            await FluentActions.Awaiting(() => dying.GetRequiredService<NotificationDispatcher>().RunAsync(Overdue, kill.Token)).Should().ThrowAsync<OperationCanceledException>();
        }

        var beforeTheKill = _smtp.TakeArrived().Select(m => m.To.Mailboxes.Single().Address).ToList();
        beforeTheKill.Should().HaveCount(2, "the process died right after handing over its second message, before recording it");

        await using var restarted = Host(_schema, clock, "restarted", _smtp);
        var dispatcher = restarted.GetRequiredService<NotificationDispatcher>();
        var early = await dispatcher.RunAsync(Overdue, Ct);
        early.Should().Be(new NotificationRunResult(Sent: 2, Failed: 0, Skipped: 2, Unaddressed: 0), "the unrecorded claim holds until its lease lapses");

        clock.Reset(clock.GetCurrentInstant() + Duration.FromMinutes(11));
        var late = await dispatcher.RunAsync(Overdue, Ct);
        late.Should().Be(new NotificationRunResult(Sent: 1, Failed: 0, Skipped: 3, Unaddressed: 0));

        var afterTheRestart = _smtp.TakeArrived().Select(m => m.To.Mailboxes.Single().Address).ToList();
        (await dispatcher.RunAsync(Overdue, Ct)).Sent.Should().Be(0, "everything is recorded now");
        var all = beforeTheKill.Concat(afterTheRestart).ToList();
        all.Distinct().Should().BeEquivalentTo(OverdueRecipients, "no reminder is lost");
        all.GroupBy(a => a).Where(g => g.Count() > 1).Should().ContainSingle("the one message sent but not recorded went twice, and no other")
            .Which.Key.Should().Be(beforeTheKill[1]);
    }

    [Fact]
    public async Task ASendThatFails_IsReleased_AndTheNextRunSendsIt()
    {
        var clock = Clock();
        var closedPort = SmtpServer.FreePort();
        await using (var broken = Host(_schema, clock, "broken", _smtp, port: closedPort))
        {
            await SaveHeimAsync(broken, clock, townHallReported: true);
            RunTime(clock, Overdue);
            var failed = await broken.GetRequiredService<NotificationDispatcher>().RunAsync(Overdue, Ct);

            failed.Should().Be(new NotificationRunResult(Sent: 0, Failed: 4, Skipped: 0, Unaddressed: 0));
            var ledger = broken.GetRequiredService<INotificationLedger>();
            (await ledger.FindAsync($"{NotificationHosts.Stream}|AnnualReportOverdue|solsikken/2026|2027-04-01@-1|{Contact}", Ct)).Should().BeNull("a failed send is released, not left claimed");
        }

        await using var mended = Host(_schema, clock, "mended", _smtp);
        clock.Reset(clock.GetCurrentInstant() + Duration.FromDays(1));
        var next = await mended.GetRequiredService<NotificationDispatcher>().RunAsync(Overdue.PlusDays(1), Ct);

        next.Sent.Should().Be(4, "the next day's run catches up");
        _smtp.TakeArrived().Select(m => m.To.Mailboxes.Single().Address).Should().BeEquivalentTo(OverdueRecipients);
    }

    [Fact]
    public async Task ARecipientWithoutAnAddress_IsNotSent_NorRecorded()
    {
        var clock = Clock();
        await using var host = Host(_schema, clock, "host", _smtp, s => s.AddSingleton<IRecipientDirectory>(new OnlyDirectory(Coordinator)));
        await SaveHeimAsync(host, clock, townHallReported: true);
        RunTime(clock, Overdue);

        var result = await host.GetRequiredService<NotificationDispatcher>().RunAsync(Overdue, Ct);

        result.Should().Be(new NotificationRunResult(Sent: 1, Failed: 0, Skipped: 0, Unaddressed: 3));
        _smtp.TakeArrived().Should().ContainSingle().Which.To.Mailboxes.Single().Address.Should().Be(Coordinator);
        (await host.GetRequiredService<INotificationLedger>().FindAsync($"{NotificationHosts.Stream}|AnnualReportOverdue|solsikken/2026|2027-04-01@-1|{Leader}", Ct)).Should().BeNull();
    }

    [Fact]
    public async Task TheMessage_NamesItsKey_HasAStableId_AndIsPlainTextWithACalendar()
    {
        var clock = Clock();
        await using var host = Host(_schema, clock, "host", _smtp);
        await SaveHeimAsync(host, clock, townHallReported: true);
        RunTime(clock, Overdue);
        await host.GetRequiredService<NotificationDispatcher>().RunAsync(Overdue, Ct);

        var message = _smtp.TakeArrived().Single(m => m.To.Mailboxes.Single().Address == Leader);

        message.Headers[SmtpNotificationSender.KeyHeader].Should().Be($"{NotificationHosts.Stream}|AnnualReportOverdue|solsikken/2026|2027-04-01@-1|{Leader}");
        message.MessageId.Should().MatchRegex("^[0-9a-f]{64}@miljofyrtarn$");
        message.From.Mailboxes.Single().Address.Should().Be(_smtp.Sender);
        message.Subject.Should().Be("Forfalt: klima- og miljørapport for 2026 – Solsikken barnehage");
        message.TextBody.Should().Contain("var 01.04.2027").And.Contain("som ledelsen for Heim kommune");
        message.BodyParts.OfType<TextPart>().Single(p => !p.IsAttachment).ContentType.Charset.Should().Be("utf-8");
    }

    [Fact]
    public async Task TheDailyService_OfAStartedHost_RunsAtOnceWhenTodaysTimeHasPassed()
    {
        var clock = Clock();
        await using (var setup = Host(_schema, clock, "setup", _smtp))
        {
            await SaveHeimAsync(setup, clock, townHallReported: true);
        }

        RunTime(clock, Overdue);
        clock.Reset(clock.GetCurrentInstant() + Duration.FromMinutes(30)); // 06:30, after the 06:00 run
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        AddHeimNotifications(builder.Services, _schema, clock, "daily", _smtp, runDaily: true);
        using var host = builder.Build();
        await host.StartAsync(Ct);

        var arrived = new List<string>();
        for (var wait = 0; wait < 100 && arrived.Count < OverdueRecipients.Length; wait++)
        {
            await Task.Delay(100, Ct);
            arrived.AddRange(_smtp.TakeArrived().Select(m => m.To.Mailboxes.Single().Address));
        }

        await host.StopAsync(Ct);
        arrived.Should().BeEquivalentTo(OverdueRecipients, "the service ran the day's reminders itself, once");
    }

    [Theory]
    [InlineData("2027-03-27T06:00:00Z", "2027-03-28T04:00:00Z")] // Saturday before the spring change: 06:00 CET, then 06:00 CEST
    [InlineData("2027-10-30T05:00:00Z", "2027-10-31T05:00:00Z")] // Saturday 06:00 CEST has passed; Sunday 06:00 CET
    [InlineData("2027-06-01T03:59:59Z", "2027-06-01T04:00:00Z")] // a second before today's run
    [InlineData("2027-06-01T04:00:00Z", "2027-06-01T04:00:00Z")] // at the run itself
    public void TheDailyRun_StaysAtSixInOslo_AcrossDaylightSaving(string now, string next) =>
        NotificationDispatcher.NextRun(NodaTime.Text.InstantPattern.General.Parse(now).Value, new LocalTime(6, 0), Oslo)
            .Should().Be(NodaTime.Text.InstantPattern.General.Parse(next).Value);

    [Fact]
    public void ARunTimeInTheSkippedHour_MovesForwardByTheGap() =>
        NotificationDispatcher.NextRun(Instant.FromUtc(2027, 3, 27, 12, 0), new LocalTime(2, 30), Oslo).Should().Be(Instant.FromUtc(2027, 3, 28, 1, 30), "02:30 does not exist on 28 March: it moves forward by the gap, to 03:30 CEST");

    [Fact]
    public void BadSettings_StopTheHost_NamingEachSetting_WithoutThePassword()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddMiljofyrtarn().AddInMemoryEventStore().AddNotifications(o =>
        {
            o.TimeOfDay = "6 am";
            o.LeaseMinutes = 0;
            o.ReportLeadDays = [30, 400];
            o.DefaultLanguage = "sv";
            o.Smtp = new SmtpSenderOptions { Port = 0, From = "not an address", UserName = "app", Password = "hemmelig-passord" };
        });
        using var provider = services.BuildServiceProvider();

        var refused = FluentActions.Invoking(() => provider.GetRequiredService<IOptions<NotificationDispatchOptions>>().Value).Should().Throw<OptionsValidationException>().Which;

        refused.Failures.Should().HaveCount(7);
        string.Join('\n', refused.Failures).Should().ContainAll("TimeOfDay", "LeaseMinutes", "400", "DefaultLanguage", "Smtp:Host", "Smtp:Port", "Smtp:From")
            .And.NotContain("hemmelig-passord");
        new SmtpSenderOptions { Password = "hemmelig-passord" }.ToString().Should().NotContain("hemmelig");
    }

    [Fact]
    public async Task ADayOutsideTheSupportedRange_IsRefusedWithACode()
    {
        await using var host = Host(_schema, Clock(), "host", _smtp);

        var refused = await FluentActions.Awaiting(() => host.GetRequiredService<NotificationDispatcher>().RunAsync(new LocalDate(2201, 1, 1), Ct)).Should().ThrowAsync<MiljofyrtarnException>();

        refused.Which.Code.Should().Be(ErrorCodes.DateOutOfRange);
    }

    private static SmtpSenderOptions Smtp(SmtpServer smtp) => new() { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None, From = smtp.Sender };

    /// <summary>Sends, and after the <paramref name="after"/>-th message "kills the process": cancels the run right after the hand-over, before the dispatcher records it.</summary>
    private sealed class DyingSender(INotificationSender inner, CancellationTokenSource kill, int after) : INotificationSender
    {
        private int _sent;

        public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken = default)
        {
            await inner.SendAsync(message, cancellationToken);
            if (++_sent == after)
            {
                await kill.CancelAsync();
                kill.Token.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>A directory that knows one person only.</summary>
    private sealed class OnlyDirectory(string person) : IRecipientDirectory
    {
        public ValueTask<RecipientAddress?> FindAsync(string id, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(id == person ? new RecipientAddress(id, Core.Localization.Language.NorwegianBokmal) : null);
    }
}
