namespace BhhCompliance.Loading.Tables;

/// <summary>
/// One record of a table file: its physical line (the header is line 1; for a spreadsheet, the
/// row number) and its fields. The fields are reused for the next row; copy what you keep.
/// </summary>
internal readonly record struct TableRow(int Line, RowFields Fields, int Count)
{
    /// <summary>The row's fields as strings (allocates; for headers, tests and diagnostics).</summary>
    public string[] Texts()
    {
        var texts = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            texts[i] = Fields.Text(i);
        }

        return texts;
    }
}

/// <summary>
/// The fields of the current row, without a string per field: a plain field is a slice of the
/// reader's buffer, and only a field that had to be rewritten (a quoted field, a spreadsheet cell) is
/// held as its own string. Reading a field as a span allocates nothing.
/// </summary>
internal sealed class RowFields
{
    private char[] _chars = [];
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];
    private string?[] _owned = new string?[16];

    private int _lineStart;

    public ReadOnlySpan<char> this[int index] => _owned[index] is { } owned ? owned : new ReadOnlySpan<char>(_chars, _starts[index], _lengths[index]);

    /// <summary>The field as a string.</summary>
    public string Text(int index) => _owned[index] ?? (_lengths[index] == 0 ? string.Empty : new string(_chars, _starts[index], _lengths[index]));

    /// <summary>Continues the row on a line that starts at <paramref name="lineStart"/> in <paramref name="chars"/>.</summary>
    public void Reset(char[] chars, int lineStart)
    {
        _chars = chars;
        _lineStart = lineStart;
    }

    /// <summary>Field <paramref name="index"/> is the slice of the current line at <paramref name="start"/>.</summary>
    public void Slice(int index, int start, int length)
    {
        Grow(index);
        _starts[index] = _lineStart + start;
        _lengths[index] = length;
        _owned[index] = null;
    }

    /// <summary>Copies the first <paramref name="count"/> fields out of the line, before the line changes under them.</summary>
    public void Detach(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _owned[i] ??= Text(i);
        }
    }

    /// <summary>Field <paramref name="index"/> is <paramref name="value"/>.</summary>
    public void Set(int index, string value)
    {
        Grow(index);
        _owned[index] = value;
    }

    private void Grow(int index)
    {
        if (index < _owned.Length)
        {
            return;
        }

        var size = Math.Max(index + 1, _owned.Length * 2);
        Array.Resize(ref _starts, size);
        Array.Resize(ref _lengths, size);
        Array.Resize(ref _owned, size);
    }
}

/// <summary>A source of rows: a CSV file, or the first worksheet of an XLSX workbook.</summary>
internal interface ITableSource : IDisposable
{
    string FileName { get; }

    /// <summary>Bytes read so far and the total, for progress.</summary>
    (long Done, long Total) Position { get; }

    /// <summary>The rows in order, the header first. Malformed input is reported, not thrown.</summary>
    IEnumerable<TableRow> Rows();

    /// <summary>True when reading stopped early because the file is malformed or unreadable.</summary>
    bool StoppedEarly { get; }
}
