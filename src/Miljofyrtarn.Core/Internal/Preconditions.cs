using System.Globalization;
using System.Runtime.CompilerServices;

namespace Miljofyrtarn.Core.Internal;

/// <summary>Argument checks that throw the standard exceptions with messages naming the bad value.</summary>
internal static class Preconditions
{
    public static void CheckNotBlank(string? value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "The value of {0} must not be blank; it was '{1}'.", paramName, value), paramName);
        }
    }

    public static void CheckNullOrNotBlank(string? value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "The value of {0} must be null or not blank; it was '{1}'.", paramName, value), paramName);
        }
    }

    public static void CheckRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(paramName, value, string.Format(CultureInfo.InvariantCulture, "The value of {0} must be between {1} and {2}; it was {3}.", paramName, min, max, value));
        }
    }

    public static void CheckRange(long value, long min, long max, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(paramName, value, string.Format(CultureInfo.InvariantCulture, "The value of {0} must be between {1} and {2}; it was {3}.", paramName, min, max, value));
        }
    }
}
