using BhhCompliance.Core.Charts;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

/// <summary>
/// chart-event-in-window with its three shipped anchors: enrolment with <c>within_days</c>
/// (CHART-ASSESSMENT), the first service with no window (CHART-CONSENT) and the as-of date with
/// <c>interval_days</c> (CHART-PLAN-REVIEW). The review is as of 2026-09-30.
/// </summary>
public sealed class ChartEventInWindowKindTests
{
    private static readonly RuleKind Kind = RuleKindCatalog.Standard.Find("chart-event-in-window")!;

    [Theory]
    [InlineData(0, ChartVerdict.Met)]
    [InlineData(30, ChartVerdict.Met)]
    [InlineData(31, ChartVerdict.NotMet)]
    [InlineData(-1, ChartVerdict.NotMet)]
    public void Evaluate_AssessmentDaysAfterEnrolment_MeetsTheCriterionFromZeroToWithinDays(int days, ChartVerdict expected)
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1", Day("2026-05-01"))
            .ChartEvent("E1", "assessment", Day("2026-05-01").AddDays(days));

        var check = Assert.Single(TestRules.RunSingle(snapshot, Assessment()).Charts);

        Assert.Equal(expected, check.Verdict);
    }

    [Fact]
    public void Evaluate_AssessmentOneDayLate_DetailRowHasDueAndDaysLate()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1", Day("2026-05-01"))
            .ChartEvent("E1", "assessment", Day("2026-06-01"));

        var row = Assert.Single(TestRules.RunSingle(snapshot, Assessment()).Details);

        EvidenceAssert.Text(row.Fields, "due", "2026-05-31");
        EvidenceAssert.Number(row.Fields, "days_late", 1);
        EvidenceAssert.Text(row.Fields, "reason", "assessment on 2026-06-01 is 1 day late (due within 30 days after enrolment on 2026-05-01, by 2026-05-31)");
        EvidenceAssert.Source(row, "chart-events.csv:2");
    }

    [Fact]
    public void Evaluate_AssessmentBeforeEnrolmentOnly_IsNotMet_NamingIt()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1", Day("2026-05-01"))
            .ChartEvent("E1", "assessment", Day("2026-04-20"));

        var row = Assert.Single(TestRules.RunSingle(snapshot, Assessment()).Details);

        EvidenceAssert.Text(row.Fields, "due", "2026-05-31");
        EvidenceAssert.None(row.Fields, "days_late");
        EvidenceAssert.Text(
            row.Fields,
            "reason",
            "no assessment within 30 days after enrolment on 2026-05-01, by 2026-05-31; the latest, assessment on 2026-04-20, is before enrolment on 2026-05-01");
    }

    [Theory]
    [InlineData("2026-08-31", ChartVerdict.NotMet)]
    [InlineData("2026-09-01", ChartVerdict.NotApplicable)]
    public void Evaluate_NoAssessment_IsNotApplicableWhileTheWindowIsOpenOnAsOf(string enrolledOn, ChartVerdict expected)
    {
        var snapshot = new SnapshotBuilder().Enrollee("E1", Day(enrolledOn)).ChartEvent("E1", "screening", Day("2026-09-01"));

        var check = Assert.Single(TestRules.RunSingle(snapshot, Assessment()).Charts);

        Assert.Equal(expected, check.Verdict);
    }

    [Fact]
    public void Evaluate_AssessmentInAnOpenWindow_IsMet()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1", Day("2026-09-15"))
            .ChartEvent("E1", "assessment", Day("2026-09-20"));

        var check = Assert.Single(TestRules.RunSingle(snapshot, Assessment()).Charts);

        Assert.Equal(ChartVerdict.Met, check.Verdict);
    }

    [Theory]
    [InlineData(-1, ChartVerdict.Met)]
    [InlineData(0, ChartVerdict.Met)]
    [InlineData(1, ChartVerdict.NotMet)]
    public void Evaluate_ConsentAgainstTheFirstService_IsMetOnOrBeforeIt(int days, ChartVerdict expected)
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .Service("E1", Day("2026-05-01"))
            .Service("E1", Day("2026-06-01"))
            .ChartEvent("E1", "consent-signed", Day("2026-05-01").AddDays(days));

        var check = Assert.Single(TestRules.RunSingle(snapshot, Consent()).Charts);

        Assert.Equal(expected, check.Verdict);
    }

    [Fact]
    public void Evaluate_ConsentAfterTheFirstService_DetailRowHasDueAndDaysLate()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .Service("E1", Day("2026-05-01"))
            .ChartEvent("E1", "consent-signed", Day("2026-05-03"));

        var row = Assert.Single(TestRules.RunSingle(snapshot, Consent()).Details);

        EvidenceAssert.Text(row.Fields, "due", "2026-05-01");
        EvidenceAssert.Number(row.Fields, "days_late", 2);
        EvidenceAssert.Text(row.Fields, "reason", "consent signed on 2026-05-03 is 2 days after the first service on 2026-05-01");
    }

    [Fact]
    public void Evaluate_FirstServiceBeforeThePeriod_IsStillTheAnchor()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .Service("E1", Day("2026-05-01"))
            .Service("E1", Day("2026-03-10"))
            .ChartEvent("E1", "consent-signed", Day("2026-04-01"));

        var check = Assert.Single(TestRules.RunSingle(snapshot, Consent()).Charts);

        Assert.Equal(ChartVerdict.NotMet, check.Verdict);
    }

    [Fact]
    public void Evaluate_NoServiceRecord_IsNotApplicable()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .Enrollee("E2")
            .Service("E2", Day("2026-05-01"))
            .ChartEvent("E1", "consent-signed", Day("2026-04-01"))
            .ChartEvent("E2", "consent-signed", Day("2026-04-01"));

        var finding = TestRules.RunSingle(snapshot, Consent());

        Assert.Equal([ChartVerdict.NotApplicable, ChartVerdict.Met], finding.Charts.Select(c => c.Verdict));
        EvidenceAssert.Number(finding.Evidence, "charts", 1);
    }

    [Fact]
    public void Evaluate_NoServiceRecord_ReasonReadsAsASentence()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .WithServicesFile()
            .ChartEvent("E1", "consent-signed", Day("2026-04-01"));

        var check = Assert.Single(TestRules.RunSingle(snapshot, Consent()).Charts);

        Assert.Equal(ChartVerdict.NotApplicable, check.Verdict);
        Assert.DoesNotContain("no the ", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FirstServiceAfterAsOf_IsNotHeldAgainstTheChart()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1", Day("2026-09-25"))
            .ChartSample("E1")
            .ChartEvent("E1", "consent-signed", Day("2026-10-01"))
            .Service("E1", Day("2026-10-02"));

        var check = Assert.Single(TestRules.RunSingle(snapshot, Consent()).Charts);

        // Neither the consent nor the service is dated by the as-of date: no first service yet.
        Assert.Equal(ChartVerdict.NotApplicable, check.Verdict);
        Assert.Equal("no service record dated on or before the review date 2026-09-30", check.Reason);
    }

    [Fact]
    public void RequiresFor_FirstServiceAnchor_IncludesServices_EnrolmentAnchorDoesNot()
    {
        Assert.True(Kind.RequiresFor(Consent()).HasFlag(SnapshotParts.Services));
        Assert.False(Kind.RequiresFor(Assessment()).HasFlag(SnapshotParts.Services));
        Assert.False(Kind.RequiresFor(PlanReview()).HasFlag(SnapshotParts.Services));
    }

    [Fact]
    public void Evaluate_FirstServiceAnchorWithoutServicesFile_CannotEvaluate()
    {
        var snapshot = new SnapshotBuilder().Enrollee("E1").ChartEvent("E1", "consent-signed", Day("2026-04-01"));

        var consent = TestRules.RunSingle(snapshot, Consent());
        var assessment = TestRules.RunSingle(snapshot, Assessment());

        Assert.Equal(Outcome.CannotEvaluate, consent.Outcome);
        EvidenceAssert.List(consent.Evidence, "missing_files", "services.csv");
        Assert.NotEqual(Outcome.CannotEvaluate, assessment.Outcome);
    }

    [Theory]
    [InlineData("2026-04-03", ChartVerdict.NotApplicable)]
    [InlineData("2026-04-02", ChartVerdict.NotMet)]
    public void Evaluate_PlanReview_AppliesToChartsEnrolledMoreThanIntervalDaysBeforeAsOf(string enrolledOn, ChartVerdict expected)
    {
        var snapshot = new SnapshotBuilder().Enrollee("E1", Day(enrolledOn)).ChartEvent("E1", "screening", Day("2026-05-01"));

        var check = Assert.Single(TestRules.RunSingle(snapshot, PlanReview()).Charts);

        Assert.Equal(expected, check.Verdict);
    }

    [Theory]
    [InlineData("2026-04-02", ChartVerdict.NotMet)]
    [InlineData("2026-04-03", ChartVerdict.Met)]
    [InlineData("2026-09-30", ChartVerdict.Met)]
    public void Evaluate_PlanReview_IsMetByAReviewFromTheWindowsFirstDayToAsOf(string reviewed, ChartVerdict expected)
    {
        var snapshot = new SnapshotBuilder().Enrollee("E1", Day("2025-01-10")).ChartEvent("E1", "recovery-plan-review", Day(reviewed));

        var check = Assert.Single(TestRules.RunSingle(snapshot, PlanReview()).Charts);

        Assert.Equal(expected, check.Verdict);
    }

    [Theory]
    [InlineData("2026-04-02", "2026-09-29", 1)]
    [InlineData("2025-02-01", "2025-07-31", 426)]
    public void Evaluate_OverduePlanReview_DetailRowHasDueAndDaysLate(string lastReviewed, string due, int daysLate)
    {
        var snapshot = new SnapshotBuilder().Enrollee("E1", Day("2025-01-10")).ChartEvent("E1", "recovery-plan", Day(lastReviewed));

        var row = Assert.Single(TestRules.RunSingle(snapshot, PlanReview()).Details);

        EvidenceAssert.Text(row.Fields, "due", due);
        EvidenceAssert.Number(row.Fields, "days_late", daysLate);
        EvidenceAssert.Source(row, "chart-events.csv:2");
    }

    [Fact]
    public void CheckParameters_BothWindows_IsRejected() =>
        Assert.Contains(
            "not both",
            Kind.CheckParameters(Parameters("enrolled_on", ("within_days", 30), ("interval_days", 180))),
            StringComparison.Ordinal);

    [Theory]
    [InlineData("enrolled_on")]
    [InlineData("first_service")]
    public void CheckParameters_IntervalDaysWithAnotherAnchorThanAsOf_IsRejected(string anchor) =>
        Assert.Contains("anchor: as_of", Kind.CheckParameters(Parameters(anchor, ("interval_days", 180))), StringComparison.Ordinal);

    [Fact]
    public void CheckParameters_WithinDaysWithAsOf_IsRejected() =>
        Assert.Contains("'within_days'", Kind.CheckParameters(Parameters("as_of", ("within_days", 30))), StringComparison.Ordinal);

    [Fact]
    public void CheckParameters_ShippedCombinations_AreAccepted()
    {
        Assert.Null(Kind.CheckParameters(Consent().Parameters));
        Assert.Null(Kind.CheckParameters(Assessment().Parameters));
        Assert.Null(Kind.CheckParameters(PlanReview().Parameters));
    }

    private static ParameterValues Parameters(string anchor, params (string Name, object Value)[] windows) =>
        TestRules.Parameters([("events", new[] { "assessment" }), ("anchor", anchor), .. windows]);

    private static RuleDefinition Assessment() =>
        TestRules.Rule(
            "CHART-ASSESSMENT",
            "chart-event-in-window",
            TestRules.Parameters(("events", new[] { "assessment" }), ("anchor", "enrolled_on"), ("within_days", 30), ("min_rate", 0.80m)));

    private static RuleDefinition Consent() =>
        TestRules.Rule(
            "CHART-CONSENT",
            "chart-event-in-window",
            TestRules.Parameters(("events", new[] { "consent-signed" }), ("anchor", "first_service"), ("min_rate", 0.80m)));

    private static RuleDefinition PlanReview() =>
        TestRules.Rule(
            "CHART-PLAN-REVIEW",
            "chart-event-in-window",
            TestRules.Parameters(("events", new[] { "recovery-plan", "recovery-plan-review" }), ("anchor", "as_of"), ("interval_days", 180), ("min_rate", 0.80m)));
}
