using System.Globalization;
using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Text;
using BhhCompliance.Reporting.Pdf;
using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Reporting.Worksheet;

/// <summary>A written worksheet: the PDF's bytes and its page count.</summary>
public sealed record RenderedWorksheet(byte[] Pdf, int Pages);

/// <summary>
/// The printable reviewer worksheet (<c>bhh worksheet</c>) that a Beacon reviewer takes to the
/// site visit: a first page on the review and how to use the sheet, then one page per chart
/// under review with the automatic results and, for each manual criterion, boxes to tick and
/// lines to write on. The page header and the protected-health-information footer are the
/// findings report's, from <c>templates/report.yaml</c>.
/// </summary>
public sealed class WorksheetPdf(ChartWorksheet worksheet, PdfReport furniture)
{
    public const string Title = "Chart review worksheet";

    private static readonly TextStyle Body = new(9.5);
    private static readonly TextStyle SmallMuted = new(8, Colour: Ink.Muted);
    private static readonly TextStyle Label = new(8.5, Bold: true, Colour: Ink.Muted);
    private static readonly TextStyle Section = new(16, Bold: true);
    private static readonly TextStyle Subsection = new(11.5, Bold: true);
    private static readonly TextStyle Question = new(10.5, Bold: true);
    private static readonly TextStyle Answer = new(10.5);
    private static readonly TextStyle WriteIn = new(9, Colour: Ink.Muted);
    private static readonly TableStyle Grid = new(new TextStyle(8.5), new TextStyle(8.5, Bold: true), PaddingY: 3);
    private static readonly TableStyle Facts = new(new TextStyle(9.5), new TextStyle(9.5, Bold: true), PaddingY: 3, Stripes: false, HeaderRow: false, FillWidth: false);

    private readonly PageGeometry _page = PageGeometry.Letter;

    public ChartWorksheet Worksheet { get; } = worksheet;

    /// <summary>
    /// Builds the worksheet PDF. <paramref name="wording"/> words the page header and footer, as in
    /// the findings report.
    /// </summary>
    public static byte[] Render(ChartWorksheet worksheet, ToolInfo tool, PdfWording wording) =>
        Create(worksheet, tool, wording).Render(tool).Pdf;

    public static WorksheetPdf Create(ChartWorksheet worksheet, ToolInfo tool, PdfWording wording) =>
        new(worksheet, new PdfReport(ReportDocument.Build(worksheet.Result, tool, wording)));

    /// <summary>Lays the worksheet out into pages (without writing a PDF).</summary>
    public IReadOnlyList<LaidOutPage> Lay(TextMeasure measure) => PageFlow.Lay(Compose(), measure, _page);

    /// <summary>Writes the PDF; says how many pages it has.</summary>
    public RenderedWorksheet Render(ToolInfo tool)
    {
        var measure = new TextMeasure();
        var pages = Lay(measure);
        var info = new DocumentInfo(
            Title,
            $"{tool.Name} {tool.Version}",
            $"Chart review worksheet for {Worksheet.AgencyName}: {Worksheet.Charts.Count} {Plural(Worksheet.Charts.Count, "chart", "charts")}, " +
                $"{Worksheet.Review.Type} review as of {Formats.Date(Worksheet.Review.AsOf)}.",
            $"BHH; chart review; worksheet; {Worksheet.Result.RuleSet.Name}; {Worksheet.Result.Agency.Id}",
            Worksheet.Review.AsOf,
            Worksheet.Fingerprint());
        return new(PdfCanvas.Write(pages, _page, (number, count) => ComposePageFurniture(measure, number, count), info), pages.Count);
    }

    /// <summary>The findings report's header, "Page X of Y" and protected-health-information footer.</summary>
    public IReadOnlyList<DrawOp> ComposePageFurniture(TextMeasure measure, int number, int count) =>
        furniture.ComposePageFurniture(measure, number, count);

    public IReadOnlyList<Block> Compose()
    {
        var blocks = new List<Block>(ComposeFirstPage());
        foreach (var chart in Worksheet.Charts)
        {
            blocks.Add(new PageBreak());
            blocks.AddRange(ComposeChart(chart));
        }

        return blocks;
    }

