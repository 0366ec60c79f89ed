using Spectre.Console;

namespace Miljofyrtarn.Sample.Console;

/// <summary>
/// A table that never breaks a word: in a terminal too narrow for its longest words it first tightens its padding,
/// and if that is not enough it is written as a list, one block per row, which wraps between words.
/// </summary>
internal sealed class FitTable
{
    private readonly string[] _headers;
    private readonly List<(string Markup, string Plain)[]> _rows = [];
    private string? _title;

    public FitTable(params string[] headers) => _headers = headers;

    /// <summary>A caption above the table (plain text).</summary>
    public FitTable Title(string? title)
    {
        _title = title;
        return this;
    }

    /// <summary>A row of plain texts.</summary>
    public void Add(params string[] cells) => _rows.Add([.. cells.Select(c => (Markup.Escape(c), c))]);

    /// <summary>A row of cells, each as markup and as the plain text it shows.</summary>
    public void Add(params (string Markup, string Plain)[] cells) => _rows.Add(cells);

    public void Write()
    {
        var width = AnsiConsole.Profile.Width;
        var columns = _headers.Length;
        var shortest = Enumerable.Range(0, columns).Select(c => Cells(c).Max(LongestWord)).ToArray();
        var longest = Enumerable.Range(0, columns).Select(c => Cells(c).Max(LongestLine)).ToArray();
        foreach (var padding in new[] { 2, 1 })
        {
            var room = width - (columns + 1) - (padding * columns);
            if (shortest.Sum() <= room)
            {
                AnsiConsole.Write(Build(padding == 2 ? new Padding(1, 0, 1, 0) : new Padding(0, 0, 1, 0), longest.Sum() <= room ? null : Widths(shortest, longest, room)));
                return;
            }
        }

        WriteList();
    }

    /// <summary>
    /// Column widths for a tight table: every column gets its longest word, and the room left goes, a character at a time,
    /// to the column that lacks most of its longest line, so no word is ever cut.
    /// </summary>
    private static int[] Widths(int[] shortest, int[] longest, int room)
    {
        var widths = (int[])shortest.Clone();
        for (var left = room - widths.Sum(); left > 0; left--)
        {
            var neediest = Enumerable.Range(0, widths.Length).MaxBy(c => longest[c] - widths[c]);
            if (longest[neediest] <= widths[neediest])
            {
                break;
            }

            widths[neediest]++;
        }

        return widths;
    }

    private IEnumerable<string> Cells(int column) => _rows.Select(r => r[column].Plain).Append(_headers[column]);

    private Table Build(Padding padding, int[]? widths)
    {
        var table = new Table();
        if (_title is not null)
        {
            table.Title(Markup.Escape(_title));
        }

        for (var c = 0; c < _headers.Length; c++)
        {
            var column = new TableColumn(Markup.Escape(_headers[c])).Padding(padding);
            if (widths is not null)
            {
                column.Width(widths[c]);
            }

            table.AddColumn(column);
        }

        foreach (var row in _rows)
        {
            table.AddRow(row.Select(c => c.Markup).ToArray());
        }

        return table;
    }

    private void WriteList()
    {
        if (_title is not null)
        {
            AnsiConsole.Write(new Rule(Markup.Escape(_title)).LeftJustified());
        }

        foreach (var row in _rows)
        {
            var lines = row.Select((cell, c) => c == 0 ? $"[bold]{cell.Markup}[/]" : $"  {Markup.Escape(_headers[c])}: {cell.Markup}");
            AnsiConsole.Write(new Markup(string.Join('\n', lines) + "\n"));
        }
    }

    private static int LongestLine(string text) => text.Split('\n').Max(l => l.TrimEnd('\r').Length);

    private static int LongestWord(string text) =>
        text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Length).DefaultIfEmpty(0).Max();
}
