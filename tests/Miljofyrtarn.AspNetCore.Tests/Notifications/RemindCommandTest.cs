using FluentAssertions;
using Miljofyrtarn.Core.Tests.Docs;
using Xunit;

namespace Miljofyrtarn.AspNetCore.Tests.Notifications;

/// <summary>The sample console's <c>remind</c> command: what is due on a day, and with <c>--send</c> e-mailed through a real SMTP server, once.</summary>
public sealed class RemindCommandTest : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mft-remind-").FullName;
    private SmtpServer _smtp = null!;

    public async ValueTask InitializeAsync() => _smtp = await SmtpServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Remind_PrintsTheDueReminders_AndSendSendsEachOnce()
    {
        var heim = Path.Combine(_folder, "heim.db");
        (await SampleApp.Run(null, "demo", "-o", heim)).ExitCode.Should().Be(0);

        var listed = await SampleApp.Run(200, "remind", heim, "--date", "2027-03-02", "--lang", "en");
        listed.ExitCode.Should().Be(0, listed.Error);
        listed.Output.Should().StartWith("14 reminders on 2027-03-02:").And.Contain("Reminder: annual climate and environment report for 2026 – Rådhuset → miljo@heim.kommune.no");

        var sent = await SampleApp.Run(200, "remind", heim, "--date", "2027-03-02", "--send", "--smtp", $"127.0.0.1:{_smtp.Port}", "--security", "none", "--from", _smtp.Sender);
        sent.ExitCode.Should().Be(0, sent.Error);
        sent.Output.Should().Contain("Sendt: 14. Sendt før: 0.");
        var arrived = _smtp.TakeArrived();
        arrived.Should().HaveCount(14);
        arrived.Should().OnlyContain(m => m.Subject!.StartsWith("Påminnelse: klima- og miljørapport for 2026 – ", StringComparison.Ordinal) && m.Attachments.Count() == 1);

        var again = await SampleApp.Run(200, "remind", heim, "--date", "2027-03-02", "--send", "--smtp", $"127.0.0.1:{_smtp.Port}", "--security", "none", "--from", _smtp.Sender);
        again.Output.Should().Contain("Sendt: 0. Sendt før: 14.");
        _smtp.TakeArrived().Should().BeEmpty("the file's ledger records what was sent");
    }

    [Theory]
    [InlineData("--send")]
    [InlineData("--send", "--smtp", "no-port")]
    [InlineData("--security", "tls")]
    [InlineData("--from", "nobody")]
    public async Task BadOptions_AreBadUsage(params string[] options)
    {
        var heim = Path.Combine(_folder, "heim.json");
        (await SampleApp.Run(null, "demo", "-o", heim)).ExitCode.Should().Be(0);

        var refused = await SampleApp.Run(200, ["remind", heim, .. options]);

        refused.ExitCode.Should().Be(2);
        refused.Error.Should().StartWith("feil: ");
    }

    [Fact]
    public async Task AServerThatIsNotThere_IsBadInput_NamingIt()
    {
        var heim = Path.Combine(_folder, "heim.json");
        (await SampleApp.Run(null, "demo", "-o", heim)).ExitCode.Should().Be(0);

        var refused = await SampleApp.Run(200, "remind", heim, "--date", "2027-03-02", "--send", "--smtp", "127.0.0.1:1", "--security", "none", "--from", _smtp.Sender);

        refused.ExitCode.Should().Be(2);
        refused.Error.Should().Contain("SMTP-serveren 127.0.0.1:1 tok ikke imot e-posten").And.NotContain("Exception").And.NotContain("refused", "the socket's own words stay out");
    }
}
