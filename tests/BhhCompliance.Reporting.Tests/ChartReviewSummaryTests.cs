using BhhCompliance.Core.Findings;
using BhhCompliance.Reporting.Tests.Fixtures;

namespace BhhCompliance.Reporting.Tests;

/// <summary>What the reports show of a chart review: a line per criterion, the chart scores and where the charts came from.</summary>
public sealed class ChartReviewSummaryTests
{
    [Fact]
    public void Of_NoChartCriterionRan_IsNull()
    {
        Assert.Null(ChartReviewSummary.Of(Results.Credentialing()));
    }

    [Fact]
    public void Of_ChartAudit_HasALinePerChartCriterionInTheRuleSetsOrder()
    {
        var summary = ChartReviewSummary.Of(Results.ChartAudit())!;

        Assert.Equal(
            [
                new ChartCriterionLine("CHART-ASSESSMENT", "An assessment is completed within 30 days of enrolment", Outcome.Fail, 4, 2, 2, 2, 0),
                new ChartCriterionLine("CHART-DISCHARGE-FOLLOW-UP", "Follow-up within 7 days of an inpatient discharge", Outcome.NotApplicable, 0, 0, 0, 6, 0),
                new ChartCriterionLine("CHART-REFERRAL-CONFIRMED", "Referrals are confirmed within 30 days", Outcome.Pass, 5, 4, 1, 1, 0),
                new ChartCriterionLine("CHART-PERSON-CENTERED", "The recovery plan was developed with the individual", Outcome.Fail, 2, 1, 1, 0, 4),
            ],
            summary.Criteria);
        Assert.Equal([0.5m, null, 0.8m, 0.5m], summary.Criteria.Select(c => c.Rate));
    }

    [Fact]
    public void Of_ChartAudit_CountsTheChartsAndTheirMeanScore()
    {
        var summary = ChartReviewSummary.Of(Results.ChartAudit())!;

        Assert.Equal(["E01", "E02", "E03", "E04", "E05", "E06"], summary.Scores.Select(s => s.EnrolleeId));
        Assert.Equal(6, summary.Charts);
        Assert.Equal(5, summary.Scored);
        Assert.Equal(2, summary.MetAll);

        // (1 + 1/3 + 1 + 1/2 + 0) / 5; E06, with no criterion that applied, is left out.
        Assert.Equal(0.5667m, Math.Round(summary.MeanScore!.Value, 4));
    }

    [Fact]
    public void Of_SomeResultRestsOnTheSample_SaysTheChartsWereSampled()
    {
        Assert.Equal("chart-sample.csv", ChartReviewSummary.Of(Results.ChartAudit(sampled: true))!.SampledFrom);
        Assert.Null(ChartReviewSummary.Of(Results.ChartAudit(sampled: false))!.SampledFrom);
    }

    [Fact]
    public void Of_EveryChartWithoutAScore_HasNoMeanScore()
    {
        var result = Results.Of(Results.ChartFinding(
            "CHART-DISCHARGE-FOLLOW-UP",
            Outcome.NotApplicable,
            "Follow-up within 7 days of an inpatient discharge",
            [new("E01", Core.Charts.ChartVerdict.NotApplicable, "no inpatient discharge dated in the period", new("chart-events.csv", 2))]));

        var summary = ChartReviewSummary.Of(result)!;

        Assert.Equal(1, summary.Charts);
        Assert.Equal(0, summary.Scored);
        Assert.Null(summary.MeanScore);
    }
}
