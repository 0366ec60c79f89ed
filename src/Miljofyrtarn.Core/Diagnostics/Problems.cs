using System.Globalization;

namespace Miljofyrtarn.Core.Diagnostics;

/// <summary>Collects the problems of one operation, so that it can report all of them and change nothing.</summary>
internal sealed class Problems
{
    private List<Diagnostic>? _items;

    public bool Any => _items is { Count: > 0 };

    public void Add(string code, params object[] arguments) =>
        (_items ??= []).Add(new Diagnostic(code, arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? string.Empty)));

    /// <summary>Throws a <see cref="MiljofyrtarnException"/> with every problem collected, if there is any.</summary>
    public void ThrowIfAny()
    {
        if (_items is { Count: > 0 })
        {
            throw new MiljofyrtarnException(_items);
        }
    }

    /// <summary>A text: at most <paramref name="max"/> characters, no lone surrogate, no control character (tab and newlines allowed in several lines).</summary>
    public void Text(string? value, string field, int max, bool multiline = false)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > max)
        {
            Add(ErrorCodes.TextTooLong, field, value.Length, max);
        }
        else if (TextRules.FirstInvalid(value, multiline) is { } at)
        {
            Add(ErrorCodes.InvalidText, field, TextRules.Describe(value, at), at + 1);
        }
    }

    /// <summary>A collection that must hold at least one entry.</summary>
    public void NotEmpty(int count, string field)
    {
        if (count == 0)
        {
            Add(ErrorCodes.NoEntries, field);
        }
    }

    public static MiljofyrtarnException Single(string code, params object[] arguments)
    {
        var problems = new Problems();
        problems.Add(code, arguments);
        return new MiljofyrtarnException(problems._items!);
    }
}
