using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Core.Organisations;

/// <summary>
/// The stable ID of a unit (HK or UE) within its organisation: 1 to 64 characters, ASCII letters, digits,
/// '-', '_' and '.'. Compared ordinally (case-sensitive).
/// </summary>
/// <remarks>
/// Immutable value; equality by the text. The default value is not a valid ID. In the library's JSON it is its plain
/// string; the converter is registered at the edge (<see cref="Json.MiljofyrtarnJson"/>), not on this type.
/// </remarks>
public readonly struct UnitId : IEquatable<UnitId>, IComparable<UnitId>
{
    /// <summary>The longest ID accepted.</summary>
    public const int MaxLength = 64;

    private readonly string? _value;

    /// <summary>Creates a unit ID.</summary>
    /// <param name="value">The ID, for example <c>raadhuset</c>.</param>
    /// <exception cref="MiljofyrtarnException">The ID is blank, too long or has other characters (<see cref="ErrorCodes.InvalidUnitId"/>).</exception>
    public UnitId(string value)
    {
        if (!IsValid(value))
        {
            throw Problems.Single(ErrorCodes.InvalidUnitId, value ?? string.Empty);
        }

        _value = value;
    }

    /// <summary>The ID's text.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether a text is a valid unit ID.</summary>
    /// <param name="value">The text.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(UnitId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UnitId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public int CompareTo(UnitId other) => string.CompareOrdinal(_value, other._value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Equality.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether the IDs are equal.</returns>
    public static bool operator ==(UnitId left, UnitId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether the IDs differ.</returns>
    public static bool operator !=(UnitId left, UnitId right) => !left.Equals(right);

    /// <summary>Less than, ordinally.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(UnitId left, UnitId right) => left.CompareTo(right) < 0;

    /// <summary>Greater than, ordinally.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(UnitId left, UnitId right) => left.CompareTo(right) > 0;

    /// <summary>Less than or equal, ordinally.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(UnitId left, UnitId right) => left.CompareTo(right) <= 0;

    /// <summary>Greater than or equal, ordinally.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(UnitId left, UnitId right) => left.CompareTo(right) >= 0;
}
