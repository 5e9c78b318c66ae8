using System.Text;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Reporting.Pdf;
using BhhCompliance.Reporting.Pdf.Layout;
using BhhCompliance.Reporting.Tests.Fixtures;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace BhhCompliance.Reporting.Tests.Pdf;

/// <summary>The PDF findings report (<c>--format pdf</c>): its pages, outline, metadata and bytes.</summary>
public sealed class PdfReportTests
{
    private const string Kicker = "Connecticut Medicaid Behavioral Health Homes";

    private static readonly string[] AppendixHeader = ["staff_id", "name", "role", "fte", "license_type", "license_expires", "source"];

    [Fact]
    public void Render_SameResultTwice_GivesIdenticalBytes()
    {
        var first = PdfReport.Render(Results.Credentialing(), Results.Tool, Templates.Wording);
        var second = PdfReport.Render(Results.Credentialing(), Results.Tool, Templates.Wording);

        Assert.StartsWith("%PDF-", Encoding.Latin1.GetString(first, 0, 8), StringComparison.Ordinal);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Render_DifferentResults_GiveDifferentBytesAndIds()
    {
        var credentialing = Results.Credentialing();
        var other = Results.Of([.. credentialing.Findings.Where(f => f.Outcome != Outcome.Warn)]);

        Assert.NotEqual(
            PdfReport.Render(credentialing, Results.Tool, Templates.Wording),
            PdfReport.Render(other, Results.Tool, Templates.Wording));
        Assert.NotEqual(PdfReport.DocumentId(credentialing, Results.Tool), PdfReport.DocumentId(other, Results.Tool));
    }

    [Fact]
    public void DocumentId_Is32HexDigitsAndTheSameForTheSameResult()
    {
        var id = PdfReport.DocumentId(Results.Credentialing(), Results.Tool);

        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, PdfReport.DocumentId(Results.Credentialing(), Results.Tool));
    }

