namespace BhhCompliance.Reporting.Pdf.Layout;

public enum Align
{
    Left,
    Right,
    Center,
}

/// <summary>
/// One thing to draw, in points from the top left of the block that made it. Layout produces
/// these; <see cref="PdfCanvas"/> draws them. Keeping them as data lets tests check a layout
/// without reading a PDF.
/// </summary>
public abstract record DrawOp
{
    public abstract DrawOp Moved(double dx, double dy);
}

/// <summary>A line of text whose box starts at (X, Y); aligned within Width.</summary>
public sealed record TextOp(double X, double Y, double Width, string Text, TextStyle Style, Align Align = Align.Left) : DrawOp
{
    public override DrawOp Moved(double dx, double dy) => this with { X = X + dx, Y = Y + dy };
}

public sealed record LineOp(double X1, double Y1, double X2, double Y2, double Thickness, Ink Colour) : DrawOp
{
    public override DrawOp Moved(double dx, double dy) => this with { X1 = X1 + dx, Y1 = Y1 + dy, X2 = X2 + dx, Y2 = Y2 + dy };
}

public sealed record FillOp(double X, double Y, double Width, double Height, Ink Colour, Ink? Border = null) : DrawOp
{
    public override DrawOp Moved(double dx, double dy) => this with { X = X + dx, Y = Y + dy };
}

/// <summary>A document outline entry (bookmark) pointing here; level 0 is a section.</summary>
public sealed record MarkOp(double Y, string Title, int Level) : DrawOp
{
    public override DrawOp Moved(double dx, double dy) => this with { Y = Y + dy };
}
