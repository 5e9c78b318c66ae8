using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Reporting.Tests.Pdf;

/// <summary>Tables that size their columns to the content and break across pages.</summary>
public sealed class TableTests
{
    private static readonly TableColumn[] Columns =
    [
        new("Row id"),
        new("Description"),
        new("Code", Align.Right),
        new("Source file"),
    ];

    private readonly TextMeasure _measure = new();

    [Fact]
    public void Lay_TableLongerThanAPage_BreaksAcrossPagesAndRepeatsTheHeaderRowOnEach()
    {
        var pages = PageFlow.Lay([Layouts.Lines("intro", 3), LongTable(300)], _measure, PageGeometry.Letter);

        Assert.True(pages.Count >= 4, $"{pages.Count} pages");
        var headers = pages.Select(HeaderRow).ToList();
        Assert.All(headers, header => Assert.Equal(["Row id", "Description", "Code", "Source file"], ColumnTexts(header)));
        Assert.Equal(PageGeometry.Letter.MarginTop + (3 * 12.5) + 2.5, headers[0].Min(t => t.Y), precision: 6);
        Assert.All(headers.Skip(1), header => Assert.Equal(PageGeometry.Letter.MarginTop + 2.5, header.Min(t => t.Y), precision: 6));
    }

    [Fact]
    public void Lay_TableLongerThanAPage_LosesAndRepeatsNoRow()
    {
        var pages = PageFlow.Lay([Layouts.Lines("intro", 3), LongTable(300)], _measure, PageGeometry.Letter);

        var ids = pages.SelectMany(p => p.Texts).Where(t => t.StartsWith("R-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(0, 300).Select(Id), ids);
        Assert.Equal(300, pages.SelectMany(p => p.Texts).Count(t => t.StartsWith("snapshots/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Lay_TableLongerThanAPage_HasTheSameColumnsOnEveryPage()
    {
        var pages = PageFlow.Lay([Layouts.Lines("intro", 3), LongTable(300)], _measure, PageGeometry.Letter);

        var columns = pages.Select(p => HeaderRow(p).Select(t => (t.X, t.Width)).ToList()).ToList();
        Assert.All(columns.Skip(1), page => Assert.Equal(columns[0], page));
        var rules = pages.Select(p => p.Ops.OfType<LineOp>().Select(l => (l.X1, l.X2)).Distinct().Single()).ToList();
        Assert.All(rules, r => Assert.Equal(rules[0], r));
    }

    [Fact]
    public void Lay_TableLongerThanAPage_KeepsEveryTextInsideThePageBody()
    {
        var pages = PageFlow.Lay([Layouts.Lines("intro", 3), LongTable(300)], _measure, PageGeometry.Letter);

        Layouts.AssertInsideBody(pages, PageGeometry.Letter, _measure);
        var right = PageGeometry.Letter.MarginX + PageGeometry.Letter.BodyWidth;
        Assert.All(
            pages.SelectMany(p => p.Ops.OfType<TextOp>()),
            t => Assert.True(t.X + _measure.Width(t.Text, t.Style) <= right + 1e-6, $"'{t.Text}' ends past the body."));
    }

    [Fact]
    public void Place_CellsWiderThanTheirColumn_WrapWithinTheCell()
    {
        var table = LongTable(40);
        var widths = table.ColumnWidths(_measure, 300);

        var ops = table.Place(_measure, 300, double.PositiveInfinity, fresh: true).Ops.OfType<TextOp>().ToList();

        var edges = widths.Select((w, i) => widths.Take(i).Sum()).ToList();
        Assert.All(ops, t =>
        {
            var column = edges.FindLastIndex(e => e <= t.X);
            Assert.True(
                t.X + _measure.Width(t.Text, t.Style) <= edges[column] + widths[column] + 1e-6,
                $"'{t.Text}' spills out of column {column}.");
        });
        Assert.Equal(40, ops.Count(t => t.Text.StartsWith("R-", StringComparison.Ordinal)));
        Assert.True(ops.Count > 41 * 4, "The description cells wrap onto several lines.");
    }

    [Theory]
    [InlineData(200)]
    [InlineData(504)]
    [InlineData(800)]
    public void ColumnWidths_FillWidth_SumToTheWidth(double width)
    {
        var widths = LongTable(20).ColumnWidths(_measure, width);

        Assert.Equal(width, widths.Sum(), precision: 6);
        Assert.All(widths, w => Assert.True(w > 0));
    }

    [Fact]
    public void ColumnWidths_NotFillWidthAndNarrowContent_AreTheNaturalWidthsAndLeaveTheRest()
    {
        var style = Layouts.Grid with { FillWidth = false };
        var table = new Table([new TableColumn("Severity"), new TableColumn("Pass", Align.Right)], [["major", "2"], ["critical", "1"]], style);

        var widths = table.ColumnWidths(_measure, 504);

        Assert.True(widths.Sum() < 504);
        Assert.Equal(Math.Max(_measure.Width("Severity", style.Header), _measure.Width("critical", style.Body)) + 8, widths[0], precision: 6);
        Assert.Equal(_measure.Width("Pass", style.Header) + 8, widths[1], precision: 6);
    }

    [Theory]
    [InlineData(120)]
    [InlineData(300)]
    [InlineData(504)]
    public void ColumnWidths_NotFillWidth_SumToAtMostTheWidth(double width)
    {
        var table = new Table(Columns, Rows(20), Layouts.Grid with { FillWidth = false });

        var widths = table.ColumnWidths(_measure, width);

        Assert.True(widths.Sum() <= width + 1e-6, $"{widths.Sum()} > {width}");
    }

    [Fact]
    public void ColumnWidths_ShortColumn_IsNarrowerThanALongTextColumn()
    {
        var widths = LongTable(20).ColumnWidths(_measure, 504);

        Assert.True(widths[2] < widths[1] / 4, $"Code {widths[2]}, description {widths[1]}");
        Assert.True(widths[2] >= _measure.Width("Code", Layouts.Grid.Header) + 8);
    }

    [Fact]
    public void ColumnWidths_EveryLongestWordFits_NoColumnIsNarrowerThanItsLongestWord()
    {
        var widths = LongTable(20).ColumnWidths(_measure, 504);

        Assert.True(widths[0] >= _measure.Width(Id(19), Layouts.Grid.Body) + 8);
        Assert.True(widths[3] >= _measure.Width(Source(19), Layouts.Grid.Body) + 8);
    }

    [Fact]
    public void ColumnWidths_RoomForEveryHeaderOnOneLine_NoHeaderWraps()
    {
        // The shape of a chart criterion's detail rows: short numbers under a long header, and a long reason that must wrap.
        var reason = string.Join(' ', Enumerable.Repeat("no assessment within 30 days after enrolment on 2026-03-01,", 4));
        var table = new Table(
            [new TableColumn("enrollee_id"), new TableColumn("due"), new TableColumn("days_late", Align.Right), new TableColumn("reason"), new TableColumn("source")],
            [["E1", "2026-03-31", "1", reason, "chart-events.csv:4"]],
            Layouts.Grid);

        var widths = table.ColumnWidths(_measure, 504);

        Assert.True(widths[0] >= _measure.Width("enrollee_id", Layouts.Grid.Header) + 8, $"enrollee_id is {widths[0]} wide");
        Assert.True(widths[2] >= _measure.Width("days_late", Layouts.Grid.Header) + 8, $"days_late is {widths[2]} wide");
        Assert.True(widths[2] < widths[3] / 4, $"days_late {widths[2]}, reason {widths[3]}");
        Assert.Equal(504, widths.Sum(), precision: 6);
    }

    [Fact]
    public void ColumnWidths_AWordWiderThanThePage_ShortColumnsKeepTheirNaturalWidth()
    {
        // The shape of appendix L: a reviewer's comment holding a long URL, quoted again in the reason.
        var table = AttestationTable();

        var widths = table.ColumnWidths(_measure, 504);

        Assert.Equal(504, widths.Sum(), precision: 6);
        Assert.True(widths[0] >= _measure.Width("enrollee_id", Layouts.Grid.Header) + 8, $"enrollee_id is {widths[0]} wide");
        Assert.True(widths[1] >= _measure.Width("J. Reviewer", Layouts.Grid.Body) + 8, $"reviewer is {widths[1]} wide");
        Assert.True(widths[2] >= _measure.Width("2026-10-15", Layouts.Grid.Body) + 8, $"date is {widths[2]} wide");
        Assert.True(widths[5] >= _measure.Width("attestations.csv:3", Layouts.Grid.Body) + 8, $"source is {widths[5]} wide");
        Assert.True(widths[3] > 100 && widths[4] > 100, $"comment {widths[3]}, reason {widths[4]}");
    }

    [Fact]
    public void Place_AWordWiderThanThePage_BreaksItInsideItsCellAndLeavesTheShortCellsOnOneLine()
    {
        var table = AttestationTable();
        var widths = table.ColumnWidths(_measure, 504);

        var texts = table.Place(_measure, 504, double.PositiveInfinity, fresh: true).Ops.OfType<TextOp>().ToList();

        Assert.Equal(
            ["enrollee_id", "reviewer", "date", "comment", "reason", "source"],
            texts.Where(t => t.Style == Layouts.Grid.Header).Select(t => t.Text));
        Assert.Contains(texts, t => t.Text == "RV-E00021");
        Assert.Contains(texts, t => t.Text == "J. Reviewer");
        Assert.Contains(texts, t => t.Text == "2026-10-15");
        Assert.Contains(texts, t => t.Text == "attestations.csv:3");
        var comment = texts
            .Where(t => t.Style == Layouts.Grid.Body && Math.Abs(t.X - (widths[0] + widths[1] + widths[2] + 4)) < 1e-6)
            .TakeWhile(t => t.Text != "No plan signature.")
            .ToList();
        Assert.True(comment.Count > 1, "The URL breaks onto several lines.");
        Assert.Equal(LongUrl, string.Concat(comment.Select(t => t.Text)));
        Assert.All(comment, t => Assert.True(_measure.Width(t.Text, t.Style) <= widths[3] - 8 + 1e-6, $"'{t.Text}' spills out of the comment column."));
    }

    [Fact]
    public void ColumnWidths_ManyColumnsWhoseLongestWordsFitSideBySide_BreakNoWord()
    {
        // The shape of a staff appendix: ten columns, and a role wider than a tenth of the page.
        var table = new Table(
            [.. ((string[])["staff_id", "name", "role", "fte", "degree_level", "degree_field", "license_type", "license_expires", "bh_experience_years", "source"])
                .Select(h => new TableColumn(h))],
            [["RV-S027", "Paula Jankowski", "nurse-care-manager", "0.20", "associate", "nursing", "LPN", "2027-09-30", "9.50", "staff.csv:28"]],
            Layouts.Grid);

        var widths = table.ColumnWidths(_measure, 504);

        Assert.True(widths[2] >= _measure.Width("nurse-care-manager", Layouts.Grid.Body) + 8, $"role is {widths[2]} wide");
        Assert.True(widths[9] >= _measure.Width("staff.csv:28", Layouts.Grid.Body) + 8, $"source is {widths[9]} wide");
        Assert.Equal(504, widths.Sum(), precision: 6);
    }

    [Fact]
    public void FairShare_SomeColumnsNeedLessThanTheShare_TheyKeepItAndTheOthersSplitTheRest()
    {
        Assert.Equal(50, Table.FairShare([200, 10, 100, 20], 130), precision: 6);
        Assert.Equal(25, Table.FairShare([200, 100], 50), precision: 6);
    }

    [Fact]
    public void ColumnWidths_LongestWordsDoNotFitSideBySide_ShareTheWidthAndStillSumToIt()
    {
        var widths = LongTable(20).ColumnWidths(_measure, 60);

        Assert.Equal(60, widths.Sum(), precision: 6);
        Assert.All(widths, w => Assert.True(w > 0));
    }

    [Fact]
    public void Place_NotFreshAndNoRoomForTheHeaderAndFirstRow_PlacesNothingAndDefersItself()
    {
        var table = LongTable(5);

        var placed = table.Place(_measure, 504, 20, fresh: false);

        Assert.True(placed.PlacedNothing);
        Assert.Same(table, placed.Rest);
    }

    [Fact]
    public void Place_FreshPageWithNoRoomForAnyRow_PlacesTheHeaderAndFirstRow()
    {
        var placed = LongTable(5).Place(_measure, 504, 5, fresh: true);

        var texts = placed.Ops.OfType<TextOp>().ToList();
        Assert.Equal(["Row id", "Description", "Code", "Source file"], ColumnTexts(texts.Where(t => t.Style == Layouts.Grid.Header)));
        Assert.Equal([Id(0)], texts.Where(t => t.Text.StartsWith("R-", StringComparison.Ordinal)).Select(t => t.Text));
        Assert.NotNull(placed.Rest);
    }

    [Fact]
    public void Place_NoRowsAndNoRoomForTheHeader_DoesNotOverflowThePage()
    {
        var table = new Table(Columns, [], Layouts.Grid);

        var placed = table.Place(_measure, 504, 5, fresh: false);

        Assert.True(placed.Height <= 5, $"An empty table placed {placed.Height} pt in 5 pt.");
    }

    [Fact]
    public void Place_Stripes_FillEveryOtherBodyRowAndTheHeader()
    {
        var placed = new Table(Columns, Rows(4), Layouts.Grid).Place(_measure, 504, double.PositiveInfinity, fresh: true);

        Assert.Equal(
            [Ink.HeaderFill, Ink.StripeFill, Ink.StripeFill],
            placed.Ops.OfType<FillOp>().Select(f => f.Colour));
    }

    [Fact]
    public void Place_NoHeaderRow_StartsWithTheFirstRow()
    {
        var style = Layouts.Grid with { HeaderRow = false };

        var placed = new Table(Columns, Rows(2), style).Place(_measure, 504, double.PositiveInfinity, fresh: true);

        Assert.Equal(Id(0), placed.Ops.OfType<TextOp>().First().Text);
        Assert.DoesNotContain("Row id", placed.Ops.OfType<TextOp>().Select(t => t.Text));
    }

    [Fact]
    public void Place_RightAlignedColumn_CarriesTheAlignment()
    {
        var placed = new Table(Columns, Rows(2), Layouts.Grid).Place(_measure, 504, double.PositiveInfinity, fresh: true);

        Assert.Equal(
            [Align.Right, Align.Right, Align.Right],
            placed.Ops.OfType<TextOp>().Where(t => t.Text is "Code" or "2").Select(t => t.Align));
    }

    [Fact]
    public void Constructor_RowWithTheWrongNumberOfCells_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Table(Columns, [["a", "b", "c"]], Layouts.Grid));
    }

    /// <summary>A 164-character URL with no space in it.</summary>
    private const string LongUrl =
        "https://records.rivervalley-bhh.example.org/charts/RV-E00021/recovery-plan/attachments/2026-10-15/" +
        "scan-of-signed-person-centered-plan-page-0003-of-0007-final-v2.pdf";

    private static Table AttestationTable() => new(
        [new TableColumn("enrollee_id"), new TableColumn("reviewer"), new TableColumn("date"), new TableColumn("comment"), new TableColumn("reason"), new TableColumn("source")],
        [
            ["RV-E00021", "J. Reviewer", "2026-10-15", LongUrl, $"answered not met by J. Reviewer on 2026-10-15: {LongUrl}", "attestations.csv:3"],
            ["RV-E00055", "J. Reviewer", "2026-10-15", "No plan signature.", "answered not met by J. Reviewer on 2026-10-15: No plan signature.", "attestations.csv:6"],
        ],
        Layouts.Grid);

    private static Table LongTable(int rows) => new(Columns, Rows(rows), Layouts.Grid);

    private static IReadOnlyList<IReadOnlyList<string>> Rows(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => (IReadOnlyList<string>)
        [
            Id(i),
            i % 3 == 0
                ? "Service record without a progress note; the enrollee's care plan was not updated within the month."
                : "Duplicate claim.",
            "2",
            Source(i),
        ]),
    ];

    private static string Id(int i) => $"R-{i:D4}";

    private static string Source(int i) => $"snapshots/services.csv:{i + 2}";

    /// <summary>The text of each column's cell among <paramref name="cells"/>, its wrapped lines joined again.</summary>
    internal static List<string> ColumnTexts(IEnumerable<TextOp> cells) =>
    [
        .. cells.GroupBy(t => t.X).Select(column => column.Aggregate(
            string.Empty,
            (text, line) => text.Length == 0 ? line.Text : text + (text[^1] is '_' or '-' or '/' ? string.Empty : " ") + line.Text)),
    ];

    /// <summary>The header cells of the table on a page: the bold 8 pt texts, in order.</summary>
    private static List<TextOp> HeaderRow(LaidOutPage page) =>
        [.. page.Ops.OfType<TextOp>().Where(t => t.Style == Layouts.Grid.Header)];
}
