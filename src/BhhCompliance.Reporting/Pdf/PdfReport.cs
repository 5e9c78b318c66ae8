using BhhCompliance.Core.Findings;
using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Reporting.Pdf;

/// <summary>
/// The PDF findings report (<c>--format pdf</c>): the document of record that credentialing
/// staff sign and agencies receive. Each <c>Compose</c> method builds one part from layout blocks;
/// the wording comes from <c>templates/report.yaml</c>.
/// </summary>
public sealed class PdfReport(ReportDocument document)
{
    private static readonly TextStyle Body = new(9.5);
    private static readonly TextStyle Small = new(8);
    private static readonly TextStyle SmallMuted = new(8, Colour: Ink.Muted);
    private static readonly TextStyle Label = new(8.5, Bold: true, Colour: Ink.Muted);
    private static readonly TextStyle Section = new(16, Bold: true);
    private static readonly TextStyle Subsection = new(11.5, Bold: true);
    private static readonly TableStyle Grid = new(new TextStyle(8), new TextStyle(8, Bold: true));
    private static readonly TableStyle Facts = new(new TextStyle(9.5), new TextStyle(9.5, Bold: true), PaddingY: 3, Stripes: false, HeaderRow: false);
    private static readonly TableStyle Compact = Grid with { FillWidth = false };
    private static readonly TableStyle WaiverFacts = new(new TextStyle(8.5), new TextStyle(8.5, Bold: true), PaddingY: 2, Stripes: false, HeaderRow: false, FillWidth: false);

    private readonly PageGeometry _page = PageGeometry.Letter;

    public ReportDocument Document { get; } = document;

    /// <summary>Builds and writes the report for an audit.</summary>
    public static byte[] Render(AuditResult result, ToolInfo tool, PdfWording wording) =>
        new PdfReport(ReportDocument.Build(result, tool, wording)).Render(DocumentId(result, tool));

    /// <summary>Lays the report out into pages (without writing a PDF).</summary>
    public IReadOnlyList<LaidOutPage> Lay(TextMeasure measure) => PageFlow.Lay(Compose(), measure, _page);

    public byte[] Render(string documentId)
    {
        var measure = new TextMeasure();
        var pages = Lay(measure);
        var info = new DocumentInfo(
            Document.Text("title"),
            Document.Text("author"),
            Document.Text("subject"),
            Document.Keywords,
            Document.AsOf,
            documentId);
        return PdfCanvas.Write(pages, _page, (number, count) => ComposePageFurniture(measure, number, count), info);
    }

    /// <summary>
    /// The document's id: a digest of the findings it reports, so the same audit always gets the
    /// same id and a different one never does.
    /// </summary>
    public static string DocumentId(AuditResult result, ToolInfo tool) =>
        DocumentInfo.IdOf(stream => FindingsJson.Write(result, tool, stream));

    public IReadOnlyList<Block> Compose() =>
    [
        .. ComposeCover(),
        new PageBreak(),
        .. ComposeSummary(),
        new PageBreak(),
        .. ComposeFindings(),
        .. ComposeWaivers(),
        .. ComposeCharts(),
        .. ComposeAppendix(),
    ];

    private IEnumerable<Block> ComposeCover()
    {
        var cover = Document.Cover;
        var colour = VerdictInk.Of(cover.Determination);
        yield return new Heading(Document.Text("cover_kicker"), new TextStyle(10, Colour: Ink.Muted), outlineLevel: 0);
        yield return new Spacer(4);
        yield return new Paragraph(Document.Text("title"), new TextStyle(24, Bold: true));
        yield return new Spacer(10);
        yield return new Paragraph(Document.AgencyName, new TextStyle(16));
        yield return new Paragraph(Document.Text("cover_review"), new TextStyle(11, Colour: Ink.Muted));
        yield return new Spacer(22);

        List<Block> verdict =
        [
            new Paragraph(Document.Text("cover_determination_caption"), Label),
            new Spacer(2),
            new Paragraph(cover.DeterminationLabel, new TextStyle(30, Bold: true, Colour: colour)),
            new Spacer(4),
            new Paragraph(cover.DeterminationMeaning, new TextStyle(12, Bold: true)),
            new Spacer(6),
            new Paragraph(cover.Counts, Body),
        ];
        if (cover.Caveat is { } caveat)
        {
            verdict.AddRange([new Spacer(4), new Paragraph(caveat, new TextStyle(9.5, Colour: Ink.Muted))]);
        }

        yield return new Panel(new Stack(verdict), colour.Tint(), colour, padding: 14);
        yield return new Spacer(22);
        yield return new Table(
            [new TableColumn(string.Empty), new TableColumn(string.Empty)],
            [.. cover.Facts.Select(f => (IReadOnlyList<string>)[f.Label, f.Value])],
            Facts);
        yield return new Spacer(28);
        yield return ComposeSignOff();
    }

