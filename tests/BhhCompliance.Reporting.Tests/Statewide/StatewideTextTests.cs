using System.Text.RegularExpressions;
using BhhCompliance.Reporting.Statewide;
using BhhCompliance.Reporting.Tests.Fixtures;

namespace BhhCompliance.Reporting.Tests.Statewide;

/// <summary>The statewide summary as plain text: what a batch audit prints to a log.</summary>
public sealed partial class StatewideTextTests
{
    [Fact]
    public void Plain_StartsWithTheTitleRuleSetAndSnapshots()
    {
        var lines = Lines(StatewideText.Plain(Batches.State("credentialing"), Results.Tool, 120));

        Assert.Equal(
            [
                "BHH statewide audit summary: 5 agencies (3 audited, 1 bad input, 1 error)",
                "Rule set: ct-bhh 2026.1 (sha256 0123456789ab); profile: credentialing; bhh 0.1.0",
                "Snapshots: state/2026-q3, as of 2026-06-30 to 2026-09-30",
                string.Empty,
            ],
            lines.Take(4));
    }

    [Fact]
    public void Plain_HasOneRowPerAgencyInFolderOrder()
    {
        var lines = Lines(StatewideText.Plain(Batches.State(), Results.Tool, 120));

        var rows = lines.Select(l => AgencyRow().Match(l)).Where(m => m.Success).Select(m => m.Groups.Values.Skip(1).Select(g => g.Value).ToArray()).ToList();
        Assert.Equal(
            [
                ["new haven", "Connecticut Mental Health Center", "CERTIFIED", "93%", "$0.00", "0.25", "0"],
                ["river-valley", "River Valley Services", "CONDITIONAL", "85%", "$355.74", "1.80", "6"],
                ["shoreline", "Shoreline Behavioral Health Home and Community Rec...", "NOT CERTIFIED", "n/a", "n/a", "0.75", "2"],
                ["south-bad", "south-bad", "BAD INPUT", "-", "-", "-", "-"],
                ["waterbury", "Waterbury Counseling", "ERROR", "-", "-", "-", "-"],
            ],
            rows);
        var header = lines.Single(l => l.StartsWith("Folder ", StringComparison.Ordinal));
        Assert.Equal(["Folder", "Agency", "Determination", "Months met", "At risk", "Gap FTE", "Failed"], Columns().Split(header));
    }

    [Fact]
    public void Plain_HasTheStatewideTotalsAndDeterminationCounts()
    {
        var lines = Lines(StatewideText.Plain(Batches.State(), Results.Tool, 120));

        var start = lines.IndexOf("Statewide totals");
        Assert.True(start > 0, "the totals have a heading");
        Assert.Equal(
            [
                "  Agencies:                5 (3 audited, 1 bad input, 1 error)",
                "  Determinations:          1 certified, 1 conditional, 1 not certified",
                "  Monthly minimum met:     88.2% of 1,000 enrollee months, pooled",
                "  Claims at risk:          3 of 3,100 claims",
                "  Amount at risk:          $355.74",
                "  Staffing gap:            2.80 FTE short of the ratios",
                "  Agencies short-staffed:  3 (short of a ratio, or missing a role)",
            ],
            lines.Skip(start + 1).Take(7));
    }

    [Fact]
    public void Plain_NoAgencyRanAClaimRule_TotalsSayClaimsAtRiskWereNotReported()
    {
        var lines = Lines(StatewideText.Plain(Batches.WithoutClaimRules(), Results.Tool, 120));

        var start = lines.IndexOf("Statewide totals");
        Assert.Equal(
            [
                "  Monthly minimum met:     not reported by any agency audited",
                "  Claims at risk:          not reported by any agency audited",
                "  Amount at risk:          not reported by any agency audited",
            ],
            lines.Skip(start + 3).Take(3));
        Assert.Matches(@"^pine-crest +Pine Crest Counseling Associates +CERTIFIED +n/a +n/a +0\.00 +0$", lines.Single(l => l.StartsWith("pine-crest", StringComparison.Ordinal)));
    }

