namespace BhhCompliance.Reporting.Pdf.Layout;

public sealed record TableColumn(string Header, Align Align = Align.Left);

/// <summary>How a table looks: text styles and cell padding.</summary>
public sealed record TableStyle(TextStyle Body, TextStyle Header, double PaddingX = 4, double PaddingY = 2.5, bool Stripes = true, bool HeaderRow = true, bool FillWidth = true);

/// <summary>
/// A table whose column widths fit its content. It breaks between rows across pages and
/// repeats its header row at the top of each page it continues on.
/// </summary>
public sealed class Table : Block
{
    private readonly IReadOnlyList<TableColumn> _columns;
    private readonly IReadOnlyList<IReadOnlyList<string>> _rows;
    private readonly TableStyle _style;
    private readonly int _firstRow;
    private double[]? _widths;
    private double _widthsFor = double.NaN;

    public Table(IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows, TableStyle style)
        : this(columns, rows, style, 0, null, double.NaN)
    {
        if (rows.Any(r => r.Count != columns.Count))
        {
            throw new ArgumentException("Every row needs one cell per column.", nameof(rows));
        }
    }

    private Table(
        IReadOnlyList<TableColumn> columns,
        IReadOnlyList<IReadOnlyList<string>> rows,
        TableStyle style,
        int firstRow,
        double[]? widths,
        double widthsFor)
    {
        _columns = columns;
        _rows = rows;
        _style = style;
        _firstRow = firstRow;
        _widths = widths;
        _widthsFor = widthsFor;
    }

    public override Placement Place(TextMeasure measure, double width, double height, bool fresh)
    {
        var widths = ColumnWidths(measure, width);
        var header = _style.HeaderRow
            ? Row(measure, widths, _columns.Select(c => c.Header).ToArray(), _style.Header, Ink.HeaderFill, bold: true)
            : ([], 0);
        if (!fresh && header.Height > height + 0.001)
        {
            return Placement.Deferred(this);
        }

        var ops = new List<DrawOp>(header.Ops);
        var y = header.Height;
        var row = _firstRow;
        while (row < _rows.Count)
        {
            var fill = _style.Stripes && row % 2 == 1 ? Ink.StripeFill : (Ink?)null;
            var placed = Row(measure, widths, _rows[row], _style.Body, fill, bold: false);
            var firstOnPage = row == _firstRow;
            if (y + placed.Height > height + 0.001 && !(firstOnPage && fresh))
            {
                break;
            }

            ops.AddRange(placed.Ops.Select(op => op.Moved(0, y)));
            y += placed.Height;
            row++;
        }

        if (row == _firstRow && _rows.Count > 0)
        {
            return Placement.Deferred(this);
        }

        var rest = row < _rows.Count ? new Table(_columns, _rows, _style, row, widths, width) : null;
        return new Placement(ops, y, rest);
    }

    private (List<DrawOp> Ops, double Height) Row(
        TextMeasure measure, double[] widths, IReadOnlyList<string> cells, TextStyle style, Ink? fill, bool bold)
    {
        var padX = _style.PaddingX;
        var padY = _style.PaddingY;
        var wrapped = new IReadOnlyList<string>[cells.Count];
        var lines = 1;
        for (var c = 0; c < cells.Count; c++)
        {
            wrapped[c] = measure.Wrap(cells[c], style, Math.Max(1, widths[c] - (2 * padX)));
            lines = Math.Max(lines, wrapped[c].Count);
        }

        var height = (lines * style.LineHeight) + (2 * padY);
        var total = widths.Sum();
        var ops = new List<DrawOp>((lines * cells.Count) + 2);
        if (fill is { } colour)
        {
            ops.Add(new FillOp(0, 0, total, height, colour));
        }

        var x = 0.0;
        for (var c = 0; c < cells.Count; c++)
        {
            var align = _columns[c].Align;
            for (var l = 0; l < wrapped[c].Count; l++)
            {
                if (wrapped[c][l].Length > 0)
                {
                    ops.Add(new TextOp(x + padX, padY + (l * style.LineHeight), widths[c] - (2 * padX), wrapped[c][l], style, align));
                }
            }

            x += widths[c];
        }

        ops.Add(new LineOp(0, height, total, height, bold ? 0.8 : 0.4, Ink.Rule));
        return (ops, height);
    }