    private Stack ComposeSignOff()
    {
        List<Block> blocks =
        [
            new Paragraph(Document.Text("signoff_heading"), Subsection),
            new Spacer(2),
            new Paragraph(Document.Text("signoff_text"), Body),
        ];
        foreach (var key in (string[])["signoff_name", "signoff_signature", "signoff_date"])
        {
            blocks.AddRange([new Spacer(26), new Divider(Ink.Muted), new Paragraph(Document.Text(key), SmallMuted)]);
        }

        return new Stack(blocks, keepTogether: true);
    }

    private IEnumerable<Block> ComposeSummary()
    {
        yield return new Heading(Document.Text("summary_heading"), Section, outlineLevel: 0);
        yield return new Spacer(8);
        yield return new Heading(Document.Text("counts_heading"), Subsection);
        yield return new Spacer(4);
        yield return ComposeCounts();
        yield return new Spacer(16);
        yield return new Heading(Document.Text("rules_heading"), Subsection);
        yield return new Spacer(4);
        yield return new Table(
            [
                new TableColumn(Document.Text("rules_column_rule")),
                new TableColumn(Document.Text("rules_column_title")),
                new TableColumn(Document.Text("rules_column_severity")),
                new TableColumn(Document.Text("rules_column_outcome")),
                new TableColumn(Document.Text("rules_column_result")),
            ],
            [.. Document.Rules.Select(r => (IReadOnlyList<string>)[r.RuleId, r.Title, r.Severity, ReportWording.OutcomeLabel(r.Outcome), r.Result])],
            Grid);
    }

    private Table ComposeCounts()
    {
        var counts = Document.Counts;
        List<TableColumn> columns =
        [
            new(Document.Text("counts_severity")),
            .. counts.Outcomes.Select(o => new TableColumn(ReportWording.OutcomeLabel(o), Align.Right)),
            new(Document.Text("counts_total"), Align.Right),
        ];
        var rows = counts.Rows
            .Select(r => (IReadOnlyList<string>)[r.Severity.Name(), .. r.Counts.Select(Count), Count(r.Counts.Sum())])
            .Append([Document.Text("counts_total"), .. counts.Outcomes.Select(o => Count(counts.Total(o))), Count(counts.Rows.Sum(r => r.Counts.Sum()))])
            .ToList();
        return new Table(columns, rows, Compact);
    }

    private IEnumerable<Block> ComposeFindings()
    {
        yield return new Heading(Document.Text("findings_heading"), Section, outlineLevel: 0);
        yield return new Spacer(4);
        var intro = Document.Findings.Count > 0 ? "findings_intro" : Document.Waived.Count > 0 ? "findings_none_waived" : "findings_none";
        yield return new Paragraph(Document.Text(intro), Body);
        foreach (var finding in Document.Findings)
        {
            yield return new Spacer(14);
            yield return ComposeFinding(finding);
        }
    }

