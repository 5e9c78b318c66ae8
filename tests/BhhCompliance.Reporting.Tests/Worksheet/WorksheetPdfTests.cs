using System.Text;
using BhhCompliance.Reporting.Pdf.Layout;
using BhhCompliance.Reporting.Tests.Fixtures;
using BhhCompliance.Reporting.Tests.Pdf;
using BhhCompliance.Reporting.Worksheet;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace BhhCompliance.Reporting.Tests.Worksheet;

/// <summary>The printed worksheet: a first page, then a page per chart, and the same bytes every time.</summary>
public sealed class WorksheetPdfTests
{
    [Theory]
    [InlineData(WorksheetCase.Answered, 4)]
    [InlineData(WorksheetCase.Sampled, 3)]
    [InlineData(WorksheetCase.FromEvents, 3)]
    public void Render_Reopened_HasAFirstPageAndOnePagePerChart(string name, int charts)
    {
        var worksheet = WorksheetCase.Build(name);

        using var document = Open(WorksheetPdf.Render(worksheet, Results.Tool, Templates.Wording));

        Assert.Equal(charts, worksheet.Charts.Count);
        Assert.Equal(1 + charts, document.PageCount);
        Assert.All(document.Pages.Cast<PdfPage>(), page =>
        {
            Assert.Equal(612, page.Width.Point, precision: 3);
            Assert.Equal(792, page.Height.Point, precision: 3);
        });
    }

