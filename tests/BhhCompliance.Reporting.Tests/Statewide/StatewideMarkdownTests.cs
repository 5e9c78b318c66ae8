using System.Text.RegularExpressions;
using BhhCompliance.Reporting.Statewide;
using BhhCompliance.Reporting.Tests.Fixtures;

namespace BhhCompliance.Reporting.Tests.Statewide;

/// <summary>The statewide summary as Markdown: its table of agencies with links, totals and the agencies not audited.</summary>
public sealed partial class StatewideMarkdownTests
{
    [Fact]
    public void Write_HasTheSectionsInOrder()
    {
        var markdown = Markdown(Batches.State());

        Assert.StartsWith("# BHH statewide audit summary\n\n5 agencies (3 audited, 1 bad input, 1 error). Determinations: 1 certified, 1 conditional, 1 not certified.\n", markdown, StringComparison.Ordinal);
        Assert.Equal(
            ["Agencies", "Statewide totals", "Failed rules by agency", "Not audited (2)"],
            Heading().Matches(markdown).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void Write_AgencyTable_HasARowPerAgencyWithLinksToItsReports()
    {
        var lines = Markdown(Batches.State()).Split('\n');

        var table = lines.SkipWhile(l => !l.StartsWith("| Folder |", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.Equal(
            [
                "| Folder | Agency | Determination | Monthly minimum met | Claims at risk | Amount at risk | Staffing gap (FTE) | Failed rules | Reports |",
                "|---|---|---|---:|---:|---:|---:|---:|---|",
                "| new haven | Connecticut Mental Health Center (CMHA-NH) | **CERTIFIED** | 93% | 0 of 1,100 | $0.00 | 0.25 | 0 | " +
                    "[report.pdf](new%20haven/report.pdf) · [findings.json](new%20haven/findings.json) |",
                "| river-valley | River Valley Services (LMHA-RV) | **CONDITIONAL** | 85% | 3 of 2,000 | $355.74 | 1.80 | 6 | " +
                    "[report.pdf](river-valley/report.pdf) · [findings.json](river-valley/findings.json) · [summary.md](river-valley/summary.md) |",
                $"| shoreline | {Batches.LongName} (SHORE) | **NOT CERTIFIED** | n/a | n/a | n/a | 0.75 | 2 | [report.pdf](shoreline/report.pdf) |",
                "| south-bad | south-bad | **BAD INPUT** |  |  |  |  |  |  |",
                "| waterbury | Waterbury Counseling (WCMH) | **ERROR** |  |  |  |  |  | [error.txt](waterbury/error.txt) |",
            ],
            table);
    }

    [Fact]
    public void Write_Totals_AreATableOfTheStatewideFigures()
    {
        var markdown = Markdown(Batches.State());

        Assert.Contains(
            "## Statewide totals\n\n| | |\n|---|---|\n| Agencies | 5 (3 audited, 1 bad input, 1 error) |\n" +
                "| Determinations | 1 certified, 1 conditional, 1 not certified |\n| Monthly minimum met | 88.2% of 1,000 enrollee months, pooled |\n" +
                "| Claims at risk | 3 of 3,100 claims |\n| Amount at risk | $355.74 |\n| Staffing gap | 2.80 FTE short of the ratios |\n",
            markdown,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NoAgencyRanAClaimRule_TotalsSayClaimsAtRiskWereNotReported()
    {
        var markdown = Markdown(Batches.WithoutClaimRules());

        Assert.Contains(
            "| Claims at risk | not reported by any agency audited |\n| Amount at risk | not reported by any agency audited |\n",
            markdown,
            StringComparison.Ordinal);
        Assert.Contains("| pine-crest | Pine Crest Counseling Associates (AFF-PC03) | **CERTIFIED** | n/a | n/a | n/a | 0.00 | 0 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FailedRules_ListEachAgencysRulesAndStaffing()
    {
        var markdown = Markdown(Batches.State());

        Assert.Contains(
            "- **shoreline** (" + Batches.LongName + ", NOT CERTIFIED): `STAFF-NURSE-RATIO`, `TEAM-MINIMUM`; " +
                "staffing below `STAFF-NURSE-RATIO`; missing nurse-care-manager, peer-recovery-specialist\n",
            markdown,
            StringComparison.Ordinal);
        Assert.Contains("- **new haven** (Connecticut Mental Health Center, CERTIFIED): no rule failed; staffing below `STAFF-PEER-RATIO`\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NotAudited_GivesEachProblemAndItsFiles()
    {
        var markdown = Markdown(Batches.State());

        var section = markdown[markdown.IndexOf("## Not audited (2)", StringComparison.Ordinal)..];
        Assert.Equal(
            "## Not audited (2)\n\n" +
                "- **south-bad** (bad input): The snapshot has 2 errors: enrollees.csv(4,3): error BHH2103: The date '2026-13-01' is not a date. " +
                "Its files have 2 errors, 1 warning.\n" +
                "- **waterbury** (error), Waterbury Counseling (WCMH): " + Batches.ErrorProblem + " [error.txt](waterbury/error.txt)\n",
            section);
    }

    [Fact]
    public void Write_EveryAgencyAudited_SaysSo()
    {
        var state = Batches.State();

        var markdown = Markdown(state with { Agencies = [.. state.Audited] });

        Assert.EndsWith("## Not audited (0)\n\nEvery snapshot was audited.\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EscapesTextFromTheSnapshots()
    {
        var result = Batches.Result("A|1", "Smith *and* Jones [North]", new DateOnly(2026, 9, 30), Batches.Team(Core.Findings.Outcome.Pass));
        var agency = AgencyAudit.Audited("north_[1]", result, Batches.KindOf, 0, ["north_[1]/report (final).pdf"]);

        var markdown = Markdown(Batches.State() with { Agencies = [agency] });

        Assert.Contains(
            "| north\\_\\[1\\] | Smith \\*and\\* Jones \\[North\\] (A\\|1) | **CERTIFIED** |",
            markdown,
            StringComparison.Ordinal);
        Assert.Contains("[report (final).pdf](north_%5B1%5D/report%20%28final%29.pdf) |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_IsTheSameEveryTimeWithLfLineEndings()
    {
        var first = Markdown(Batches.State());

        Assert.Equal(first, Markdown(Batches.State()));
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith(".txt)\n", first, StringComparison.Ordinal);
    }

    private static string Markdown(StatewideSummary summary)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        StatewideMarkdown.Write(summary, Results.Tool, writer);
        return writer.ToString();
    }

    [GeneratedRegex("^## (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
