using FluentAssertions;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Notifications;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Tests;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using NodaTime.Text;
using Xunit;
using static Miljofyrtarn.AspNetCore.Tests.Notifications.NotificationHosts;

namespace Miljofyrtarn.AspNetCore.Tests.Notifications;

/// <summary>
/// A year of days, 1 January to 31 December 2027 (across both daylight-saving changes), with two dispatchers on two
/// hosts against one PostgreSQL store and a real SMTP server: what arrives, to whom, on which day, in which language.
/// </summary>
public sealed class NotificationYearTest : IAsyncLifetime
{
    private readonly string _schema = PostgresServer.NewSchema();
    private SmtpServer _smtp = null!;

    /// <summary>Every message the rules ask for in 2027, by hand: the day it is due, what, which unit, to whom, in which language, about which date.</summary>
    private static readonly (string Day, NotificationKind Kind, string Unit, string To, string Language, string Due)[] Expected =
    [
        // The report for 2026 is due 1 April 2027: 30 days before, to each unit's contact and the coordinator.
        ("2027-03-02", NotificationKind.AnnualReportDue, "raadhuset", Coordinator, "nn", "2027-04-01"),
        ("2027-03-02", NotificationKind.AnnualReportDue, "solsikken", Contact, "en", "2027-04-01"),
        ("2027-03-02", NotificationKind.AnnualReportDue, "solsikken", Coordinator, "nn", "2027-04-01"),
        // The town hall submits on 10 March, so only the kindergarten is reminded 7 days before, and is overdue after.
        ("2027-03-25", NotificationKind.AnnualReportDue, "solsikken", Contact, "en", "2027-04-01"),
        ("2027-03-25", NotificationKind.AnnualReportDue, "solsikken", Coordinator, "nn", "2027-04-01"),
        ("2027-04-02", NotificationKind.AnnualReportOverdue, "solsikken", Contact, "en", "2027-04-01"),
        ("2027-04-02", NotificationKind.AnnualReportOverdue, "solsikken", Coordinator, "nn", "2027-04-01"),
        ("2027-04-02", NotificationKind.AnnualReportOverdue, "solsikken", Leader, "nb", "2027-04-01"),
        ("2027-04-02", NotificationKind.AnnualReportOverdue, "solsikken", Mayor, "nb", "2027-04-01"),
        // The second anniversary's follow-up audit (audits required from 2026), 30 days before 16 June.
        ("2027-05-17", NotificationKind.FollowUpAuditDue, "raadhuset", Coordinator, "nn", "2027-06-16"),
        ("2027-05-17", NotificationKind.FollowUpAuditDue, "solsikken", Contact, "en", "2027-06-16"),
        ("2027-05-17", NotificationKind.FollowUpAuditDue, "solsikken", Coordinator, "nn", "2027-06-16"),
        // Evidence valid through 31 October (the day daylight saving ends), notified the day after.
        ("2027-11-01", NotificationKind.EvidenceExpired, "solsikken", Contact, "en", "2027-10-31"),
        ("2027-11-01", NotificationKind.EvidenceExpired, "solsikken", Coordinator, "nn", "2027-10-31"),
        // Recertification opens six months before 16 June 2028: to the coordinator and management.
        ("2027-12-16", NotificationKind.RecertificationOpens, "raadhuset", Coordinator, "nn", "2027-12-16"),
        ("2027-12-16", NotificationKind.RecertificationOpens, "raadhuset", Mayor, "nb", "2027-12-16"),
        ("2027-12-16", NotificationKind.RecertificationOpens, "solsikken", Coordinator, "nn", "2027-12-16"),
        ("2027-12-16", NotificationKind.RecertificationOpens, "solsikken", Leader, "nb", "2027-12-16"),
        ("2027-12-16", NotificationKind.RecertificationOpens, "solsikken", Mayor, "nb", "2027-12-16"),
    ];

