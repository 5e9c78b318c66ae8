using BhhCompliance.Core.Charts;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

/// <summary>
/// chart-event-exists (CHART-TEAM-ASSIGNED), and through it what every chart criterion shares:
/// the charts under review, the agency finding graded against <c>min_rate</c>, and its details.
/// </summary>
public sealed class ChartEventExistsKindTests
{
    [Fact]
    public void Evaluate_ChartWithTheEvent_IsMet_ChartWithout_IsNotMet()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .Enrollee("E2")
            .ChartEvent("E1", "team-assigned", Day("2026-05-01"))
            .ChartEvent("E2", "screening", Day("2026-05-02"));

        var finding = TestRules.RunSingle(snapshot, TeamAssigned());

        Assert.Equal(
            [("E1", ChartVerdict.Met), ("E2", ChartVerdict.NotMet)],
            finding.Charts.Select(c => (c.EnrolleeId, c.Verdict)));
        Assert.Equal("team assigned on 2026-05-01", finding.Charts[0].Reason);
        Assert.Equal("chart-events.csv:2", finding.Charts[0].Source.ToString());
    }

    [Fact]
    public void Evaluate_EventDatedBeforeThePeriod_StillCounts()
    {
        var snapshot = new SnapshotBuilder().Enrollee("E1").ChartEvent("E1", "team-assigned", Day("2019-03-01"));

        var check = Assert.Single(TestRules.RunSingle(snapshot, TeamAssigned()).Charts);

        Assert.Equal(ChartVerdict.Met, check.Verdict);
    }

    [Fact]
    public void Evaluate_AnyOfTheListedEvents_MeetsTheCriterion()
    {
        var rule = TestRules.Rule("CHART-ANY-PLAN", "chart-event-exists", TestRules.Parameters(("events", new[] { "recovery-plan", "recovery-plan-review" }), ("min_rate", 0.80m)));
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .Enrollee("E2")
            .ChartEvent("E1", "recovery-plan-review", Day("2026-05-01"))
            .ChartEvent("E2", "assessment", Day("2026-05-01"));

        var finding = TestRules.RunSingle(snapshot, rule);

        Assert.Equal([ChartVerdict.Met, ChartVerdict.NotMet], finding.Charts.Select(c => c.Verdict));
        Assert.Equal("no recovery plan or recovery plan review event in the chart", finding.Charts[1].Reason);
    }

    [Fact]
    public void Evaluate_EvidenceIsChartsMetAndRate_InThatOrder()
    {
        var snapshot = FiveCharts(met: 4);

        var finding = TestRules.RunSingle(snapshot, TeamAssigned());

        Assert.Equal("agency", finding.Subject);
        EvidenceAssert.Keys(finding.Evidence, "charts", "met", "rate");
        EvidenceAssert.Number(finding.Evidence, "charts", 5);
        EvidenceAssert.Number(finding.Evidence, "met", 4);
        EvidenceAssert.Number(finding.Evidence, "rate", 0.8m);
    }

    [Theory]
    [InlineData(5, 80, Outcome.Pass)]
    [InlineData(4, 80, Outcome.Pass)]
    [InlineData(3, 80, Outcome.Fail)]
    [InlineData(3, 60, Outcome.Pass)]
    [InlineData(4, 81, Outcome.Fail)]
    public void Evaluate_RateAgainstMinRate_PassesAtOrAboveIt(int met, int minRatePercent, Outcome expected)
    {
        var finding = TestRules.RunSingle(FiveCharts(met), TeamAssigned(minRatePercent / 100m));

        Assert.Equal(expected, finding.Outcome);
    }

    [Theory]
    [InlineData(4, Outcome.Pass)]
    [InlineData(3, Outcome.Fail)]
    public void Evaluate_MinRateOmitted_DefaultsTo080(int met, Outcome expected)
    {
        var rule = TestRules.Rule("CHART-TEAM-ASSIGNED", "chart-event-exists", TestRules.Parameters(("events", new[] { "team-assigned" }), ("min_rate", 0.80m)));

        var finding = TestRules.RunSingle(FiveCharts(met), rule);

        Assert.Equal(expected, finding.Outcome);
    }

    [Fact]
    public void Evaluate_NoChartUnderReview_IsNotApplicable_AndSaysWhy()
    {
        var snapshot = new SnapshotBuilder().Enrollee("E1").WithChartEventsFile();

        var finding = TestRules.RunSingle(snapshot, TeamAssigned());

        Assert.Equal(Outcome.NotApplicable, finding.Outcome);
        Assert.Equal("No chart is under review: chart-sample.csv lists none, or no enrollee has a chart event.", finding.Message);
        EvidenceAssert.Number(finding.Evidence, "charts", 0);
        EvidenceAssert.Number(finding.Evidence, "met", 0);
        EvidenceAssert.None(finding.Evidence, "rate");
        Assert.Empty(finding.Charts);
        Assert.Empty(finding.Details);
    }

    [Fact]
    public void Evaluate_DetailRows_AreTheChartsNotMet_WithEnrolleeAndReason()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .Enrollee("E2")
            .Enrollee("E3")
            .ChartEvent("E1", "team-assigned", Day("2026-05-01"))
            .ChartEvent("E2", "screening", Day("2026-05-02"))
            .ChartEvent("E3", "team-assigned", Day("2026-05-03"));

        var finding = TestRules.RunSingle(snapshot, TeamAssigned());

        var row = Assert.Single(finding.Details);
        Assert.Equal(["enrollee_id", "due", "days_late", "reason"], row.Fields.Keys);
        EvidenceAssert.Text(row.Fields, "enrollee_id", "E2");
        EvidenceAssert.Text(row.Fields, "reason", "no team assigned event in the chart");
        EvidenceAssert.None(row.Fields, "due");
        EvidenceAssert.None(row.Fields, "days_late");

        // Without chart-sample.csv, the chart's line is its first event.
        EvidenceAssert.Source(row, "chart-events.csv:3");
    }

    [Fact]
    public void Evaluate_WithASample_AnEnrolleeWithEventsButNotSampled_IsNotReviewed()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .Enrollee("E2")
            .ChartSample("E2")
            .ChartEvent("E1", "screening", Day("2026-05-01"))
            .ChartEvent("E2", "team-assigned", Day("2026-05-01"));

        var finding = TestRules.RunSingle(snapshot, TeamAssigned());

        Assert.Equal(["E2"], finding.Charts.Select(c => c.EnrolleeId));
        Assert.Equal(Outcome.Pass, finding.Outcome);
    }

    [Fact]
    public void Evaluate_SampledEnrolleeWithoutEvents_IsUnderReview_AtItsSampleLine()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .Enrollee("E2")
            .ChartSample("E1", "E2")
            .ChartEvent("E1", "team-assigned", Day("2026-05-01"));

        var finding = TestRules.RunSingle(snapshot, TeamAssigned());

        Assert.Equal([("E1", ChartVerdict.Met), ("E2", ChartVerdict.NotMet)], finding.Charts.Select(c => (c.EnrolleeId, c.Verdict)));
        EvidenceAssert.Source(Assert.Single(finding.Details), "chart-sample.csv:3");
    }

    [Fact]
    public void Evaluate_ChartsAreOrderedByEnrolleeId_NotBySampleOrder()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E2")
            .Enrollee("E10")
            .Enrollee("E1")
            .ChartSample("E2", "E10", "E1")
            .WithChartEventsFile();

        var finding = TestRules.RunSingle(snapshot, TeamAssigned());

        Assert.Equal(["E1", "E10", "E2"], finding.Charts.Select(c => c.EnrolleeId));
    }

    [Theory]
    [InlineData("2026-09-30", ChartVerdict.Met)]
    [InlineData("2026-10-01", ChartVerdict.NotMet)]
    public void Evaluate_SampledChart_EventAfterAsOf_IsNotCounted(string date, ChartVerdict expected)
    {
        var snapshot = new SnapshotBuilder().Enrollee("E1").ChartSample("E1").ChartEvent("E1", "team-assigned", Day(date));

        var check = Assert.Single(TestRules.RunSingle(snapshot, TeamAssigned()).Charts);

        Assert.Equal(expected, check.Verdict);
    }

    [Fact]
    public void Evaluate_WithoutASample_EnrolleeWhoseEventsAreAllAfterAsOf_IsNotUnderReview()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .Enrollee("E2")
            .ChartEvent("E1", "team-assigned", Day("2026-10-01"))
            .ChartEvent("E2", "team-assigned", Day("2026-09-01"));

        var finding = TestRules.RunSingle(snapshot, TeamAssigned());

        Assert.Equal(["E2"], finding.Charts.Select(c => c.EnrolleeId));
    }

    [Fact]
    public void Evaluate_SampleWithoutChartEventsFile_CannotEvaluate()
    {
        var snapshot = new SnapshotBuilder().Enrollee("E1").ChartSample("E1");

        var finding = TestRules.RunSingle(snapshot, TeamAssigned());

        Assert.Equal(Outcome.CannotEvaluate, finding.Outcome);
        EvidenceAssert.List(finding.Evidence, "missing_files", "chart-events.csv");
    }

    /// <summary>E1 to E5, the first <paramref name="met"/> of them with a team assigned, the others screened only.</summary>
    private static SnapshotBuilder FiveCharts(int met)
    {
        var snapshot = new SnapshotBuilder();
        for (var i = 1; i <= 5; i++)
        {
            snapshot.Enrollee($"E{i}").ChartEvent($"E{i}", i <= met ? "team-assigned" : "screening", Day("2026-05-01"));
        }

        return snapshot;
    }

    private static RuleDefinition TeamAssigned(decimal minRate = 0.80m) =>
        TestRules.Rule("CHART-TEAM-ASSIGNED", "chart-event-exists", TestRules.Parameters(("events", new[] { "team-assigned" }), ("min_rate", minRate)));
}