    /// <summary>One finding: kept on one page unless it is longer than a page.</summary>
    private Stack ComposeFinding(FindingBlock finding)
    {
        var colour = VerdictInk.Of(finding.Outcome);
        List<Block> blocks =
        [
            new Panel(
                new Paragraph($"{ReportWording.OutcomeLabel(finding.Outcome).ToUpperInvariant()} · {finding.RuleId} · {finding.Severity.Name()}", new TextStyle(9, Bold: true, Colour: Ink.White)),
                colour,
                colour,
                padding: 3),
            new Spacer(3),
            new Heading(finding.Title, Subsection, outlineLevel: 1, outlineTitle: $"{finding.RuleId}: {finding.Title}"),
        ];
        if (finding.Subject is { } subject)
        {
            blocks.Add(new Paragraph(subject, SmallMuted));
        }

        if (finding.Version is { } version)
        {
            blocks.Add(new Paragraph(version, SmallMuted));
        }

        if (finding.WaivedOutcome is { } waivedOutcome)
        {
            blocks.AddRange([new Spacer(3), new Paragraph(waivedOutcome, new TextStyle(9.5, Bold: true))]);
        }

        blocks.AddRange([new Spacer(3), new Paragraph(finding.Message, Body)]);

        // Why the finding was excused, who asked, who approved and until when: what a reader checks months later.
        if (finding.Justification is { } justification)
        {
            blocks.AddRange([new Spacer(6), new Paragraph(justification.Label, Label), new Paragraph(justification.Value, Body)]);
        }

        if (finding.Waiver.Count > 0)
        {
            blocks.AddRange(
            [
                new Spacer(4),
                new Table(
                    [new TableColumn(string.Empty), new TableColumn(string.Empty)],
                    [.. finding.Waiver.Select(f => (IReadOnlyList<string>)[f.Label, f.Value])],
                    WaiverFacts),
            ]);
        }

        if (finding.Evidence.Count > 0)
        {
            blocks.AddRange(
            [
                new Spacer(6),
                new Table(
                    [new TableColumn(Document.Text("evidence_column_key")), new TableColumn(Document.Text("evidence_column_value"))],
                    [.. finding.Evidence.Select(e => (IReadOnlyList<string>)[e.Label, e.Value])],
                    Compact),
            ]);
        }

        blocks.AddRange([new Spacer(6), new Paragraph(Document.Text("citation_label"), Label), new Paragraph(finding.Citation, Body)]);

        // A waived finding is excused for now; what to do is the waiver's business.
        if (finding.Waiver.Count == 0)
        {
            blocks.AddRange([new Spacer(4), new Paragraph(Document.Text("remediation_label"), Label), new Paragraph(finding.Remediation, Body)]);
        }

        if (finding.DetailsNote is { } note)
        {
            blocks.AddRange([new Spacer(4), new Paragraph(note, SmallMuted)]);
        }

        return new Stack(blocks, keepTogether: true);
    }

    /// <summary>
    /// The waived findings, on a page of their own after those that need attention, then the
    /// waivers that were not applied; nothing without waivers.
    /// </summary>
    private IEnumerable<Block> ComposeWaivers()
    {
        if (Document.Waived.Count == 0 && Document.WaiversNotApplied.Count == 0)
        {
            yield break;
        }

        yield return new PageBreak();
        if (Document.Waived.Count > 0)
        {
            yield return new Heading(Document.Text("waived_heading"), Section, outlineLevel: 0);
            yield return new Spacer(4);
            yield return new Paragraph(Document.Text("waived_intro"), Body);
            foreach (var finding in Document.Waived)
            {
                yield return new Spacer(14);
                yield return ComposeFinding(finding);
            }

            if (Document.WaiversNotApplied.Count > 0)
            {
                yield return new Spacer(22);
            }
        }

        if (Document.WaiversNotApplied.Count == 0)
        {
            yield break;
        }

        yield return new Stack(
            [
                new Heading(Document.Text("waivers_not_applied_heading"), Section, outlineLevel: 0),
                new Spacer(4),
                new Paragraph(Document.Text("waivers_not_applied_intro"), Body),
                new Spacer(8),
            ],
            keepTogether: true,
            keepWithNext: true);
        yield return new Table(
            [
                new TableColumn(Document.Text("waivers_column_waiver")),
                new TableColumn(Document.Text("waivers_column_rule")),
                new TableColumn(Document.Text("waivers_column_subject")),
                new TableColumn(Document.Text("waivers_column_status")),
                new TableColumn(Document.Text("waivers_column_expires")),
                new TableColumn(Document.Text("waivers_column_approved_by")),
            ],
            [.. Document.WaiversNotApplied.Select(w => (IReadOnlyList<string>)[w.Source, w.RuleId, w.Subject, w.Status, w.ExpiresOn, w.ApprovedBy])],
            Grid);
    }

