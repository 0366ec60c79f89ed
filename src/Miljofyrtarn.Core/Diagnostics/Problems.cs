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

    public static MiljofyrtarnException Single(string code, params object[] arguments)
    {
        var problems = new Problems();
        problems.Add(code, arguments);
        return new MiljofyrtarnException(problems._items!);
    }
}
