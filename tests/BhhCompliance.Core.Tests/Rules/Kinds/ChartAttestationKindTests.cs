using BhhCompliance.Core.Charts;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

/// <summary>chart-attestation (CHART-PERSON-CENTERED): reviewers' answers from attestations.csv.</summary>
public sealed class ChartAttestationKindTests
{
    private const string RuleId = "CHART-PERSON-CENTERED";

    [Theory]
    [InlineData("met", ChartVerdict.Met)]
    [InlineData("not-met", ChartVerdict.NotMet)]
    [InlineData("not-applicable", ChartVerdict.NotApplicable)]
    public void Evaluate_Answer_IsTheChartsVerdict(string answer, ChartVerdict expected)
    {
        var snapshot = Sampled("E1").Attestation("E1", RuleId, answer);

        var check = Assert.Single(TestRules.RunSingle(snapshot, PersonCentered()).Charts);

        Assert.Equal(expected, check.Verdict);
        Assert.Equal("attestations.csv:2", check.Source.ToString());
    }

    [Fact]
    public void Evaluate_UnansweredChart_IsNotReviewed_CountedApart_AndLeftOutOfCharts()
    {
        var snapshot = Sampled("E1", "E2", "E3")
            .Attestation("E1", RuleId, "met")
            .Attestation("E3", RuleId, "met");

        var finding = TestRules.RunSingle(snapshot, PersonCentered());

        Assert.Equal(Outcome.Pass, finding.Outcome);
        EvidenceAssert.Keys(finding.Evidence, "charts", "met", "rate", "not_reviewed");
        EvidenceAssert.Number(finding.Evidence, "charts", 2);
        EvidenceAssert.Number(finding.Evidence, "met", 2);
        EvidenceAssert.Number(finding.Evidence, "rate", 1);
        EvidenceAssert.Number(finding.Evidence, "not_reviewed", 1);
        Assert.Equal(ChartVerdict.NotReviewed, finding.Charts.Single(c => c.EnrolleeId == "E2").Verdict);
        Assert.Empty(finding.Details);
    }

    [Fact]
    public void Evaluate_NoChartAnswered_IsNotReviewed()
    {
        var snapshot = Sampled("E1", "E2").WithAttestationsFile();

        var finding = TestRules.RunSingle(snapshot, PersonCentered());

        Assert.Equal(Outcome.NotReviewed, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "charts", 0);
        EvidenceAssert.None(finding.Evidence, "rate");
        EvidenceAssert.Number(finding.Evidence, "not_reviewed", 2);
        Assert.All(finding.Charts, c => Assert.Equal(ChartVerdict.NotReviewed, c.Verdict));
    }

    [Fact]
    public void Evaluate_NoAttestationsFile_IsNotReviewed_NotCannotEvaluate()
    {
        var finding = TestRules.RunSingle(Sampled("E1"), PersonCentered());

        Assert.Equal(Outcome.NotReviewed, finding.Outcome);
    }

    [Fact]
    public void Evaluate_EveryAnswerNotApplicable_IsNotApplicable()
    {
        var snapshot = Sampled("E1").Attestation("E1", RuleId, "not-applicable");

        var finding = TestRules.RunSingle(snapshot, PersonCentered());

        Assert.Equal(Outcome.NotApplicable, finding.Outcome);
        Assert.Equal("The criterion did not apply to the one chart under review.", finding.Message);
    }

    [Fact]
    public void Evaluate_CriterionInOtherCase_IsStillTheAnswer()
    {
        var snapshot = Sampled("E1").Attestation("E1", "chart-person-centered", "met");

        var check = Assert.Single(TestRules.RunSingle(snapshot, PersonCentered()).Charts);

        Assert.Equal(ChartVerdict.Met, check.Verdict);
    }

    [Fact]
    public void Evaluate_AnswerToAnotherCriterion_DoesNotCount()
    {
        var snapshot = Sampled("E1").Attestation("E1", "CHART-OTHER-MANUAL", "met");

        var check = Assert.Single(TestRules.RunSingle(snapshot, PersonCentered()).Charts);

        Assert.Equal(ChartVerdict.NotReviewed, check.Verdict);
    }

    [Fact]
    public void Evaluate_NotMetAnswer_DetailRowCarriesReviewerDateAndComment()
    {
        var snapshot = Sampled("E1", "E2")
            .Attestation("E1", RuleId, "met")
            .Attestation("E2", RuleId, "not-met", "R. Diaz", Day("2026-09-12"), "plan written without the enrollee");

        var finding = TestRules.RunSingle(snapshot, PersonCentered());

        Assert.Equal(Outcome.Fail, finding.Outcome);
        var row = Assert.Single(finding.Details);
        Assert.Equal(["enrollee_id", "reviewer", "date", "comment", "reason"], row.Fields.Keys);
        EvidenceAssert.Text(row.Fields, "enrollee_id", "E2");
        EvidenceAssert.Text(row.Fields, "reviewer", "R. Diaz");
        EvidenceAssert.Text(row.Fields, "date", "2026-09-12");
        EvidenceAssert.Text(row.Fields, "comment", "plan written without the enrollee");
        EvidenceAssert.Text(row.Fields, "reason", "answered not met by R. Diaz on 2026-09-12: plan written without the enrollee");
        EvidenceAssert.Source(row, "attestations.csv:3");
    }

    [Fact]
    public void Evaluate_AttestationForAChartNotUnderReview_IsIgnored()
    {
        var snapshot = Sampled("E1")
            .Enrollee("E2")
            .Attestation("E1", RuleId, "met")
            .Attestation("E2", RuleId, "not-met");

        var finding = TestRules.RunSingle(snapshot, PersonCentered());

        Assert.Equal(["E1"], finding.Charts.Select(c => c.EnrolleeId));
        EvidenceAssert.Number(finding.Evidence, "charts", 1);
        Assert.Empty(finding.Details);
    }

    [Fact]
    public void Evaluate_WithoutASample_TheChartsAreThoseWithEvents()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .Enrollee("E2")
            .ChartEvent("E2", "screening", Day("2026-05-01"))
            .Attestation("E1", RuleId, "met")
            .Attestation("E2", RuleId, "not-met");

        var finding = TestRules.RunSingle(snapshot, PersonCentered());

        Assert.Equal([("E2", ChartVerdict.NotMet)], finding.Charts.Select(c => (c.EnrolleeId, c.Verdict)));
    }

    [Theory]
    [InlineData(4, Outcome.Pass)]
    [InlineData(3, Outcome.Fail)]
    public void Evaluate_RateOverAnsweredCharts_AgainstMinRate(int met, Outcome expected)
    {
        var snapshot = Sampled("E1", "E2", "E3", "E4", "E5", "E6");
        for (var i = 1; i <= 5; i++)
        {
            snapshot.Attestation($"E{i}", RuleId, i <= met ? "met" : "not-met");
        }

        var finding = TestRules.RunSingle(snapshot, PersonCentered());

        EvidenceAssert.Number(finding.Evidence, "charts", 5);
        Assert.Equal(expected, finding.Outcome);
    }

    /// <summary>Enrollees under review through chart-sample.csv, with no chart events.</summary>
    private static SnapshotBuilder Sampled(params string[] enrolleeIds)
    {
        var snapshot = new SnapshotBuilder();
        foreach (var id in enrolleeIds)
        {
            snapshot.Enrollee(id);
        }

        return snapshot.ChartSample(enrolleeIds);
    }

    private static RuleDefinition PersonCentered() =>
        TestRules.Rule(RuleId, "chart-attestation", TestRules.Parameters(("min_rate", 0.80m)));
}
