using System.Text.RegularExpressions;
using BhhCompliance.Core.Findings;
using BhhCompliance.Reporting.Tests.Fixtures;

namespace BhhCompliance.Reporting.Tests;

/// <summary>The plain text summary: what <c>bhh audit</c> prints when standard output is a file or a pipe.</summary>
public sealed partial class TextSummaryTests
{
    private const int Width = 120;

    [Fact]
    public void Plain_StartsWithAgencyReviewAndRuleSet()
    {
        var lines = Lines(Plain(Results.Credentialing()));

        Assert.Equal(
            [
                "BHH compliance audit: River Valley Services (LMHA-RV)",
                "Review: credentialing, as of 2026-09-30, period 2026-04-01 to 2026-09-30",
                "Rule set: ct-bhh 2026.1 (sha256 0123456789ab), profile credentialing; bhh 0.1.0",
                string.Empty,
            ],
            lines.Take(4));
    }

    [Fact]
    public void Plain_RulesNotInForce_AreNamedBeforeTheDetermination()
    {
        var result = Results.Credentialing() with { RulesNotInForce = ["STAFF-ADMIN-RATIO", "STAFF-TRANSITION-RATIO"] };

        var lines = Lines(Plain(result));

        var line = lines.IndexOf("Not in force on 2026-09-30, so not run: STAFF-ADMIN-RATIO, STAFF-TRANSITION-RATIO.");
        Assert.True(line >= 0, "the line is missing");
        Assert.StartsWith("Determination:", lines.Skip(line + 1).First(l => l.Length > 0), StringComparison.Ordinal);
        Assert.DoesNotContain(Lines(Plain(Results.Credentialing())), l => l.StartsWith("Not in force", StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_RuleTable_HasOneRowPerRuleInOrder()
    {
        var lines = Lines(Plain(Results.Credentialing()));

        var rows = lines.Select(l => RuleRow().Match(l)).Where(m => m.Success).Select(m => (Rule: m.Groups[1].Value, Severity: m.Groups[2].Value, Outcome: m.Groups[3].Value)).ToList();
        Assert.Equal(
            [
                ("CRED-NURSE", "major", "FAIL"),
                ("PC-HOURS", "major", "CANNOT EVALUATE"),
                ("STAFF-DIRECTOR-RATIO", "major", "PASS"),
                ("STAFF-NURSE-RATIO", "major", "FAIL"),
                ("STAFF-PEER-RATIO", "major", "WARN"),
                ("TEAM-MINIMUM", "critical", "PASS"),
            ],
            rows);
        Assert.Single(lines, l => l.Contains("| 2 staff checked: 1 fail, 1 pass.", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("| STAFF-NURSE-RATIO ", StringComparison.Ordinal) && l.Contains("| Nurse Care Manager FTE is 3.50; 812 enrollees", StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_RuleTable_LinesBetweenRulesOnlyContinueTheResult()
    {
        var lines = Lines(Plain(Results.Credentialing()));

        var body = lines.SkipWhile(l => !l.StartsWith("|---", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.All(body, l => Assert.True(RuleRow().IsMatch(l) || ContinuationRow().IsMatch(l), $"neither a rule nor its continuation: {l}"));
        Assert.Equal(6, body.Count(l => RuleRow().IsMatch(l)));
    }

    [Fact]
    public void Plain_NeedsAttention_ListsEveryFindingThatIsNotAPassMostUrgentFirst()
    {
        var lines = Lines(Plain(Results.Credentialing()));

        var start = lines.IndexOf("Needs attention");
        Assert.True(start > 0, "the summary has a 'Needs attention' list");
        var entries = lines.Skip(start + 1)
            .Select(l => AttentionEntry().Match(l))
            .Where(m => m.Success)
            .Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}")
            .ToList();
        Assert.Equal(
            [
                "FAIL CRED-NURSE staff:S09 (major): Morgan Practical (S09), Nurse Care Manager: license type is 'LPN' (needs",
                "FAIL STAFF-NURSE-RATIO (major): Nurse Care Manager FTE is 3.50; 812 enrollees at 1:200 require 4.06.",
                "CANNOT EVALUATE PC-HOURS (major): The snapshot has no pc-tracker.csv (or pc-tracker.xlsx).",
                "WARN STAFF-PEER-RATIO (major): Peer Recovery Specialist FTE is 15.00; 812 enrollees at 1:50 require 16.24.",
            ],
            entries);
        Assert.DoesNotContain(lines, l => l.Contains("STAFF-DIRECTOR-RATIO (", StringComparison.Ordinal) || l.Contains("staff:S02", StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_NeedsAttention_SaysWhatToDoAndWhereTheDetailsAre()
    {
        var lines = Lines(Plain(Results.Credentialing())).Select(l => l.Trim()).ToList();

        Assert.Contains("What to do: A Nurse Care Manager must be a registered nurse.", lines);
        Assert.Contains("What to do: Add pc-tracker.csv (or pc-tracker.xlsx) to the snapshot and run the audit again.", lines);
        Assert.Single(lines, l => l == "1 detail row is listed in the JSON and Markdown reports.");
    }

    [Fact]
    public void Plain_EndsWithTheCountsTheDeterminationAndTheCaveat()
    {
        var lines = Lines(Plain(Results.Credentialing()));

        Assert.Equal(
            [
                "Findings: 3 pass, 1 warn, 2 fail, 1 cannot evaluate (7 in all, for 6 rules).",
                "Determination: CONDITIONAL - a major rule failed; a corrective action plan is required.",
                "1 finding was not evaluated (cannot evaluate or error); the determination covers only the rules that ran.",
            ],
            lines.TakeLast(3));
    }

    [Theory]
    [InlineData(Severity.Critical, "Determination: NOT CERTIFIED - a critical rule failed.")]
    [InlineData(Severity.Major, "Determination: CONDITIONAL - a major rule failed; a corrective action plan is required.")]
    [InlineData(Severity.Minor, "Determination: CERTIFIED - no critical or major rule failed.")]
    public void Plain_DeterminationLine_FollowsTheMostSevereFailure(Severity severity, string expected)
    {
        var result = Results.Of(
            Results.Finding("A-RULE", Outcome.Fail, "It failed.", severity: severity),
            Results.Finding("B-RULE", Outcome.Pass, "It passed.", severity: Severity.Critical));

        Assert.Equal(expected, Lines(Plain(result))[^1]);
    }

    [Fact]
    public void Plain_EverythingPassed_HasNoAttentionListOrCaveat()
    {
        var result = Results.Of(
            Results.Finding("STAFF-NURSE-RATIO", Outcome.Pass, "Enough nurses."),
            Results.Finding("TEAM-MINIMUM", Outcome.Pass, "Every role is staffed.", severity: Severity.Critical));

        var lines = Lines(Plain(result));

        Assert.DoesNotContain("Needs attention", lines);
        Assert.Equal(["Findings: 2 pass (2 in all, for 2 rules).", "Determination: CERTIFIED - no critical or major rule failed."], lines.TakeLast(2));
    }

    [Fact]
    public void Plain_HasNoTrailingSpacesAndEndsWithOneNewline()
    {
        var text = Plain(Results.Credentialing());

        Assert.All(text.Split('\n'), l => Assert.Equal(l.TrimEnd(), l));
        Assert.EndsWith(".\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void Plain_HasNoAnsiEscapeCodes()
    {
        var text = Plain(Results.Credentialing());

        Assert.DoesNotContain('\u001b', text);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Plain_NoLineIsWiderThanAsked(int width)
    {
        var text = TextSummary.Plain(Results.Credentialing(), Results.Tool, width);

        Assert.All(text.Split('\n'), l => Assert.True(l.Length <= width, $"{l.Length} characters: {l}"));
    }

    [Fact]
    public void Plain_SquareBracketsInAMessage_AreShownAsWritten()
    {
        // Messages are user data; markup-like text must print literally, not style or break the output.
        var result = Results.Of(Results.Finding("SVC-DOCUMENTED", Outcome.Fail, "Note [red]N-7[/] is missing."));

        Assert.Contains(Lines(Plain(result)), l => AttentionEntry().Match(l) is { Success: true } m && m.Groups[2].Value == "SVC-DOCUMENTED (major): Note [red]N-7[/] is missing.");
    }

    [Fact]
    public void Plain_ChartAudit_SaysHowTheChartsScoredRightAfterTheTable()
    {
        var lines = Lines(Plain(Results.ChartAudit()));

        var tableEnd = lines.FindLastIndex(l => l.StartsWith("+--", StringComparison.Ordinal));
        Assert.Equal("Charts: 6 under review, mean score 56.6%; 2 of 5 met every criterion that applied.", lines[tableEnd + 1]);
        Assert.Single(lines, l => l.StartsWith("Charts:", StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_NoChartCriterionRan_HasNoChartLine()
    {
        Assert.DoesNotContain(Lines(Plain(Results.Credentialing())), l => l.StartsWith("Charts:", StringComparison.Ordinal));
    }

    [Fact]
    public void ChartLine_NoChartWithAScore_SaysNoCriterionApplied()
    {
        var summary = new ChartReviewSummary([], [new Core.Charts.ChartScore("E01", 0, 0, [])], null);

        Assert.Equal("Charts: 1 under review; no criterion applied to any of them.", TextSummary.ChartLine(summary));
    }

    private static string Plain(AuditResult result) => TextSummary.Plain(result, Results.Tool, Width);

    private static List<string> Lines(string text) => [.. text.TrimEnd('\n').Split('\n')];

    [GeneratedRegex(@"^\| ([A-Z][A-Z0-9-]*) +\| (\w+) +\| ([A-Z][A-Z ]*[A-Z]) +\|")]
    private static partial Regex RuleRow();

    [GeneratedRegex(@"^\|\s+\|\s+\|\s+\| \S")]
    private static partial Regex ContinuationRow();

    /// <summary>The first line of an entry of "Needs attention": its outcome label (padded to a column), then the finding.</summary>
    [GeneratedRegex("^(FAIL|WARN|ERROR|CANNOT EVALUATE|NOT REVIEWED|WAIVED) +(.*)$")]
    private static partial Regex AttentionEntry();
}
