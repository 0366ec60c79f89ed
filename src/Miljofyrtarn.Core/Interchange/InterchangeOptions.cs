namespace Miljofyrtarn.Core.Interchange;

/// <summary>What to do with a property the format does not define.</summary>
public enum UnknownPropertyHandling
{
    /// <summary>Refuse the document (<see cref="Diagnostics.ErrorCodes.UnknownProperty"/>); the default, so typos are caught.</summary>
    Refuse = 0,

    /// <summary>Ignore the property, for documents written by a newer tool that added optional fields.</summary>
    Ignore = 1,
}

/// <summary>Limits and leniency for reading snapshot and history documents.</summary>
/// <remarks>Immutable; the setters validate.</remarks>
public sealed record InterchangeOptions
{
    private readonly int _maxBytes = 64 * 1024 * 1024;
    private readonly int _maxDepth = 32;

    /// <summary>The defaults: 64 MiB, depth 32, unknown properties refused.</summary>
    public static InterchangeOptions Default { get; } = new();

    /// <summary>The largest document accepted, in bytes. Default 64 MiB.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public int MaxBytes
    {
        get => _maxBytes;
        init
        {
            Internal.Preconditions.CheckRange(value, 1, int.MaxValue, nameof(MaxBytes));
            _maxBytes = value;
        }
    }

    /// <summary>The deepest nesting accepted, 1 to 256. Default 32; the documents need 7.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 256.</exception>
    public int MaxDepth
    {
        get => _maxDepth;
        init
        {
            Internal.Preconditions.CheckRange(value, 1, 256, nameof(MaxDepth));
            _maxDepth = value;
        }
    }

    /// <summary>
    /// Whether a history document without hashes (schema version 1) is read. Off by default: such a document is refused
    /// (<see cref="Diagnostics.ErrorCodes.UnverifiedHistory"/>), because nothing proves its events unchanged. When on, it
    /// is read and its <see cref="Storage.HistoryVerification.UnverifiedThrough"/> covers every event, so the caller
    /// sees that it is unverified.
    /// </summary>
    public bool AllowUnverifiedHistory { get; init; }

    /// <summary>What to do with unknown properties; refused by default.</summary>
    public UnknownPropertyHandling UnknownProperties { get; init; } = UnknownPropertyHandling.Refuse;
}
