using System.Diagnostics;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Tests;
using Xunit;

namespace Miljofyrtarn.Storage.Sqlite.Tests;

/// <summary>Every way SQLite itself can fail surfaces as a coded error naming the file, with SQLite's exception inside.</summary>
public sealed class StoreFailureTest : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mft-fail-").FullName;
    private readonly List<string> _mounts = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var mount in _mounts)
        {
            Run("umount", mount);
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<MiljofyrtarnException> RefusedAsync(Func<Task> action, string code, string path)
    {
        var exception = (await FluentActions.Awaiting(action).Should().ThrowAsync<MiljofyrtarnException>()).Which;
        exception.Code.Should().Be(code);
        exception.Diagnostics[0].Arguments.Should().Contain(path);
        return exception;
    }

    [Fact]
    public async Task AFileThatIsNotADatabase_IsStoreCorrupt()
    {
        var path = Path.Combine(_directory, "notes.db");
        await File.WriteAllTextAsync(path, new string('x', 8192), Ct);

        var exception = await RefusedAsync(() => SqliteEventStore.OpenAsync(path, Ct), ErrorCodes.StoreCorrupt, path);

        exception.InnerException.Should().BeOfType<SqliteException>();
    }

    [Fact]
    public async Task ATruncatedFile_IsStoreCorrupt()
    {
        var path = Path.Combine(_directory, "truncated.db");
        var store = await SqliteEventStore.OpenAsync(path, Ct);
        await store.SaveAsync("s", EventStoreContractTest.Lifecycle(300), 0, Ct);
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync(Ct);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync(Ct);
        }

        SqliteConnection.ClearAllPools();
        await using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(file.Length / 2);
        }

        await RefusedAsync(() => store.ReadAsync("s", cancellationToken: Ct), ErrorCodes.StoreCorrupt, path);
    }

    [Fact]
    public async Task AMissingDirectory_IsStoreUnavailable()
    {
        var path = Path.Combine(_directory, "no-such-directory", "events.db");

        await RefusedAsync(() => SqliteEventStore.OpenAsync(path, Ct), ErrorCodes.StoreUnavailable, path);
    }

    [Fact]
    public async Task AReadOnlyFileSystem_IsStoreReadOnly_AndNothingIsAppended()
    {
        var (mount, path, store, lifecycle) = await StoredOnAMountAsync("readonly", "4m", assessments: 8, stored: 4);
        SqliteConnection.ClearAllPools();
        Run("mount", "-o", "remount,ro", mount).Should().Be(0, "the test remounts its tmpfs read-only");

        await RefusedAsync(() => store.SaveAsync("s", lifecycle, 4, Ct), ErrorCodes.StoreReadOnly, path);
        SqliteConnection.ClearAllPools();
        Run("mount", "-o", "remount,rw", mount).Should().Be(0);
        (await store.GetVersionAsync("s", Ct)).Should().Be(4);
    }

    /// <summary>A store on a tmpfs of its own, holding the first <paramref name="stored"/> events of a lifecycle.</summary>
    private async Task<(string Mount, string Path, SqliteEventStore Store, Core.Lifecycle.OrganisationLifecycle Lifecycle)> StoredOnAMountAsync(string name, string size, int assessments, int stored)
    {
        var mount = Mount(name, size);
        var path = Path.Combine(mount, "events.db");
        var store = await SqliteEventStore.OpenAsync(path, Ct);
        var lifecycle = EventStoreContractTest.Lifecycle(assessments);
        await store.SaveAsync("s", lifecycle.Replay(stored), 0, Ct);
        return (mount, path, store, lifecycle);
    }

    /// <summary>Mounts a small tmpfs of its own (the test needs root, as CI has; it says so when it fails).</summary>
    private string Mount(string name, string size)
    {
        var mount = Path.Combine(_directory, name);
        Directory.CreateDirectory(mount);
        Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", mount).Should().Be(0, $"the test mounts a {size} tmpfs at {mount}, which needs root (CI runs as root)");
        _mounts.Add(mount);
        return mount;
    }

    [Fact]
    public async Task AFullDisk_IsStoreFull_AndTheAcknowledgedEventsRemain()
    {
        var (_, path, store, lifecycle) = await StoredOnAMountAsync("full", "256k", assessments: 4000, stored: 10);

        await RefusedAsync(() => store.SaveAsync("s", lifecycle, 10, Ct), ErrorCodes.StoreFull, path);
        (await store.ReadAsync("s", cancellationToken: Ct)).Should().HaveCount(10);
    }

    [Theory]
    [InlineData(":memory:")]
    [InlineData("file::memory:?cache=shared")]
    public async Task AnInMemoryDatabase_IsRefusedUpFront(string path) =>
        await RefusedAsync(() => SqliteEventStore.OpenAsync(path, Ct), ErrorCodes.InMemoryDatabaseNotSupported, path);

    private static int Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}

internal static class LifecycleTestExtensions
{
    /// <summary>The lifecycle as it was after its first <paramref name="events"/> events.</summary>
    public static Core.Lifecycle.OrganisationLifecycle Replay(this Core.Lifecycle.OrganisationLifecycle lifecycle, int events) =>
        Core.Lifecycle.OrganisationLifecycle.Replay(lifecycle.Organisation.Catalog, lifecycle.History.Take(events), lifecycle.Clock);
}

/// <summary>A host can release the store's file, and an organisation that is not in the store is <em>not found</em>.</summary>
public sealed class StoreLifetimeTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dispose_ReleasesTheFile_AndLaterCallsAreRefused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mft-dispose-{Guid.NewGuid():N}.db");
        var store = await SqliteEventStore.OpenAsync(path, Ct);
        await store.SaveAsync("s", EventStoreContractTest.Lifecycle(3), 0, Ct);
        File.Exists(path + "-wal").Should().BeTrue("the open store keeps its write-ahead log");

        await store.DisposeAsync();
        store.Dispose();

        File.Exists(path + "-wal").Should().BeFalse("closing the store's last connection checkpoints and removes the log");
        await FluentActions.Awaiting(() => store.GetVersionAsync("s", Ct)).Should().ThrowAsync<ObjectDisposedException>();
        await using (var again = await SqliteEventStore.OpenAsync(path, Ct))
        {
            (await again.GetVersionAsync("s", Ct)).Should().Be(4, "nothing was lost by releasing the file");
        }

        File.Delete(path);
    }

    public static TheoryData<string> Stores() => ["memory", "sqlite"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task LoadingAnOrganisationThatIsNotThere_IsNotFound_NotCorrupt(string kind)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mft-missing-{Guid.NewGuid():N}.db");
        IEventStore store = kind == "memory" ? new InMemoryEventStore() : await SqliteEventStore.OpenAsync(path, Ct);
        var catalog = Core.Catalog.CriteriaCatalog.LoadDefault();

        var exception = (await FluentActions.Awaiting(() => store.LoadAsync("999999999", catalog, new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0)), cancellationToken: Ct))
            .Should().ThrowAsync<MiljofyrtarnException>()).Which;

        exception.Code.Should().Be(ErrorCodes.StreamNotFound);
        exception.Diagnostics[0].Arguments.Should().Equal("999999999");
        (store as IDisposable)?.Dispose();
        File.Delete(path);
    }
}
