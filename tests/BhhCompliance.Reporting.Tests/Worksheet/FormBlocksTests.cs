using BhhCompliance.Reporting.Pdf.Layout;
using BhhCompliance.Reporting.Worksheet;

namespace BhhCompliance.Reporting.Tests.Worksheet;

/// <summary>The drawn answer boxes and write-in lines of the worksheet.</summary>
public sealed class FormBlocksTests
{
    private static readonly TextStyle Style = new(10.5);
    private static readonly TextMeasure Measure = new();

    [Fact]
    public void CheckBoxRow_DrawsOneEmptySquarePerLabel_AllOnOneLine()
    {
        var placed = new CheckBoxRow(["Met", "Not met", "Not applicable"], Style, boxSize: 12).Place(Measure, 500, 100, fresh: false);

        var boxes = placed.Ops.OfType<FillOp>().ToList();
        Assert.Equal(3, boxes.Count);
        Assert.All(boxes, b =>
        {
            Assert.Equal(12, b.Width);
            Assert.Equal(12, b.Height);
            Assert.Equal(Ink.White, b.Colour);
            Assert.Equal(CheckBoxRow.BoxBorder, b.Border);
            Assert.Equal(boxes[0].Y, b.Y);
        });
        Assert.Equal(Math.Max(12, Style.LineHeight), placed.Height);
        Assert.Null(placed.Rest);
    }

    [Fact]
    public void CheckBoxRow_PutsEachLabelRightOfItsSquareAndCentredOnIt_WithoutOverlappingTheNext()
    {
        var placed = new CheckBoxRow(["Met", "Not met", "Not applicable"], Style, boxSize: 12).Place(Measure, 500, 100, fresh: false);

        var boxes = placed.Ops.OfType<FillOp>().ToList();
        var labels = placed.Ops.OfType<TextOp>().ToList();
        Assert.Equal(["Met", "Not met", "Not applicable"], labels.Select(l => l.Text));
        for (var i = 0; i < boxes.Count; i++)
        {
            Assert.True(labels[i].X > boxes[i].X + boxes[i].Width, $"Label {i} starts inside its square.");
            Assert.Equal(boxes[i].Y + (boxes[i].Height / 2), labels[i].Y + (Style.LineHeight / 2), precision: 6);
            if (i + 1 < boxes.Count)
            {
                var labelEnd = labels[i].X + Measure.Width(labels[i].Text, Style);
                Assert.True(labelEnd + 10 < boxes[i + 1].X, $"Label {i} runs into the next square.");
            }
        }

        Assert.Equal(0, boxes[0].X);
    }

    [Fact]
    public void CheckBoxRow_NoRoomLeft_MovesToTheNextPage()
    {
        var row = new CheckBoxRow(["Met"], Style);

        Assert.True(row.Place(Measure, 500, 5, fresh: false).PlacedNothing);
        Assert.False(row.Place(Measure, 500, 5, fresh: true).PlacedNothing);
    }

    [Fact]
    public void WriteInRow_DrawsALineAfterEachLabel_SideBySideAcrossTheWidth()
    {
        var placed = new WriteInRow([new WriteInField("Reviewer", 0.6), new WriteInField("Date", 0.4)], Style, height: 24).Place(Measure, 400, 100, fresh: false);

        var labels = placed.Ops.OfType<TextOp>().ToList();
        var lines = placed.Ops.OfType<LineOp>().ToList();
        Assert.Equal(["Reviewer", "Date"], labels.Select(l => l.Text));
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(l.Y1, l.Y2));
        Assert.True(lines[0].X1 > labels[0].X + Measure.Width("Reviewer", Style), "The reviewer line starts inside its label.");
        Assert.True(lines[0].X2 < labels[1].X, "The reviewer line runs into the date's label.");
        Assert.Equal(240, labels[1].X, precision: 6);
        Assert.Equal(400, lines[1].X2, precision: 6);
        Assert.True(labels[0].Y + Style.LineHeight <= lines[0].Y1 + 1.01, "The label hangs below its line.");
        Assert.Equal(24, placed.Height);
    }

    [Fact]
    public void WriteInRow_EmptyLabel_IsABareLineAcrossTheWidth()
    {
        var placed = new WriteInRow([new WriteInField(string.Empty, 1)], Style).Place(Measure, 300, 100, fresh: false);

        Assert.Empty(placed.Ops.OfType<TextOp>());
        var line = Assert.Single(placed.Ops.OfType<LineOp>());
        Assert.Equal((0, 300), (line.X1, line.X2));
    }

    [Fact]
    public void WriteInRow_NoRoomLeft_MovesToTheNextPage() =>
        Assert.True(new WriteInRow([new WriteInField("Date", 1)], Style, height: 24).Place(Measure, 300, 20, fresh: false).PlacedNothing);
}
