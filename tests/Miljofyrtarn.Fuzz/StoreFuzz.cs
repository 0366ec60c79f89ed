using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Sqlite;

namespace Miljofyrtarn.Fuzz;

/// <summary>
/// Fuzzing of the SQLite store against a hostile insider: random bytes of the database file are overwritten, or a
/// random value of a random row is replaced with one of another storage type. Each outcome must be "detected with a
/// code" (a <see cref="MiljofyrtarnException"/>) or "no effect on what is read" (the stream, its verification and the
/// feed read exactly as before, and agree with a chain statement kept outside the file). Anything else is a defect:
/// another exception, a different history that passes, or a feed that does not end.
/// </summary>
internal sealed class StoreFuzz(string directory, IReadOnlyList<LifecycleEvent> history)
{
    private const string Stream = "964123454";
    private const string Other = "974760673";
    private static readonly string[] Columns = ["stream", "sequence", "type", "occurred_at", "payload", "hash", "position"];

    /// <summary>Runs for a time with a seed; returns the outcomes counted, and the defects' descriptions.</summary>
    public async Task<(Dictionary<string, int> Counts, List<string> Defects)> RunAsync(int seed, double seconds)
    {
        Directory.CreateDirectory(directory);
        var template = Path.Combine(directory, $"template-{seed}.db");
        using var key = ChainStatementKey.Hmac(RandomNumberGenerator.GetBytes(32), "fuzz");
        var (expected, statements) = await CreateTemplateAsync(template, key);
        var random = new Random(seed);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var defects = new List<string>();
        var watch = Stopwatch.StartNew();
        for (var run = 0; watch.Elapsed.TotalSeconds < seconds; run++)
        {
            var path = Path.Combine(directory, $"run-{seed}-{run}.db");
            File.Copy(template, path, overwrite: true);
            var mutation = random.Next(2) == 0 ? OverwriteBytes(path, random) : await ReplaceValueAsync(path, random);
            string outcome;
            try
            {
                var read = await ReadEverythingAsync(path, key, statements);
                outcome = read == expected ? "no effect" : "DEFECT undetected";
                if (outcome == "DEFECT undetected")
                {
                    var parts = read.Split('\n');
                    var were = expected.Split('\n');
                    mutation += " (differs in: " + string.Join(", ", Enumerable.Range(0, parts.Length).Where(i => parts[i] != were[i]).Select(i => new[] { "events", "verification", "feed", "streams" }[i])) + ")";
                }
            }
            catch (MiljofyrtarnException exception)
            {
                foreach (var language in new[] { Language.NorwegianBokmal, Language.NorwegianNynorsk, Language.English })
                {
                    _ = exception.GetMessage(language);
                }

                outcome = "detected " + exception.Code;
            }
            catch (Exception exception)
            {
                outcome = "DEFECT " + exception.GetType().Name;
                defects.Add($"{mutation}: {exception.GetType().Name}: {exception.Message.Split('\n')[0]}");
            }

            if (outcome == "DEFECT undetected")
            {
                defects.Add($"{mutation}: read a different history without an error");
            }

            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }

        return (counts, defects);
    }

    /// <summary>A store with two streams, and a statement of each stream's head kept outside the file, as a careful host keeps them.</summary>
    private async Task<(string Expected, ChainStatement[] Statements)> CreateTemplateAsync(string path, ChainStatementKey key)
    {
        await using (var store = await SqliteEventStore.OpenAsync(path))
        {
            await store.AppendAsync(Stream, 0, history);
            await store.AppendAsync(Other, 0, history);
        }

        SqliteConnection.ClearAllPools();
        ChainStatement[] statements;
        await using (var again = await SqliteEventStore.OpenAsync(path))
        {
            var now = NodaTime.SystemClock.Instance.GetCurrentInstant();
            statements = [
                ChainStatement.Create(Stream, await again.VerifyAsync(Stream), now, key),
                ChainStatement.Create(Other, await again.VerifyAsync(Other), now, key)];
        }

        var expected = await ReadEverythingAsync(path, key, statements);
        SqliteConnection.ClearAllPools();
        return (expected, statements);
    }

    /// <summary>
    /// Everything a host reads and checks: a stream, its verification, both streams against their kept statements (which
    /// finds events removed at a stream's end, as no chain can alone), the whole feed and the listing, and SQLite's own
    /// integrity check (which finds a damaged index, as no check of the rows can), as text to compare.
    /// </summary>
    private static async Task<string> ReadEverythingAsync(string path, ChainStatementKey key, ChainStatement[] statements)
    {
        await using var store = await SqliteEventStore.OpenAsync(path);
        var events = await store.ReadAsync(Stream);
        var verification = await store.VerifyAsync(Stream);
        foreach (var statement in statements)
        {
            await ChainStatement.VerifyAsync(store, statement.Stream, [statement], key);
        }

        var feed = new List<string>();
        long position = 0;
        for (var page = 0; ; page++)
        {
            if (page > 100)
            {
                throw new InvalidOperationException("The feed does not end: a reader resuming from its last position loops.");
            }

            var read = await store.ReadAllAsync(position, 7);
            if (read.Count == 0)
            {
                break;
            }

            feed.AddRange(read.Select(e => $"{e.Position}:{e.Stream}:{e.Event.Sequence}"));
            position = read[^1].Position;
        }

        var streams = await store.ListStreamsAsync(null, 100);
        await store.CheckIntegrityAsync();
        return string.Join('\n', [
            string.Join(',', events.Select(e => Convert.ToHexString(StoredEvents.Encode(e)))),
            verification.ToString(),
            string.Join(',', feed),
            string.Join(',', streams)]);
    }

    private static string OverwriteBytes(string path, Random random)
    {
        var bytes = File.ReadAllBytes(path);
        var count = random.Next(1, 9);
        var at = random.Next(bytes.Length);
        for (var i = 0; i < count && at + i < bytes.Length; i++)
        {
            bytes[at + i] = (byte)random.Next(256);
        }

        File.WriteAllBytes(path, bytes);
        return $"bytes {at}+{count}";
    }

    private static async Task<string> ReplaceValueAsync(string path, Random random)
    {
        var column = Columns[random.Next(Columns.Length)];
        var sequence = random.Next(1, 13);
        object value = random.Next(5) switch
        {
            0 => "tekst",
            1 => random.NextInt64(-5, 40),
            2 => 3.5,
            3 => RandomNumberGenerator.GetBytes(random.Next(1, 40)),
            _ => DBNull.Value,
        };
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE mft_events SET {column} = $value WHERE stream = $stream AND sequence = $sequence";
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$stream", random.Next(2) == 0 ? Stream : Other);
        command.Parameters.AddWithValue("$sequence", sequence);
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (SqliteException)
        {
            // A constraint refused the value (NOT NULL, CHECK, a duplicate key): the file is unchanged.
        }

        return $"{column} of {sequence} = {value switch { byte[] b => "blob[" + b.Length + "]", DBNull => "null", _ => value }}";
    }
}
