namespace BhhCompliance.Reporting.Pdf.Layout;

/// <summary>
/// A piece of a page that knows how to lay itself out: given a width and the height left on the
/// page, it places what fits and returns the rest for the next page.
/// </summary>
public abstract class Block
{
    /// <summary>Lays out as much of the block as fits.</summary>
    /// <param name="measure">Text widths and line breaking.</param>
    /// <param name="width">The width available.</param>
    /// <param name="height">The height left on the page.</param>
    /// <param name="fresh">
    /// True at the top of an empty page. A block must then place something, even if it does not
    /// fit, so that a layout always ends.
    /// </param>
    public abstract Placement Place(TextMeasure measure, double width, double height, bool fresh);

    /// <summary>True when the page should not end right after this block (a heading).</summary>
    public virtual bool KeepWithNext => false;

    /// <summary>The height of the whole block at this width, as if the page never ended.</summary>
    public double Measure(TextMeasure measure, double width) =>
        Place(measure, width, double.PositiveInfinity, fresh: true).Height;
}

/// <summary>What a block placed on this page, how tall it is, and what is left for the next page.</summary>
public sealed record Placement(IReadOnlyList<DrawOp> Ops, double Height, Block? Rest)
{
    /// <summary>Nothing fits here: the whole block goes to the next page.</summary>
    public static Placement Deferred(Block block) => new([], 0, block);

    public bool PlacedNothing => Ops.Count == 0 && Height == 0;
}

/// <summary>Vertical space; it disappears at the top of a page.</summary>
public sealed class Spacer(double height) : Block
{
    public override Placement Place(TextMeasure measure, double width, double height1, bool fresh) =>
        new([], fresh ? 0 : Math.Min(height, height1), null);
}

/// <summary>Ends the page; nothing follows it on the same page.</summary>
public sealed class PageBreak : Block
{
    public override Placement Place(TextMeasure measure, double width, double height, bool fresh) =>
        new([], fresh || double.IsPositiveInfinity(height) ? 0 : height, null);
}

/// <summary>Wrapped text in one style. It can break between lines across pages.</summary>
public sealed class Paragraph : Block
{
    private readonly string _text;
    private readonly TextStyle _style;
    private readonly Align _align;
    private readonly double _indent;
    private IReadOnlyList<string>? _lines;
    private double _linesWidth = double.NaN;

    public Paragraph(string text, TextStyle style, Align align = Align.Left, double indent = 0)
    {
        _text = text;
        _style = style;
        _align = align;
        _indent = indent;
    }

    private Paragraph(IReadOnlyList<string> lines, double width, TextStyle style, Align align, double indent)
        : this(string.Join(' ', lines), style, align, indent)
    {
        _lines = lines;
        _linesWidth = width;
    }

    public override Placement Place(TextMeasure measure, double width, double height, bool fresh)
    {
        var lines = Lines(measure, width - _indent);
        var lineHeight = _style.LineHeight;
        var fits = double.IsPositiveInfinity(height) ? lines.Count : (int)Math.Floor((height + 0.001) / lineHeight);
        if (fits <= 0)
        {
            if (!fresh)
            {
                return Placement.Deferred(this);
            }

            fits = 1;
        }

        var count = Math.Min(fits, lines.Count);
        var ops = new List<DrawOp>(count);
        for (var i = 0; i < count; i++)
        {
            ops.Add(new TextOp(_indent, i * lineHeight, width - _indent, lines[i], _style, _align));
        }

        var rest = count < lines.Count
            ? new Paragraph(lines.Skip(count).ToArray(), width - _indent, _style, _align, _indent)
            : null;
        return new Placement(ops, count * lineHeight, rest);
    }

    private IReadOnlyList<string> Lines(TextMeasure measure, double width)
    {
        if (_lines is null || Math.Abs(_linesWidth - width) > 0.001)
        {
            _lines = measure.Wrap(_text, _style, width);
            _linesWidth = width;
        }

        return _lines;
    }
}

/// <summary>A section title: a paragraph that starts an outline entry and stays with what follows.</summary>
public sealed class Heading(string text, TextStyle style, int outlineLevel = -1, string? outlineTitle = null) : Block
{
    private readonly Paragraph _paragraph = new(text, style);

    public override bool KeepWithNext => true;

