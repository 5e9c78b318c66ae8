using System.Text;
using BhhCompliance.Core.Diagnostics;

namespace BhhCompliance.Loading.Tables;

/// <summary>
/// A streaming RFC 4180 reader: comma separated, fields optionally in double quotes with
/// <c>""</c> for a quote, line breaks inside quotes allowed. It reports physical line numbers,
/// so a diagnostic points at the line an editor shows, and it reads strict UTF-8 (a byte order
/// mark is allowed) so that a file in another encoding is an error rather than silent mojibake.
/// Blank lines, and lines of nothing but commas, are skipped.
/// </summary>
internal sealed class CsvTable : ITableSource
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly DiagnosticBag _diagnostics;

    public CsvTable(string path, string fileName, DiagnosticBag diagnostics)
        : this(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan), fileName, diagnostics)
    {
    }

    public CsvTable(Stream stream, string fileName, DiagnosticBag diagnostics)
    {
        _stream = stream;
        FileName = fileName;
        _diagnostics = diagnostics;
    }

    public string FileName { get; }

    public (long Done, long Total) Position => _stream.CanSeek ? (_stream.Position, _stream.Length) : (0, 0);

    public bool StoppedEarly { get; private set; }

    public IEnumerable<TableRow> Rows()
    {
        using var reader = new StreamReader(_stream, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var fields = new RowFields();
        var field = new StringBuilder();
        var lineNumber = 0;
        while (true)
        {
            string? line;
            try
            {
                line = reader.ReadLine();
            }
            catch (DecoderFallbackException)
            {
                ReportNotUtf8();
                yield break;
            }

            if (line is null)
            {
                yield break;
            }

            lineNumber++;
            if (line.AsSpan().IsWhiteSpace())
            {
                continue;
            }

            fields.Reset(line);
            var startLine = lineNumber;
            var count = 0;
            var position = 0;
            var malformed = false;
            while (true)
            {
                if (position < line.Length && line[position] == '"')
                {
                    // Quoted field: may span lines, so it is read into a string of its own.
                    field.Clear();
                    position++;
                    while (true)
                    {
                        var quote = line.IndexOf('"', position);
                        if (quote < 0)
                        {
                            field.Append(line, position, line.Length - position);
                            string? next;
                            try
                            {
                                next = reader.ReadLine();
                            }
                            catch (DecoderFallbackException)
                            {
                                ReportNotUtf8();
                                yield break;
                            }

                            if (next is null)
                            {
                                _diagnostics.Add(Problems.UnterminatedQuote(new SourceLocation(FileName, startLine, count + 1)));
                                StoppedEarly = true;
                                yield break;
                            }

                            lineNumber++;
                            field.Append('\n');
                            // The fields before this one are slices of the line just finished.
                            fields.Detach(count);
                            line = next;
                            fields.Reset(line);
                            position = 0;
                            continue;
                        }

                        field.Append(line, position, quote - position);
                        if (quote + 1 < line.Length && line[quote + 1] == '"')
                        {
                            field.Append('"');
                            position = quote + 2;
                            continue;
                        }

                        position = quote + 1;
                        break;
                    }

                    fields.Set(count++, field.ToString());
                    if (position < line.Length && line[position] != ',')
                    {
                        _diagnostics.Add(Problems.TextAfterQuote(new SourceLocation(FileName, lineNumber, count)));
                        malformed = true;
                        break;
                    }
                }
                else
                {
                    // Fields are short: a plain loop finds the comma sooner than a vectorised search.
                    var end = position;
                    while (end < line.Length && line[end] != ',')
                    {
                        end++;
                    }

                    fields.Slice(count++, position, end - position);
                    position = end;
                }

                if (position >= line.Length)
                {
                    break;
                }

                position++; // past the comma
                if (position == line.Length)
                {
                    // A trailing comma ends in an empty last field.
                    fields.Set(count++, string.Empty);
                    break;
                }
            }

            // Spreadsheet exports often end with rows of bare commas; like blank lines, they hold nothing.
            if (!malformed && !AllEmpty(fields, count))
            {
                yield return new TableRow(startLine, fields, count);
            }
        }
    }

    public void Dispose() => _stream.Dispose();

    private static bool AllEmpty(RowFields fields, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!fields[i].IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The decoder fails on a whole buffer, ahead of the line being read, so the line of the
    /// first invalid byte is found by scanning the file's bytes from the start.
    /// </summary>
    private void ReportNotUtf8()
    {
        StoppedEarly = true;
        var line = 0;
        if (_stream.CanSeek)
        {
            _stream.Position = 0;
            var bytes = new byte[_stream.Length];
            _stream.ReadExactly(bytes);
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var valid, out _, replaceInvalidSequences: false);
            line = status == System.Buffers.OperationStatus.InvalidData ? 1 + bytes.AsSpan(0, valid).Count((byte)'\n') : 0;
        }

        _diagnostics.Add(Problems.Unreadable(new SourceLocation(FileName, line, 0), "it is not UTF-8 text. Save it as CSV UTF-8."));
    }
}
