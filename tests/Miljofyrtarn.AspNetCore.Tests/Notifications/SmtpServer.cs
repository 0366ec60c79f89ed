using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Miljofyrtarn.AspNetCore.Tests.Notifications;

/// <summary>
/// A real SMTP server for the notification tests: Debian's <c>python3-aiosmtpd</c> with its Maildir handler. The one
/// <see cref="Variable"/> names (<c>127.0.0.1:PORT|/maildir</c>, started by <c>.ci/run</c>), or else one started here on
/// 127.0.0.1 on a free port with its Maildir in a temporary directory (as root it drops to <c>nobody</c> itself;
/// otherwise it runs as the current user) and stopped when disposed. Each instance has a sender address of its own
/// (<see cref="Sender"/>) and takes only the messages from it, so test classes share a server without reading each
/// other's mail. Without the package every test that needs it fails saying how to install it; none is skipped.
/// </summary>
internal sealed class SmtpServer : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";

    public const string Variable = "MILJOFYRTARN_SMTP";

    private readonly Process? _process;

    private SmtpServer(Process? process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    /// <summary>The address this instance's messages are sent from, and the only one it reads.</summary>
    public string Sender { get; } = $"miljofyrtarn+{Guid.NewGuid():N}@heim.kommune.no";

    /// <summary>Starts (or names) a server.</summary>
    /// <param name="slow">A server of its own that takes half a second over each message, so a test can stop a sender between two.</param>
    /// <returns>The server.</returns>
    public static async Task<SmtpServer> StartAsync(bool slow = false)
    {
        if (!slow && Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } shared)
        {
            var parts = shared.Split('|', 2);
            var at = parts[0].LastIndexOf(':');
            if (parts.Length != 2 || at < 0 || !int.TryParse(parts[0][(at + 1)..], out var sharedPort) || !System.IO.Directory.Exists(Path.Combine(parts[1], "new")))
            {
                throw new InvalidOperationException($"{Variable} is '{shared}', not '127.0.0.1:PORT|/path/to/maildir' with a Maildir there.");
            }

            return new SmtpServer(null, sharedPort, parts[1]);
        }

        const string install = "The notification tests need Debian's python3-aiosmtpd for a real SMTP server: apt-get install -y python3-aiosmtpd (as root); .ci/run installs it when missing.";
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} does not exist. {install}");
        }

        var directory = Path.Combine(Path.GetTempPath(), $"mft-smtp-{Guid.NewGuid():N}");
        foreach (var sub in (string[])["new", "cur", "tmp"])
        {
            System.IO.Directory.CreateDirectory(Path.Combine(directory, sub));
        }

        var root = !OperatingSystem.IsWindows() && Environment.UserName == "root";
        if (root && !OperatingSystem.IsWindows())
        {
            // aiosmtpd drops to nobody when started as root: its Maildir must be writable for nobody.
            foreach (var path in (string[])[directory, Path.Combine(directory, "new"), Path.Combine(directory, "cur"), Path.Combine(directory, "tmp")])
            {
                File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
            }
        }

        var port = FreePort();
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        var handler = "aiosmtpd.handlers.Mailbox";
        if (slow)
        {
            var module = Path.Combine(directory, "handlers");
            System.IO.Directory.CreateDirectory(module);
            await File.WriteAllTextAsync(Path.Combine(module, "slowbox.py"), """
                import asyncio
                from aiosmtpd.handlers import Mailbox

                class SlowMailbox(Mailbox):
                    async def handle_DATA(self, server, session, envelope):
                        await asyncio.sleep(0.5)
                        return await super().handle_DATA(server, session, envelope)
                """);
            if (root && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(module, (UnixFileMode)0b111_101_101);
            }

            start.Environment["PYTHONPATH"] = module;
            handler = "slowbox.SlowMailbox";
        }

        foreach (var argument in (string[])["-m", "aiosmtpd", .. root ? Array.Empty<string>() : ["-n"], "-l", $"127.0.0.1:{port}", "-c", handler, directory])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start. {install}");
        var server = new SmtpServer(process, port, directory);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                var error = await process.StandardError.ReadToEndAsync();
                throw new InvalidOperationException($"aiosmtpd stopped at once (exit {process.ExitCode}): {error.Trim()} {install}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"aiosmtpd did not listen on 127.0.0.1:{port} within 10 seconds. {install}");
    }

    /// <summary>The messages from <see cref="Sender"/> that arrived since the last call, parsed; their files are removed.</summary>
    public List<MimeMessage> TakeArrived()
    {
        var arrived = new List<MimeMessage>();
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(Directory, "new")).Order(StringComparer.Ordinal))
        {
            MimeMessage message;
            try
            {
                message = MimeMessage.Load(file);
            }
            catch (IOException)
            {
                continue; // another test class's message, taken in the meantime
            }

            if (message.From.Mailboxes.Any(m => m.Address == Sender))
            {
                arrived.Add(message);
                File.Delete(file);
            }
        }

        return arrived;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>A TCP port on 127.0.0.1 that nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
