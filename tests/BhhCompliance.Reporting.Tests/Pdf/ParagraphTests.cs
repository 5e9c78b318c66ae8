using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Reporting.Tests.Pdf;

/// <summary>Wrapped text that breaks between lines across pages.</summary>
public sealed class ParagraphTests
{
    private const double LineHeight = 12.5;

    private readonly TextMeasure _measure = new();

    [Fact]
    public void Place_HeightForThreeOfTenLines_PlacesThreeAndTheRestContinues()
    {
        var paragraph = Layouts.Lines("line", 10);

        var placed = paragraph.Place(_measure, 150, 40, fresh: false);

        Assert.Equal(Layouts.LineTexts("line", 3), placed.Ops.OfType<TextOp>().Select(t => t.Text));
        Assert.Equal([0, LineHeight, 2 * LineHeight], placed.Ops.OfType<TextOp>().Select(t => t.Y));
        Assert.Equal(3 * LineHeight, placed.Height);
        Assert.NotNull(placed.Rest);

        var rest = placed.Rest.Place(_measure, 150, double.PositiveInfinity, fresh: true);

        Assert.Equal(Layouts.LineTexts("line", 10).Skip(3), rest.Ops.OfType<TextOp>().Select(t => t.Text));
        Assert.Equal(0, rest.Ops.OfType<TextOp>().First().Y);
        Assert.Equal(7 * LineHeight, rest.Height);
        Assert.Null(rest.Rest);
    }

    [Fact]
    public void Place_HeightOfExactlyTheLines_PlacesThemAllWithNoRest()
    {
        var placed = Layouts.Lines("line", 4).Place(_measure, 150, 4 * LineHeight, fresh: false);

        Assert.Equal(4, placed.Ops.Count);
        Assert.Null(placed.Rest);
    }

    [Fact]
    public void Place_WrappedTextSplitAcrossThreePages_LosesAndRepeatsNoWord()
    {
        var text = string.Join(' ', Enumerable.Range(1, 120).Select(i => $"word{i}"));
        Block? block = new Paragraph(text, Layouts.Text);
        var words = new List<string>();
        var pages = 0;

        while (block is not null)
        {
            var placed = block.Place(_measure, 120, 100, fresh: true);
            Assert.True(placed.Height <= 100);
            words.AddRange(placed.Ops.OfType<TextOp>().SelectMany(t => t.Text.Split(' ')));
            block = placed.Rest;
            pages++;
        }

        Assert.Equal(text.Split(' '), words);
        Assert.True(pages >= 3, $"{pages} pages");
    }

    [Fact]
    public void Place_NotFreshAndNoRoomForALine_PlacesNothingAndDefersItself()
    {
        var paragraph = Layouts.Lines("line", 2);

        var placed = paragraph.Place(_measure, 150, LineHeight - 0.5, fresh: false);

        Assert.True(placed.PlacedNothing);
        Assert.Same(paragraph, placed.Rest);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(12)]
    public void Place_FreshPageWithNoRoomForALine_StillPlacesOneLine(double height)
    {
        var placed = Layouts.Lines("line", 3).Place(_measure, 150, height, fresh: true);

        Assert.Equal(["line 1"], placed.Ops.OfType<TextOp>().Select(t => t.Text));
        Assert.Equal(LineHeight, placed.Height);
        Assert.NotNull(placed.Rest);
    }

    [Fact]
    public void Measure_IsTheHeightOfEveryLine()
    {
        Assert.Equal(7 * LineHeight, Layouts.Lines("line", 7).Measure(_measure, 150));
    }

    [Fact]
    public void Place_Indent_ShiftsTheLinesAndNarrowsTheWrap()
    {
        var text = string.Join(' ', Enumerable.Repeat("enrollee", 20));
        var paragraph = new Paragraph(text, Layouts.Text, indent: 30);

        var ops = paragraph.Place(_measure, 150, double.PositiveInfinity, fresh: true).Ops.OfType<TextOp>().ToList();

        Assert.True(ops.Count > 1);
        Assert.All(ops, op =>
        {
            Assert.Equal(30, op.X);
            Assert.Equal(120, op.Width);
            Assert.True(_measure.Width(op.Text, Layouts.Text) <= 120);
        });
        Assert.Equal(_measure.Wrap(text, Layouts.Text, 120), ops.Select(o => o.Text));
    }

    [Fact]
    public void Place_Alignment_IsCarriedOnEveryLine()
    {
        var ops = new Paragraph("a\nb", Layouts.Text, Align.Center).Place(_measure, 150, 100, fresh: false).Ops.OfType<TextOp>();

        Assert.Equal([Align.Center, Align.Center], ops.Select(op => op.Align));
    }

    [Fact]
    public void Place_RestAtAnotherWidth_StillHoldsTheRemainingWords()
    {
        var text = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"word{i}"));
        var placed = new Paragraph(text, Layouts.Text).Place(_measure, 100, 2 * LineHeight, fresh: true);
        Assert.NotNull(placed.Rest);

        var rest = placed.Rest.Place(_measure, 300, double.PositiveInfinity, fresh: true);

        var words = placed.Ops.Concat(rest.Ops).OfType<TextOp>().SelectMany(t => t.Text.Split(' '));
        Assert.Equal(text.Split(' '), words);
    }
}
