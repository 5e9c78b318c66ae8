using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Reporting.Tests.Pdf;

/// <summary>Pouring blocks into pages.</summary>
public sealed class PageFlowTests
{
    private static readonly PageGeometry Small = Layouts.Small;

    private readonly TextMeasure _measure = new();

    [Fact]
    public void Lay_PageBreak_StartsANewPage()
    {
        var pages = PageFlow.Lay([Layouts.Lines("a", 2), new PageBreak(), Layouts.Lines("b", 2)], _measure, Small);

        Assert.Equal(2, pages.Count);
        Assert.Equal(["a 1", "a 2"], Layouts.Texts(pages[0]));
        Assert.Equal(["b 1", "b 2"], Layouts.Texts(pages[1]));
        Assert.Equal(Small.MarginTop, pages[1].Ops.OfType<TextOp>().First().Y);
    }

    [Fact]
    public void Lay_PageBreaks_GiveOnePagePerPart()
    {
        var pages = PageFlow.Lay(
            [Layouts.Lines("a", 1), new PageBreak(), Layouts.Lines("b", 1), new PageBreak(), Layouts.Lines("c", 1)],
            _measure,
            Small);

        Assert.Equal(["a 1", "b 1", "c 1"], pages.Select(p => string.Join('|', p.Texts)));
    }

    [Fact]
    public void Lay_PageBreakWhereAPageEndsAnyway_AddsNoEmptyPage()
    {
        var pages = PageFlow.Lay([Layouts.Lines("a", 14), new PageBreak(), Layouts.Lines("b", 1)], _measure, Small);

        Assert.Equal(2, pages.Count);
        Assert.Equal(["b 1"], Layouts.Texts(pages[1]));
    }

    [Fact]
    public void Lay_PageBreakFirstOrLast_AddsNoEmptyPage()
    {
        var pages = PageFlow.Lay([new PageBreak(), Layouts.Lines("a", 1), new PageBreak()], _measure, Small);

        var page = Assert.Single(pages);
        Assert.Equal(["a 1"], Layouts.Texts(page));
    }

    [Fact]
    public void Lay_SpacerFirstInTheDocument_Disappears()
    {
        var pages = PageFlow.Lay([new Spacer(50), Layouts.Lines("a", 1)], _measure, Small);

        Assert.Equal(Small.MarginTop, pages[0].Ops.OfType<TextOp>().Single().Y);
    }

    [Fact]
    public void Lay_SpacerAfterAPageBreak_Disappears()
    {
        var pages = PageFlow.Lay([Layouts.Lines("a", 1), new PageBreak(), new Spacer(40), Layouts.Lines("b", 1)], _measure, Small);

        Assert.Equal(2, pages.Count);
        Assert.Equal(Small.MarginTop, pages[1].Ops.OfType<TextOp>().Single().Y);
    }

    [Fact]
    public void Lay_SpacerWhereAPageFills_DoesNotCarryOverToTheNextPage()
    {
        // 13 lines leave 17.5 pt; the 20 pt spacer ends the page and the next line starts page 2 at the top.
        var pages = PageFlow.Lay([Layouts.Lines("a", 13), new Spacer(20), Layouts.Lines("b", 1)], _measure, Small);

        Assert.Equal(2, pages.Count);
        Assert.Equal(Small.MarginTop, pages[1].Ops.OfType<TextOp>().Single().Y);
    }

    [Fact]
    public void Lay_SpacerMidPage_KeepsItsHeight()
    {
        var pages = PageFlow.Lay([Layouts.Lines("a", 1), new Spacer(50), Layouts.Lines("b", 1)], _measure, Small);

        Assert.Equal(Small.MarginTop + 12.5 + 50, pages[0].Ops.OfType<TextOp>().Single(t => t.Text == "b 1").Y);
    }

