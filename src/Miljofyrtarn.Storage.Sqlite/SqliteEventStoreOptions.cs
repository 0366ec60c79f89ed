namespace Miljofyrtarn.Storage.Sqlite;

/// <summary>How a <see cref="SqliteEventStore"/> treats what it cannot prove.</summary>
/// <remarks>Immutable.</remarks>
public sealed record SqliteEventStoreOptions
{
    /// <summary>The defaults: history that is not fully verified is refused.</summary>
    public static SqliteEventStoreOptions Default { get; } = new();

    /// <summary>
    /// Whether streams that are only partly verified may be read. A file written by version 1 of the store kept no
    /// hashes; its events were chained when the file was upgraded, so nothing proves them unchanged before that. Off
    /// (the default), reading such a stream, alone or in the feed, is refused with
    /// <see cref="Miljofyrtarn.Core.Diagnostics.ErrorCodes.UnverifiedHistory"/> (MFT0511);
    /// <see cref="SqliteEventStore.VerifyAsync"/> still reports how far it is unverified. Turn it on only for a file
    /// whose history was checked some other way, for example against a printed report.
    /// </summary>
    public bool AllowUnverifiedHistory { get; init; }
}
