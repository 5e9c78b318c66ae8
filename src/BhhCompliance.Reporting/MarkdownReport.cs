using System.Text;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Text;
using BhhCompliance.Core.Waivers;

namespace BhhCompliance.Reporting;

/// <summary>
/// The Markdown report (<c>--format md</c>): its layout and fixed wording are the Handlebars
/// template <c>templates/findings.md.hbs</c>; this class supplies the values, already formatted
/// and escaped for Markdown.
/// </summary>
public sealed class MarkdownReport
{
    private readonly TextTemplate _template;

    public MarkdownReport(TextTemplate template) => _template = template;

    /// <summary>The names the template may use at its top level.</summary>
    public static IReadOnlySet<string> Fields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "agency_name", "agency_id", "review_type", "as_of", "period_start", "period_end",
        "rule_set_name", "rule_set_version", "rule_set_sha256", "profile", "tool_name", "tool_version",
        "determination_label", "determination_meaning", "caveat", "summary", "rules", "attention",
        "chart_count", "chart_sample", "charts_scored", "charts_met_all", "mean_score",
        "chart_criteria", "chart_scores", "chart_passed", "waived", "waivers_not_applied",
    };

    public void Write(AuditResult result, ToolInfo tool, TextWriter output) =>
        output.Write(_template.Render(Model(result, tool)).ReplaceLineEndings("\n") + "\n");

    private static Dictionary<string, object?> Model(AuditResult result, ToolInfo tool)
    {
        var model = Header(result, tool);
        var charts = ChartReviewSummary.Of(result);

        // Empty lists when no chart criterion ran: the template shows the chart review only when there are criteria.
        model["chart_count"] = (decimal)(charts?.Charts ?? 0);
        model["chart_sample"] = charts?.SampledFrom ?? string.Empty;
        model["charts_scored"] = (decimal)(charts?.Scored ?? 0);
        model["charts_met_all"] = (decimal)(charts?.MetAll ?? 0);
        model["mean_score"] = charts?.MeanScore is { } mean ? Formats.Percent(mean) : string.Empty;
        model["chart_criteria"] = (charts?.Criteria ?? []).Select(c => new Dictionary<string, object?>
        {
            ["rule_id"] = c.RuleId,
            ["title"] = Md(c.Title),
            ["charts"] = Count(c.Charts),
            ["met"] = Count(c.Met),
            ["not_met"] = Count(c.NotMet),
            ["not_reviewed"] = Count(c.NotReviewed),
            ["rate"] = Rate(c.Rate),
            ["outcome"] = ReportWording.OutcomeLabel(c.Outcome),
        }).ToArray();
        model["chart_scores"] = (charts?.Scores ?? []).Select(s => new Dictionary<string, object?>
        {
            ["enrollee_id"] = Md(s.EnrolleeId),
            ["met"] = Count(s.Met),
            ["not_met"] = Count(s.NotMet),
            ["score"] = Rate(s.Score),
            ["criteria_not_met"] = string.Join(", ", s.NotMetCriteria),
        }).ToArray();

        // A chart criterion that passed has no block among the findings, yet the charts that missed it need correcting.
        model["chart_passed"] = charts is null
            ? Array.Empty<Dictionary<string, object?>>()
            : RuleSummary.Of(result)
                .SelectMany(r => r.Findings)
                .Where(f => f.Outcome == Outcome.Pass && f.Charts.Count > 0 && f.Details.Count > 0)
                .Select(Finding)
                .ToArray();
        return model;
    }

    private static string Count(int count) => count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A rate or score as a percentage; empty where nothing applied (the template words that).</summary>
    private static string Rate(decimal? rate) => rate is { } r ? Formats.Percent(r) : string.Empty;

    private static Dictionary<string, object?> Header(AuditResult result, ToolInfo tool) => new()
    {
        ["agency_name"] = Md(result.Agency.Name ?? result.Agency.Id),
        ["agency_id"] = Md(result.Agency.Id),
        ["review_type"] = Md(result.Review.Type),
        ["as_of"] = Formats.Date(result.Review.AsOf),
        ["period_start"] = Formats.Date(result.Review.Period.Start),
        ["period_end"] = Formats.Date(result.Review.Period.End),
        ["rule_set_name"] = Md(result.RuleSet.Name),
        ["rule_set_version"] = Md(result.RuleSet.Version),
        ["rule_set_sha256"] = result.RuleSet.Sha256,
        ["profile"] = Md(result.Profile),
        ["tool_name"] = tool.Name,
        ["tool_version"] = tool.Version,
        ["determination_label"] = ReportWording.DeterminationLabel(result.Determination),
        ["determination_meaning"] = Md(ReportWording.DeterminationMeaning(result.Determination)),
        ["caveat"] = ReportWording.Caveat(result) is { } caveat ? Md(caveat) : string.Empty,
        ["summary"] = Wire.Outcomes.Select(o => new Dictionary<string, object?>
        {
            ["label"] = ReportWording.OutcomeLabel(o),
            ["count"] = result.Count(o),
        }).ToArray(),
        ["rules"] = RuleSummary.Of(result).Select(r => new Dictionary<string, object?>
        {
            ["rule_id"] = r.RuleId,
            ["title"] = Md(r.Title),
            ["severity"] = r.Severity.Name(),
            ["outcome"] = ReportWording.OutcomeLabel(r.Outcome),
            ["result"] = Md(r.Result),
        }).ToArray(),
        ["attention"] = FindingOrder.MostUrgentFirst(result, result.Findings.Where(f => f.Outcome is not (Outcome.Pass or Outcome.Waived))).Select(Finding).ToArray(),

        // Waived findings have a section of their own, after those that need attention.
        ["waived"] = FindingOrder.MostUrgentFirst(result, result.Findings.Where(f => f.Outcome == Outcome.Waived)).Select(Waived).ToArray(),
        ["waivers_not_applied"] = result.Waivers.Where(w => w.Status != WaiverStatus.Applied).Select(w => new Dictionary<string, object?>
        {
            ["source"] = Md(w.Waiver.Source.ToString()),
            ["rule_id"] = w.Waiver.RuleId,
            ["subject"] = w.Waiver.Subject ?? string.Empty,
            ["status"] = ReportWording.WaiverStatusLabel(w.Status),
            ["expired"] = w.Status == WaiverStatus.Expired,
            ["expires_on"] = Formats.Date(w.Waiver.ExpiresOn),
            ["approved_by"] = Md(w.Waiver.ApprovedBy),
        }).ToArray(),
    };

    /// <summary>A waived finding: the finding's own values, the outcome before the waiver, and the waiver.</summary>
    private static Dictionary<string, object?> Waived(Finding finding)
    {
        // The engine always attaches the waiver; a result built by hand may not, and still renders.
        var model = Finding(finding);
        var waiver = finding.Waiver;
        model["waived_outcome"] = ReportWording.OutcomeLabel(finding.RuleOutcome);
        model["justification"] = Md(waiver?.Justification ?? string.Empty);
        model["requested_by"] = Md(waiver?.RequestedBy ?? string.Empty);
        model["approved_by"] = Md(waiver?.ApprovedBy ?? string.Empty);
        model["approved_on"] = waiver?.ApprovedOn is { } approved ? Formats.Date(approved) : string.Empty;
        model["expires_on"] = waiver is null ? string.Empty : Formats.Date(waiver.ExpiresOn);
        model["waiver_source"] = Md(waiver?.Source.ToString() ?? string.Empty);
        return model;
    }

    private static Dictionary<string, object?> Finding(Finding finding)
    {
        var columns = finding.Details.SelectMany(d => d.Fields.Keys).Distinct().Append("source").ToList();
        return new Dictionary<string, object?>
        {
            ["outcome"] = ReportWording.OutcomeLabel(finding.Outcome),
            ["rule_id"] = finding.RuleId,
            ["title"] = Md(finding.Title),
            ["severity"] = finding.Severity.Name(),
            ["subject"] = finding.Subject,
            ["message"] = Md(finding.Message),
            ["citation"] = Md(finding.Citation),
            ["remediation"] = Md(finding.Remediation),
            ["rule_version"] = finding.Version is { } version ? VersionDays(version) : string.Empty,
            ["evidence"] = finding.Evidence.Select(e => new Dictionary<string, object?>
            {
                ["key"] = $"`{e.Key}`",
                ["value"] = Md(Formats.Evidence(e.Key, e.Value)),
            }).ToArray(),
            ["detail_count"] = finding.Details.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            ["detail_noun"] = finding.Details.Count == 1 ? "row" : "rows",
            ["detail_header"] = Row(columns.Select(c => $"`{c}`")),
            ["detail_divider"] = Row(columns.Select(_ => "---")),
            ["detail_rows"] = finding.Details.Select(d => Row(columns.Select(c =>
                c == "source" ? Md(d.Source.ToString()) : d.Fields.TryGetValue(c, out var v) ? Md(Formats.Show(v)) : string.Empty))).ToArray(),
        };
    }

    /// <summary>"from 2026-07-01", "from 2026-01-01 to 2026-06-30", "until 2026-06-30".</summary>
    internal static string VersionDays(RuleVersion version) => (version.EffectiveFrom, version.EffectiveTo) switch
    {
        ({ } from, { } to) => $"from {Formats.Date(from)} to {Formats.Date(to)}",
        ({ } from, null) => $"from {Formats.Date(from)}",
        (null, { } to) => $"until {Formats.Date(to)}",
        _ => string.Empty,
    };

    private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells) + " |";

    /// <summary>Escapes text for a Markdown paragraph or table cell.</summary>
    internal static string Md(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#':
                    builder.Append('\\').Append(c);
                    break;
                case '\r':
                    break;
                case '\n':
                    builder.Append("<br>");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
