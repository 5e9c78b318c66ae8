using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Reporting.Tests.Pdf;

/// <summary>Small pages, styles and checks shared by the layout tests.</summary>
internal static class Layouts
{
    /// <summary>10 pt text: a line is 12.5 pt tall.</summary>
    public static TextStyle Text { get; } = new(10);

    /// <summary>A 200 by 200 pt page with a 180 by 180 pt body: 14 lines of <see cref="Text"/> and 5 pt to spare.</summary>
    public static PageGeometry Small { get; } = new(200, 200, 10, 10, 10);

    public static TableStyle Grid { get; } = new(new TextStyle(8), new TextStyle(8, Bold: true));

    /// <summary>A paragraph of <paramref name="count"/> short lines, "prefix 1" ... "prefix N", one per explicit line break.</summary>
    public static Paragraph Lines(string prefix, int count) =>
        new(string.Join('\n', Enumerable.Range(1, count).Select(i => $"{prefix} {i}")), Text);

    public static IReadOnlyList<string> LineTexts(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(i => $"{prefix} {i}")];

    /// <summary>The texts of a page in drawing order.</summary>
    public static IReadOnlyList<string> Texts(LaidOutPage page) => [.. page.Texts];

    /// <summary>
    /// Asserts that every op of every page lies inside the page's body, within a hundredth of a point.
    /// </summary>
    public static void AssertInsideBody(IReadOnlyList<LaidOutPage> pages, PageGeometry geometry, TextMeasure measure)
    {
        const double Epsilon = 0.01;
        var left = geometry.MarginX - Epsilon;
        var right = geometry.MarginX + geometry.BodyWidth + Epsilon;
        var top = geometry.MarginTop - Epsilon;
        var bottom = geometry.MarginTop + geometry.BodyHeight + Epsilon;
        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var op in pages[p].Ops)
            {
                var (x1, y1, x2, y2) = op switch
                {
                    TextOp t => (t.X, t.Y, Math.Max(t.X + t.Width, t.X + measure.Width(t.Text, t.Style)), t.Y + t.Style.LineHeight),
                    LineOp l => (Math.Min(l.X1, l.X2), Math.Min(l.Y1, l.Y2), Math.Max(l.X1, l.X2), Math.Max(l.Y1, l.Y2)),
                    FillOp f => (f.X, f.Y, f.X + f.Width, f.Y + f.Height),
                    MarkOp m => (left, m.Y, left, m.Y),
                    _ => throw new InvalidOperationException($"Unknown op {op}"),
                };
                Assert.True(
                    x1 >= left && x2 <= right && y1 >= top && y2 <= bottom,
                    $"Page {p + 1}: {op} spans ({x1:0.##}, {y1:0.##})-({x2:0.##}, {y2:0.##}), outside the body ({left:0.##}, {top:0.##})-({right:0.##}, {bottom:0.##}).");
            }
        }
    }
}
