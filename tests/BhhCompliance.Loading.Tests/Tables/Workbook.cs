using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace BhhCompliance.Loading.Tests.Tables;

/// <summary>
/// Writes the smallest .xlsx that spreadsheet readers accept: the five Office Open XML
/// SpreadsheetML parts and one worksheet whose cells are inline strings, numbers or booleans.
/// A test can then describe a PC Tracker workbook as plain rows instead of keeping binary files.
/// </summary>
internal static class Workbook
{
    private static readonly XNamespace ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Writes rows numbered 1, 2, 3 ...; a null cell is left out of the sheet, as spreadsheets do with empty cells.</summary>
    public static void Write(string path, params object?[][] rows) =>
        Write(path, rows.Select((cells, index) => (index + 1, cells)));

    /// <summary>Writes rows with the given row numbers, so a test can leave rows out of the sheet.</summary>
    public static void Write(string path, IEnumerable<(int Number, object?[] Cells)> rows)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "[Content_Types].xml", new XElement(
            ContentTypes + "Types",
            new XElement(ContentTypes + "Default", new XAttribute("Extension", "rels"), new XAttribute("ContentType", "application/vnd.openxmlformats-package.relationships+xml")),
            new XElement(ContentTypes + "Default", new XAttribute("Extension", "xml"), new XAttribute("ContentType", "application/xml")),
            new XElement(ContentTypes + "Override", new XAttribute("PartName", "/xl/workbook.xml"), new XAttribute("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")),
            new XElement(ContentTypes + "Override", new XAttribute("PartName", "/xl/worksheets/sheet1.xml"), new XAttribute("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"))));
        Add(zip, "_rels/.rels", Relationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml"));
        Add(zip, "xl/workbook.xml", new XElement(
            Main + "workbook",
            new XAttribute(XNamespace.Xmlns + "r", Relationships.NamespaceName),
            new XElement(Main + "sheets", new XElement(Main + "sheet", new XAttribute("name", "PC Tracker"), new XAttribute("sheetId", "1"), new XAttribute(Relationships + "id", "rId1")))));
        Add(zip, "xl/_rels/workbook.xml.rels", Relationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml"));
        Add(zip, "xl/worksheets/sheet1.xml", new XElement(
            Main + "worksheet",
            new XElement(Main + "sheetData", rows.Select(row => Row(row.Number, row.Cells)))));
    }

    private static XElement Relationship(string type, string target) => new(
        PackageRelationships + "Relationships",
        new XElement(PackageRelationships + "Relationship", new XAttribute("Id", "rId1"), new XAttribute("Type", type), new XAttribute("Target", target)));

    private static XElement Row(int number, object?[] cells) => new(
        Main + "row",
        new XAttribute("r", number),
        cells.Select((value, column) => Cell($"{ColumnName(column)}{number}", value)).OfType<XElement>());

    private static XElement? Cell(string reference, object? value) => value switch
    {
        null => null,
        string text => new XElement(Main + "c", new XAttribute("r", reference), new XAttribute("t", "inlineStr"), new XElement(Main + "is", new XElement(Main + "t", text))),
        bool flag => new XElement(Main + "c", new XAttribute("r", reference), new XAttribute("t", "b"), new XElement(Main + "v", flag ? "1" : "0")),
        _ => new XElement(Main + "c", new XAttribute("r", reference), new XElement(Main + "v", Convert.ToString(value, CultureInfo.InvariantCulture))),
    };

    private static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    private static void Add(ZipArchive zip, string name, XElement root)
    {
        using var stream = zip.CreateEntry(name).Open();
        new XDocument(new XDeclaration("1.0", "UTF-8", "yes"), root).Save(stream);
    }
}
