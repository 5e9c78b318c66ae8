using BhhCompliance.Core.Findings;
using BhhCompliance.Reporting.Tests.Fixtures;

namespace BhhCompliance.Reporting.Tests;

/// <summary>One line per rule: a rule with a finding per staff member shows its most urgent outcome and the counts.</summary>
public sealed class RuleSummaryTests
{
    [Fact]
    public void Of_RuleWithSeveralStaffFindings_ShowsTheMostUrgentOutcomeAndTheCounts()
    {
        var result = Results.Of(
            Staff("CRED-LICENSE-CURRENT", Outcome.Pass, "S02"),
            Staff("CRED-LICENSE-CURRENT", Outcome.Fail, "S05"),
            Staff("CRED-LICENSE-CURRENT", Outcome.Pass, "S07"),
            Staff("CRED-LICENSE-CURRENT", Outcome.Warn, "S09"),
            Staff("CRED-LICENSE-CURRENT", Outcome.Fail, "S11"));

        var summary = Assert.Single(RuleSummary.Of(result));

        Assert.Equal("CRED-LICENSE-CURRENT", summary.RuleId);
        Assert.Equal(Outcome.Fail, summary.Outcome);
        Assert.Equal("5 staff checked: 2 fail, 1 warn, 2 pass.", summary.Result);
        Assert.Equal(5, summary.Findings.Count);
    }

    [Fact]
    public void Of_ListsRulesInTheRuleSetOrder_NotAlphabetically()
    {
        var result = Results.Of(
            Staff("BILL-DUPLICATE", Outcome.Pass, "S01"),
            Staff("CRED-NURSE", Outcome.Pass, "S01"),
            Staff("STAFF-NURSE-RATIO", Outcome.Pass, "S01")) with
        {
            RuleOrder = ["STAFF-NURSE-RATIO", "CRED-NURSE", "BILL-DUPLICATE"],
        };

        Assert.Equal(["STAFF-NURSE-RATIO", "CRED-NURSE", "BILL-DUPLICATE"], RuleSummary.Of(result).Select(r => r.RuleId));
    }

    [Theory]
    [InlineData(Outcome.Error, Outcome.Fail, Outcome.Error)]
    [InlineData(Outcome.CannotEvaluate, Outcome.Warn, Outcome.CannotEvaluate)]
    [InlineData(Outcome.Warn, Outcome.NotReviewed, Outcome.Warn)]
    [InlineData(Outcome.Waived, Outcome.Pass, Outcome.Waived)]
    [InlineData(Outcome.NotApplicable, Outcome.Pass, Outcome.NotApplicable)]
    public void Outcome_IsTheMostUrgentOfTheRule(Outcome urgent, Outcome other, Outcome expected)
    {
        var result = Results.Of(Staff("CRED-NURSE", other, "S01"), Staff("CRED-NURSE", urgent, "S02"), Staff("CRED-NURSE", other, "S03"));

        Assert.Equal(expected, Assert.Single(RuleSummary.Of(result)).Outcome);
    }

    [Fact]
    public void Result_CountsEveryOutcomeMostUrgentFirst()
    {
        var result = Results.Of(
            Staff("CRED-NURSE", Outcome.Pass, "S01"),
            Staff("CRED-NURSE", Outcome.NotApplicable, "S02"),
            Staff("CRED-NURSE", Outcome.Waived, "S03"),
            Staff("CRED-NURSE", Outcome.NotReviewed, "S04"),
            Staff("CRED-NURSE", Outcome.Warn, "S05"),
            Staff("CRED-NURSE", Outcome.CannotEvaluate, "S06"),
            Staff("CRED-NURSE", Outcome.Fail, "S07"),
            Staff("CRED-NURSE", Outcome.Error, "S08"));

        Assert.Equal(
            "8 staff checked: 1 error, 1 fail, 1 cannot evaluate, 1 warn, 1 not reviewed, 1 waived, 1 not applicable, 1 pass.",
            Assert.Single(RuleSummary.Of(result)).Result);
    }

    [Fact]
    public void Of_RuleWithOneFinding_ShowsItsMessageAndOutcome()
    {
        var summary = Assert.Single(RuleSummary.Of(Results.Of(Results.NurseRatioFail())));

        Assert.Equal(Outcome.Fail, summary.Outcome);
        Assert.Equal("Nurse Care Manager FTE is 3.50; 812 enrollees at 1:200 require 4.06.", summary.Result);
        Assert.Equal("Nurse Care Manager staffing meets 1:200", summary.Title);
        Assert.Equal(Severity.Major, summary.Severity);
    }

    [Fact]
    public void Of_GroupsFindingsByRuleInTheirOrder()
    {
        var summaries = RuleSummary.Of(Results.Credentialing());

        Assert.Equal(
            ["CRED-NURSE", "PC-HOURS", "STAFF-DIRECTOR-RATIO", "STAFF-NURSE-RATIO", "STAFF-PEER-RATIO", "TEAM-MINIMUM"],
            summaries.Select(s => s.RuleId));
        Assert.Equal([2, 1, 1, 1, 1, 1], summaries.Select(s => s.Findings.Count));
        Assert.Equal(Severity.Critical, summaries[^1].Severity);
    }

    [Fact]
    public void Of_AllStaffPass_SaysHowManyWereChecked()
    {
        var result = Results.Of(Staff("CRED-NURSE", Outcome.Pass, "S01"), Staff("CRED-NURSE", Outcome.Pass, "S02"));

        var summary = Assert.Single(RuleSummary.Of(result));

        Assert.Equal(Outcome.Pass, summary.Outcome);
        Assert.Equal("2 staff checked: 2 pass.", summary.Result);
    }

    private static Finding Staff(string ruleId, Outcome outcome, string staffId) =>
        Results.Finding(ruleId, outcome, $"{staffId}: {outcome}.", subject: $"staff:{staffId}", title: "Licenses of licensed staff are current");
}
