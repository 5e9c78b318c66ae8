using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Text;
using BhhCompliance.Reporting.Pdf;
using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Reporting.Statewide;

/// <summary>
/// The statewide summary as a PDF, on landscape pages so that the agency table keeps its
/// figures side by side: a cover with the determination counts and the rule set, the statewide
/// totals, the agency table, the agencies that were not audited with the reason, and each
/// agency's failed rules. Built on the findings report's layout layer; the page number and the
/// protected-health-information footer are worded by <c>templates/report.yaml</c> when its
/// wording is given. The same summary always gives the same bytes: the document is dated by
/// the latest as-of date of the agencies audited, never by the clock.
/// </summary>
public sealed class StatewidePdf(StatewideSummary summary, ToolInfo tool, PdfWording? wording = null)
{
    /// <summary>US Letter turned sideways, with the findings report's margins.</summary>
    public static readonly PageGeometry Landscape = new(792, 612, 54, 66, 60);

    /// <summary>report.yaml's footer, for when no wording is given: the summary names agencies and their findings.</summary>
    public const string DefaultFooter =
        "Contains protected health information (PHI). Share only with those who need it for this review, and store and dispose of it as HIPAA requires.";

    private static readonly TextStyle Body = new(9.5);
    private static readonly TextStyle SmallMuted = new(8, Colour: Ink.Muted);
    private static readonly TextStyle Section = new(16, Bold: true);
    private static readonly TableStyle Grid = new(new TextStyle(8), new TextStyle(8, Bold: true));
    private static readonly TableStyle Facts = new(new TextStyle(9.5), new TextStyle(9.5, Bold: true), PaddingY: 3, Stripes: false, HeaderRow: false, FillWidth: false);

    private readonly PageGeometry _page = Landscape;

    public StatewideSummary Summary { get; } = summary;

    /// <summary>Builds and writes the PDF of a statewide summary.</summary>
    public static byte[] Render(StatewideSummary summary, ToolInfo tool, PdfWording? wording = null) =>
        new StatewidePdf(summary, tool, wording).Render();

    /// <summary>Lays the summary out into pages (without writing a PDF).</summary>
    public IReadOnlyList<LaidOutPage> Lay(TextMeasure measure) => PageFlow.Lay(Compose(), measure, _page);

    public byte[] Render()
    {
        var measure = new TextMeasure();
        var pages = Lay(measure);
        var info = new DocumentInfo(
            StatewideWording.Title,
            $"{tool.Name} {tool.Version}",
            $"Batch audit of {StatewideWording.Count(Summary.Agencies.Count, "agency", "agencies")} against the {Summary.RuleSet.Name} rule set {Summary.RuleSet.Version}: " +
                $"{StatewideWording.Determinations(Summary)}; {StatewideWording.Statuses(Summary)}.",
            $"BHH; statewide; {Summary.RuleSet.Name}; {Summary.RuleSet.Version}",
            StatewideWording.DocumentDate(Summary),
            DocumentId(Summary, tool));
        return PdfCanvas.Write(pages, _page, (number, count) => ComposePageFurniture(measure, number, count), info);
    }

    /// <summary>
    /// The document's id: a digest of the summary's JSON, so the same summary always gets the
    /// same id and a different one never does.
    /// </summary>
    public static string DocumentId(StatewideSummary summary, ToolInfo tool) =>
        DocumentInfo.IdOf(stream => StatewideJson.Write(summary, tool, stream));

    public IReadOnlyList<Block> Compose() =>
    [
        .. ComposeCover(),
        .. ComposeTotals(),
        new PageBreak(),
        .. ComposeAgencies(),
        .. ComposeNotAudited(),
        .. ComposeFailedRules(),
    ];

