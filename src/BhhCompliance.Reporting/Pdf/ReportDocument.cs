using System.Globalization;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Text;
using BhhCompliance.Core.Waivers;

namespace BhhCompliance.Reporting.Pdf;

/// <summary>A label and its value, for the cover's facts and a finding's evidence.</summary>
public sealed record Fact(string Label, string Value);

/// <summary>The cover: who was reviewed, and the determination.</summary>
public sealed record CoverSection(
    Determination Determination,
    string DeterminationLabel,
    string DeterminationMeaning,
    string Counts,
    string? Caveat,
    IReadOnlyList<Fact> Facts);

/// <summary>Finding counts: one row per severity, one column per outcome shown.</summary>
public sealed record CountsTable(IReadOnlyList<Outcome> Outcomes, IReadOnlyList<(Severity Severity, IReadOnlyList<int> Counts)> Rows)
{
    public int Total(Outcome outcome) => Rows.Sum(r => r.Counts[Outcomes.ToList().IndexOf(outcome)]);
}

/// <summary>One line of the table of every rule run.</summary>
public sealed record RuleLine(string RuleId, string Title, string Severity, Outcome Outcome, string Result);

/// <summary>The block of one finding that is not a pass.</summary>
public sealed record FindingBlock(
    string RuleId,
    string Title,
    Severity Severity,
    Outcome Outcome,
    string? Subject,
    string Message,
    IReadOnlyList<Fact> Evidence,
    string Citation,
    string Remediation,
    string? DetailsNote)
{
    /// <summary>"Rule version in force from ...", for a rule with effective dates; null for an undated rule.</summary>
    public string? Version { get; init; }

    /// <summary>For a waived finding: its outcome before the waiver, worded ("Outcome before the waiver: Fail").</summary>
    public string? WaivedOutcome { get; init; }

    /// <summary>For a waived finding: why it was waived, with its label.</summary>
    public Fact? Justification { get; init; }

    /// <summary>For a waived finding: the waiver's requester, approver, dates and source.</summary>
    public IReadOnlyList<Fact> Waiver { get; init; } = [];
}

/// <summary>One line of the table of waivers not applied (expired or unmatched), formatted for the page.</summary>
public sealed record WaiverLine(string Source, string RuleId, string Subject, string Status, string ExpiresOn, string ApprovedBy);

