using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Reporting.Tests.Pdf;

/// <summary>Blocks one below the other: keep-together stacks and headings that stay with what follows.</summary>
public sealed class StackTests
{
    private const double LineHeight = 12.5;

    private readonly TextMeasure _measure = new();

    [Fact]
    public void Place_KeepTogetherStackThatFits_PlacesEveryChildOneBelowTheOther()
    {
        var stack = SixLines(keepTogether: true);

        var placed = stack.Place(_measure, 150, 100, fresh: false);

        Assert.Equal(["a 1", "a 2", "b 1", "b 2", "c 1", "c 2"], placed.Ops.OfType<TextOp>().Select(t => t.Text));
        Assert.Equal([0, 12.5, 25, 37.5, 50, 62.5], placed.Ops.OfType<TextOp>().Select(t => t.Y));
        Assert.Equal(6 * LineHeight, placed.Height);
        Assert.Null(placed.Rest);
    }

    [Fact]
    public void Place_KeepTogetherStackThatDoesNotFitOnANonFreshPage_PlacesNothingAndDefersItself()
    {
        var stack = SixLines(keepTogether: true);

        var placed = stack.Place(_measure, 150, 50, fresh: false);

        Assert.True(placed.PlacedNothing);
        Assert.Same(stack, placed.Rest);
    }

    [Fact]
    public void Place_PlainStackThatDoesNotFit_SplitsBetweenLines()
    {
        var placed = SixLines(keepTogether: false).Place(_measure, 150, 50, fresh: false);

        Assert.Equal(["a 1", "a 2", "b 1", "b 2"], placed.Ops.OfType<TextOp>().Select(t => t.Text));
        Assert.NotNull(placed.Rest);
        Assert.Equal(
            ["c 1", "c 2"],
            placed.Rest.Place(_measure, 150, double.PositiveInfinity, fresh: true).Ops.OfType<TextOp>().Select(t => t.Text));
    }

    [Fact]
    public void Place_KeepTogetherStackTallerThanAFreshPage_SplitsAndTheRestContinues()
    {
        var placed = SixLines(keepTogether: true).Place(_measure, 150, 50, fresh: true);

        Assert.Equal(["a 1", "a 2", "b 1", "b 2"], placed.Ops.OfType<TextOp>().Select(t => t.Text));
        Assert.Equal(4 * LineHeight, placed.Height);
        Assert.NotNull(placed.Rest);
        Assert.Equal(
            ["c 1", "c 2"],
            placed.Rest.Place(_measure, 150, double.PositiveInfinity, fresh: true).Ops.OfType<TextOp>().Select(t => t.Text));
    }

    [Fact]
    public void Lay_KeepTogetherStackThatWouldFitOnAPage_MovesWholeToTheNextPage()
    {
        // 10 lines leave 55 pt; the stack needs 75 pt.
        var pages = PageFlow.Lay([Layouts.Lines("filler", 10), SixLines(keepTogether: true)], _measure, Layouts.Small);

        Assert.Equal(2, pages.Count);
        Assert.Equal(Layouts.LineTexts("filler", 10), Layouts.Texts(pages[0]));
        Assert.Equal(["a 1", "a 2", "b 1", "b 2", "c 1", "c 2"], Layouts.Texts(pages[1]));
        Assert.Equal(Layouts.Small.MarginTop, pages[1].Ops.OfType<TextOp>().First().Y);
    }

    [Fact]
    public void Lay_PlainStackThatWouldFitOnAPage_FillsThePageFirst()
    {
        var pages = PageFlow.Lay([Layouts.Lines("filler", 10), SixLines(keepTogether: false)], _measure, Layouts.Small);

        Assert.Equal(2, pages.Count);
        Assert.Equal([.. Layouts.LineTexts("filler", 10), "a 1", "a 2", "b 1", "b 2"], Layouts.Texts(pages[0]));
        Assert.Equal(["c 1", "c 2"], Layouts.Texts(pages[1]));
    }

    [Fact]
    public void Lay_KeepTogetherStackTallerThanAPage_StartsOnANewPageAndSplitsThere()
    {
        var tall = new Stack([Layouts.Lines("x", 12), Layouts.Lines("y", 8)], keepTogether: true);

        var pages = PageFlow.Lay([Layouts.Lines("filler", 10), tall], _measure, Layouts.Small);

        Assert.Equal(3, pages.Count);
        Assert.Equal(Layouts.LineTexts("filler", 10), Layouts.Texts(pages[0]));
        Assert.Equal(14, pages[1].Texts.Count());
        Assert.Equal(
            [.. Layouts.LineTexts("x", 12), .. Layouts.LineTexts("y", 8)],
            pages.Skip(1).SelectMany(Layouts.Texts));
    }

    [Fact]
    public void Lay_HeadingWithRoomButNoRoomForTheNextBlock_MovesToTheNextPageWithIt()
    {
        // 13 lines leave 17.5 pt: room for the heading, none for a line after it.
        var pages = PageFlow.Lay(
            [Layouts.Lines("filler", 13), new Heading("Title", Layouts.Text), Layouts.Lines("body", 3)],
            _measure,
            Layouts.Small);

        Assert.Equal(2, pages.Count);
        Assert.Equal(Layouts.LineTexts("filler", 13), Layouts.Texts(pages[0]));
        Assert.Equal(["Title", "body 1", "body 2", "body 3"], Layouts.Texts(pages[1]));
    }