    private IEnumerable<Block> ComposeCover()
    {
        yield return new Heading(StatewideWording.Program, new TextStyle(10, Colour: Ink.Muted), outlineLevel: 0, outlineTitle: "Summary");
        yield return new Spacer(4);
        yield return new Paragraph(StatewideWording.Title, new TextStyle(24, Bold: true));
        yield return new Spacer(6);
        yield return new Paragraph(StatewideWording.Agencies(Summary), new TextStyle(14));
        yield return new Spacer(14);

        var determinations = StatewideWording.DeterminationCounts(Summary);
        var notAudited = Summary.Agencies.Count - Summary.Count(BatchStatus.Audited);
        yield return new CountTiles(
            [
                .. determinations.Select(d => new CountTile(StatewideWording.Count(d.Count), d.Label, VerdictInk.Of(d.Determination))),
                new CountTile(StatewideWording.Count(notAudited), "NOT AUDITED", VerdictInk.Neutral),
            ],
            new TextStyle(28, Bold: true),
            new TextStyle(9, Bold: true, Colour: Ink.Muted));
        yield return new Spacer(14);

        var ruleSet = Summary.RuleSet;
        yield return new Table(
            [new TableColumn(string.Empty), new TableColumn(string.Empty)],
            [
                ["Rule set", $"{ruleSet.Name} {ruleSet.Version}"],
                ["Rule set sha256", ruleSet.Sha256],
                ["Profile", StatewideWording.Profile(Summary)],
                ["As of", StatewideWording.AsOf(Summary) ?? "no agency was audited"],
                ["Generated by", $"{tool.Name} {tool.Version}"],
            ],
            Facts);
    }

    /// <summary>The statewide figures, kept together: on the cover when they fit, else at the top of the next page.</summary>
    private IEnumerable<Block> ComposeTotals()
    {
        yield return new Spacer(14);
        yield return new Stack(
            [
                new Heading(StatewideWording.TotalsHeading, new TextStyle(11.5, Bold: true), outlineLevel: 0),
                new Spacer(2),
                new Table(
                    [new TableColumn(string.Empty), new TableColumn(string.Empty)],
                    [.. StatewideWording.Totals(Summary).Select(t => (IReadOnlyList<string>)[t.Label, t.Value])],
                    Facts),
            ],
            keepTogether: true);
    }

    private IEnumerable<Block> ComposeAgencies()
    {
        yield return new Heading(StatewideWording.AgenciesHeading, Section, outlineLevel: 0);
        yield return new Spacer(4);
        yield return new Paragraph(
            "One line per snapshot folder, in folder order. Monthly minimum met is the share of enrollee months that met the monthly " +
                "minimum of service. Claims at risk are the distinct claims any claim rule flagged, each counted once, with their amount. " +
                "The staffing gap is the FTE short of the staffing ratios, over the roles that are short. " +
                $"{StatewideWording.NotApplicable} means no rule of that kind ran.",
            SmallMuted);
        yield return new Spacer(8);
        if (Summary.Agencies.Count == 0)
        {
            yield return new Paragraph("The folder holds no agency snapshot.", Body);
            yield break;
        }

        yield return new Table(
            [
                new TableColumn("Folder"),
                new TableColumn("Agency"),
                new TableColumn("Determination"),
                new TableColumn("Enrollee months", Align.Right),
                new TableColumn("Monthly minimum met", Align.Right),
                new TableColumn("Claims at risk", Align.Right),
                new TableColumn("Amount at risk", Align.Right),
                new TableColumn("Staffing gap (FTE)", Align.Right),
                new TableColumn("Failed rules", Align.Right),
            ],
            [
                .. Summary.Agencies.Select(a => (IReadOnlyList<string>)
                [
                    a.Folder,
                    StatewideWording.AgencyOrFolder(a),
                    TextMeasure.Unbroken(StatewideWording.Verdict(a)),
                    StatewideWording.EnrolleeMonths(a),
                    StatewideWording.Rate(a),
                    StatewideWording.ClaimsAtRisk(a),
                    StatewideWording.AmountAtRisk(a),
                    StatewideWording.StaffingGap(a),
                    StatewideWording.FailedCount(a),
                ]),
            ],
            Grid);
    }

