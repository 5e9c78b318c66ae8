using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Reporting.Tests.Fixtures;

namespace BhhCompliance.Reporting.Tests;

/// <summary>The Markdown report (<c>--format md</c>) from the built-in template.</summary>
public sealed class MarkdownReportTests
{
    [Fact]
    public void Write_HasTheHeadingAndEverySection()
    {
        var lines = Lines(Write(Results.Credentialing()));

        Assert.Equal("# BHH compliance audit: River Valley Services (LMHA-RV)", lines[0]);
        Assert.Equal(
            ["## Summary", "## Rules", "## Findings"],
            lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)));
        Assert.Contains("| Review | credentialing, as of 2026-09-30 |", lines);
        Assert.Contains("| Period | 2026-04-01 to 2026-09-30 |", lines);
        Assert.Contains($"| Rule set | ct-bhh 2026.1 (sha256 `{Results.Sha256}`) |", lines);
        Assert.Contains("| Produced by | bhh 0.1.0 |", lines);
        Assert.Contains("| **Determination** | **CONDITIONAL**: a major rule failed; a corrective action plan is required. |", lines);
        Assert.Equal("This report contains protected health information. Share it only as the law and your agreements allow.", lines[^1]);
    }

    [Fact]
    public void Write_SummaryTable_HasEveryOutcomeWithItsCount()
    {
        var lines = Lines(Write(Results.Credentialing()));

        var start = lines.IndexOf("| Outcome | Findings |");
        Assert.Equal(
            [
                "|---|---:|",
                "| Pass | 3 |",
                "| Warn | 1 |",
                "| Fail | 2 |",
                "| Not applicable | 0 |",
                "| Cannot evaluate | 1 |",
                "| Not reviewed | 0 |",
                "| Error | 0 |",
                "| Waived | 0 |",
            ],
            lines.Skip(start + 1).Take(9));
    }

    [Fact]
    public void Write_RulesTable_HasOneRowPerRuleWithItsResult()
    {
        var lines = Lines(Write(Results.Credentialing()));

        var rows = lines.SkipWhile(l => l != "## Rules").Skip(4).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.Equal(
            [
                "| CRED-NURSE | Nurse Care Manager is a registered nurse | major | Fail | 2 staff checked: 1 fail, 1 pass. |",
                "| PC-HOURS | Primary care consultant hours meet 1 hour per enrollee per year | major | Cannot evaluate | The snapshot has no pc-tracker.csv (or pc-tracker.xlsx). |",
                "| STAFF-DIRECTOR-RATIO | BHH Director staffing meets 1:1000 | major | Pass | BHH Director FTE is 1.00; 812 enrollees at 1:1000 require 0.81. |",
                "| STAFF-NURSE-RATIO | Nurse Care Manager staffing meets 1:200 | major | Fail | Nurse Care Manager FTE is 3.50; 812 enrollees at 1:200 require 4.06. |",
                "| STAFF-PEER-RATIO | Peer Recovery Specialist staffing meets 1:50 | major | Warn | Peer Recovery Specialist FTE is 15.00; 812 enrollees at 1:50 require 16.24. |",
                "| TEAM-MINIMUM | Every core team role is staffed | critical | Pass | Every core team role has at least one active staff member with FTE above 0. |",
            ],
            rows);
    }

    [Fact]
    public void Write_EveryFindingThatNeedsAttention_HasABlockWithItsMessage()
    {
        var result = Results.Credentialing();
        var report = Write(result);
        var lines = Lines(report);

        var blocks = lines.Where(l => l.StartsWith("### ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "### Fail: CRED-NURSE Nurse Care Manager is a registered nurse",
                "### Fail: STAFF-NURSE-RATIO Nurse Care Manager staffing meets 1:200",
                "### Cannot evaluate: PC-HOURS Primary care consultant hours meet 1 hour per enrollee per year",
                "### Warn: STAFF-PEER-RATIO Peer Recovery Specialist staffing meets 1:50",
            ],
            blocks);
        Assert.All(
            result.Findings.Where(f => f.Outcome != Outcome.Pass),
            f => Assert.Contains(f.Message, lines));
        Assert.DoesNotContain("Nora Nurse (S02), Nurse Care Manager: license type RN qualifies.", report, StringComparison.Ordinal);
        Assert.Contains("Severity **major**, subject `staff:S09`.", lines);
    }

    [Fact]
    public void Write_NotApplicableFinding_HasABlockToo()
    {
        // cli.md: the findings section has "one block for every finding that is not pass".
        var result = Results.Of(
            Results.Finding(
                "CRED-NURSE",
                Outcome.NotApplicable,
                "Not applicable: no Nurse Care Manager was active on 2026-09-30 (see TEAM-MINIMUM).",
                title: "Nurse Care Manager is a registered nurse"));

        var lines = Lines(Write(result));

        Assert.Contains("### Not applicable: CRED-NURSE Nurse Care Manager is a registered nurse", lines);
        Assert.Contains("Not applicable: no Nurse Care Manager was active on 2026-09-30 (see TEAM-MINIMUM).", lines);
    }

    [Fact]
    public void Write_FindingBlock_HasEvidenceTableCitationAndWhatToDo()
    {
        var lines = Lines(Write(Results.Of(Results.NurseRatioFail())));

        var start = lines.IndexOf("| Evidence | Value |");
        Assert.Equal(
            ["|---|---|", "| `census` | 812 |", "| `caseload` | 200 |", "| `required_fte` | 4.06 |", "| `actual_fte` | 3.50 |"],
            lines.Skip(start + 1).Take(5));
        Assert.Contains("**Citation:** DMHAS BHH Provider Manual, IV. BHH Overview, BHH Staff", lines);
        Assert.Contains("**What to do:** Add registered nurse time until Nurse Care Manager FTE reaches 4.06.", lines);
    }

    [Fact]
    public void Write_AmountsAndFte_ShowTwoDecimalsAsTheMessageDoes()
    {
        var evidence = new Evidence { ["amount_at_risk"] = 1185.6m, ["actual_fte"] = 6.1m };

        var lines = Lines(Write(Results.Of(Results.Finding("BILL-DUPLICATE", Outcome.Fail, "$1,185.60 at risk.", evidence))));

        Assert.Contains("| `amount_at_risk` | 1,185.60 |", lines);
        Assert.Contains("| `actual_fte` | 6.10 |", lines);
    }

    [Fact]
    public void Write_EvidenceLists_AreJoinedAndEmptyListsSayNone()
    {
        var evidence = new Evidence
        {
            ["missing"] = EvidenceValue.List(["care-management", "family-support"]),
            ["extra"] = EvidenceValue.List([]),
        };

        var lines = Lines(Write(Results.Of(Results.Finding("SVC-CORE-SERVICES", Outcome.Fail, "Two services are missing.", evidence))));

        Assert.Contains("| `missing` | care-management, family-support |", lines);
        Assert.Contains("| `extra` | none |", lines);
    }

    [Fact]
    public void Write_DetailRows_AreATableWithTheirSource()
    {
        var lines = Lines(Write(Results.Credentialing()));

        var start = lines.IndexOf("1 detail row:");
        Assert.True(start > 0, "the detail rows are introduced");
        Assert.Equal(
            [
                string.Empty,
                "| `staff_id` | `name` | `role` | `fte` | `license_type` | `license_expires` | `source` |",
                "| --- | --- | --- | --- | --- | --- | --- |",
                "| S09 | Morgan Practical | nurse-care-manager | 0.5 | LPN |  | staff.csv:10 |",
            ],
            lines.Skip(start + 1).Take(4));
    }

    [Fact]
    public void Write_SeveralDetailRows_SaysHowMany()
    {
        var finding = Results.Finding(
            "CRED-NURSE",
            Outcome.Fail,
            "m",
            details: [Results.StaffRow("S09", "Morgan Practical", "LPN", 10), Results.StaffRow("S11", "Kim Lee", "LPN", 12)]);

        var lines = Lines(Write(Results.Of(finding)));

        Assert.Contains("2 detail rows:", lines);
        Assert.Contains("| S11 | Kim Lee | nurse-care-manager | 0.5 | LPN |  | staff.csv:12 |", lines);
    }

    [Fact]
    public void Write_MarkdownCharactersInText_AreEscaped()
    {
        var row = new DetailRow(new Evidence { ["note_id"] = "N|7", ["comment"] = "*urgent*" }, new SourceLine("services.csv", 4));
        var finding = Results.Finding(
            "SVC-DOCUMENTED",
            Outcome.Fail,
            "Notes for A|B are *missing* in __two__ charts [see #4] <b>now</b> `x` \\ end.",
            details: [row],
            title: "Title with | pipe and *star*",
            citation: "Manual | section *4*");

        var lines = Lines(Write(Results.Of(finding)));

        Assert.Contains("Notes for A\\|B are \\*missing\\* in \\_\\_two\\_\\_ charts \\[see \\#4\\] \\<b\\>now\\</b\\> \\`x\\` \\\\ end.", lines);
        Assert.Contains("### Fail: SVC-DOCUMENTED Title with \\| pipe and \\*star\\*", lines);
        Assert.Contains("**Citation:** Manual \\| section \\*4\\*", lines);
        Assert.Contains("| N\\|7 | \\*urgent\\* | services.csv:4 |", lines);
        Assert.Contains(
            "| SVC-DOCUMENTED | Title with \\| pipe and \\*star\\* | major | Fail | Notes for A\\|B are \\*missing\\* in \\_\\_two\\_\\_ charts \\[see \\#4\\] \\<b\\>now\\</b\\> \\`x\\` \\\\ end. |",
            lines);
    }

    [Fact]
    public void Write_LineBreakInAMessage_StaysInsideItsTableCell()
    {
        var lines = Lines(Write(Results.Of(Results.Finding("SVC-DOCUMENTED", Outcome.Fail, "First line.\r\nSecond line."))));

        Assert.Contains("| SVC-DOCUMENTED | Title of SVC-DOCUMENTED | major | Fail | First line.<br>Second line. |", lines);
    }

    [Fact]
    public void Write_RulesThatDidNotRun_AreNotedBesideTheDetermination()
    {
        var lines = Lines(Write(Results.Credentialing()));

        Assert.Contains("> 1 finding was not evaluated (cannot evaluate or error); the determination covers only the rules that ran.", lines);
    }

    [Fact]
    public void Write_EverythingPassed_SaysSoAndHasNoFindingBlocks()
    {
        var result = Results.Of(
            Results.Finding("TEAM-MINIMUM", Outcome.Pass, "Every role is staffed.", severity: Severity.Critical),
            Results.Finding("STAFF-NURSE-RATIO", Outcome.Pass, "Enough nurses."));

        var lines = Lines(Write(result));

        Assert.Contains("Every rule passed.", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("### ", StringComparison.Ordinal) || l.StartsWith("> ", StringComparison.Ordinal));
        Assert.Contains("| **Determination** | **CERTIFIED**: no critical or major rule failed. |", lines);
    }

    [Fact]
    public void Write_CriticalFailure_IsNotCertified()
    {
        var result = Results.Of(Results.Finding("TEAM-MINIMUM", Outcome.Fail, "No one holds the role.", severity: Severity.Critical));

        Assert.Contains("| **Determination** | **NOT CERTIFIED**: a critical rule failed. |", Lines(Write(result)));
    }

    [Fact]
    public void Write_UsesLfOnlyAndEndsWithOneNewline()
    {
        var report = Write(Results.Credentialing());

        Assert.DoesNotContain('\r', report);
        Assert.EndsWith("allow.\n", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SameResultTwice_GivesTheSameText()
    {
        Assert.Equal(Write(Results.Credentialing()), Write(Results.Credentialing()));
    }

    [Fact]
    public void Write_AgencyWithoutName_UsesItsId()
    {
        var report = Write(Results.Of([Results.NurseRatioFail()], agencyName: null));

        Assert.StartsWith("# BHH compliance audit: LMHA-RV (LMHA-RV)\n", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ChartAudit_HasTheChartReviewAfterTheFindings()
    {
        var lines = Lines(Write(Results.ChartAudit()));

        Assert.Equal(
            ["## Summary", "## Rules", "## Findings", "## Chart review"],
            lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)));
        var start = lines.IndexOf("## Chart review");
        Assert.Equal(
            "6 charts were under review: the enrollees sampled in chart-sample.csv. Each chart criterion decides every chart: met, not met, not applicable or, for a criterion a reviewer answers, not reviewed.",
            lines[start + 2]);
        Assert.Equal(
            ["### Compliance by criterion", "### Score by chart", "### Charts not met: CHART-REFERRAL-CONFIRMED Referrals are confirmed within 30 days"],
            lines.Skip(start).Where(l => l.StartsWith("### ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Write_ChartAudit_CriteriaTableHasALinePerCriterionInTheRuleSetsOrder()
    {
        var lines = Lines(Write(Results.ChartAudit()));

        var start = lines.IndexOf("| Criterion | Title | Charts | Met | Not met | Not reviewed | Rate | Outcome |");
        Assert.True(start > 0, "the criteria table has its header");
        Assert.Equal(
            [
                "|---|---|---:|---:|---:|---:|---:|---|",
                "| CHART-ASSESSMENT | An assessment is completed within 30 days of enrolment | 4 | 2 | 2 | 0 | 50% | Fail |",
                "| CHART-DISCHARGE-FOLLOW-UP | Follow-up within 7 days of an inpatient discharge | 0 | 0 | 0 | 0 | n/a | Not applicable |",
                "| CHART-REFERRAL-CONFIRMED | Referrals are confirmed within 30 days | 5 | 4 | 1 | 0 | 80% | Pass |",
                "| CHART-PERSON-CENTERED | The recovery plan was developed with the individual | 2 | 1 | 1 | 4 | 50% | Fail |",
                string.Empty,
            ],
            lines.Skip(start + 1).Take(6));
    }

    [Fact]
    public void Write_ChartAudit_ScoreTableHasARowPerChartAndTheMeanScore()
    {
        var lines = Lines(Write(Results.ChartAudit()));

        Assert.Contains(
            "A chart's score is the share of the criteria that applied to it that it met. The mean score is 56.6%; 2 of 5 charts met every criterion that applied. "
            + "Why a chart missed a criterion is listed with the criterion's finding above, or below for a criterion that passed.",
            lines);
        var start = lines.IndexOf("| Enrollee | Met | Not met | Score | Criteria not met |");
        Assert.Equal(
            [
                "|---|---:|---:|---:|---|",
                "| E01 | 3 | 0 | 100% |  |",
                "| E02 | 1 | 2 | 33.3% | CHART-ASSESSMENT, CHART-PERSON-CENTERED |",
                "| E03 | 2 | 0 | 100% |  |",
                "| E04 | 1 | 1 | 50% | CHART-ASSESSMENT |",
                "| E05 | 0 | 1 | 0% | CHART-REFERRAL-CONFIRMED |",
                "| E06 | 0 | 0 | n/a |  |",
                string.Empty,
            ],
            lines.Skip(start + 1).Take(8));
    }

    [Fact]
    public void Write_ChartAudit_ListsTheChartsThatMissedACriterionThatPassed()
    {
        var lines = Lines(Write(Results.ChartAudit()));

        var start = lines.IndexOf("### Charts not met: CHART-REFERRAL-CONFIRMED Referrals are confirmed within 30 days");
        Assert.Equal(
            [
                string.Empty,
                "The criterion passed, but not every chart met it. 1 detail row:",
                string.Empty,
                "| `enrollee_id` | `due` | `days_late` | `reason` | `source` |",
                "| --- | --- | --- | --- | --- |",
                "| E05 | 2026-07-01 | 2 | referral confirmed on 2026-07-03 is 2 days late (due within 30 days after the referral on 2026-05-31, by 2026-07-01) | chart-events.csv:20 |",
                string.Empty,
                "---",
            ],
            lines.Skip(start + 1).Take(8));
    }

    [Fact]
    public void Write_ChartsNotKnownToBeSampled_IntroNamesNoSource()
    {
        var lines = Lines(Write(Results.ChartAudit(sampled: false)));

        Assert.Contains(lines, l => l.StartsWith("6 charts were under review. Each chart criterion", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_NoChartCriterionRan_HasNoChartReview()
    {
        var report = Write(Results.Credentialing());

        Assert.DoesNotContain("Chart review", report, StringComparison.Ordinal);
        Assert.DoesNotContain("| Enrollee |", report, StringComparison.Ordinal);
    }

    private static string Write(AuditResult result)
    {
        using var writer = new StringWriter();
        Templates.Markdown.Write(result, Results.Tool, writer);
        return writer.ToString();
    }

    private static List<string> Lines(string text) => [.. text.TrimEnd('\n').Split('\n')];
}
