using BhhCompliance.Core.Charts;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Charts;

public sealed class ChartScoreTests
{
    [Fact]
    public void From_ScoreIsMetOverMetAndNotMet_PerChart()
    {
        var scores = ChartScore.From(
        [
            Criterion("CHART-A", ("E1", ChartVerdict.Met), ("E2", ChartVerdict.NotMet)),
            Criterion("CHART-B", ("E1", ChartVerdict.NotMet), ("E2", ChartVerdict.NotApplicable)),
            Criterion("CHART-C", ("E1", ChartVerdict.Met), ("E2", ChartVerdict.NotReviewed)),
        ]);

        Assert.Equal(
            [("E1", 2, 1, (decimal?)(2m / 3m)), ("E2", 0, 1, 0m)],
            scores.Select(s => (s.EnrolleeId, s.Met, s.NotMet, s.Score)));
    }

    [Fact]
    public void From_NoCriterionAppliedToAChart_ItIsListedWithoutAScore()
    {
        var scores = ChartScore.From(
        [
            Criterion("CHART-A", ("E1", ChartVerdict.NotApplicable)),
            Criterion("CHART-B", ("E1", ChartVerdict.NotReviewed)),
        ]);

        var score = Assert.Single(scores);
        Assert.Equal((0, 0), (score.Met, score.NotMet));
        Assert.Null(score.Score);
        Assert.Empty(score.NotMetCriteria);
    }

    [Fact]
    public void From_NotMetCriteria_AreTheRuleIdsTheChartDidNotMeet()
    {
        var scores = ChartScore.From(
        [
            Criterion("CHART-A", ("E1", ChartVerdict.NotMet)),
            Criterion("CHART-B", ("E1", ChartVerdict.Met)),
            Criterion("CHART-C", ("E1", ChartVerdict.NotMet)),
        ]);

        Assert.Equal(["CHART-A", "CHART-C"], Assert.Single(scores).NotMetCriteria);
    }

    [Fact]
    public void From_ChartsAreOrderedByEnrolleeId()
    {
        var scores = ChartScore.From(
        [
            Criterion("CHART-A", ("E2", ChartVerdict.Met), ("E10", ChartVerdict.Met)),
            Criterion("CHART-B", ("E1", ChartVerdict.Met)),
        ]);

        Assert.Equal(["E1", "E10", "E2"], scores.Select(s => s.EnrolleeId));
    }

    [Fact]
    public void From_FindingsWithoutCharts_ScoreNothing() =>
        Assert.Empty(ChartScore.From([Criterion("SVC-DOCUMENTED")]));

    [Fact]
    public void From_AnAuditsFindings_ScoresEachChartUnderReview()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1", Day("2026-05-01"))
            .Enrollee("E2", Day("2026-05-01"))
            .ChartEvent("E1", "team-assigned", Day("2026-05-02"))
            .ChartEvent("E1", "assessment", Day("2026-07-01"))
            .ChartEvent("E2", "team-assigned", Day("2026-05-02"))
            .ChartEvent("E2", "assessment", Day("2026-05-10"));
        var result = TestRules.Run(
            snapshot.Build(),
            TestRules.Rule("CHART-TEAM-ASSIGNED", "chart-event-exists", TestRules.Parameters(("events", new[] { "team-assigned" }), ("min_rate", 0.80m))),
            TestRules.Rule("CHART-ASSESSMENT", "chart-event-in-window", TestRules.Parameters(("events", new[] { "assessment" }), ("anchor", "enrolled_on"), ("within_days", 30), ("min_rate", 0.80m))),
            TestRules.ServicesDocumented());

        var scores = ChartScore.From(result.Findings);

        Assert.Equal(
            [("E1", (decimal?)0.5m, "CHART-ASSESSMENT"), ("E2", 1m, "")],
            scores.Select(s => (s.EnrolleeId, s.Score, string.Join(",", s.NotMetCriteria))));
    }

    private static Finding Criterion(string ruleId, params (string EnrolleeId, ChartVerdict Verdict)[] checks) =>
        new(ruleId, ruleId, Severity.Major, Outcome.Pass, Finding.AgencySubject, string.Empty, Evidence.Empty, string.Empty, string.Empty, [])
        {
            Charts = [.. checks.Select((c, i) => new ChartCheck(c.EnrolleeId, c.Verdict, "reason", new SourceLine(SnapshotFile.ChartEvents, i + 2)))],
        };
}