    [Fact]
    public void Lay_Ops_AreInPageCoordinates()
    {
        var pages = PageFlow.Lay([Layouts.Lines("a", 2), new Divider(Ink.Rule)], _measure, Small);

        var texts = pages[0].Ops.OfType<TextOp>().ToList();
        Assert.Equal([Small.MarginX, Small.MarginX], texts.Select(t => t.X));
        Assert.Equal([Small.MarginTop, Small.MarginTop + 12.5], texts.Select(t => t.Y));
        Assert.Equal([Small.BodyWidth, Small.BodyWidth], texts.Select(t => t.Width));
        var line = pages[0].Ops.OfType<LineOp>().Single();
        Assert.Equal((Small.MarginX, Small.MarginX + Small.BodyWidth), (line.X1, line.X2));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Lay_MixedDocument_EveryOpLiesInsideTheBody(bool letter)
    {
        var geometry = letter ? PageGeometry.Letter : Small;

        var pages = PageFlow.Lay(MixedDocument(), _measure, geometry);

        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        Layouts.AssertInsideBody(pages, geometry, _measure);
    }

    [Fact]
    public void Lay_Headings_BookmarkLandsOnThePageOfItsHeading()
    {
        var blocks = new List<Block>();
        for (var i = 1; i <= 8; i++)
        {
            blocks.Add(new Heading($"Section {i}", new TextStyle(16, Bold: true), outlineLevel: 0));
            blocks.Add(Layouts.Lines($"s{i}", 3 + (i * 2)));
        }

        var pages = PageFlow.Lay(blocks, _measure, Small);

        Assert.True(pages.Count >= 5, $"{pages.Count} pages");
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"Section {i}"), pages.SelectMany(p => p.Marks).Select(m => m.Title));
        foreach (var page in pages)
        {
            foreach (var mark in page.Marks)
            {
                Assert.Contains(page.Ops.OfType<TextOp>(), t => t.Text == mark.Title && t.Y == mark.Y);
            }
        }
    }

    [Fact]
    public void Lay_HeadingMovedToTheNextPage_TakesItsBookmarkAlong()
    {
        var pages = PageFlow.Lay(
            [Layouts.Lines("filler", 13), new Heading("Title", Layouts.Text, outlineLevel: 0), Layouts.Lines("body", 2)],
            _measure,
            Small);

        Assert.Empty(pages[0].Marks);
        var mark = Assert.Single(pages[1].Marks);
        Assert.Equal(new MarkOp(Small.MarginTop, "Title", 0), mark);
    }

    [Fact]
    public void Lay_HeadingWithOutlineTitle_BookmarksThatTitleAtItsLevel()
    {
        var pages = PageFlow.Lay(
            [Layouts.Lines("a", 2), new Heading("Long title", Layouts.Text, outlineLevel: 1, outlineTitle: "R-1: Long title")],
            _measure,
            Small);

        Assert.Equal([new MarkOp(Small.MarginTop + 25, "R-1: Long title", 1)], pages[0].Marks);
    }

    [Fact]
    public void Lay_HeadingWithoutOutlineLevel_AddsNoBookmark()
    {
        var pages = PageFlow.Lay([new Heading("Plain", Layouts.Text), Layouts.Lines("a", 1)], _measure, Small);

        Assert.Empty(pages[0].Marks);
        Assert.Equal(["Plain", "a 1"], Layouts.Texts(pages[0]));
    }

    private static List<Block> MixedDocument()
    {
        var blocks = new List<Block>();
        for (var i = 1; i <= 4; i++)
        {
            blocks.AddRange(
            [
                new Heading($"Section {i}", new TextStyle(16, Bold: true), outlineLevel: 0),
                new Spacer(4),
                new Paragraph(
                    string.Join(' ', Enumerable.Repeat($"Finding {i} needs a corrective action plan within thirty days of the review.", 3)),
                    new TextStyle(9.5)),
                new Spacer(6),
                new Panel(Layouts.Lines($"panel {i}", 2), Ink.StripeFill, Ink.Rule, padding: 6),
                new Divider(Ink.Rule),
                new Table(
                    [new TableColumn("Key"), new TableColumn("Value", Align.Right)],
                    [.. Enumerable.Range(0, 12).Select(r => (IReadOnlyList<string>)[$"evidence_key_{r}", $"{r * 1000:N0}"])],
                    Layouts.Grid),
                new Stack([new Heading($"Kept {i}", Layouts.Text), Layouts.Lines($"kept {i}", 4)], keepTogether: true),
            ]);
        }

        return blocks;
    }
}
