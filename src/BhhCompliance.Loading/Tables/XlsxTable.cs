using System.Globalization;
using System.Text;
using BhhCompliance.Core.Diagnostics;
using ExcelDataReader;

namespace BhhCompliance.Loading.Tables;

/// <summary>
/// The first worksheet of an XLSX workbook, read as a table with the same columns as its CSV
/// form. Whatever goes wrong inside the workbook (a damaged package, truncated XML) is the
/// file's problem, reported as unreadable, never a crash. A row's "line" is its spreadsheet row number. Cells typed as dates become
/// <c>YYYY-MM-DD</c>, numbers their invariant text, booleans <c>yes</c>/<c>no</c>.
/// </summary>
internal sealed class XlsxTable : ITableSource
{
    private readonly Stream _stream;
    private readonly DiagnosticBag _diagnostics;

    static XlsxTable() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public XlsxTable(string path, string fileName, DiagnosticBag diagnostics)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        FileName = fileName;
        _diagnostics = diagnostics;
    }

    public string FileName { get; }

    public (long Done, long Total) Position => (_stream.Position, _stream.Length);

    public bool StoppedEarly { get; private set; }

    public IEnumerable<TableRow> Rows()
    {
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateOpenXmlReader(_stream, new ExcelReaderConfiguration { LeaveOpen = true });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _diagnostics.Add(Problems.Unreadable(SourceLocation.OfFile(FileName), $"it is not an Excel workbook (.xlsx): {ex.Message}"));
            StoppedEarly = true;
            yield break;
        }

        using (reader)
        {
            var fields = new string[16];
            var row = new RowFields();
            var width = 0;
            while (true)
            {
                bool more;
                try
                {
                    more = reader.Read();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    _diagnostics.Add(Problems.Unreadable(SourceLocation.OfFile(FileName), ex.Message));
                    StoppedEarly = true;
                    yield break;
                }

                if (!more)
                {
                    yield break;
                }

                var count = reader.FieldCount;
                if (fields.Length < Math.Max(count, width))
                {
                    fields = new string[Math.Max(count, width)];
                }

                var blank = true;
                for (var i = 0; i < count; i++)
                {
                    fields[i] = Cell(reader.GetValue(i));
                    blank &= fields[i].Length == 0;
                }

                // Trailing empty cells are formatting, not columns.
                while (count > 0 && fields[count - 1].Length == 0)
                {
                    count--;
                }

                if (blank)
                {
                    continue;
                }

                // Cells left empty at the end of a row are absent from the workbook; they are empty values.
                width = width == 0 ? count : width;
                for (; count < width; count++)
                {
                    fields[count] = string.Empty;
                }

                for (var i = 0; i < count; i++)
                {
                    row.Set(i, fields[i]);
                }

                yield return new TableRow(reader.Depth + 1, row, count);
            }
        }
    }

    public void Dispose() => _stream.Dispose();

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        DateTime date when date.TimeOfDay == TimeSpan.Zero => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double number => ((decimal)number).ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "yes" : "no",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