    private IEnumerable<Block> ComposeFirstPage()
    {
        var review = Worksheet.Review;
        yield return new Heading("Connecticut Medicaid Behavioral Health Homes", new TextStyle(10, Colour: Ink.Muted), outlineLevel: 0, outlineTitle: "About this worksheet");
        yield return new Spacer(4);
        yield return new Paragraph(Title, new TextStyle(24, Bold: true));
        yield return new Spacer(8);
        yield return new Paragraph(Worksheet.AgencyName, new TextStyle(16));
        yield return new Paragraph(
            $"{review.Type} review, {Formats.Date(review.Period.Start)} to {Formats.Date(review.Period.End)}, as of {Formats.Date(review.AsOf)}",
            new TextStyle(11, Colour: Ink.Muted));
        yield return new Spacer(14);

        var agency = Worksheet.Result.Agency;
        yield return new Table(
            [new TableColumn(string.Empty), new TableColumn(string.Empty)],
            [
                ["Agency", agency.Name is { } name ? $"{name} ({agency.Id})" : agency.Id],
                ["Review", review.Type],
                ["Period", $"{Formats.Date(review.Period.Start)} to {Formats.Date(review.Period.End)}"],
                ["As of", Formats.Date(review.AsOf)],
                ["Charts under review", ChartsUnderReview()],
                ["Rule set", $"{Worksheet.Result.RuleSet.Name} {Worksheet.Result.RuleSet.Version}"],
                ["Answers file", $"{Worksheet.AnswersFileName}, next to this PDF"],
            ],
            Facts);
        yield return new Spacer(16);

        yield return new Heading("Criteria", Subsection);
        yield return new Spacer(4);
        yield return new Table(
            [new TableColumn("Criterion"), new TableColumn("Title"), new TableColumn("How it is decided")],
            [
                .. Worksheet.Criteria.Select(c => (IReadOnlyList<string>)[
                    c.RuleId,
                    c.Title,
                    c.Manual ? "manual: you answer it at the visit" : "automatic: from the snapshot"]),
            ],
            Grid);
        yield return new Spacer(16);

        yield return new Stack([.. ComposeInstructions()], keepTogether: true);
    }

    private IEnumerable<Block> ComposeInstructions()
    {
        var manual = Worksheet.ManualCriteria.Count();
        yield return new Heading("How to use this worksheet", Subsection);
        yield return new Spacer(4);
        string[] steps = manual == 0
            ?
            [
                "This rule set has no manual criteria: there is nothing to answer. Each chart's page shows the automatic results, " +
                    "to check against the chart at the visit if you wish.",
            ]
            :
            [
                $"For each chart, answer each manual criterion on the chart's page: tick one box (Met, Not met or Not applicable), " +
                    "and write your name, the date and, for Not met or Not applicable, why. The automatic results need no answer.",
                $"After the visit, type the answers into {Worksheet.AnswersFileName}, written next to this PDF: one row per chart and " +
                    "criterion; answer is met, not-met or not-applicable, and the date is written YYYY-MM-DD. " +
                    "A row left without an answer counts as not reviewed yet.",
                $"Save it as {AnswersFile.SaveAs} in the snapshot folder ({Worksheet.SnapshotName}).",
                $"Run: bhh audit {Worksheet.SnapshotName} --profile chart-audit",
            ];
        for (var i = 0; i < steps.Length; i++)
        {
            yield return new Paragraph(steps.Length == 1 ? steps[i] : $"{i + 1}.  {steps[i]}", Body);
            yield return new Spacer(4);
        }

        if (Worksheet.AnswersOnFile > 0)
        {
            yield return new Spacer(2);
            yield return new Paragraph(
                $"The snapshot's {SnapshotFile.Attestations} already holds {Count(Worksheet.AnswersOnFile, "answer", "answers")} for these charts; " +
                    $"each is shown on its chart's page and already filled in on its row of {Worksheet.AnswersFileName}, so saving that file as {SnapshotFile.Attestations} keeps them.",
                new TextStyle(9.5, Bold: true));
        }
    }

