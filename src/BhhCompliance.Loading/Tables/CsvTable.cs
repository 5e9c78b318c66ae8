using System.Globalization;
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
        var lines = new LineReader(reader);
        var fields = new RowFields();
        var field = new StringBuilder();
        var lineNumber = 0;
        while (true)
        {
            Record record;
            try
            {
                record = ReadRecord(lines, fields, field, ref lineNumber);
            }
            catch (DecoderFallbackException)
            {
                ReportNotUtf8();
                yield break;
            }

            if (record.End)
            {
                yield break;
            }

            // Blank lines, and the rows of bare commas spreadsheet exports often end with, hold nothing.
            if (!record.Malformed && !AllEmpty(fields, record.Count))
            {
                yield return new TableRow(record.Line, fields, record.Count);
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
    /// Reads the next record into <paramref name="fields"/>: one line, or more when a quoted field
    /// holds line breaks. Plain fields are slices of the reader's buffer; a quoted field is
    /// unescaped into a string of its own.
    /// </summary>
    private Record ReadRecord(LineReader lines, RowFields fields, StringBuilder field, ref int lineNumber)
    {
        ReadOnlySpan<char> line;
        while (true)
        {
            if (!lines.Next(out var start, out var length))
            {
                return new Record(0, 0, End: true, Malformed: false);
            }

            lineNumber++;
            line = lines.Chars.AsSpan(start, length);
            if (!line.IsWhiteSpace())
            {
                fields.Reset(lines.Chars, start);
                break;
            }
        }

        var startLine = lineNumber;
        var count = 0;
        var position = 0;
        while (true)
        {
            if (position < line.Length && line[position] == '"')
            {
                // Quoted field: may span lines.
                field.Clear();
                position++;
                while (true)
                {
                    var quote = line[position..].IndexOf('"');
                    if (quote < 0)
                    {
                        field.Append(line[position..]);

                        // The fields before this one are slices of the line just finished, which the next read may move.
                        fields.Detach(count);
                        if (!lines.Next(out var start, out var length))
                        {
                            _diagnostics.Add(Problems.UnterminatedQuote(new SourceLocation(FileName, startLine, count + 1)));
                            StoppedEarly = true;
                            return new Record(0, 0, End: true, Malformed: false);
                        }

                        lineNumber++;
                        field.Append('\n');
                        line = lines.Chars.AsSpan(start, length);
                        fields.Reset(lines.Chars, start);
                        position = 0;
                        continue;
                    }

                    quote += position;
                    field.Append(line[position..quote]);
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
                    return new Record(startLine, count, End: false, Malformed: true);
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
                return new Record(startLine, count, End: false, Malformed: false);
            }

            position++; // past the comma
            if (position == line.Length)
            {
                // A trailing comma ends in an empty last field.
                fields.Set(count++, string.Empty);
                return new Record(startLine, count, End: false, Malformed: false);
            }
        }
    }

    /// <summary>
    /// The decoder fails on a whole buffer, ahead of the line being read, so the line of the
    /// first invalid byte is found by scanning the file's bytes from the start.
    /// </summary>
    private void ReportNotUtf8()
    {
        StoppedEarly = true;
        var at = SourceLocation.OfFile(FileName);
        var what = "it is not UTF-8 text";
        if (_stream.CanSeek)
        {
            _stream.Position = 0;
            var bytes = new byte[_stream.Length];
            _stream.ReadExactly(bytes);
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var valid, out _, replaceInvalidSequences: false);
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                var before = bytes.AsSpan(0, valid);
                var lineStart = before.LastIndexOf((byte)'\n') + 1;
                at = new SourceLocation(FileName, 1 + before.Count((byte)'\n'), 1 + Encoding.UTF8.GetCharCount(bytes, lineStart, valid - lineStart));
                what = string.Create(CultureInfo.InvariantCulture, $"it is not UTF-8 text: the byte 0x{bytes[valid]:X2} cannot start or continue a character here");
            }
        }

        _diagnostics.Add(Problems.Unreadable(at, $"{what}. Save it as CSV UTF-8."));
    }

    /// <summary>A record read: its first line and field count, or the end of the file, or a malformed line (reported).</summary>
    private readonly record struct Record(int Line, int Count, bool End, bool Malformed);
}

/// <summary>
/// Lines of decoded text without a string per line: each line is a slice of one char buffer,
/// valid until the next call. Line ends are LF, CR LF or a lone CR, as <see cref="TextReader.ReadLine"/>
/// has them; a line longer than the buffer grows it.
/// </summary>
internal sealed class LineReader(TextReader reader)
{
    private char[] _chars = new char[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    public char[] Chars => _chars;

    /// <summary>The next line's place in <see cref="Chars"/>; false at the end of the text.</summary>
    public bool Next(out int start, out int length)
    {
        // Counted from the line's start, which a refill of the buffer moves.
        var scanned = 0;
        while (true)
        {
            var at = _chars.AsSpan(_start + scanned, _end - _start - scanned).IndexOfAny('\r', '\n');
            if (at >= 0)
            {
                var end = _start + scanned + at;
                if (_chars[end] == '\r' && end + 1 == _end && !_eof)
                {
                    // A CR at the end of the buffer may be the first half of CR LF: read on, and look again.
                    scanned = end - _start;
                    Fill();
                    continue;
                }

                start = _start;
                length = end - _start;
                _start = _chars[end] == '\r' && end + 1 < _end && _chars[end + 1] == '\n' ? end + 2 : end + 1;
                return true;
            }

            if (_eof)
            {
                start = _start;
                length = _end - _start;
                _start = _end;
                return length > 0;
            }

            scanned = _end - _start;
            Fill();
        }
    }

    /// <summary>Moves the unread text to the front of the buffer (growing it when full) and reads more; false at the end.</summary>
    private bool Fill()
    {
        var unread = _end - _start;
        if (_start > 0)
        {
            Array.Copy(_chars, _start, _chars, 0, unread);
        }
        else if (unread == _chars.Length)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        _start = 0;
        _end = unread;
        var read = reader.Read(_chars, _end, _chars.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return false;
        }

        _end += read;
        return true;
    }
}