    [Fact]
    public void ComposePageFurniture_HasTheHeaderPageNumberAndProtectedHealthInformationFooter()
    {
        var report = Report(Results.Credentialing());

        var texts = report.ComposePageFurniture(new TextMeasure(), 2, 7).OfType<TextOp>().Select(t => t.Text).ToList();

        Assert.Contains("Page 2 of 7", texts);
        Assert.Contains(texts, t => t.StartsWith("River Valley Services (LMHA-RV):", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("protected health information", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Reopened_HasThePagesTheLayoutProduced()
    {
        var result = Results.Credentialing();
        var expected = Report(result).Lay(new TextMeasure()).Count;

        using var document = Open(PdfReport.Render(result, Results.Tool, Templates.Wording));

        // Cover, summary, findings and appendix each start a page. "Page X of Y" is drawn by the page
        // furniture, which is not reachable from here; the CLI tests read it.
        Assert.True(expected >= 4, $"{expected} pages");
        Assert.Equal(expected, document.PageCount);
        Assert.All(document.Pages.Cast<PdfPage>(), page =>
        {
            Assert.Equal(612, page.Width.Point, precision: 3);
            Assert.Equal(792, page.Height.Point, precision: 3);
        });
    }

    [Fact]
    public void Render_Reopened_HasTheDocumentInfo()
    {
        using var document = Open(PdfReport.Render(Results.Credentialing(), Results.Tool, Templates.Wording));

        Assert.Equal("BHH compliance findings report", document.Info.Title);
        Assert.Equal(
            "Findings of the credentialing review of River Valley Services against the ct-bhh rule set 2026.1, as of 2026-09-30.",
            document.Info.Subject);
        Assert.Equal("bhh 0.1.0", document.Info.Author);
        Assert.Equal(new DateOnly(2026, 9, 30), DateOnly.FromDateTime(document.Info.CreationDate.ToUniversalTime()));
    }

    [Fact]
    public void Render_Reopened_OutlineHasTheSectionsAndTheirEntries()
    {
        using var document = Open(PdfReport.Render(Results.Credentialing(), Results.Tool, Templates.Wording));

        var sections = document.Outlines.Cast<PdfOutline>().ToList();
        Assert.Equal([Kicker, "Summary", "Findings that need attention", "Appendix"], sections.Select(o => o.Title));
        Assert.Equal(
            [
                "CRED-NURSE: Nurse Care Manager is a registered nurse",
                "STAFF-NURSE-RATIO: Nurse Care Manager staffing meets 1:200",
                "PC-HOURS: Primary care consultant hours meet 1 hour per enrollee per year",
                "STAFF-PEER-RATIO: Peer Recovery Specialist staffing meets 1:50",
            ],
            sections[2].Outlines.Cast<PdfOutline>().Select(o => o.Title));
        Assert.Equal(
            ["A. Staff credential problems, Nurse Care Managers (CRED-NURSE)"],
            sections[3].Outlines.Cast<PdfOutline>().Select(o => o.Title));
        Assert.Empty(sections[1].Outlines.Cast<PdfOutline>());
    }

    [Fact]
    public void Render_NoDetailRows_OutlineHasNoAppendix()
    {
        using var document = Open(PdfReport.Render(Results.Of(Results.NurseRatioFail()), Results.Tool, Templates.Wording));

        Assert.Equal(
            [Kicker, "Summary", "Findings that need attention"],
            document.Outlines.Cast<PdfOutline>().Select(o => o.Title));
    }

    [Fact]
    public void Lay_Credentialing_StartsEachSectionAtTheTopOfItsOwnPage()
    {
        var pages = Report(Results.Credentialing()).Lay(new TextMeasure());

        var sections = pages
            .SelectMany((page, index) => page.Marks.Where(m => m.Level == 0).Select(m => (Index: index, m.Title, m.Y)))
            .ToList();
        Assert.Equal([Kicker, "Summary", "Findings that need attention", "Appendix"], sections.Select(s => s.Title));
        Assert.Equal([0, 1, 2], sections.Take(3).Select(s => s.Index));
        Assert.True(sections[3].Index > 2);
        Assert.All(sections, s => Assert.Equal(PageGeometry.Letter.MarginTop, s.Y));
    }

    [Fact]
    public void Lay_Credentialing_BookmarksEachFindingOnThePageOfItsTitle()
    {
        var pages = Report(Results.Credentialing()).Lay(new TextMeasure());

        var marks = pages.SelectMany(p => p.Marks.Where(m => m.Level == 1).Select(m => (Page: p, Mark: m))).ToList();
        Assert.Equal(5, marks.Count);
        Assert.All(marks.Take(4), entry =>
        {
            var title = entry.Mark.Title[(entry.Mark.Title.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            Assert.Contains(entry.Page.Ops.OfType<TextOp>(), t => t.Text == title && t.Y == entry.Mark.Y);
        });
    }

    [Fact]
    public void Lay_Credentialing_KeepsEveryOpInsideThePageBody()
    {
        var measure = new TextMeasure();

        var pages = Report(Results.Credentialing()).Lay(measure);

        Layouts.AssertInsideBody(pages, PageGeometry.Letter, measure);
    }

    [Fact]
    public void Lay_Credentialing_PutsTheCoverOnOnePage()
    {
        var pages = Report(Results.Credentialing()).Lay(new TextMeasure());

        var cover = Layouts.Texts(pages[0]);
        Assert.Equal(Kicker, cover[0]);
        Assert.Contains("CONDITIONAL", cover);
        Assert.Contains("Date", cover);
        Assert.DoesNotContain("Summary", cover);
        Assert.Equal("Summary", Layouts.Texts(pages[1])[0]);
    }

    [Fact]
    public void Lay_TwoThousandDetailRows_RepeatsTheAppendixHeaderOnEveryPageTheTableContinues()
    {
        var pages = Report(ManyRows(2000)).Lay(new TextMeasure());

        var start = pages.ToList().FindIndex(p => p.Marks.Any(m => m.Title.StartsWith("A. ", StringComparison.Ordinal)));
        Assert.True(start > 0);
        var tablePages = pages.Skip(start).ToList();
        Assert.True(tablePages.Count >= 20, $"The table spans {tablePages.Count} pages.");
        Assert.All(tablePages, page => Assert.Equal(AppendixHeader, HeaderTexts(page)));
        Assert.All(tablePages.Skip(1), page =>
        {
            var first = page.Ops.OfType<TextOp>().First();
            Assert.Equal(new TextStyle(8, Bold: true), first.Style);
            Assert.StartsWith("staff_", first.Text, StringComparison.Ordinal);
            Assert.Equal(PageGeometry.Letter.MarginTop + 2.5, first.Y, precision: 6);
        });
        var headerCells = tablePages.Select(p => string.Join(' ', HeaderOps(p).Select(t => $"{t.X}:{t.Width}:{t.Text}"))).Distinct();
        Assert.Single(headerCells);
    }

    [Fact]
    public void Lay_TwoThousandDetailRows_ShowsEveryRowOnce()
    {
        var pages = Report(ManyRows(2000)).Lay(new TextMeasure());

        var sources = pages.SelectMany(p => p.Texts).Where(t => t.StartsWith("staff.csv:", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(2, 2000).Select(line => $"staff.csv:{line}"), sources);
    }

    [Fact]
    public void Lay_SecondAppendixTableAnywhereOnThePage_StartsOnThePageOfItsHeading()
    {
        // Table A grows a row at a time, so table B's heading falls at every height of the page,
        // including just above the bottom, where its table no longer fits below it.
        var orphans = new List<int>();
        for (var rows = 1; rows <= 70; rows++)
        {
            var result = Results.Of(
                Results.Finding("BILL-DUPLICATE", Outcome.Fail, "duplicates", details: [.. Enumerable.Range(0, rows).Select(i => Claim("a.csv", i))]),
                Results.Finding("BILL-ENROLLED", Outcome.Fail, "not enrolled", details: [.. Enumerable.Range(0, 3).Select(i => Claim("b.csv", i))]));

            var pages = Report(result).Lay(new TextMeasure());

            var page = pages.Single(p => p.Marks.Any(m => m.Title.StartsWith("B. ", StringComparison.Ordinal)));
            if (!page.Texts.Any(t => t.StartsWith("b.csv:", StringComparison.Ordinal)))
            {
                orphans.Add(rows);
            }
        }

        Assert.True(orphans.Count == 0, $"With {string.Join(", ", orphans)} rows in table A, table B's heading ends a page without its table.");
    }

    [Fact]
    public void Render_TwoThousandDetailRows_HasThePagesTheLayoutProduced()
    {
        var result = ManyRows(2000);
        var expected = Report(result).Lay(new TextMeasure()).Count;

        using var document = Open(PdfReport.Render(result, Results.Tool, Templates.Wording));

        Assert.True(expected > 20, $"{expected} pages");
        Assert.Equal(expected, document.PageCount);
    }

    private static PdfReport Report(AuditResult result) => new(ReportDocument.Build(result, Results.Tool, Templates.Wording));

    private static PdfDocument Open(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        return PdfReader.Open(stream, PdfDocumentOpenMode.Import);
    }

    private static AuditResult ManyRows(int count) => Results.Of(
        Results.Finding(
            "CRED-NURSE",
            Outcome.Fail,
            $"{count} Nurse Care Managers are not registered nurses.",
            details: [.. Enumerable.Range(0, count).Select(i => Results.StaffRow($"S{i:D4}", $"Staff member {i}", "LPN", i + 2))],
            title: "Nurse Care Manager is a registered nurse"),
        Results.NurseRatioFail());

    private static DetailRow Claim(string file, int index) => new(
        new Evidence { ["claim_id"] = $"C{index:D4}", ["month"] = "2026-05", ["amount"] = 125.5m },
        new SourceLine(file, index + 2));

    /// <summary>The appendix table's header cells on a page: its bold 8 pt texts.</summary>
    private static IEnumerable<TextOp> HeaderOps(LaidOutPage page) =>
        page.Ops.OfType<TextOp>().Where(t => t.Style == new TextStyle(8, Bold: true));

    private static List<string> HeaderTexts(LaidOutPage page) => TableTests.ColumnTexts(HeaderOps(page));
}
