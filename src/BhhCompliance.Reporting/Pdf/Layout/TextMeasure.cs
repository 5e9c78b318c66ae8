using PdfSharp.Drawing;

namespace BhhCompliance.Reporting.Pdf.Layout;

/// <summary>
/// Widths of text in a style, and line breaking. PDFsharp places glyphs by their advance widths
/// without kerning, so the width of a line is the sum of its words and spaces; words are
/// measured once and remembered.
/// </summary>
public sealed class TextMeasure
{
    private readonly XGraphics _graphics =
        XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);

    private readonly Dictionary<(TextStyle Style, string Text), double> _widths = [];

    public double Width(string text, TextStyle style)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        if (!_widths.TryGetValue((style, text), out var width))
        {
            width = _graphics.MeasureString(text, style.Font).Width;
            _widths[(style, text)] = width;
        }

        return width;
    }

    /// <summary>The width of the longest word: the narrowest a column can be without breaking words.</summary>
    /// <param name="text">The text.</param>
    /// <param name="style">Its style.</param>
    /// <param name="softBreaks">Count the parts of a word between '_', '-' and '/' as words (for column names).</param>
    public double LongestWord(string text, TextStyle style, bool softBreaks = false) =>
        text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(w => softBreaks ? SoftParts(w) : [w])
            .Select(w => Width(w, style))
            .DefaultIfEmpty(0)
            .Max();

    /// <summary>"bh_experience_years" gives "bh_", "experience_", "years".</summary>
    private static IEnumerable<string> SoftParts(string word)
    {
        var start = 0;
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] is '_' or '-' or '/')
            {
                yield return word[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < word.Length)
        {
            yield return word[start..];
        }
    }

    /// <summary>The widest line of the text when only its own line breaks apply.</summary>
    public double NaturalWidth(string text, TextStyle style) =>
        text.Split('\n').Select(line => Width(line, style)).DefaultIfEmpty(0).Max();

    /// <summary>
    /// The text with its spaces made no-break spaces, so that <see cref="Wrap"/> keeps it on one
    /// line and a table column is made wide enough for it (a label such as "NOT CERTIFIED").
    /// </summary>
    public static string Unbroken(string text) => text.Replace(' ', '\u00A0');

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/>: at
    /// spaces where it can, inside a word only when the word alone is too wide. A line break in
    /// the text is kept.
    /// </summary>
    public IReadOnlyList<string> Wrap(string text, TextStyle style, double width)
    {
        var lines = new List<string>();
        var space = Width(" ", style);
        foreach (var paragraph in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var line = new System.Text.StringBuilder();
            var lineWidth = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wordWidth = Width(word, style);
                var needed = line.Length == 0 ? wordWidth : lineWidth + space + wordWidth;
                if (needed <= width)
                {
                    if (line.Length > 0)
                    {
                        line.Append(' ');
                    }

                    line.Append(word);
                    lineWidth = needed;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    lineWidth = 0;
                }

                var rest = word;
                while (Width(rest, style) > width && rest.Length > 1)
                {
                    var take = FittingPrefix(rest, style, width);
                    lines.Add(rest[..take]);
                    rest = rest[take..];
                }

                line.Append(rest);
                lineWidth = Width(rest, style);
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>
    /// How many leading characters of a too-wide word fit (at least one, so text always
    /// advances). A break just after '_', '-' or '/' is preferred, so that column names and ids
    /// split where a reader expects.
    /// </summary>
    private int FittingPrefix(string word, TextStyle style, double width)
    {
        var fits = FittingLength(word, style, width);
        var soft = word.LastIndexOfAny(['_', '-', '/'], fits - 1);
        return soft > 0 ? soft + 1 : fits;
    }

    private int FittingLength(string word, TextStyle style, double width)
    {
        int low = 1, high = word.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Width(word[..middle], style) <= width)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }
}
