using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;

namespace BhhCompliance.Reporting.Tests.Statewide;

/// <summary>
/// Reads the text back out of a written PDF the way an independent reader does: the strings the
/// page content draws, decoded through each font's ToUnicode map, or its standard WinAnsi
/// encoding for a simple font. Text that cannot be decoded this way is not searchable or
/// selectable in a viewer either.
/// </summary>
internal static partial class PdfText
{
    /// <summary>Each page's text, one line per string drawn.</summary>
    public static IReadOnlyList<string> Pages(PdfDocument document) =>
        [.. document.Pages.Cast<PdfPage>().Select(Page)];

    private static string Page(PdfPage page)
    {
        var fonts = page.Resources.Elements.GetDictionary("/Font")
            ?? throw new InvalidOperationException("The page has no fonts.");
        var maps = new Dictionary<string, Func<CString, string>>(StringComparer.Ordinal);
        var text = new StringBuilder();
        Func<CString, string>? decode = null;
        foreach (var op in Operators(ContentReader.ReadContent(page)))
        {
            switch (op.Name)
            {
                case "Tf" when op.Operands[0] is CName name:
                    if (!maps.TryGetValue(name.Name, out decode))
                    {
                        decode = Decoder(fonts.Elements.GetDictionary(name.Name)
                            ?? throw new InvalidOperationException($"The page has no font {name.Name}."));
                        maps[name.Name] = decode;
                    }

                    break;
                case "Tj" when op.Operands[0] is CString drawn:
                    text.Append((decode ?? throw new InvalidOperationException("Text drawn before a font is chosen."))(drawn)).Append('\n');
                    break;
                case "TJ" when op.Operands[0] is CArray parts:
                    foreach (var part in parts.OfType<CString>())
                    {
                        text.Append((decode ?? throw new InvalidOperationException("Text drawn before a font is chosen."))(part));
                    }

                    text.Append('\n');
                    break;
            }
        }

        return text.ToString();
    }

    private static IEnumerable<COperator> Operators(CSequence sequence)
    {
        foreach (var item in sequence)
        {
            if (item is COperator op)
            {
                yield return op;
            }
            else if (item is CSequence inner)
            {
                foreach (var nested in Operators(inner))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>How a font's strings become text: through its ToUnicode map, else its WinAnsi encoding; nothing else is readable.</summary>
    private static Func<CString, string> Decoder(PdfDictionary font)
    {
        if (font.Elements.GetDictionary("/ToUnicode") is { } toUnicode)
        {
            var map = ToUnicode(toUnicode);
            return drawn => Decode(drawn, map);
        }

        if (font.Elements.GetName("/Encoding") == "/WinAnsiEncoding")
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var winAnsi = Encoding.GetEncoding(1252);
            return drawn => winAnsi.GetString([.. drawn.Value.Select(c => (byte)c)]);
        }

        throw new InvalidOperationException($"The font {font.Elements.GetName("/BaseFont")} has neither a ToUnicode map nor a standard encoding, so its text cannot be extracted.");
    }

    /// <summary>Two-byte glyph codes (Identity-H), each looked up in the font's map.</summary>
    private static string Decode(CString drawn, Dictionary<int, string> map)
    {
        var bytes = drawn.Value.Select(c => (byte)c).ToArray();
        var text = new StringBuilder();
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            var code = (bytes[i] << 8) | bytes[i + 1];
            text.Append(map.TryGetValue(code, out var unicode) ? unicode : "\uFFFD");
        }

        return text.ToString();
    }

    /// <summary>A ToUnicode CMap: its <c>bfchar</c> and <c>bfrange</c> entries, glyph code to text.</summary>
    private static Dictionary<int, string> ToUnicode(PdfDictionary toUnicode)
    {
        var cmap = Encoding.Latin1.GetString(toUnicode.Stream.UnfilteredValue);
        var map = new Dictionary<int, string>();
        foreach (Match block in Section().Matches(cmap))
        {
            var entries = Hex().Matches(block.Groups[2].Value).Select(m => m.Groups[1].Value).ToList();
            if (block.Groups[1].Value == "bfchar")
            {
                for (var i = 0; i + 1 < entries.Count; i += 2)
                {
                    map[Code(entries[i])] = Unicode(entries[i + 1]);
                }
            }
            else
            {
                for (var i = 0; i + 2 < entries.Count; i += 3)
                {
                    var (first, last, start) = (Code(entries[i]), Code(entries[i + 1]), Code(entries[i + 2]));
                    for (var code = first; code <= last; code++)
                    {
                        map[code] = char.ConvertFromUtf32(start + (code - first));
                    }
                }
            }
        }

        return map;
    }

    private static int Code(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Unicode(string hex) =>
        Encoding.BigEndianUnicode.GetString(Convert.FromHexString(hex));

    [GeneratedRegex(@"begin(bfchar|bfrange)(.*?)end\1", RegexOptions.Singleline)]
    private static partial Regex Section();

    [GeneratedRegex("<([0-9A-Fa-f]+)>")]
    private static partial Regex Hex();
}