    /// <summary>The agencies that were not audited and why: what must be fixed before the next run.</summary>
    private IEnumerable<Block> ComposeNotAudited()
    {
        var notAudited = Summary.Agencies.Where(a => a.Status != BatchStatus.Audited).ToList();
        yield return new Spacer(18);
        var heading = new Heading($"{StatewideWording.NotAuditedHeading} ({notAudited.Count})", Section, outlineLevel: 0, outlineTitle: StatewideWording.NotAuditedHeading);
        if (notAudited.Count == 0)
        {
            yield return new Stack([heading, new Spacer(4), new Paragraph("Every snapshot was audited.", Body)], keepTogether: true);
            yield break;
        }

        yield return new Stack(
            [
                heading,
                new Spacer(4),
                new Paragraph(
                    notAudited.Any(a => a.Determination is not null)
                        ? "Where nothing was evaluated, the snapshot counts in no determination or total above. An agency with a determination was audited, but a rule broke: its determination and figures above leave that rule out."
                        : "Nothing was evaluated for these snapshots, so they count in no determination or total above.",
                    SmallMuted),
                new Spacer(8),
            ],
            keepTogether: true,
            keepWithNext: true);
        yield return new Table(
            [new TableColumn("Folder"), new TableColumn("Agency"), new TableColumn("Status"), new TableColumn("Problem"), new TableColumn("In its files")],
            [
                .. notAudited.Select(a => (IReadOnlyList<string>)
                [
                    a.Folder,
                    StatewideWording.AgencyOrFolder(a),
                    TextMeasure.Unbroken(StatewideWording.Verdict(a)),
                    StatewideWording.Problem(a),
                    StatewideWording.InputProblems(a),
                ]),
            ],
            Grid);
    }

    /// <summary>Each audited agency's failed rules and staffing shortfalls; nothing when no agency has any.</summary>
    private IEnumerable<Block> ComposeFailedRules()
    {
        var failing = Summary.Audited.Where(a => a.FailedRules.Count > 0 || StatewideWording.Staffing(a).Length > 0).ToList();
        if (failing.Count == 0)
        {
            yield break;
        }

        yield return new Spacer(18);
        yield return new Stack(
            [
                new Heading(StatewideWording.FailedRulesHeading, Section, outlineLevel: 0),
                new Spacer(4),
                new Paragraph(
                    "The rules with a fail finding, by rule id; each agency's own report gives the findings, their evidence and what to do. " +
                        "Staffing names the ratio rules whose actual FTE is below the required FTE, and the core roles nobody fills.",
                    SmallMuted),
                new Spacer(8),
            ],
            keepTogether: true,
            keepWithNext: true);
        yield return new Table(
            [new TableColumn("Folder"), new TableColumn("Agency"), new TableColumn("Determination"), new TableColumn("Failed rules"), new TableColumn("Staffing")],
            [
                .. failing.Select(a => (IReadOnlyList<string>)
                [
                    a.Folder,
                    StatewideWording.AgencyOrFolder(a),
                    TextMeasure.Unbroken(StatewideWording.Verdict(a)),
                    a.FailedRules.Count == 0 ? "none" : string.Join(", ", a.FailedRules),
                    StatewideWording.Staffing(a),
                ]),
            ],
            Grid);
    }

    /// <summary>The header, "Page X of Y" and protected-health-information footer drawn on every page.</summary>
    public IReadOnlyList<DrawOp> ComposePageFurniture(TextMeasure measure, int number, int count)
    {
        var values = Values().With(("page", (decimal)number), ("pages", (decimal)count));
        var asOf = StatewideWording.AsOf(Summary) is { } dates ? $", as of {dates}" : string.Empty;
        var header = $"{StatewideWording.Title}: {Summary.RuleSet.Name} {Summary.RuleSet.Version}, " +
            $"{StatewideWording.Count(Summary.Agencies.Count, "agency", "agencies")}{asOf}";
        return new PageFurniture(
                header,
                wording?.Render("page_number", values) ?? $"Page {number} of {count}",
                wording?.Render("footer", values) ?? DefaultFooter)
            .Draw(measure, _page);
    }

    /// <summary>The fields the report wording may use that a statewide summary has; the agency's own are left empty.</summary>
    private ReportValues Values() => new(new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["as_of"] = Formats.Date(StatewideWording.DocumentDate(Summary)),
        ["rule_set_name"] = Summary.RuleSet.Name,
        ["rule_set_version"] = Summary.RuleSet.Version,
        ["rule_set_sha256"] = Summary.RuleSet.Sha256,
        ["profile"] = Summary.Profile,
        ["tool_name"] = tool.Name,
        ["tool_version"] = tool.Version,
    });
}