    [Fact]
    public void Lay_HeadingThenSpacerWithNoRoomForTheNextBlock_MovesTheHeadingToTheNextPage()
    {
        // The report's pattern: a heading, a small space, then the table or text it heads.
        // 12 lines leave 30 pt: 12.5 for the heading and 6 for the space, too little for a line.
        var pages = PageFlow.Lay(
            [Layouts.Lines("filler", 12), new Heading("Title", Layouts.Text), new Spacer(6), Layouts.Lines("body", 3)],
            _measure,
            Layouts.Small);

        Assert.Equal(2, pages.Count);
        Assert.Equal(Layouts.LineTexts("filler", 12), Layouts.Texts(pages[0]));
        Assert.Equal(["Title", "body 1", "body 2", "body 3"], Layouts.Texts(pages[1]));
    }

    [Fact]
    public void Lay_TwoHeadingsWithNoRoomForTheNextBlock_BothMoveToTheNextPage()
    {
        var pages = PageFlow.Lay(
            [
                Layouts.Lines("filler", 12),
                new Heading("Section", Layouts.Text),
                new Heading("Subsection", Layouts.Text),
                Layouts.Lines("body", 2),
            ],
            _measure,
            Layouts.Small);

        Assert.Equal(Layouts.LineTexts("filler", 12), Layouts.Texts(pages[0]));
        Assert.Equal(["Section", "Subsection", "body 1", "body 2"], Layouts.Texts(pages[1]));
    }

    [Fact]
    public void Lay_HeadingAtTheTopOfAPageWhoseNextBlockCannotFitBelowIt_StaysSoThePageIsNotEmpty()
    {
        // The panel (13 lines and 2 x 5 pt padding, 172.5 pt) fits a page but not below the heading.
        var panel = new Panel(Layouts.Lines("p", 13), Ink.White, Ink.Rule, padding: 5);

        var pages = PageFlow.Lay([new Heading("Title", Layouts.Text), panel], _measure, Layouts.Small);

        Assert.Equal(2, pages.Count);
        Assert.Equal(["Title"], Layouts.Texts(pages[0]));
        Assert.Equal(Layouts.LineTexts("p", 13), Layouts.Texts(pages[1]));
    }

    [Fact]
    public void Lay_HeadingInsideAKeepTogetherStack_MovesWithTheWholeStack()
    {
        var finding = new Stack([new Heading("Finding", Layouts.Text), Layouts.Lines("body", 4)], keepTogether: true);

        var pages = PageFlow.Lay([Layouts.Lines("filler", 11), finding], _measure, Layouts.Small);

        Assert.Equal(Layouts.LineTexts("filler", 11), Layouts.Texts(pages[0]));
        Assert.Equal(["Finding", "body 1", "body 2", "body 3", "body 4"], Layouts.Texts(pages[1]));
    }

    [Fact]
    public void Place_SpacerFirstOnAFreshPage_TakesNoHeight()
    {
        var stack = new Stack([new Spacer(30), Layouts.Lines("a", 1)]);

        var fresh = stack.Place(_measure, 150, 100, fresh: true);
        var midPage = stack.Place(_measure, 150, 100, fresh: false);

        Assert.Equal(0, fresh.Ops.OfType<TextOp>().Single().Y);
        Assert.Equal(LineHeight, fresh.Height);
        Assert.Equal(30, midPage.Ops.OfType<TextOp>().Single().Y);
        Assert.Equal(30 + LineHeight, midPage.Height);
    }

    [Fact]
    public void Place_KeepTogetherStackStartingWithASpacerMidPage_KeepsTheSpace()
    {
        var stack = new Stack([new Spacer(20), Layouts.Lines("a", 1)], keepTogether: true);

        var placed = stack.Place(_measure, 150, 100, fresh: false);

        Assert.Equal(20, placed.Ops.OfType<TextOp>().Single().Y);
        Assert.Equal(20 + LineHeight, placed.Height);
    }

    [Fact]
    public void Place_NotFreshAndNoRoomForTheFirstChild_PlacesNothingAndDefersItself()
    {
        var stack = SixLines(keepTogether: false);

        var placed = stack.Place(_measure, 150, 5, fresh: false);

        Assert.True(placed.PlacedNothing);
        Assert.Same(stack, placed.Rest);
    }

    [Fact]
    public void KeepWithNext_FollowsTheLastChild()
    {
        Assert.True(new Stack([Layouts.Lines("a", 1), new Heading("h", Layouts.Text)]).KeepWithNext);
        Assert.False(new Stack([new Heading("h", Layouts.Text), Layouts.Lines("a", 1)]).KeepWithNext);
        Assert.False(new Stack([]).KeepWithNext);
    }

    private static Stack SixLines(bool keepTogether) =>
        new([Layouts.Lines("a", 2), Layouts.Lines("b", 2), Layouts.Lines("c", 2)], keepTogether);
}