    private string ChartsUnderReview()
    {
        var count = Count(Worksheet.Charts.Count, "chart", "charts");
        return Worksheet.ListSource == ChartListSource.Sample
            ? $"{count}, listed in {SnapshotFile.ChartSample}"
            : $"{count}: every enrollee with an event in {SnapshotFile.ChartEvents} (there is no {SnapshotFile.ChartSample})";
    }

    private IEnumerable<Block> ComposeChart(ChartSection chart)
    {
        yield return new Heading($"Chart {chart.EnrolleeId}", Section, outlineLevel: 0);
        yield return new Spacer(6);
        yield return new Table(
            [new TableColumn(string.Empty), new TableColumn(string.Empty)],
            [
                ["Enrollee id", chart.EnrolleeId],
                ["Enrolled on", Formats.Date(chart.EnrolledOn)],
                ["Disenrolled on", chart.DisenrolledOn is { } off ? Formats.Date(off) : "not disenrolled"],
                ["Under review from", chart.ListedAt.ToString()],
            ],
            Facts);
        yield return new Spacer(14);

        yield return new Heading("Checked from the snapshot", Subsection);
        yield return new Spacer(4);
        if (chart.Automatic.Count == 0)
        {
            yield return new Paragraph("The rule set has no automatic chart criteria.", Body);
        }
        else
        {
            yield return new Table(
                [new TableColumn("Criterion"), new TableColumn("Result"), new TableColumn("Reason"), new TableColumn("Source")],
                [.. chart.Automatic.Select(r => (IReadOnlyList<string>)[$"{r.RuleId}\n{r.Title}", TextMeasure.Unbroken(r.Result), r.Reason, r.Source ?? string.Empty])],
                Grid);
        }

        yield return new Spacer(16);
        yield return new Heading("To answer at the visit", Subsection);
        yield return new Spacer(4);
        if (chart.Manual.Count == 0)
        {
            yield return new Paragraph("The rule set has no manual chart criteria: nothing to answer for this chart.", Body);
        }

        for (var i = 0; i < chart.Manual.Count; i++)
        {
            if (i > 0)
            {
                yield return new Spacer(10);
            }

            yield return ComposeQuestion(chart.Manual[i]);
        }
    }

    /// <summary>One manual criterion: what to decide, the three boxes, and lines for who, when and why. Kept on one page.</summary>
    private static Panel ComposeQuestion(ManualQuestion question)
    {
        List<Block> blocks =
        [
            new Paragraph(question.RuleId, Label),
            new Spacer(1),
            new Paragraph(question.Title, Question),
            new Spacer(8),
            new CheckBoxRow([Name("met"), Name("not-met"), Name("not-applicable")], Answer, boxSize: 12),
            new Spacer(6),
            new WriteInRow([new WriteInField("Reviewer", 0.62), new WriteInField("Date", 0.38)], WriteIn),
            new WriteInRow([new WriteInField("Comment", 1)], WriteIn),
            new WriteInRow([new WriteInField(string.Empty, 1)], WriteIn),
        ];
        if (question.OnFile is { } answer)
        {
            blocks.AddRange([new Spacer(6), new Paragraph(OnFile(answer), SmallMuted)]);
        }

        return new Panel(new Stack(blocks), Ink.White, Ink.Rule, padding: 10);
    }

    private static string OnFile(Attestation answer)
    {
        var by = answer.Reviewer is { Length: > 0 } reviewer ? $" by {reviewer}" : string.Empty;
        var on = answer.Date is { } date ? $" on {Formats.Date(date)}" : string.Empty;
        var comment = answer.Comment is { Length: > 0 } text ? $": {text}" : string.Empty;
        return $"Already answered in {answer.Source}: {BhhProgram.AttestationAnswers.NameOf(answer.Answer)}{by}{on}{comment}.";
    }

    /// <summary>"Met", "Not met", "Not applicable": the answers' names, capitalised for a form.</summary>
    private static string Name(string answer)
    {
        var name = BhhProgram.AttestationAnswers.NameOf(answer);
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    private static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {Plural(count, one, many)}");

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;
}
