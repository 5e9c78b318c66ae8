using System.Globalization;
using System.Text;

namespace BhhCompliance.SampleGenerator;

/// <summary>
/// Writes one CSV table row by row (snapshot.md, "CSV conventions"): UTF-8 without a byte order
/// mark, LF after every record, and RFC 4180 quotes only around fields that need them. The same
/// rows give the same bytes on every OS, whatever its newline or culture.
/// </summary>
internal sealed class CsvWriter : ITableSink
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly StreamWriter _writer;
    private readonly int _width;
    private readonly string?[] _fields;

    public CsvWriter(string path, params string[] header)
    {
        _writer = new StreamWriter(path, append: false, Utf8NoBom, bufferSize: 1 << 16);
        _width = header.Length;
        _fields = new string?[_width];
        Row(header);
    }

    /// <summary>Records written, the header not counted.</summary>
    public long Rows { get; private set; } = -1;

    public void Row(params string?[] fields)
    {
        if (fields.Length != _width)
        {
            throw new ArgumentException($"A row has {fields.Length} fields; the header has {_width}.", nameof(fields));
        }

        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            WriteField(fields[i]);
        }

        _writer.Write('\n');
        Rows++;
    }

    public void Row(IReadOnlyList<Cell> cells)
    {
        if (cells.Count != _width)
        {
            throw new ArgumentException($"A row has {cells.Count} cells; the header has {_width}.", nameof(cells));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            _fields[i] = cells[i].AsCsv;
        }

        Row(_fields);
    }

    public void Dispose() => _writer.Dispose();

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void WriteField(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _writer.Write(value);
            return;
        }

        _writer.Write('"');
        _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }
}