    /// <summary>The chart review, on pages of its own: compliance by criterion, then each chart's score.</summary>
    private IEnumerable<Block> ComposeCharts()
    {
        if (Document.Charts is not { } charts)
        {
            yield break;
        }

        yield return new PageBreak();
        yield return new Heading(Document.Text("charts_heading"), Section, outlineLevel: 0);
        yield return new Spacer(4);
        yield return new Paragraph(charts.Intro, Body);
        yield return new Spacer(14);
        yield return ComposeChartTableHeading("charts_criteria_heading", charts.CriteriaNote);
        yield return new Table(
            [
                new TableColumn(Document.Text("charts_column_criterion")),
                new TableColumn(Document.Text("charts_column_title")),
                new TableColumn(Document.Text("charts_column_charts"), Align.Right),
                new TableColumn(Document.Text("charts_column_met"), Align.Right),
                new TableColumn(Document.Text("charts_column_not_met"), Align.Right),
                new TableColumn(Document.Text("charts_column_not_reviewed"), Align.Right),
                new TableColumn(Document.Text("charts_column_rate"), Align.Right),
                new TableColumn(Document.Text("charts_column_outcome")),
            ],
            [
                .. charts.Criteria.Select(c => (IReadOnlyList<string>)
                    [c.RuleId, c.Title, c.Charts, c.Met, c.NotMet, c.NotReviewed, c.Rate, ReportWording.OutcomeLabel(c.Outcome)]),
            ],
            Grid);
        yield return new Spacer(14);
        yield return ComposeChartTableHeading("charts_scores_heading", charts.ScoresNote);
        yield return new Table(
            [
                new TableColumn(Document.Text("charts_column_enrollee")),
                new TableColumn(Document.Text("charts_column_met"), Align.Right),
                new TableColumn(Document.Text("charts_column_not_met"), Align.Right),
                new TableColumn(Document.Text("charts_column_score"), Align.Right),
                new TableColumn(Document.Text("charts_column_criteria_not_met")),
            ],
            [.. charts.Scores.Select(c => (IReadOnlyList<string>)[c.EnrolleeId, c.Met, c.NotMet, c.Score, c.CriteriaNotMet])],
            Grid);
    }

    /// <summary>A chart table's heading and note, kept with the table's first rows.</summary>
    private Stack ComposeChartTableHeading(string headingKey, string note) => new(
        [new Heading(Document.Text(headingKey), Subsection, outlineLevel: 1), new Paragraph(note, SmallMuted), new Spacer(4)],
        keepTogether: true,
        keepWithNext: true);

    private IEnumerable<Block> ComposeAppendix()
    {
        if (Document.Appendices.Count == 0)
        {
            yield break;
        }

        yield return new PageBreak();
        yield return new Heading(Document.Text("appendix_heading"), Section, outlineLevel: 0);
        yield return new Spacer(4);
        yield return new Paragraph(Document.Text("appendix_intro"), Body);
        if (Document.AppendixHasPassedCharts)
        {
            yield return new Spacer(4);
            yield return new Paragraph(Document.Text("appendix_intro_charts"), Body);
        }

        foreach (var table in Document.Appendices)
        {
            yield return new Spacer(14);
            yield return new Stack(
                [new Heading(table.Title, Subsection, outlineLevel: 1), new Paragraph(table.Count, SmallMuted), new Spacer(4)],
                keepTogether: true,
                keepWithNext: true);
            yield return new Table(
                [.. table.Columns.Select((c, i) => new TableColumn(c, table.Numeric[i] ? Align.Right : Align.Left))],
                table.Rows,
                Grid);
        }
    }

    /// <summary>The header, page number and PHI footer drawn on every page.</summary>
    public IReadOnlyList<DrawOp> ComposePageFurniture(TextMeasure measure, int number, int count)
    {
        var values = Document.Values.With(("page", (decimal)number), ("pages", (decimal)count));
        return new PageFurniture(
                Document.Wording.Render("header", values),
                Document.Wording.Render("page_number", values),
                Document.Wording.Render("footer", values))
            .Draw(measure, _page);
    }

    private static string Count(int count) => count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
