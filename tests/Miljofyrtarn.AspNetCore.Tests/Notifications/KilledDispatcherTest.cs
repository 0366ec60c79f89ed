using System.Diagnostics;
using FluentAssertions;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Core.Tests.Docs;
using Miljofyrtarn.Storage.Sqlite;
using Xunit;
using static Miljofyrtarn.AspNetCore.Tests.Notifications.NotificationHosts;

namespace Miljofyrtarn.AspNetCore.Tests.Notifications;

/// <summary>
/// A dispatcher killed for real: the coordinator's dashboard sending the day's reminders through an SMTP server that
/// takes half a second over each, killed (SIGKILL) once the first has arrived, then started again the next morning.
/// </summary>
public sealed class KilledDispatcherTest : IAsyncLifetime
{
    /// <summary>On 2 April 2027 neither the town hall nor the kindergarten has reported 2026: six messages, to four people.</summary>
    private static readonly string[] Overdue =
    [
        $"raadhuset|{Coordinator}", $"raadhuset|{Mayor}",
        $"solsikken|{Contact}", $"solsikken|{Coordinator}", $"solsikken|{Leader}", $"solsikken|{Mayor}",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("mft-killed-").FullName;
    private SmtpServer _smtp = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _smtp = await SmtpServer.StartAsync(slow: true);

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ADashboardKilledMidRun_AndStartedAgain_LosesNoReminder_AndSendsAtMostOneTwice()
    {
        var database = Path.Combine(_folder, "heim.db");
        await using (var store = await SqliteEventStore.OpenAsync(database, Ct))
        {
            var heim = Heim(Clock());
            await store.SaveAsync(NotificationHosts.Stream, heim, 0, Ct);
        }

        var arrived = new List<string>();
        using (var first = Start(database, "2027-04-02"))
        {
            for (var wait = 0; wait < 600 && arrived.Count == 0; wait++)
            {
                await Task.Delay(50, Ct);
                arrived.AddRange(_smtp.TakeArrived().Select(Reminder));
            }

            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(Ct);
        }

        arrived.Count.Should().BeInRange(1, Overdue.Length - 1, "the dashboard was killed in the middle of its run");
        arrived.AddRange(_smtp.TakeArrived().Select(Reminder));

        using (var second = Start(database, "2027-04-03"))
        {
            for (var wait = 0; wait < 600 && arrived.Count < Overdue.Length; wait++)
            {
                await Task.Delay(50, Ct);
                arrived.AddRange(_smtp.TakeArrived().Select(Reminder));
            }

            await Task.Delay(1500, Ct); // anything more would be a duplicate: give it time to arrive
            arrived.AddRange(_smtp.TakeArrived().Select(Reminder));
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync(Ct);
        }

        arrived.Distinct().Should().BeEquivalentTo(Overdue, "no reminder is lost, and none arrives that no rule asks for");
        arrived.Count.Should().BeInRange(Overdue.Length, Overdue.Length + 1, "at most the one message in flight at the kill goes twice");
    }

    /// <summary>Which reminder a message is: its unit and recipient, from its key.</summary>
    private static string Reminder(MimeKit.MimeMessage message)
    {
        var key = message.Headers[SmtpNotificationSender.KeyHeader]!.Split('|');
        key[1].Should().Be("AnnualReportOverdue");
        return $"{key[2].Split('/')[0]}|{key[4]}";
    }

    /// <summary>Starts the built dashboard on the file, with the SMTP server, taking <paramref name="today"/> as today (09:00 in Oslo, after the 06:00 run time).</summary>
    private Process Start(string database, string today)
    {
        var dll = Path.Combine(RepositoryFiles.Root, "samples", "Miljofyrtarn.Sample.Web", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "miljofyrtarn-dashboard.dll");
        File.Exists(dll).Should().BeTrue($"the dashboard is built: {dll}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[dll, "--urls", "http://127.0.0.1:0", "--Dashboard:Database", database, "--Dashboard:Today", today,
            "--Miljofyrtarn:Notifications:Smtp:Host", "127.0.0.1", "--Miljofyrtarn:Notifications:Smtp:Port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Miljofyrtarn:Notifications:Smtp:Security", "None", "--Miljofyrtarn:Notifications:Smtp:From", _smtp.Sender, "--Logging:LogLevel:Default", "Warning"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
