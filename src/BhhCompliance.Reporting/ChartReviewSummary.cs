using BhhCompliance.Core.Charts;
using BhhCompliance.Core.Findings;

namespace BhhCompliance.Reporting;

/// <summary>
/// One chart criterion at a glance (rules.md, "Chart review"): the charts it applied to, how many
/// met it, and the charts it could not decide. Counted from the finding's per-chart results.
/// </summary>
/// <param name="Charts">The charts the criterion applied to: met plus not met, as the finding's <c>charts</c> evidence.</param>
public sealed record ChartCriterionLine(
    string RuleId,
    string Title,
    Outcome Outcome,
    int Charts,
    int Met,
    int NotMet,
    int NotApplicable,
    int NotReviewed)
{
    /// <summary>Met / charts; null when the criterion applied to no chart.</summary>
    public decimal? Rate => Charts == 0 ? null : Met / (decimal)Charts;
}

/// <summary>
/// What the reports show of a chart review: a line per chart criterion, in the rule set's order,
/// and each chart's score, by enrollee id.
/// </summary>
/// <param name="SampledFrom">
/// The file the charts were sampled in (chart-sample.csv) when some result rests on it; null when
/// no result names it, which does not prove there was no sample.
/// </param>
public sealed record ChartReviewSummary(
    IReadOnlyList<ChartCriterionLine> Criteria,
    IReadOnlyList<ChartScore> Scores,
    string? SampledFrom)
{
    /// <summary>The file <c>bhh sample</c> writes and the loader reads (cli.md).</summary>
    public const string SampleFile = "chart-sample.csv";

    /// <summary>The charts under review: every criterion decides each of them.</summary>
    public int Charts => Scores.Count;

    /// <summary>The charts with a score: at least one criterion applied to them.</summary>
    public int Scored => Scores.Count(s => s.Score is not null);

    /// <summary>The charts with a score that met every criterion that applied to them.</summary>
    public int MetAll => Scores.Count(s => s.Score is not null && s.NotMet == 0);

    /// <summary>The mean of the chart scores; null when no chart has one.</summary>
    public decimal? MeanScore => Scored == 0 ? null : Scores.Where(s => s.Score is not null).Average(s => s.Score!.Value);

    /// <summary>The chart review of an audit; null when no chart criterion ran (nothing to show).</summary>
    public static ChartReviewSummary? Of(AuditResult result)
    {
        if (result.Charts.Count == 0)
        {
            return null;
        }

        var criteria = RuleSummary.Of(result)
            .SelectMany(rule => rule.Findings.Where(f => f.Charts.Count > 0))
            .Select(Line)
            .ToList();
        var sampled = result.Findings
            .SelectMany(f => f.Charts)
            .Any(c => string.Equals(Path.GetFileName(c.Source.File), SampleFile, StringComparison.OrdinalIgnoreCase));
        return new ChartReviewSummary(criteria, result.Charts, sampled ? SampleFile : null);
    }

    private static ChartCriterionLine Line(Finding finding)
    {
        int Count(ChartVerdict verdict) => finding.Charts.Count(c => c.Verdict == verdict);
        var met = Count(ChartVerdict.Met);
        var notMet = Count(ChartVerdict.NotMet);
        return new ChartCriterionLine(
            finding.RuleId,
            finding.Title,
            finding.Outcome,
            met + notMet,
            met,
            notMet,
            Count(ChartVerdict.NotApplicable),
            Count(ChartVerdict.NotReviewed));
    }
}
