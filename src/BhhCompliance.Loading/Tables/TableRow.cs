namespace BhhCompliance.Loading.Tables;

/// <summary>
/// One record of a table file: its physical line (the header is line 1; for a spreadsheet, the
/// row number) and its fields. The fields array is reused for the next row; copy what you keep.
/// </summary>
internal readonly record struct TableRow(int Line, string[] Fields, int Count);

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
