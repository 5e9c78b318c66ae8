using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Reporting.Tests.Pdf;

/// <summary>The header, page number and footer every report draws around its pages.</summary>
public sealed class PageFurnitureTests
{
    private const string LongHeader =
        "River Valley Services (LMHA-RV): BHH compliance findings, self-check review as of 2026-09-30, " +
        "rule set ct-bhh 2026.1, profile self-check, period 2026-04-01 to 2026-09-30";

    private readonly TextMeasure _measure = new();

    [Fact]
    public void Draw_PageNumber_IsRightAlignedAcrossTheBodyOnTheHeaderLine()
    {
        var ops = new PageFurniture("Agency", "Page 2 of 7", "Footer").Draw(_measure, PageGeometry.Letter);

        var number = Assert.Single(ops.OfType<TextOp>(), t => t.Text == "Page 2 of 7");
        var header = Assert.Single(ops.OfType<TextOp>(), t => t.Text == "Agency");
        Assert.Equal(Align.Right, number.Align);
        Assert.Equal(PageGeometry.Letter.MarginX, number.X);
        Assert.Equal(PageGeometry.Letter.BodyWidth, number.Width);
        Assert.Equal(header.Y, number.Y);
    }

    [Fact]
    public void Draw_LongHeader_WrapsShortOfThePageNumberAndTheRuleIsBelowIt()
    {
        var page = PageGeometry.Letter;
        var ops = new PageFurniture(LongHeader, "Page 12 of 40", "Footer").Draw(_measure, page);

        var numberText = Assert.Single(ops.OfType<TextOp>(), t => t.Text == "Page 12 of 40");
        var headerLines = ops.OfType<TextOp>().Where(t => t != numberText && t.Text != "Footer").ToList();
        Assert.True(headerLines.Count > 1, "The header should wrap.");
        Assert.Equal(LongHeader, string.Join(' ', headerLines.Select(t => t.Text)));
        var numberLeft = page.MarginX + page.BodyWidth - _measure.Width(numberText.Text, numberText.Style);
        Assert.All(headerLines, line => Assert.True(
            line.X + _measure.Width(line.Text, line.Style) < numberLeft,
            $"'{line.Text}' runs into the page number."));

        var headerRule = ops.OfType<LineOp>().MinBy(l => l.Y1)!;
        Assert.True(headerRule.Y1 >= headerLines[^1].Y + headerLines[^1].Style.LineHeight, "The rule crosses the header.");
        Assert.True(headerRule.Y1 < page.MarginTop, "The rule is in the body.");
    }

    [Fact]
    public void Draw_Footer_IsCentredBelowTheBodyUnderItsRule()
    {
        var page = new PageGeometry(792, 612, 54, 66, 60);
        var ops = new PageFurniture("Header", "Page 1 of 1", "Contains protected health information (PHI).").Draw(_measure, page);

        var footer = Assert.Single(ops.OfType<TextOp>(), t => t.Text.StartsWith("Contains", StringComparison.Ordinal));
        var footerRule = ops.OfType<LineOp>().MaxBy(l => l.Y1)!;
        Assert.Equal(Align.Center, footer.Align);
        Assert.Equal(page.BodyWidth, footer.Width);
        Assert.True(footerRule.Y1 > page.Height - page.MarginBottom, "The footer's rule is in the body.");
        Assert.True(footer.Y > footerRule.Y1, "The footer is above its rule.");
        Assert.True(footer.Y + footer.Style.LineHeight < page.Height, "The footer runs off the page.");
        Assert.Equal((page.MarginX, page.MarginX + page.BodyWidth), (footerRule.X1, footerRule.X2));
    }
}