    public override Placement Place(TextMeasure measure, double width, double height, bool fresh)
    {
        if (!fresh && _paragraph.Measure(measure, width) > height)
        {
            return Placement.Deferred(this);
        }

        var placed = _paragraph.Place(measure, width, double.PositiveInfinity, fresh: true);
        return outlineLevel < 0
            ? placed with { Rest = null }
            : new Placement([new MarkOp(0, outlineTitle ?? text, outlineLevel), .. placed.Ops], placed.Height, null);
    }
}

/// <summary>
/// Blocks one below the other. With <c>keepTogether</c> the whole stack moves to the next page
/// rather than split, unless it is taller than a page. A child that keeps with the next one
/// (a heading) never ends a page on its own.
/// </summary>
public sealed class Stack(IReadOnlyList<Block> children, bool keepTogether = false, bool keepWithNext = false) : Block
{
    public IReadOnlyList<Block> Children { get; } = children;

    /// <summary>True when asked for (a table's title and caption), or when the last child keeps with the next block.</summary>
    public override bool KeepWithNext => keepWithNext || (Children.Count > 0 && Children[^1].KeepWithNext);

    public override Placement Place(TextMeasure measure, double width, double height, bool fresh)
    {
        if (keepTogether && !double.IsPositiveInfinity(height))
        {
            var whole = Place(measure, width, double.PositiveInfinity, fresh);
            if (whole.Height <= height + 0.001)
            {
                return whole;
            }

            if (!fresh)
            {
                return Placement.Deferred(this);
            }
        }

        var ops = new List<DrawOp>();
        var y = 0.0;
        var starts = new List<(int Ops, double Y)>(Children.Count);
        for (var i = 0; i < Children.Count; i++)
        {
            starts.Add((ops.Count, y));
            var placed = Children[i].Place(measure, width, height - y, fresh && ops.Count == 0 && y == 0);
            if (!placed.PlacedNothing)
            {
                ops.AddRange(placed.Ops.Select(op => op.Moved(0, y)));
                y += placed.Height;
            }

            if (placed.Rest is null)
            {
                continue;
            }

            // The page ends inside child i. If nothing of it fit, the headings just before it
            // move to the next page with it, unless that would leave a fresh page empty.
            var cut = i;
            if (placed.PlacedNothing)
            {
                // Spacers between a heading and the block it keeps with go along with both.
                var before = cut;
                while (before > 0 && Children[before - 1] is Spacer)
                {
                    before--;
                }

                while (before > 0 && Children[before - 1].KeepWithNext)
                {
                    cut = --before;
                    while (before > 0 && Children[before - 1] is Spacer)
                    {
                        before--;
                    }
                }

                if (cut < i && fresh && starts[cut] == (0, 0.0))
                {
                    cut = i;
                }
            }

            if (cut < i)
            {
                ops.RemoveRange(starts[cut].Ops, ops.Count - starts[cut].Ops);
                y = starts[cut].Y;
            }

            if (ops.Count == 0 && y == 0 && !fresh)
            {
                return Placement.Deferred(this);
            }

            Block rest = cut < i || placed.PlacedNothing
                ? new Stack([.. Children.Skip(cut)])
                : new Stack([placed.Rest, .. Children.Skip(i + 1)]);
            return new Placement(ops, y, rest);
        }

        return new Placement(ops, y, null);
    }
}

/// <summary>A filled, bordered box around other blocks, kept on one page (the cover's determination).</summary>
public sealed class Panel(Block content, Ink fill, Ink border, double padding) : Block
{
    public override Placement Place(TextMeasure measure, double width, double height, bool fresh)
    {
        var inner = content.Place(measure, width - (2 * padding), double.PositiveInfinity, fresh: true);
        var total = inner.Height + (2 * padding);
        if (total > height && !fresh)
        {
            return Placement.Deferred(this);
        }

        return new Placement(
            [new FillOp(0, 0, width, total, fill, border), .. inner.Ops.Select(op => op.Moved(padding, padding))],
            total,
            null);
    }
}

/// <summary>A thin horizontal line across the width.</summary>
public sealed class Divider(Ink colour, double thickness = 0.75) : Block
{
    public override Placement Place(TextMeasure measure, double width, double height, bool fresh) =>
        height < thickness && !fresh
            ? Placement.Deferred(this)
            : new Placement([new LineOp(0, thickness / 2, width, thickness / 2, thickness, colour)], thickness, null);
}
