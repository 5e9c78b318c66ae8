using System.Globalization;
using System.Text;

namespace BhhCompliance.SampleGenerator;

/// <summary>The value of one spreadsheet cell: text, a number, or nothing.</summary>
internal readonly record struct Cell(string? Text, decimal? Number)
{
    public static Cell Empty => default;

    public static Cell Of(string? text) => new(text, null);

    public static Cell Of(decimal number) => new(null, number);

    public string? AsCsv => Number is { } n ? CsvWriter.Number(n) : Text;
}

/// <summary>
/// Writes one table as the first worksheet of a minimal SpreadsheetML workbook (ECMA-376): the
/// five parts a reader needs, strings inline so no shared-string table is required, numbers as
/// numbers. The worksheet is built in memory, so this suits tables of modest size such as a PC
/// Tracker; the package is written on <see cref="Dispose"/>.
/// </summary>
internal sealed class XlsxWriter : ITableSink
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _path;
    private readonly string _sheetName;
    private readonly DateOnly _stamp;
    private readonly int[] _widths;
    private readonly StringBuilder _rows = new();
    private int _rowNumber;

    public XlsxWriter(string path, string sheetName, DateOnly stamp, IReadOnlyList<(string Name, int Width)> header)
    {
        _path = path;
        _sheetName = sheetName;
        _stamp = stamp;
        _widths = [.. header.Select(h => h.Width)];
        Row([.. header.Select(h => Cell.Of(h.Name))]);
    }

    /// <summary>Records written, the header not counted.</summary>
    public long Rows => _rowNumber - 1;

    public void Row(IReadOnlyList<Cell> cells)
    {
        _rowNumber++;
        _rows.Append(CultureInfo.InvariantCulture, $"<row r=\"{_rowNumber}\">");
        for (var i = 0; i < cells.Count; i++)
        {
            var reference = ColumnName(i) + _rowNumber.ToString(CultureInfo.InvariantCulture);
            switch (cells[i])
            {
                case { Number: { } number }:
                    _rows.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{number}</v></c>");
                    break;
                case { Text: { Length: > 0 } text }:
                    _rows.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{Escape(text)}</t></is></c>");
                    break;
                default:
                    // An empty cell is left out of the sheet, as spreadsheet programs do.
                    break;
            }
        }

        _rows.Append("</row>");
    }

    public void Dispose()
    {
        var zip = new StoredZip(_stamp);
        zip.Add("[Content_Types].xml", Xml(
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "</Types>"));
        zip.Add("_rels/.rels", Xml(
            $"<Relationships xmlns=\"{PackageRelNs}\">"
            + $"<Relationship Id=\"rId1\" Type=\"{RelNs}/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>"));
        zip.Add("xl/workbook.xml", Xml(
            $"<workbook xmlns=\"{MainNs}\" xmlns:r=\"{RelNs}\">"
            + $"<sheets><sheet name=\"{Escape(_sheetName)}\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
            + "</workbook>"));
        zip.Add("xl/_rels/workbook.xml.rels", Xml(
            $"<Relationships xmlns=\"{PackageRelNs}\">"
            + $"<Relationship Id=\"rId1\" Type=\"{RelNs}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "</Relationships>"));
        zip.Add("xl/worksheets/sheet1.xml", Xml(Worksheet()));

        using var file = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.None);
        zip.WriteTo(file);
    }

    private string Worksheet()
    {
        var sheet = new StringBuilder();
        sheet.Append(CultureInfo.InvariantCulture, $"<worksheet xmlns=\"{MainNs}\">");

        // The header row stays in view while scrolling, as in the tracker agencies keep.
        sheet.Append("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
        sheet.Append("<cols>");
        for (var i = 0; i < _widths.Length; i++)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<col min=\"{i + 1}\" max=\"{i + 1}\" width=\"{_widths[i]}\" customWidth=\"1\"/>");
        }

        sheet.Append("</cols><sheetData>").Append(_rows).Append("</sheetData></worksheet>");
        return sheet.ToString();
    }

    private static byte[] Xml(string body) => Utf8NoBom.GetBytes(Declaration + body);

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