/// <summary>A table of detail rows: the records behind one rule's findings.</summary>
public sealed record AppendixTable(
    string Letter,
    string RuleId,
    string Title,
    string Count,
    IReadOnlyList<string> Columns,
    IReadOnlyList<bool> Numeric,
    IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>One line of the chart review's table of criteria, formatted for the page.</summary>
public sealed record ChartCriterionRow(
    string RuleId,
    string Title,
    string Charts,
    string Met,
    string NotMet,
    string NotReviewed,
    string Rate,
    Outcome Outcome);

/// <summary>One line of the chart review's table of chart scores, formatted for the page.</summary>
public sealed record ChartScoreRow(string EnrolleeId, string Met, string NotMet, string Score, string CriteriaNotMet);

/// <summary>
/// The chart review (rules.md, "Chart review"): how many charts, where they came from, each
/// criterion's compliance and each chart's score. The reasons a chart missed a criterion are the
/// criterion's detail rows, in the appendix.
/// </summary>
public sealed record ChartSection(
    string Intro,
    string CriteriaNote,
    IReadOnlyList<ChartCriterionRow> Criteria,
    string ScoresNote,
    IReadOnlyList<ChartScoreRow> Scores);

/// <summary>
/// Everything the PDF report shows, already worded and formatted, in reading order. Building it
/// decides which sections and rows appear; <see cref="PdfReport"/> only lays it out.
/// </summary>
/// <param name="AgencyName">The agency's name, or its id when it has none.</param>
/// <param name="AsOf">The review's as-of date: the date the document stands for.</param>
/// <param name="Keywords">The document's keywords: program, rule set, agency and determination.</param>
/// <param name="Charts">The chart review; null when no chart criterion ran.</param>
public sealed record ReportDocument(
    PdfWording Wording,
    ReportValues Values,
    string AgencyName,
    DateOnly AsOf,
    string Keywords,
    CoverSection Cover,
    CountsTable Counts,
    IReadOnlyList<RuleLine> Rules,
    IReadOnlyList<FindingBlock> Findings,
    ChartSection? Charts,
    IReadOnlyList<AppendixTable> Appendices)
{
    /// <summary>The waived findings, in a section of their own after those that need attention.</summary>
    public IReadOnlyList<FindingBlock> Waived { get; init; } = [];

    /// <summary>The waivers that were not applied: expired, or matching no finding that needed them.</summary>
    public IReadOnlyList<WaiverLine> WaiversNotApplied { get; init; } = [];

    public string Text(string key) => Wording.Render(key, Values);

    public static ReportDocument Build(AuditResult result, ToolInfo tool, PdfWording wording)
    {
        var attention = FindingOrder.MostUrgentFirst(result, result.Findings.Where(f => f.Outcome is not (Outcome.Pass or Outcome.Waived))).ToList();
        var waived = FindingOrder.MostUrgentFirst(result, result.Findings.Where(f => f.Outcome == Outcome.Waived)).ToList();
        var charts = ChartReviewSummary.Of(result);
        var values = BuildValues(result, tool, attention.Count, charts);
        var label = wording.DeterminationLabel(result.Determination, values);
        var meaning = wording.DeterminationMeaning(result.Determination, values);
        values = values.With(("determination", label), ("determination_meaning", meaning));

        // A chart criterion that passed can still have charts that missed it; their reasons are
        // what the agency corrects chart by chart, so they get a table after the findings' own.
        var passedCharts = RuleSummary.Of(result)
            .SelectMany(r => r.Findings)
            .Where(f => f.Outcome == Outcome.Pass && f.Charts.Count > 0);
        var appendices = BuildAppendices([.. attention, .. waived, .. passedCharts], wording, values);
        var letters = appendices.ToDictionary(a => a.RuleId, a => a.Letter, StringComparer.Ordinal);
        return new ReportDocument(
            wording,
            values,
            result.Agency.Name ?? result.Agency.Id,
            result.Review.AsOf,
            $"BHH; {result.RuleSet.Name}; {result.Agency.Id}; {label}",
            BuildCover(result, tool, wording, values, label, meaning),
            BuildCounts(result),
            [.. RuleSummary.Of(result).Select(r => new RuleLine(r.RuleId, r.Title, r.Severity.Name(), r.Outcome, r.Result))],
            [.. attention.Select(f => Block(f, wording, values, letters))],
            charts is null ? null : BuildCharts(charts, wording, values),
            appendices)
        {
            Waived = [.. waived.Select(f => Block(f, wording, values, letters))],
            WaiversNotApplied = [.. result.Waivers.Where(w => w.Status != WaiverStatus.Applied).Select(w => NotApplied(w, wording, values))],
        };
    }

    /// <summary>True when the appendix has a table for a chart criterion that passed, which no finding block points to.</summary>
    public bool AppendixHasPassedCharts => Appendices.Any(a => Findings.All(f => f.RuleId != a.RuleId));

    private static ReportValues BuildValues(AuditResult result, ToolInfo tool, int attention, ChartReviewSummary? charts)
    {
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["agency_name"] = result.Agency.Name ?? result.Agency.Id,
            ["agency_id"] = result.Agency.Id,
            ["review_type"] = result.Review.Type,
            ["as_of"] = Formats.Date(result.Review.AsOf),
            ["period_start"] = Formats.Date(result.Review.Period.Start),
            ["period_end"] = Formats.Date(result.Review.Period.End),
            ["rule_set_name"] = result.RuleSet.Name,
            ["rule_set_version"] = result.RuleSet.Version,
            ["rule_set_sha256"] = result.RuleSet.Sha256,
            ["profile"] = result.Profile,
            ["tool_name"] = tool.Name,
            ["tool_version"] = tool.Version,
            ["rules"] = (decimal)result.Findings.Select(f => f.RuleId).Distinct().Count(),
            ["findings"] = (decimal)result.Findings.Count,
            ["not_evaluated"] = (decimal)ReportWording.NotEvaluated(result),
            ["attention"] = (decimal)attention,
            ["charts"] = (decimal)(charts?.Charts ?? 0),
            ["chart_sample"] = charts?.SampledFrom,
            ["charts_scored"] = (decimal)(charts?.Scored ?? 0),
            ["charts_met_all"] = (decimal)(charts?.MetAll ?? 0),
            ["mean_score"] = charts?.MeanScore,
        };
        foreach (var outcome in Wire.Outcomes)
        {
            model[outcome.SummaryKey()] = (decimal)result.Count(outcome);
        }

        return new ReportValues(model);
    }

    private static CoverSection BuildCover(AuditResult result, ToolInfo tool, PdfWording wording, ReportValues values, string label, string meaning)
    {
        string Text(string key) => wording.Render(key, values);
        var agency = result.Agency.Name is { } name ? $"{name} ({result.Agency.Id})" : result.Agency.Id;
        var notEvaluated = ReportWording.NotEvaluated(result);
        return new CoverSection(
            result.Determination,
            label,
            meaning,
            Text("cover_counts"),
            notEvaluated > 0 ? Text("caveat") : null,
            [
                new Fact(Text("cover_facts_agency"), agency),
                new Fact(Text("cover_facts_review"), result.Review.Type),
                new Fact(Text("cover_facts_period"), $"{Formats.Date(result.Review.Period.Start)} to {Formats.Date(result.Review.Period.End)}"),
                new Fact(Text("cover_facts_as_of"), Formats.Date(result.Review.AsOf)),
                new Fact(Text("cover_facts_profile"), result.Profile),
                new Fact(Text("cover_facts_rule_set"), $"{result.RuleSet.Name} {result.RuleSet.Version}, sha256 {result.RuleSet.Sha256}"),
                new Fact(Text("cover_facts_tool"), $"{tool.Name} {tool.Version}"),
                new Fact(Text("cover_facts_generated"), Formats.Date(result.Review.AsOf)),
            ]);
    }

    /// <summary>Pass, warn and fail always; other outcomes only when some finding has them.</summary>
    private static CountsTable BuildCounts(AuditResult result)
    {
        var outcomes = Wire.Outcomes
            .Where(o => o is Outcome.Pass or Outcome.Warn or Outcome.Fail || result.Count(o) > 0)
            .ToList();
        return new CountsTable(
            outcomes,
            [
                .. Wire.Severities.Select(s => (s, (IReadOnlyList<int>)[.. outcomes.Select(o =>
                    result.Findings.Count(f => f.Severity == s && f.Outcome == o))])),
            ]);
    }

    private static FindingBlock Block(Finding finding, PdfWording wording, ReportValues values, IReadOnlyDictionary<string, string> letters)
    {
        var findingValues = values.With(
            ("rule_id", finding.RuleId),
            ("title", finding.Title),
            ("subject", finding.Subject),
            ("rows", (decimal)finding.Details.Count),
            ("appendix", letters.GetValueOrDefault(finding.RuleId)),
            ("version_from", finding.Version?.EffectiveFrom is { } from ? Formats.Date(from) : null),
            ("version_to", finding.Version?.EffectiveTo is { } to ? Formats.Date(to) : null),
            ("waived_outcome", finding.WaivedOutcome is { } original ? ReportWording.OutcomeLabel(original) : null));
        var block = new FindingBlock(
            finding.RuleId,
            finding.Title,
            finding.Severity,
            finding.Outcome,
            finding.Subject == Finding.AgencySubject ? null : wording.Render("finding_subject", findingValues),
            finding.Message,
            [.. finding.Evidence.Select(e => new Fact(e.Key, Formats.Evidence(e.Key, e.Value)))],
            finding.Citation,
            finding.Remediation,
            finding.Details.Count > 0 ? wording.Render("details_note", findingValues) : null)
        {
            Version = finding.Version is null ? null : wording.Render("finding_rule_version", findingValues),
        };
        if (finding is not { WaivedOutcome: not null, Waiver: { } waiver })
        {
            return block;
        }

        string Label(string key) => wording.Render(key, findingValues);
        return block with
        {
            WaivedOutcome = Label("waived_outcome_before"),
            Justification = new Fact(Label("waiver_justification"), waiver.Justification),
            Waiver =
            [
                new Fact(Label("waiver_requested_by"), waiver.RequestedBy),
                new Fact(Label("waiver_approved_by"), waiver.ApprovedBy),
                new Fact(Label("waiver_approved_on"), waiver.ApprovedOn is { } approved ? Formats.Date(approved) : Label("waiver_approved_on_missing")),
                new Fact(Label("waiver_expires_on"), Formats.Date(waiver.ExpiresOn)),
                new Fact(Label("waiver_source"), waiver.Source.ToString()),
            ],
        };
    }

    private static WaiverLine NotApplied(WaiverResult result, PdfWording wording, ReportValues values)
    {
        var waiver = result.Waiver;
        return new WaiverLine(
            waiver.Source.ToString(),
            waiver.RuleId,
            waiver.Subject ?? wording.Render("waiver_whole_rule", values),
            wording.Render(result.Status == WaiverStatus.Expired ? "waiver_status_expired" : "waiver_status_unmatched", values),
            Formats.Date(waiver.ExpiresOn),
            waiver.ApprovedBy);
    }

    private static ChartSection BuildCharts(ChartReviewSummary charts, PdfWording wording, ReportValues values)
    {
        var none = wording.Render("charts_not_applicable", values);
        string Rate(decimal? rate) => rate is { } r ? Formats.Percent(r) : none;
        return new ChartSection(
            wording.Render("charts_intro", values),
            wording.Render("charts_criteria_note", values),
            [
                .. charts.Criteria.Select(c => new ChartCriterionRow(
                    c.RuleId, c.Title, Count(c.Charts), Count(c.Met), Count(c.NotMet), Count(c.NotReviewed), Rate(c.Rate), c.Outcome)),
            ],
            wording.Render("charts_scores_note", values),
            [
                .. charts.Scores.Select(s => new ChartScoreRow(
                    s.EnrolleeId, Count(s.Met), Count(s.NotMet), Rate(s.Score), string.Join(", ", s.NotMetCriteria))),
            ]);
    }

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// One table per rule whose findings carry detail rows, in the order the findings appear;
    /// a rule with a finding per staff member gets one table for all of them.
    /// </summary>
    private static IReadOnlyList<AppendixTable> BuildAppendices(IReadOnlyList<Finding> attention, PdfWording wording, ReportValues values)
    {
        var tables = new List<AppendixTable>();
        foreach (var group in attention.Where(f => f.Details.Count > 0).GroupBy(f => f.RuleId))
        {
            var details = group.SelectMany(f => f.Details).ToList();
            var fields = details.SelectMany(d => d.Fields.Keys).Distinct().ToList();
            // A column of numbers, some cells empty (days late where nothing came late), still reads as numbers.
            var numeric = fields
                .Select(c =>
                    details.All(d => !d.Fields.TryGetValue(c, out var v) || v is EvidenceValue.Number or EvidenceValue.NoValue)
                    && details.Any(d => d.Fields.TryGetValue(c, out var v) && v is EvidenceValue.Number))
                .ToList();

            // A column of numbers with any fraction (amounts, FTE) shows two decimals throughout, so the figures line up.
            var fractional = fields
                .Select((c, i) => numeric[i] && details.Any(d => d.Fields.TryGetValue(c, out var v) && v is EvidenceValue.Number { Value: var n } && n != decimal.Truncate(n)))
                .ToList();
            var rows = details
                .Select(d => (IReadOnlyList<string>)[.. fields.Select((c, i) => d.Fields.TryGetValue(c, out var v) ? Cell(v, fractional[i]) : string.Empty), d.Source.ToString()])
                .ToList();
            numeric.Add(false);
            var letter = Letter(tables.Count);
            var first = group.First();
            var tableValues = values.With(
                ("rule_id", first.RuleId),
                ("title", first.Title),
                ("rows", (decimal)rows.Count),
                ("appendix", letter));
            tableValues = tableValues.With(("details_title", wording.DetailsTitle(first.RuleId, first.Title, tableValues)));
            tables.Add(new AppendixTable(
                letter,
                first.RuleId,
                wording.Render("appendix_title", tableValues),
                wording.Render("appendix_count", tableValues),
                [.. fields, "source"],
                numeric,
                rows));
        }

        return tables;
    }

    private static string Cell(EvidenceValue value, bool twoDecimals) =>
        twoDecimals && value is EvidenceValue.Number number ? Formats.Fixed(number.Value) : Formats.Show(value);

    /// <summary>A, B ... Z, AA, AB ...</summary>
    internal static string Letter(int index) =>
        index < 26
            ? ((char)('A' + index)).ToString(CultureInfo.InvariantCulture)
            : Letter((index / 26) - 1) + Letter(index % 26);
}
