namespace Miljofyrtarn.Core.Catalog;

/// <summary>
/// Limits that protect the loader against absurd input. A document over a limit is refused with
/// <see cref="Diagnostics.ErrorCodes.DocumentTooLarge"/> or <see cref="Diagnostics.ErrorCodes.DocumentTooDeep"/>
/// before it is parsed into objects, so memory use stays bounded by <see cref="MaxBytes"/>.
/// </summary>
/// <remarks>Immutable and thread-safe; set the limits with an object initializer.</remarks>
public sealed class CatalogLoadOptions
{
    /// <summary>The default maximum document size: 16 MiB.</summary>
    public const int DefaultMaxBytes = 16 * 1024 * 1024;

    /// <summary>The default maximum nesting depth of objects and arrays: 32.</summary>
    public const int DefaultMaxDepth = 32;

    /// <summary>The largest depth that can be configured.</summary>
    public const int MaxConfigurableDepth = 256;

    private readonly int _maxBytes = DefaultMaxBytes;
    private readonly int _maxDepth = DefaultMaxDepth;

    /// <summary>The options used when none are given.</summary>
    public static CatalogLoadOptions Default { get; } = new();

    /// <summary>The largest document accepted, in bytes (1 to <see cref="int.MaxValue"/>). Default 16 MiB.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxBytes
    {
        get => _maxBytes;
        init
        {
            Internal.Preconditions.CheckRange(value, 1, int.MaxValue, nameof(MaxBytes));
            _maxBytes = value;
        }
    }

    /// <summary>The deepest nesting of objects and arrays accepted (1 to 256). Default 32; a valid catalog needs 5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 256.</exception>
    public int MaxDepth
    {
        get => _maxDepth;
        init
        {
            Internal.Preconditions.CheckRange(value, 1, MaxConfigurableDepth, nameof(MaxDepth));
            _maxDepth = value;
        }
    }
}
