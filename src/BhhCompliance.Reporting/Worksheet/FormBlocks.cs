using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Reporting.Worksheet;

/// <summary>
/// A row of empty squares to tick, each followed by its label: "□ Met   □ Not met   □ Not
/// applicable". The squares are drawn, not typed, so they print the same whatever the font has.
/// Never split across pages.
/// </summary>
public sealed class CheckBoxRow(IReadOnlyList<string> labels, TextStyle style, double boxSize = 11, double gap = 30) : Block
{
    /// <summary>Space between a square and its label.</summary>
    private const double LabelGap = 5;

    /// <summary>The square's border; dark enough to print clearly on any printer.</summary>
    public static readonly Ink BoxBorder = Ink.Text;

    public override Placement Place(TextMeasure measure, double width, double height, bool fresh)
    {
        var rowHeight = Math.Max(boxSize, style.LineHeight);
        if (rowHeight > height + 0.001 && !fresh)
        {
            return Placement.Deferred(this);
        }

        var ops = new List<DrawOp>(labels.Count * 2);
        var boxTop = (rowHeight - boxSize) / 2;

        // The label's line box is centred on the square, as the canvas centres glyphs in it.
        var textTop = (rowHeight - style.LineHeight) / 2;
        var x = 0.0;
        foreach (var label in labels)
        {
            var labelWidth = measure.Width(label, style);
            ops.Add(new FillOp(x, boxTop, boxSize, boxSize, Ink.White, BoxBorder));
            ops.Add(new TextOp(x + boxSize + LabelGap, textTop, labelWidth + 1, label, style));
            x += boxSize + LabelGap + labelWidth + gap;
        }

        return new Placement(ops, rowHeight, null);
    }
}

/// <summary>One field of a <see cref="WriteInRow"/>: a label and its share of the row's width.</summary>
public sealed record WriteInField(string Label, double Share);

/// <summary>
/// Labelled blank lines to write on by hand, side by side: "Reviewer ______  Date ______". A
/// field with an empty label is a bare line (a second line for a comment). Never split across pages.
/// </summary>
public sealed class WriteInRow(IReadOnlyList<WriteInField> fields, TextStyle style, double height = 24) : Block
{
    /// <summary>Space between a label and its line, and between two fields.</summary>
    private const double Gap = 6;

    public static readonly Ink LineInk = Ink.Muted;

    public override Placement Place(TextMeasure measure, double width, double height1, bool fresh)
    {
        if (height > height1 + 0.001 && !fresh)
        {
            return Placement.Deferred(this);
        }

        // The writing line sits near the bottom of the row; the label's text rests on it.
        var lineY = height - 3;
        var textTop = lineY - style.LineHeight + 1;
        var totalShare = fields.Sum(f => f.Share);
        var ops = new List<DrawOp>(fields.Count * 2);
        var x = 0.0;
        for (var i = 0; i < fields.Count; i++)
        {
            var fieldWidth = width * fields[i].Share / totalShare;
            var end = x + fieldWidth - (i < fields.Count - 1 ? Gap * 2 : 0);
            var start = x;
            if (fields[i].Label.Length > 0)
            {
                var labelWidth = measure.Width(fields[i].Label, style);
                ops.Add(new TextOp(x, textTop, labelWidth + 1, fields[i].Label, style));
                start = x + labelWidth + Gap;
            }

            ops.Add(new LineOp(start, lineY, end, lineY, 0.6, LineInk));
            x += fieldWidth;
        }

        return new Placement(ops, height, null);
    }
}
