using System.Diagnostics.CodeAnalysis;
using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Core.Organisations;

/// <summary>
/// A Norwegian organisation number (organisasjonsnummer): nine digits, the last a MOD11 check digit
/// with weights 3, 2, 7, 6, 5, 4, 3, 2.
/// </summary>
/// <remarks>
/// Immutable value; equality by the nine digits. The default value is not a valid number and is never
/// produced by <see cref="Parse"/>; <see cref="IsDefault"/> tells it apart.
/// </remarks>
public readonly struct OrganisationNumber : IEquatable<OrganisationNumber>
{
    private static readonly int[] Weights = [3, 2, 7, 6, 5, 4, 3, 2];
    private readonly string? _digits;

    private OrganisationNumber(string digits) => _digits = digits;

    /// <summary>The nine digits, without spaces; empty for the default value.</summary>
    public string Value => _digits ?? string.Empty;

    /// <summary>Whether this is the default (uninitialised) value.</summary>
    public bool IsDefault => _digits is null;

    /// <summary>Parses a number written as nine digits, optionally grouped with spaces ("974 760 673").</summary>
    /// <param name="text">The text.</param>
    /// <returns>The organisation number.</returns>
    /// <exception cref="MiljofyrtarnException">Not nine digits with a valid check digit (<see cref="ErrorCodes.InvalidOrganisationNumber"/>).</exception>
    public static OrganisationNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw Problems.Single(ErrorCodes.InvalidOrganisationNumber, text ?? string.Empty);

    /// <summary>Parses a number without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="number">The number, when valid.</param>
    /// <returns><see langword="true"/> when the text is a valid organisation number.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out OrganisationNumber number)
    {
        number = default;
        if (text is null)
        {
            return false;
        }

        Span<char> digits = stackalloc char[9];
        var count = 0;
        foreach (var c in text.AsSpan().Trim())
        {
            if (c == ' ')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || count == 9)
            {
                return false;
            }

            digits[count++] = c;
        }

        if (count != 9 || CheckDigit(digits[..8]) is not { } check || check != digits[8] - '0')
        {
            return false;
        }

        number = new OrganisationNumber(new string(digits));
        return true;
    }

    /// <summary>The MOD11 check digit for eight digits, or null when the remainder makes the number impossible.</summary>
    internal static int? CheckDigit(ReadOnlySpan<char> eightDigits)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (eightDigits[i] - '0') * Weights[i];
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }

    /// <inheritdoc />
    public bool Equals(OrganisationNumber other) => string.Equals(_digits, other._digits, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OrganisationNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _digits is null ? 0 : StringComparer.Ordinal.GetHashCode(_digits);

    /// <summary>The nine digits.</summary>
    /// <returns>The nine digits, or an empty string for the default value.</returns>
    public override string ToString() => Value;

    /// <summary>Equality.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether the numbers are equal.</returns>
    public static bool operator ==(OrganisationNumber left, OrganisationNumber right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether the numbers differ.</returns>
    public static bool operator !=(OrganisationNumber left, OrganisationNumber right) => !left.Equals(right);
}
