using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Text;

namespace BhhCompliance.Reporting.Pdf;

/// <summary>
/// The fixed words of the PDF report, from <c>templates/report.yaml</c>: each is a Handlebars
/// template over the same model (<see cref="Fields"/>), so a user can change any of them
/// without rebuilding the tool.
/// </summary>
public sealed class PdfWording
{
    /// <summary>Optional keys <c>details_RULE-ID</c> title a rule's table of detail rows.</summary>
    public const string DetailsPrefix = "details_";

    private readonly IReadOnlyDictionary<string, TextTemplate> _templates;

    public PdfWording(IReadOnlyDictionary<string, TextTemplate> templates)
    {
        var missing = Keys.Where(k => !templates.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException("The report wording lacks: " + string.Join(", ", missing), nameof(templates));
        }

        _templates = templates;
    }

    /// <summary>The keys the report uses; each must be present.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "title", "subject", "author",
        "cover_kicker", "cover_review", "cover_determination_caption",
        "determination_certified", "determination_conditional", "determination_not_certified",
        "meaning_certified", "meaning_conditional", "meaning_not_certified",
        "cover_counts", "caveat",
        "cover_facts_agency", "cover_facts_review", "cover_facts_period", "cover_facts_as_of", "cover_facts_profile",
        "cover_facts_rule_set", "cover_facts_tool", "cover_facts_generated",
        "signoff_heading", "signoff_text", "signoff_name", "signoff_signature", "signoff_date",
        "summary_heading", "counts_heading", "counts_severity", "counts_total",
        "rules_heading", "rules_column_rule", "rules_column_title", "rules_column_severity", "rules_column_outcome", "rules_column_result",
        "findings_heading", "findings_intro", "findings_none", "findings_none_waived", "finding_subject", "finding_rule_version",
        "evidence_heading", "evidence_column_key", "evidence_column_value", "citation_label", "remediation_label", "details_note",
        "charts_heading", "charts_intro", "charts_criteria_heading", "charts_criteria_note", "charts_scores_heading", "charts_scores_note",
        "charts_column_criterion", "charts_column_title", "charts_column_charts", "charts_column_met", "charts_column_not_met",
        "charts_column_not_reviewed", "charts_column_rate", "charts_column_outcome",
        "charts_column_enrollee", "charts_column_score", "charts_column_criteria_not_met", "charts_not_applicable",
        "waived_heading", "waived_intro", "waived_outcome_before",
        "waiver_justification", "waiver_requested_by", "waiver_approved_by", "waiver_approved_on", "waiver_approved_on_missing",
        "waiver_expires_on", "waiver_source",
        "waivers_not_applied_heading", "waivers_not_applied_intro",
        "waivers_column_waiver", "waivers_column_rule", "waivers_column_subject", "waivers_column_status",
        "waivers_column_expires", "waivers_column_approved_by",
        "waiver_whole_rule", "waiver_status_expired", "waiver_status_unmatched",
        "appendix_heading", "appendix_intro", "appendix_intro_charts", "appendix_title", "appendix_count",
        "header", "page_number", "footer",
    ];

    /// <summary>The names every wording template may use.</summary>
    public static IReadOnlySet<string> Fields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "agency_name", "agency_id", "review_type", "as_of", "period_start", "period_end",
        "rule_set_name", "rule_set_version", "rule_set_sha256", "profile", "tool_name", "tool_version",
        "determination", "determination_meaning",
        "rules", "findings", "pass", "warn", "fail", "not_applicable", "cannot_evaluate", "not_reviewed", "error", "waived",
        "not_evaluated", "attention",
        "charts", "chart_sample", "charts_scored", "charts_met_all", "mean_score",
        "page", "pages",
        "subject", "rule_id", "title", "rows", "appendix", "details_title",
        "version_from", "version_to", "waived_outcome",
    };

    /// <summary>True for a key the wording file may hold.</summary>
    public static bool IsKnownKey(string key) =>
        Keys.Contains(key) || (key.StartsWith(DetailsPrefix, StringComparison.Ordinal) && key.Length > DetailsPrefix.Length);

    /// <summary>Renders a wording template with the report's values.</summary>
    public string Render(string key, ReportValues values) => _templates[key].Render(values.Model);

    public string DetailsTitle(string ruleId, string ruleTitle, ReportValues values) =>
        _templates.TryGetValue(DetailsPrefix + ruleId, out var template) ? template.Render(values.Model) : ruleTitle;

    public string DeterminationLabel(Determination determination, ReportValues values) =>
        Render("determination_" + determination.Name().Replace('-', '_'), values);

    public string DeterminationMeaning(Determination determination, ReportValues values) =>
        Render("meaning_" + determination.Name().Replace('-', '_'), values);
}

/// <summary>The values wording templates are rendered with: the report's fields, and per-use extras.</summary>
public sealed class ReportValues
{
    private readonly Dictionary<string, object?> _model;

    public ReportValues(IReadOnlyDictionary<string, object?> model)
    {
        _model = PdfWording.Fields.ToDictionary(f => f, f => (object?)null, StringComparer.Ordinal);
        foreach (var (key, value) in model)
        {
            _model[key] = value;
        }
    }

    public IReadOnlyDictionary<string, object?> Model => _model;

    public ReportValues With(params (string Key, object? Value)[] extra)
    {
        var copy = new Dictionary<string, object?>(_model, StringComparer.Ordinal);
        foreach (var (key, value) in extra)
        {
            copy[key] = value;
        }

        return new ReportValues(copy);
    }
}
