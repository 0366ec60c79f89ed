using System.Text;

namespace Miljofyrtarn.Calendar;

/// <summary>
/// Writes iCalendar content lines (RFC 5545 §3.1): <c>NAME:value</c> with CRLF, TEXT values escaped (§3.3.11), and lines
/// longer than 75 octets folded with CRLF and a space, never inside a UTF-8 character.
/// </summary>
internal sealed class ICalendarWriter
{
    private const int MaxOctets = 75;
    private readonly StringBuilder _text = new();

    /// <summary>A line whose value is already in iCalendar form (a date, a duration, an enumerated value).</summary>
    public void Line(string name, string value) => Fold(string.Concat(name, ":", value));

    /// <summary>A line whose value is free text: backslash, semicolon, comma and line breaks are escaped.</summary>
    public void Text(string name, string value) => Line(name, Escape(value));

    public override string ToString() => _text.ToString();

    internal static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': escaped.Append("\\\\"); break;
                case ';': escaped.Append("\\;"); break;
                case ',': escaped.Append("\\,"); break;
                case '\r' when i + 1 < value.Length && value[i + 1] == '\n': break;
                case '\r' or '\n': escaped.Append("\\n"); break;
                default:
                    if (!char.IsControl(c) || c == '\t')
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    private void Fold(string line)
    {
        var octets = 0;
        var limit = MaxOctets;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 4 : Encoding.UTF8.GetByteCount(line.AsSpan(i, 1));
            if (octets + width > limit)
            {
                _text.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1;
            }

            _text.Append(line[i]);
            if (width == 4)
            {
                _text.Append(line[++i]);
            }

            octets += width;
        }

        _text.Append("\r\n");
    }
}
