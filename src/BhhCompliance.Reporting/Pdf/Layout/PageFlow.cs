namespace BhhCompliance.Reporting.Pdf.Layout;

/// <summary>The page size and the margins around the body, in points.</summary>
public sealed record PageGeometry(double Width, double Height, double MarginX, double MarginTop, double MarginBottom)
{
    /// <summary>US Letter, the paper Connecticut agencies print on, with room for the header and footer.</summary>
    public static readonly PageGeometry Letter = new(612, 792, 54, 66, 60);

    public double BodyWidth => Width - (2 * MarginX);

    public double BodyHeight => Height - MarginTop - MarginBottom;
}

/// <summary>A laid-out page: what to draw in its body, in page coordinates.</summary>
public sealed record LaidOutPage(IReadOnlyList<DrawOp> Ops)
{
    public IEnumerable<MarkOp> Marks => Ops.OfType<MarkOp>();

    public IEnumerable<string> Texts => Ops.OfType<TextOp>().Select(t => t.Text);
}

/// <summary>Pours blocks into pages, one after the other, starting a page whenever one is full.</summary>
public static class PageFlow
{
    public static IReadOnlyList<LaidOutPage> Lay(IReadOnlyList<Block> blocks, TextMeasure measure, PageGeometry page)
    {
        var pages = new List<LaidOutPage>();
        Block? rest = new Stack(blocks);
        while (rest is not null)
        {
            var placed = rest.Place(measure, page.BodyWidth, page.BodyHeight, fresh: true);
            if (placed.PlacedNothing && placed.Rest is not null)
            {
                throw new InvalidOperationException("A block placed nothing on an empty page; the layout cannot finish.");
            }

            pages.Add(new LaidOutPage(placed.Ops.Select(op => op.Moved(page.MarginX, page.MarginTop)).ToArray()));
            rest = placed.Rest;
        }

        return pages;
    }
}
