using BhhCompliance.Core.Snapshots;
using BhhCompliance.Reporting.Worksheet;

namespace BhhCompliance.Reporting.Tests.Worksheet;

/// <summary>Which charts, results and questions a worksheet holds, for the chart rule test cases.</summary>
public sealed class ChartWorksheetTests
{
    private static readonly string[] AutomaticIds =
    [
        "CHART-CONSENT", "CHART-ASSESSMENT", "CHART-RECOVERY-PLAN", "CHART-PLAN-REVIEW",
        "CHART-TEAM-ASSIGNED", "CHART-DISCHARGE-FOLLOW-UP", "CHART-REFERRAL-CONFIRMED",
    ];

    [Fact]
    public void Criteria_OfTheShippedRuleSet_AreTheChartRulesInRuleSetOrderWithPersonCenteredManual()
    {
        var criteria = WorksheetCase.Criteria;

        Assert.Equal([.. AutomaticIds, "CHART-PERSON-CENTERED"], criteria.Select(c => c.RuleId));
        Assert.Equal(["CHART-PERSON-CENTERED"], criteria.Where(c => c.Manual).Select(c => c.RuleId));
        Assert.Equal("The recovery plan was developed with the individual", criteria[^1].Title);
    }

    [Fact]
    public void Profile_SelectsTheChartCriteriaAndNothingElse()
    {
        var profile = WorksheetCriteria.Profile(WorksheetCase.Criteria);

        var selected = WorksheetCase.Rules.RulesOf(profile).Select(r => r.Id).ToList();
        Assert.Equal(WorksheetCase.Criteria.Select(c => c.RuleId), selected);
        Assert.DoesNotContain(selected, id => id.StartsWith("SVC-", StringComparison.Ordinal) || id.StartsWith("BILL-", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Sample_HasOneSectionPerSampledChartOnly()
    {
        var worksheet = WorksheetCase.Build(WorksheetCase.Sampled);

        Assert.Equal(ChartListSource.Sample, worksheet.ListSource);
        Assert.Equal(["E1", "E3", "E4"], worksheet.Charts.Select(c => c.EnrolleeId));
        Assert.Equal(
            ["chart-sample.csv:2", "chart-sample.csv:3", "chart-sample.csv:4"],
            worksheet.Charts.Select(c => c.ListedAt.ToString()));
        Assert.All(worksheet.Charts, c => Assert.Equal(new DateOnly(2026, 1, 5), c.EnrolledOn));
        Assert.All(worksheet.Charts, c => Assert.Null(c.DisenrolledOn));
    }

    [Fact]
    public void Build_Sample_HasTheAutomaticResultsOfEachChart()
    {
        var worksheet = WorksheetCase.Build(WorksheetCase.Sampled);

        Assert.All(worksheet.Charts, c => Assert.Equal(AutomaticIds, c.Automatic.Select(r => r.RuleId)));
        Assert.Equal(
            ["met", "met", "not met"],
            worksheet.Charts.Select(c => c.Automatic.Single(r => r.RuleId == "CHART-ASSESSMENT").Result));
        var e4 = worksheet.Charts[2].Automatic.Single(r => r.RuleId == "CHART-ASSESSMENT");
        Assert.Equal("no assessment within 30 days after enrolment on 2026-01-05, by 2026-02-04", e4.Reason);
        Assert.Equal("chart-sample.csv:4", e4.Source);
        var e1 = worksheet.Charts[0].Automatic.Single(r => r.RuleId == "CHART-ASSESSMENT");
        Assert.Equal("chart-events.csv:2", e1.Source);
    }

    [Fact]
    public void Build_NoSample_TakesEveryEnrolleeWithAChartEvent()
    {
        var worksheet = WorksheetCase.Build(WorksheetCase.FromEvents);

        Assert.Equal(ChartListSource.ChartEvents, worksheet.ListSource);
        Assert.Equal(["E2", "E7", "E8"], worksheet.Charts.Select(c => c.EnrolleeId));
        Assert.Equal(
            ["chart-events.csv:4", "chart-events.csv:7", "chart-events.csv:2"],
            worksheet.Charts.Select(c => c.ListedAt.ToString()));
        Assert.Equal(
            ["not met", "met", "not met"],
            worksheet.Charts.Select(c => c.Automatic.Single(r => r.RuleId == "CHART-DISCHARGE-FOLLOW-UP").Result));
    }

    [Fact]
    public void Build_ServicesMissing_ShowsConsentAsNotEvaluatedWithTheReason()
    {
        var worksheet = WorksheetCase.Build(WorksheetCase.Sampled);

        Assert.All(worksheet.Charts, chart =>
        {
            var consent = chart.Automatic.Single(r => r.RuleId == "CHART-CONSENT");
            Assert.Equal(ChartWorksheet.NotEvaluated, consent.Result);
            Assert.Contains("services.csv", consent.Reason, StringComparison.Ordinal);
            Assert.Null(consent.Source);
        });
    }

    [Fact]
    public void Build_ChartEventsMissing_ShowsEveryEventCriterionAsNotEvaluatedButKeepsTheQuestions()
    {
        using var folder = new WorksheetCase(WorksheetCase.Sampled);
        folder.Delete(SnapshotFile.ChartEvents);

        var worksheet = folder.Build();

        Assert.Equal(["E1", "E3", "E4"], worksheet.Charts.Select(c => c.EnrolleeId));
        Assert.All(worksheet.Charts.SelectMany(c => c.Automatic), r => Assert.Equal(ChartWorksheet.NotEvaluated, r.Result));
        Assert.All(worksheet.Charts.SelectMany(c => c.Automatic.Where(r => r.RuleId != "CHART-CONSENT")), r =>
            Assert.Contains("chart-events.csv", r.Reason, StringComparison.Ordinal));
        Assert.All(worksheet.Charts, c => Assert.Equal(["CHART-PERSON-CENTERED"], c.Manual.Select(q => q.RuleId)));
    }

    [Fact]
    public void Build_EveryChartGetsEveryManualCriterion_WithTheAnswerOnFileWhenThereIsOne()
    {
        var worksheet = WorksheetCase.Build(WorksheetCase.Answered);

        Assert.Equal(["E1", "E2", "E3", "E4"], worksheet.Charts.Select(c => c.EnrolleeId));
        Assert.All(worksheet.Charts, c => Assert.Equal(["CHART-PERSON-CENTERED"], c.Manual.Select(q => q.RuleId)));

        // E2's row names the criterion in lower case, which attestations.csv allows.
        Assert.Equal(
            ["met", "met", "not-applicable", null],
            worksheet.Charts.Select(c => c.Manual[0].OnFile?.Answer));
        Assert.Equal("no plan yet", worksheet.Charts[2].Manual[0].OnFile!.Comment);
        Assert.Equal(3, worksheet.AnswersOnFile);
    }

    [Fact]
    public void Build_NoAttestations_HasNoAnswerOnFile()
    {
        using var folder = new WorksheetCase(WorksheetCase.Answered);
        folder.Delete(SnapshotFile.Attestations);

        var worksheet = folder.Build();

        Assert.All(worksheet.Charts, c => Assert.Null(c.Manual[0].OnFile));
        Assert.Equal(0, worksheet.AnswersOnFile);
    }

    [Fact]
    public void AnswerRows_AreOnePerChartAndManualCriterion()
    {
        var worksheet = WorksheetCase.Build(WorksheetCase.Answered);

        Assert.Equal(
            [("E1", "CHART-PERSON-CENTERED", "met"), ("E2", "CHART-PERSON-CENTERED", "met"), ("E3", "CHART-PERSON-CENTERED", "not-applicable"), ("E4", "CHART-PERSON-CENTERED", null)],
            worksheet.AnswerRows.Select(r => (r.EnrolleeId, r.Criterion, r.OnFile?.Answer)));
    }

    [Fact]
    public void Fingerprint_IsStableAndChangesWithTheContent()
    {
        var first = WorksheetCase.Build(WorksheetCase.Answered);
        var again = WorksheetCase.Build(WorksheetCase.Answered);
        var other = WorksheetCase.Build(WorksheetCase.Sampled);

        Assert.Matches("^[0-9a-f]{32}$", first.Fingerprint());
        Assert.Equal(first.Fingerprint(), again.Fingerprint());
        Assert.NotEqual(first.Fingerprint(), other.Fingerprint());
        Assert.NotEqual(first.Fingerprint(), (first with { AnswersFileName = "other.csv" }).Fingerprint());
    }
}