    /// <summary>
    /// Widths that fit the content: each column gets its widest line when all fit. Otherwise
    /// each keeps at least its longest word and, room permitting, its header on one line, and
    /// the rest of the width goes to the columns that would wrap, in proportion to how much they
    /// need. When even the longest words do not fit side by side, the width is shared out fairly
    /// instead: a word wider than its share (a URL in a reviewer's comment) breaks inside its
    /// cell, and the ids, dates and sources beside it keep their width. The same widths serve
    /// every page the table spans.
    /// </summary>
    internal double[] ColumnWidths(TextMeasure measure, double width)
    {
        if (_widths is not null && Math.Abs(_widthsFor - width) < 0.001)
        {
            return _widths;
        }

        var count = _columns.Count;
        var pad = 2 * _style.PaddingX;
        var natural = new double[count];
        var minimum = new double[count];
        for (var c = 0; c < count; c++)
        {
            var header = _style.HeaderRow ? _columns[c].Header : string.Empty;
            natural[c] = measure.NaturalWidth(header, _style.Header);
            minimum[c] = measure.LongestWord(header, _style.Header, softBreaks: true);
            foreach (var row in _rows)
            {
                natural[c] = Math.Max(natural[c], measure.NaturalWidth(row[c], _style.Body));
                minimum[c] = Math.Max(minimum[c], measure.LongestWord(row[c], _style.Body));
            }

            natural[c] += pad;
            minimum[c] = Math.Min(natural[c], minimum[c] + pad);
        }

        var naturalTotal = natural.Sum();
        if (naturalTotal <= width)
        {
            // Everything fits on one line: share the spare width out so the table spans the page.
            var spare = _style.FillWidth ? width - naturalTotal : 0;
            return Keep([.. natural.Select(n => n + (spare * n / naturalTotal))], width);
        }

        // The longest words do not fit side by side (a 170-character URL in a comment): the widest
        // claims no more than a fair share, and breaks inside its cell. A column that needs less
        // than the share gets all it needs, so ids, dates and sources stay on one line rather
        // than shrink with the URL to a few letters a line; the others get the share each.
        if (minimum.Sum() > width)
        {
            var share = FairShare(natural, width);
            return Keep([.. natural.Select(n => Math.Min(n, share))], width);
        }

        // A header breaks only when it must: while every column can be as wide as its header on one
        // line and still hold its longest word, no column is narrower than its header. A header
        // such as "days_late" over short numbers would otherwise wrap as "days_ / late".
        if (_style.HeaderRow)
        {
            var unbroken = new double[count];
            for (var c = 0; c < count; c++)
            {
                unbroken[c] = Math.Max(minimum[c], Math.Min(natural[c], measure.NaturalWidth(_columns[c].Header, _style.Header) + pad));
            }

            if (unbroken.Sum() <= width)
            {
                minimum = unbroken;
            }
        }

        // Each column keeps its minimum, and the rest of the width goes to the columns that would
        // wrap, in proportion to how much more they need.
        var rest = width - minimum.Sum();
        var wanted = natural.Zip(minimum, (n, m) => n - m).Sum();
        var widths = new double[count];
        for (var c = 0; c < count; c++)
        {
            widths[c] = minimum[c] + (wanted > 0 ? rest * (natural[c] - minimum[c]) / wanted : rest / count);
        }

        return Keep(widths, width);
    }

    private double[] Keep(double[] widths, double width)
    {
        _widths = widths;
        _widthsFor = width;
        return widths;
    }

    /// <summary>
    /// The largest share such that every column narrower than it keeps its whole width and the
    /// others get the share each, within <paramref name="width"/> in all (max-min fairness).
    /// </summary>
    internal static double FairShare(IReadOnlyList<double> wanted, double width)
    {
        var left = width;
        var columns = wanted.Count;
        foreach (var w in wanted.Order())
        {
            if (w * columns > left)
            {
                break;
            }

            left -= w;
            columns--;
        }

        return columns == 0 ? double.PositiveInfinity : left / columns;
    }
}
