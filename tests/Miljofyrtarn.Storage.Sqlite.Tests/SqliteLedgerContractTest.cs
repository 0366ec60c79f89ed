using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Testing;

namespace Miljofyrtarn.Storage.Sqlite.Tests;

/// <summary>The notification ledger's contract, against a SQLite file: each ledger a store of its own over the same file, as two processes would be.</summary>
public sealed class SqliteLedgerContractTest : NotificationLedgerContract, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mft-ledger-{Guid.NewGuid():N}.db");

    protected override async Task<INotificationLedger> CreateAsync() => await SqliteEventStore.OpenAsync(_path, Ct);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
