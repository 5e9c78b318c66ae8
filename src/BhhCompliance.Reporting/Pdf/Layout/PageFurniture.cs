namespace BhhCompliance.Reporting.Pdf.Layout;

/// <summary>
/// What every page of a report carries outside its body: a header with "Page X of Y" at its
/// right and a rule under it, and at the foot a rule over a centred notice (the
/// protected-health-information footer). Each report words its own; they all sit the same way.
/// </summary>
public sealed record PageFurniture(string Header, string PageNumber, string Footer)
{
    private static readonly TextStyle HeaderStyle = new(8, Colour: Ink.Muted);
    private static readonly TextStyle FooterStyle = new(7.5, Colour: Ink.Muted);

    /// <summary>The top of the header, in the top margin above the body.</summary>
    private const double HeaderTop = 30;

    /// <summary>The top of the footer, below the bottom of the body.</summary>
    private const double FooterBelowBody = 22;

    /// <summary>The ops for one page, in page coordinates.</summary>
    public IReadOnlyList<DrawOp> Draw(TextMeasure measure, PageGeometry page)
    {
        var width = page.BodyWidth;
        var numberWidth = measure.Width(PageNumber, HeaderStyle) + 12;
        var header = new Paragraph(Header, HeaderStyle).Place(measure, width - numberWidth, double.PositiveInfinity, fresh: true);
        var footer = new Paragraph(Footer, FooterStyle, Align.Center).Place(measure, width, double.PositiveInfinity, fresh: true);
        var headerRule = HeaderTop + Math.Max(header.Height, HeaderStyle.LineHeight) + 4;
        var footerTop = page.Height - page.MarginBottom + FooterBelowBody;
        return
        [
            .. header.Ops.Select(op => op.Moved(page.MarginX, HeaderTop)),
            new TextOp(page.MarginX, HeaderTop, width, PageNumber, HeaderStyle, Align.Right),
            new LineOp(page.MarginX, headerRule, page.MarginX + width, headerRule, 0.5, Ink.Rule),
            new LineOp(page.MarginX, footerTop - 6, page.MarginX + width, footerTop - 6, 0.5, Ink.Rule),
            .. footer.Ops.Select(op => op.Moved(page.MarginX, footerTop)),
        ];
    }
}