    [Fact]
    public void Render_SameWorksheetTwice_GivesIdenticalBytes()
    {
        var first = WorksheetPdf.Render(WorksheetCase.Build(WorksheetCase.Answered), Results.Tool, Templates.Wording);
        var second = WorksheetPdf.Render(WorksheetCase.Build(WorksheetCase.Answered), Results.Tool, Templates.Wording);

        Assert.StartsWith("%PDF-", Encoding.Latin1.GetString(first, 0, 8), StringComparison.Ordinal);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Render_OtherCharts_GiveOtherBytes()
    {
        Assert.NotEqual(
            WorksheetPdf.Render(WorksheetCase.Build(WorksheetCase.Sampled), Results.Tool, Templates.Wording),
            WorksheetPdf.Render(WorksheetCase.Build(WorksheetCase.FromEvents), Results.Tool, Templates.Wording));
    }

    [Fact]
    public void Render_Reopened_HasAnOutlineEntryPerChartAndTheDocumentInfo()
    {
        using var document = Open(WorksheetPdf.Render(WorksheetCase.Build(WorksheetCase.Answered), Results.Tool, Templates.Wording));

        Assert.Equal(
            ["About this worksheet", "Chart E1", "Chart E2", "Chart E3", "Chart E4"],
            document.Outlines.Cast<PdfOutline>().Select(o => o.Title));
        Assert.Equal(WorksheetPdf.Title, document.Info.Title);
        Assert.Equal("bhh 0.1.0", document.Info.Author);
        Assert.Equal(new DateOnly(2026, 9, 30), DateOnly.FromDateTime(document.Info.CreationDate.ToUniversalTime()));
    }

    [Fact]
    public void Lay_StartsEachChartAtTheTopOfItsOwnPage()
    {
        var pages = Pdf(WorksheetCase.Answered).Lay(new TextMeasure());

        for (var i = 1; i < pages.Count; i++)
        {
            var mark = Assert.Single(pages[i].Marks);
            Assert.Equal($"Chart E{i}", mark.Title);
            Assert.Equal(PageGeometry.Letter.MarginTop, mark.Y);
            Assert.Equal($"Chart E{i}", Layouts.Texts(pages[i])[0]);
        }
    }

    [Fact]
    public void Lay_FirstPage_SaysWhereTheChartsComeFromAndWhatToDo()
    {
        var sampled = string.Join('\n', Pdf(WorksheetCase.Answered).Lay(new TextMeasure())[0].Texts);
        var fromEvents = string.Join('\n', Pdf(WorksheetCase.FromEvents).Lay(new TextMeasure())[0].Texts);

        Assert.Contains("4 charts, listed in chart-sample.csv", sampled, StringComparison.Ordinal);
        Assert.Contains("3 charts: every enrollee with an event in chart-events.csv", fromEvents, StringComparison.Ordinal);
        Assert.Contains("bhh audit snapshot --profile chart-audit", sampled, StringComparison.Ordinal);
        Assert.Contains("worksheet.csv", sampled, StringComparison.Ordinal);
        Assert.Contains("attestations.csv", sampled, StringComparison.Ordinal);
        Assert.Contains("manual: you answer it at the visit", sampled, StringComparison.Ordinal);

        // Only the case with answers on file warns about them.
        Assert.Contains("already holds 3 answers", sampled, StringComparison.Ordinal);
        Assert.DoesNotContain("already holds", fromEvents, StringComparison.Ordinal);
    }

    [Fact]
    public void Lay_ChartPage_HasThreeAnswerBoxesPerManualCriterionAndTheAutomaticResults()
    {
        var pages = Pdf(WorksheetCase.Sampled).Lay(new TextMeasure());

        foreach (var page in pages.Skip(1))
        {
            var boxes = page.Ops.OfType<FillOp>().Where(f => f.Border == CheckBoxRow.BoxBorder && f.Width == f.Height).ToList();
            Assert.Equal(3, boxes.Count);
            Assert.Single(boxes.Select(b => b.Y).Distinct());
            Assert.Contains("Not applicable", page.Texts);
            Assert.Contains("Reviewer", page.Texts);
            Assert.Contains("Date", page.Texts);
            Assert.Contains("Comment", page.Texts);
            Assert.Contains("CHART-PERSON-CENTERED", page.Texts);
        }

        Assert.Contains("not\u00A0met", pages[3].Texts);
        Assert.DoesNotContain(pages[0].Ops.OfType<FillOp>(), f => f.Border == CheckBoxRow.BoxBorder);
    }

    [Fact]
    public void Lay_AnswerOnFile_IsShownUnderItsQuestion()
    {
        var pages = Pdf(WorksheetCase.Answered).Lay(new TextMeasure());

        Assert.Contains(pages[3].Texts, t => t.StartsWith("Already answered in attestations.csv:4: not applicable by R. Diaz on 2026-10-05", StringComparison.Ordinal));
        Assert.DoesNotContain(pages[4].Texts, t => t.StartsWith("Already answered", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(WorksheetCase.Answered)]
    [InlineData(WorksheetCase.FromEvents)]
    public void Lay_NothingOverlapsOrLeavesTheBody(string name)
    {
        var measure = new TextMeasure();
        var pages = Pdf(name).Lay(measure);

        Layouts.AssertInsideBody(pages, PageGeometry.Letter, measure);
        foreach (var page in pages)
        {
            var texts = page.Ops.OfType<TextOp>().ToList();
            foreach (var text in texts.Where(t => t.Align == Align.Left))
            {
                Assert.True(measure.Width(text.Text, text.Style) <= text.Width + 0.01, $"'{text.Text}' is wider than its box.");
            }

            var boxes = texts.Select(t => (Name: t.Text, X1: t.X, Y1: t.Y, X2: t.X + measure.Width(t.Text, t.Style), Y2: t.Y + t.Style.LineHeight))
                .Concat(page.Ops.OfType<FillOp>().Where(f => f.Border == CheckBoxRow.BoxBorder).Select(f => (Name: "box", X1: f.X, Y1: f.Y, X2: f.X + f.Width, Y2: f.Y + f.Height)))
                .ToList();
            for (var i = 0; i < boxes.Count; i++)
            {
                for (var j = i + 1; j < boxes.Count; j++)
                {
                    var (a, b) = (boxes[i], boxes[j]);
                    var overlap = a.X1 < b.X2 - 0.01 && b.X1 < a.X2 - 0.01 && a.Y1 < b.Y2 - 0.01 && b.Y1 < a.Y2 - 0.01;
                    Assert.False(overlap, $"'{a.Name}' overlaps '{b.Name}'.");
                }
            }
        }
    }

    [Fact]
    public void ComposePageFurniture_IsTheReportsHeaderWithPageNumberAndPhiFooter()
    {
        var pdf = Pdf(WorksheetCase.Answered);

        var text = string.Join('\n', pdf.ComposePageFurniture(new TextMeasure(), 2, 5).OfType<TextOp>().Select(t => t.Text));

        Assert.Contains("Page 2 of 5", text, StringComparison.Ordinal);
        Assert.Contains("Test agency (TEST): chart-audit review, 2026-04-01 to 2026-09-30", text, StringComparison.Ordinal);
        Assert.Contains("protected health information", text, StringComparison.Ordinal);
    }

    private static WorksheetPdf Pdf(string name) => WorksheetPdf.Create(WorksheetCase.Build(name), Results.Tool, Templates.Wording);

    private static PdfDocument Open(byte[] pdf) => PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
}