    [Fact]
    public void Plain_NotAudited_GivesEachAgencyItsProblemSentence()
    {
        var text = StatewideText.Plain(Batches.State(), Results.Tool, 80);

        var section = text[text.IndexOf("Not audited (2)", StringComparison.Ordinal)..];
        var flat = Spaces().Replace(section, " ");
        Assert.Contains($"BAD INPUT south-bad: {Batches.BadInputProblem}", flat, StringComparison.Ordinal);
        Assert.Contains($"ERROR waterbury, Waterbury Counseling (WCMH): {Batches.ErrorProblem}", flat, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_EveryAgencyAudited_HasNoNotAuditedSection()
    {
        var state = Batches.State();

        var text = StatewideText.Plain(state with { Agencies = [.. state.Audited] }, Results.Tool, 120);

        Assert.DoesNotContain("Not audited", text, StringComparison.Ordinal);
        Assert.Contains("  Agencies:                3 (3 audited)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_NoSnapshotAtAll_SaysSoInsteadOfAnEmptyTable()
    {
        var text = StatewideText.Plain(Batches.State() with { Agencies = [] }, Results.Tool, 80);

        Assert.Contains("\nThe folder holds no agency snapshot.\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Folder ", text, StringComparison.Ordinal);
        Assert.Contains("  Monthly minimum met:     not reported by any agency audited", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    [InlineData(120)]
    [InlineData(200)]
    public void Plain_FitsTheWidthWithEachAgencyOnOneLine(int width)
    {
        var lines = Lines(StatewideText.Plain(Batches.State(), Results.Tool, width));

        Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} columns: {line}"));
        var table = lines.SkipWhile(l => !l.StartsWith("Folder ", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Length > 0).ToList();
        Assert.Equal(["new haven", "river-valley", "shoreline", "south-bad", "waterbury"], table.Select(l => Columns().Split(l)[0]));
        Assert.All(lines, line => Assert.False(line.EndsWith(' '), $"trailing space: {line}"));
    }

    [Fact]
    public void Plain_NameTooLongForTheWidth_IsCutWithAnEllipsis_AndWholeWhenItFits()
    {
        var narrow = StatewideText.Plain(Batches.State(), Results.Tool, 80);
        var wide = StatewideText.Plain(Batches.State(), Results.Tool, 200);

        Assert.DoesNotContain(Batches.LongName, narrow, StringComparison.Ordinal);
        Assert.Matches(@"\nshoreline +Shoreline\S*\.\.\. +NOT CERTIFIED", narrow);
        Assert.Contains(Batches.LongName, wide, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_TooNarrowForAName_LeavesTheNameColumnOut()
    {
        var lines = Lines(StatewideText.Plain(Batches.State(), Results.Tool, 66));

        var header = lines.Single(l => l.StartsWith("Folder ", StringComparison.Ordinal));
        Assert.Equal(["Folder", "Determination", "Months met", "At risk", "Gap FTE", "Failed"], Columns().Split(header));
        Assert.All(lines, line => Assert.True(line.Length <= 66, line));
    }

    [Theory]
    [InlineData("River Valley Services", 30, "River Valley Services")]
    [InlineData("River Valley Services", 21, "River Valley Services")]
    [InlineData("River Valley Services", 20, "River Valley Serv...")]
    [InlineData("River Valley Services", 9, "River...")]
    public void Cut_KeepsTextThatFits_AndEndsTheRestWithAnEllipsis(string text, int width, string expected)
    {
        var cut = StatewideText.Cut(text, width);

        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= width);
    }

    private static List<string> Lines(string text) => [.. text.Split('\n')];

    /// <summary>A table row: folder, name, determination, then the four figures, separated by two spaces or more.</summary>
    [GeneratedRegex(@"^(\S(?:.*?\S)?) {2,}(\S(?:.*?\S)?) {2,}(CERTIFIED|CONDITIONAL|NOT CERTIFIED|BAD INPUT|ERROR) +(\S+) +(\S+) +(\S+) +(\S+)$")]
    private static partial Regex AgencyRow();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Columns();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
