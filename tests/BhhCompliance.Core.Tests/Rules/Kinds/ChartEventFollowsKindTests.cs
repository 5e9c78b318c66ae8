using BhhCompliance.Core.Charts;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

/// <summary>
/// chart-event-follows (CHART-DISCHARGE-FOLLOW-UP with its 7 days): every discharge dated in the
/// period needs a follow-up 0 to 7 days after it. The review is as of 2026-09-30 over 2026-04-01
/// to 2026-09-30.
/// </summary>
public sealed class ChartEventFollowsKindTests
{
    [Theory]
    [InlineData(0, ChartVerdict.Met)]
    [InlineData(7, ChartVerdict.Met)]
    [InlineData(8, ChartVerdict.NotMet)]
    public void Evaluate_FollowUpDaysAfterTheDischarge_MeetsTheCriterionUpToWithinDays(int days, ChartVerdict expected)
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .ChartEvent("E1", "inpatient-discharge", Day("2026-05-01"))
            .ChartEvent("E1", "discharge-follow-up", Day("2026-05-01").AddDays(days));

        var check = Assert.Single(TestRules.RunSingle(snapshot, DischargeFollowUp()).Charts);

        Assert.Equal(expected, check.Verdict);
    }

    [Fact]
    public void Evaluate_FollowUpInTime_IsMet_WithBothEventsInTheReason()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .ChartEvent("E1", "inpatient-discharge", Day("2026-05-01"))
            .ChartEvent("E1", "discharge-follow-up", Day("2026-05-04"));

        var finding = TestRules.RunSingle(snapshot, DischargeFollowUp());

        var check = Assert.Single(finding.Charts);
        Assert.Equal("inpatient discharge on 2026-05-01 followed by discharge follow-up on 2026-05-04", check.Reason);
        Assert.Equal(Outcome.Pass, finding.Outcome);
        Assert.Empty(finding.Details);
    }

    [Theory]
    [InlineData("2026-03-31", ChartVerdict.NotApplicable)]
    [InlineData("2026-04-01", ChartVerdict.NotMet)]
    public void Evaluate_DischargeOutsideThePeriod_IsIgnored(string discharged, ChartVerdict expected)
    {
        var snapshot = new SnapshotBuilder().Enrollee("E1").ChartEvent("E1", "inpatient-discharge", Day(discharged));

        var check = Assert.Single(TestRules.RunSingle(snapshot, DischargeFollowUp()).Charts);

        Assert.Equal(expected, check.Verdict);
    }

    [Fact]
    public void Evaluate_NoDischargeInThePeriod_ChartIsNotApplicable_AndSoIsTheFinding()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .Enrollee("E2")
            .ChartEvent("E1", "inpatient-discharge", Day("2026-03-28"))
            .ChartEvent("E2", "screening", Day("2026-05-01"));

        var finding = TestRules.RunSingle(snapshot, DischargeFollowUp());

        Assert.Equal(Outcome.NotApplicable, finding.Outcome);
        Assert.Equal("The criterion applied to none of the 2 charts under review.", finding.Message);
        Assert.All(finding.Charts, c => Assert.Equal("no inpatient discharge dated in the period", c.Reason));
        EvidenceAssert.Number(finding.Evidence, "charts", 0);
    }

    [Theory]
    [InlineData("2026-09-23", ChartVerdict.NotMet)]
    [InlineData("2026-09-24", ChartVerdict.NotApplicable)]
    [InlineData("2026-09-30", ChartVerdict.NotApplicable)]
    public void Evaluate_WindowRunningPastAsOf_WithoutFollowUp_IsNotHeldAgainstTheChart(string discharged, ChartVerdict expected)
    {
        var snapshot = new SnapshotBuilder().Enrollee("E1").ChartEvent("E1", "inpatient-discharge", Day(discharged));

        var check = Assert.Single(TestRules.RunSingle(snapshot, DischargeFollowUp()).Charts);

        Assert.Equal(expected, check.Verdict);
    }

    [Fact]
    public void Evaluate_OpenWindow_ReasonSaysWhenItCloses()
    {
        var snapshot = new SnapshotBuilder().Enrollee("E1").ChartEvent("E1", "inpatient-discharge", Day("2026-09-27"));

        var check = Assert.Single(TestRules.RunSingle(snapshot, DischargeFollowUp()).Charts);

        Assert.StartsWith("inpatient discharge on 2026-09-27: ", check.Reason, StringComparison.Ordinal);
        Assert.EndsWith("window runs to 2026-10-04, after the review date", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FollowUpInAnOpenWindow_IsMet()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .ChartEvent("E1", "inpatient-discharge", Day("2026-09-27"))
            .ChartEvent("E1", "discharge-follow-up", Day("2026-09-29"));

        var check = Assert.Single(TestRules.RunSingle(snapshot, DischargeFollowUp()).Charts);

        Assert.Equal(ChartVerdict.Met, check.Verdict);
    }

    [Fact]
    public void Evaluate_LateFollowUp_DetailRowHasDueAndDaysLate()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .ChartEvent("E1", "inpatient-discharge", Day("2026-05-01"))
            .ChartEvent("E1", "discharge-follow-up", Day("2026-05-11"));

        var finding = TestRules.RunSingle(snapshot, DischargeFollowUp());

        var row = Assert.Single(finding.Details);
        Assert.Equal(["enrollee_id", "due", "days_late", "reason"], row.Fields.Keys);
        EvidenceAssert.Text(row.Fields, "enrollee_id", "E1");
        EvidenceAssert.Text(row.Fields, "due", "2026-05-08");
        EvidenceAssert.Number(row.Fields, "days_late", 3);
        EvidenceAssert.Text(
            row.Fields,
            "reason",
            "discharge follow-up on 2026-05-11 is 3 days late (due within 7 days after the inpatient discharge on 2026-05-01, by 2026-05-08)");
        EvidenceAssert.Source(row, "chart-events.csv:2");
    }

    [Fact]
    public void Evaluate_TwoDischargesOneMissed_IsNotMet_NamingTheMissedOne()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .ChartEvent("E1", "inpatient-discharge", Day("2026-05-01"))
            .ChartEvent("E1", "discharge-follow-up", Day("2026-05-03"))
            .ChartEvent("E1", "inpatient-discharge", Day("2026-06-10"));

        var finding = TestRules.RunSingle(snapshot, DischargeFollowUp());

        Assert.Equal(ChartVerdict.NotMet, Assert.Single(finding.Charts).Verdict);
        var row = Assert.Single(finding.Details);
        EvidenceAssert.Text(row.Fields, "reason", "no discharge follow-up within 7 days after the inpatient discharge on 2026-06-10, by 2026-06-17");
        EvidenceAssert.Text(row.Fields, "due", "2026-06-17");
        EvidenceAssert.None(row.Fields, "days_late");
        EvidenceAssert.Source(row, "chart-events.csv:4");
    }

    [Fact]
    public void Evaluate_FollowUpDatedBeforeTheDischarge_DoesNotCount()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .ChartEvent("E1", "discharge-follow-up", Day("2026-04-28"))
            .ChartEvent("E1", "inpatient-discharge", Day("2026-05-01"));

        var check = Assert.Single(TestRules.RunSingle(snapshot, DischargeFollowUp()).Charts);

        Assert.Equal(ChartVerdict.NotMet, check.Verdict);
        Assert.StartsWith("no discharge follow-up within 7 days", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ChartsIsTheChartsWithADischarge_AndTheRateIsOverThem()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .Enrollee("E2")
            .Enrollee("E3")
            .ChartEvent("E1", "inpatient-discharge", Day("2026-05-01"))
            .ChartEvent("E1", "discharge-follow-up", Day("2026-05-02"))
            .ChartEvent("E2", "inpatient-discharge", Day("2026-05-01"))
            .ChartEvent("E3", "screening", Day("2026-05-01"));

        var finding = TestRules.RunSingle(snapshot, DischargeFollowUp());

        EvidenceAssert.Number(finding.Evidence, "charts", 2);
        EvidenceAssert.Number(finding.Evidence, "met", 1);
        EvidenceAssert.Number(finding.Evidence, "rate", 0.5m);
        Assert.Equal(Outcome.Fail, finding.Outcome);
        EvidenceAssert.Text(Assert.Single(finding.Details).Fields, "enrollee_id", "E2");
        Assert.Equal(Outcome.Pass, TestRules.RunSingle(snapshot, DischargeFollowUp(minRate: 0.5m)).Outcome);
    }

    [Fact]
    public void Evaluate_WithinDaysIsAParameter()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .ChartEvent("E1", "inpatient-discharge", Day("2026-05-01"))
            .ChartEvent("E1", "discharge-follow-up", Day("2026-05-04"));

        Assert.Equal(ChartVerdict.NotMet, Assert.Single(TestRules.RunSingle(snapshot, DischargeFollowUp(withinDays: 2)).Charts).Verdict);
        Assert.Equal(ChartVerdict.Met, Assert.Single(TestRules.RunSingle(snapshot, DischargeFollowUp(withinDays: 3)).Charts).Verdict);
    }

    private static RuleDefinition DischargeFollowUp(int withinDays = 7, decimal minRate = 0.80m) =>
        TestRules.Rule(
            "CHART-DISCHARGE-FOLLOW-UP",
            "chart-event-follows",
            TestRules.Parameters(
                ("trigger", new[] { "inpatient-discharge" }),
                ("events", new[] { "discharge-follow-up" }),
                ("within_days", withinDays),
                ("min_rate", minRate)));
}
