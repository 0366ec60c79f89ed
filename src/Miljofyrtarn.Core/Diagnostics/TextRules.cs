using System.Globalization;

namespace Miljofyrtarn.Core.Diagnostics;

/// <summary>
/// What valid text is: well-formed UTF-16 (no lone surrogate, which no UTF-8 writer can keep), and no control
/// character other than tab and, where several lines are allowed, a line feed (a carriage return only before one, as
/// browsers send a text area's lines).
/// </summary>
internal static class TextRules
{
    /// <summary>The index of the first character that makes the text invalid, or null when it is valid.</summary>
    public static int? FirstInvalid(string value, bool multiline)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c) || (char.IsControl(c) && !Allowed(value, i, multiline)))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The character at an index, as a reader can name it: U+ and its code.</summary>
    public static string Describe(string value, int index) => "U+" + ((int)value[index]).ToString("X4", CultureInfo.InvariantCulture);

    private static bool Allowed(string value, int i, bool multiline) => value[i] switch
    {
        '\t' => true,
        '\n' => multiline,
        '\r' => multiline && i + 1 < value.Length && value[i + 1] == '\n',
        _ => false,
    };
}