    public async ValueTask InitializeAsync() => _smtp = await SmtpServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await PostgresServer.DropAsync(_schema);
    }

    [Fact]
    public async Task AYearOfDays_WithTwoDispatchers_DeliversEachReminderOnce_OnItsDay_InTheReadersLanguage_WithItsDate()
    {
        var clock = Clock();
        await using var first = Host(_schema, clock, "host-a", _smtp);
        await using var second = Host(_schema, clock, "host-b", _smtp);
        await SaveHeimAsync(first, clock);
        var arrived = new List<(LocalDate Day, MimeMessage Message)>();

        for (var day = new LocalDate(2027, 1, 1); day.Year == 2027; day = day.PlusDays(1))
        {
            RunTime(clock, day);
            if (day == new LocalDate(2027, 3, 10))
            {
                var repository = second.GetRequiredService<LifecycleRepository>();
                var heim = await repository.GetAsync(NotificationHosts.Stream, TestContext.Current.CancellationToken);
                await repository.SaveAsync(heim.SubmitAnnualReport(Raadhuset, 2026, Coordinator), heim.Version, TestContext.Current.CancellationToken);
            }

            var runs = await Task.WhenAll(
                first.GetRequiredService<NotificationDispatcher>().RunAsync(day, TestContext.Current.CancellationToken),
                second.GetRequiredService<NotificationDispatcher>().RunAsync(day, TestContext.Current.CancellationToken));
            runs.Should().OnlyContain(r => r.Failed == 0 && r.Unaddressed == 0, $"nothing fails on {day}");
            arrived.AddRange(_smtp.TakeArrived().Select(m => (day, m)));
        }

        var received = arrived.Select(a => (Iso(a.Day), Kind(a.Message), Key(a.Message).Split('|')[2].Split('/')[0], a.Message.To.Mailboxes.Single().Address, Header(a.Message, HeaderId.ContentLanguage), Due(a.Message))).ToList();
        received.Should().BeEquivalentTo(Expected, "each reminder arrives exactly once, on its day, in its reader's language, and nothing else arrives");
        foreach (var (_, message) in arrived)
        {
            CheckMessage(message);
        }
    }

    /// <summary>Subject and body in the reader's language with the due date as the reader writes it, and an .ics that parses to one event on the due date with the subject as its summary.</summary>
    private static void CheckMessage(MimeMessage message)
    {
        var language = LanguageExtensions.TryParseTag(Header(message, HeaderId.ContentLanguage), out var parsed) ? parsed : throw new InvalidOperationException("no language");
        var due = LocalDatePattern.Iso.Parse(Due(message)).Value;
        var body = message.TextBody ?? throw new InvalidOperationException("no text");
        body.Should().Contain(Dates.Format(due, language)).And.Contain("Heim kommune");
        if (language == Language.English)
        {
            body.Should().Contain("You receive this e-mail as");
        }
        else
        {
            body.Should().Contain("Du får denne e-posten som").And.MatchRegex(@"\d\d\.\d\d\.2027");
        }

        var attachment = message.Attachments.OfType<MimePart>().Single();
        attachment.FileName.Should().Be("frist.ics");
        attachment.ContentType.MimeType.Should().Be("text/calendar");
        using var content = new MemoryStream();
        (attachment.Content ?? throw new InvalidOperationException("an empty attachment")).DecodeTo(content);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
        var evt = calendar.Events.Should().ContainSingle().Which;
        evt.DtStart!.Date.Should().Be(new DateOnly(due.Year, due.Month, due.Day));
        evt.Summary.Should().Be(message.Subject);
        message.Subject.Should().EndWith(Key(message).Contains("|raadhuset", StringComparison.Ordinal) ? "– Rådhuset" : "– Solsikken barnehage");
    }

    private static string Key(MimeMessage message) => message.Headers[SmtpNotificationSender.KeyHeader] ?? throw new InvalidOperationException("a message without a key");

    /// <summary>A header of the message's text part (where MIME puts Content-* headers).</summary>
    private static string Header(MimeMessage message, HeaderId id) => message.BodyParts.OfType<TextPart>().First().Headers[id] ?? throw new InvalidOperationException($"a message without {id}");

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static NotificationKind Kind(MimeMessage message) => Enum.Parse<NotificationKind>(Key(message).Split('|')[1]);

    /// <summary>The date the notification is about, from its key's occurrence (<c>2027-04-01@30</c>).</summary>
    private static string Due(MimeMessage message) => Key(message).Split('|')[3].Split('@')[0];
}
