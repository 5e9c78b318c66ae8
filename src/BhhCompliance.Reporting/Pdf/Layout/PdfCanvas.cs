using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BhhCompliance.Reporting.Pdf.Layout;

/// <summary>What the document says about itself: its metadata, date and identifier.</summary>
/// <param name="DocumentId">32 hexadecimal digits, derived from the content so that it is the same every run.</param>
/// <param name="Created">The date the document stands for (the review's as-of date, never the clock).</param>
public sealed record DocumentInfo(string Title, string Author, string Subject, string Keywords, DateOnly Created, string DocumentId)
{
    /// <summary>
    /// A document id for this content: the first 32 hexadecimal digits of its SHA-256, so the same
    /// content always gets the same id and different content never does.
    /// </summary>
    public static string IdOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content))[..32];

    /// <summary>As <see cref="IdOf(ReadOnlySpan{byte})"/>, of what <paramref name="write"/> writes, hashed as it streams by rather than held in memory.</summary>
    public static string IdOf(Action<Stream> write)
    {
        using var sha = SHA256.Create();
        using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write, leaveOpen: true))
        {
            write(hashing);
        }

        return Convert.ToHexStringLower(sha.Hash!)[..32];
    }
}

/// <summary>
/// Draws laid-out pages with PDFsharp, adds the page furniture (header, footer, "Page X of Y"),
/// the outline and the metadata, and writes the same bytes for the same content.
/// </summary>
public static partial class PdfCanvas
{
    /// <summary>The ops drawn on every page, given its number (from 1) and the page count.</summary>
    public delegate IReadOnlyList<DrawOp> Furniture(int pageNumber, int pageCount);

    public static byte[] Write(IReadOnlyList<LaidOutPage> pages, PageGeometry geometry, Furniture furniture, DocumentInfo info)
    {
        ReportFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = info.Title;
        document.Info.Author = info.Author;
        document.Info.Subject = info.Subject;
        document.Info.Keywords = info.Keywords;
        document.Info.Creator = info.Author;
        var created = info.Created.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        document.Info.CreationDate = created;
        document.Info.ModificationDate = created;
        document.Internals.FirstDocumentID = info.DocumentId;
        document.Internals.SecondDocumentID = info.DocumentId;
        document.Language = "en-US";
        document.PageMode = PdfPageMode.UseOutlines;

        var brushes = new Dictionary<Ink, XSolidBrush>();
        var outlines = new List<PdfOutline>();
        for (var index = 0; index < pages.Count; index++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(geometry.Width);
            page.Height = XUnit.FromPoint(geometry.Height);
            using (var graphics = XGraphics.FromPdfPage(page))
            {
                foreach (var op in furniture(index + 1, pages.Count).Concat(pages[index].Ops))
                {
                    Draw(graphics, op, brushes);
                }
            }

            foreach (var mark in pages[index].Marks)
            {
                AddOutline(document, outlines, page, mark);
            }
        }

        PinFontSubsetNames(document);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return PinMetadataIds(stream.ToArray(), info.DocumentId);
    }

    private static void Draw(XGraphics graphics, DrawOp op, Dictionary<Ink, XSolidBrush> brushes)
    {
        switch (op)
        {
            case TextOp text:
                var format = text.Align switch
                {
                    Align.Right => XStringFormats.TopRight,
                    Align.Center => XStringFormats.TopCenter,
                    _ => XStringFormats.TopLeft,
                };

                // The line box is taller than the font; centre the glyphs in it.
                var top = text.Y + ((text.Style.LineHeight - text.Style.Size) / 2);
                graphics.DrawString(text.Text, text.Style.Font, Brush(brushes, text.Style.Ink), new XRect(text.X, top, text.Width, text.Style.Size), format);
                break;
            case LineOp line:
                graphics.DrawLine(new XPen(line.Colour.ToXColor(), line.Thickness), line.X1, line.Y1, line.X2, line.Y2);
                break;
            case FillOp fill:
                var rectangle = new XRect(fill.X, fill.Y, fill.Width, fill.Height);
                if (fill.Border is { } border)
                {
                    graphics.DrawRectangle(new XPen(border.ToXColor(), 1), Brush(brushes, fill.Colour), rectangle);
                }
                else
                {
                    graphics.DrawRectangle(Brush(brushes, fill.Colour), rectangle);
                }

                break;
        }
    }

    private static XSolidBrush Brush(Dictionary<Ink, XSolidBrush> brushes, Ink ink)
    {
        if (!brushes.TryGetValue(ink, out var brush))
        {
            brush = new XSolidBrush(ink.ToXColor());
            brushes[ink] = brush;
        }

        return brush;
    }

    /// <summary>Level 0 entries are sections; a deeper entry goes under the last entry one level up.</summary>
    private static void AddOutline(PdfDocument document, List<PdfOutline> path, PdfPage page, MarkOp mark)
    {
        var level = Math.Min(mark.Level, path.Count);
        var parent = level == 0 ? document.Outlines : path[level - 1].Outlines;
        var outline = parent.Add(mark.Title, page, opened: level == 0);
        outline.PageDestinationType = PdfPageDestinationType.Xyz;
        outline.Top = mark.Y;
        path.RemoveRange(level, path.Count - level);
        path.Add(outline);
    }

    /// <summary>
    /// PDFsharp names each embedded font subset with a random six-letter tag. Name them in
    /// order of use instead, so that two runs give the same bytes.
    /// </summary>
    private static void PinFontSubsetNames(PdfDocument document)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dictionary in document.Internals.GetAllObjects().OfType<PdfDictionary>())
        {
            foreach (var key in (string[])["/FontName", "/BaseFont"])
            {
                var name = dictionary.Elements.GetName(key);
                if (SubsetTag().Match(name) is not { Success: true } match)
                {
                    continue;
                }

                if (!tags.TryGetValue(match.Groups[1].Value, out var tag))
                {
                    tag = SubsetTagFor(tags.Count);
                    tags[match.Groups[1].Value] = tag;
                }

                dictionary.Elements.SetName(key, "/" + tag + name[7..]);
            }
        }
    }

    private static string SubsetTagFor(int index)
    {
        var letters = new char[6];
        for (var i = 5; i >= 0; i--)
        {
            letters[i] = (char)('A' + (index % 26));
            index /= 26;
        }

        return new string(letters);
    }

    /// <summary>
    /// PDFsharp writes random uuids into the XMP metadata packet when it saves. Replace them with
    /// the document id; the text keeps its length, so the cross-reference offsets stay right.
    /// </summary>
    private static byte[] PinMetadataIds(byte[] pdf, string documentId)
    {
        var uuid = $"uuid:{documentId[..8]}-{documentId[8..12]}-{documentId[12..16]}-{documentId[16..20]}-{documentId[20..32]}";
        var text = Encoding.Latin1.GetString(pdf);
        var pinned = MetadataUuid().Replace(text, match => match.Groups[1].Value + uuid);
        return Encoding.Latin1.GetBytes(pinned);
    }

    [GeneratedRegex(@"^/([A-Z]{6})\+")]
    private static partial Regex SubsetTag();

    [GeneratedRegex(@"(<xmpMM:(?:DocumentID|InstanceID)>)uuid:[0-9a-fA-F-]{36}")]
    private static partial Regex MetadataUuid();
}
