using System.Text.Json;
using BhhCompliance.Cli.Tests.Fixtures;

namespace BhhCompliance.Cli.Tests;

/// <summary>
/// <c>bhh diff OLD.json NEW.json</c> on real audits: the snapshot with failures as the last
/// review and the clean snapshot as this one (what the corrective action plan fixed), and the
/// other way round; the formats, the exit codes and bad input.
/// </summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly SnapshotFolder _work = SnapshotBuilder.Clean().Build();

    public DiffCommandTests()
    {
        Before = Audit(SnapshotBuilder.WithFailures(), "before.json");
        After = Audit(SnapshotBuilder.Clean(), "after.json");
    }

    /// <summary>findings.json of <see cref="SnapshotBuilder.WithFailures"/>.</summary>
    private string Before { get; }

    /// <summary>findings.json of <see cref="SnapshotBuilder.Clean"/>.</summary>
    private string After { get; }

    [Fact]
    public void Diff_FailuresThenClean_ListsWhatWasFixedAndExitsZero()
    {
        var run = Bhh.Run("diff", Before, After);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal("BHH audit comparison: Test Valley Services (LMHA-TV)", run.OutLines[0]);
        Assert.Contains("Determination: CONDITIONAL → CERTIFIED", run.OutLines);
        Assert.Contains("12 fixed, 0 still failing, 0 new problems, 4 changed, 18 unchanged.", run.OutLines);
        Assert.Equal(
            [
                "FAIL → PASS    BILL-DUPLICATE (major): No enrollee month is claimed twice",
                "FAIL → PASS    BILL-SUBSTANTIATED (major): Every claimed month is substantiated by a documented service",
                "FAIL → PASS    CRED-DIRECTOR staff:S01 (major): BHH Director holds the required degree and experience",
                "FAIL → ABSENT  CRED-LICENSE-CURRENT staff:S09 (major): Licenses of licensed staff are current",
                "FAIL → ABSENT  CRED-NURSE staff:S09 (major): Nurse Care Manager is a registered nurse",
                "FAIL → PASS    PC-NOT-BILLED (major): Primary care consultant BHH work is not billed to Medicaid",
                "FAIL → PASS    STAFF-NURSE-RATIO (major): Nurse Care Manager staffing meets 1:200",
                "FAIL → PASS    SVC-BILLING-CODE (minor): Services carry a BHH procedure code",
                "FAIL → PASS    SVC-DOCUMENTED (major): Every service is documented with a note",
                "WARN → PASS    CRED-LICENSE-EXPIRING staff:S02 (minor): No license of licensed staff expires soon",
                "WARN → PASS    STAFF-PEER-RATIO (major): Peer Recovery Specialist staffing meets 1:50",
                "WARN → PASS    SVC-MONTHLY-MINIMUM (major): Each enrollee receives at least 1 hour of service a month",
            ],
            ItemHeadings(run, "Fixed since the last audit (12)"));
        Assert.Contains("                 Evidence: actual_fte 0.1 → 1", run.OutLines);
        Assert.Contains("PASS → ABSENT  CRED-LICENSE-EXPIRING staff:S09 (minor): No license of licensed staff expires soon", ItemHeadings(run, "Changed (4)"));
    }

    [Fact]
    public void Diff_CleanThenFailures_ListsNewProblemsAndExitsOne()
    {
        var run = Bhh.Run("diff", After, Before);

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        Assert.Contains("0 fixed, 0 still failing, 12 new problems, 4 changed, 18 unchanged.", run.OutLines);
        var heading = ItemHeadings(run, "New problems (12)");
        Assert.Equal("PASS → FAIL    BILL-DUPLICATE (major): No enrollee month is claimed twice", heading[0]);
        Assert.Contains("ABSENT → FAIL  CRED-NURSE staff:S09 (major): Nurse Care Manager is a registered nurse", heading);
        Assert.Equal("PASS → WARN    SVC-MONTHLY-MINIMUM (major): Each enrollee receives at least 1 hour of service a month", heading[^1]);
    }

    [Fact]
    public void Diff_SameAudit_HasNothingButUnchangedAndExitsLikeTheAudit()
    {
        var run = Bhh.Run("diff", Before, Before);

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        Assert.Contains("0 fixed, 12 still failing, 0 new problems, 0 changed, 22 unchanged.", run.OutLines);
        Assert.Contains("Determination: CONDITIONAL (unchanged)", run.OutLines);
    }

    [Fact]
    public void Diff_JsonToAFile_WritesTheSameBytesEachTime()
    {
        var first = _work.Out("diff-1.json");
        var second = _work.Out("diff-2.json");

        var run = Bhh.Run("diff", Before, After, "--format", "json", "--out", first);
        Bhh.Run("diff", Before, After, "--out", second);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("12 fixed, 0 still failing, 0 new problems, 4 changed, 18 unchanged. Written to " + first + ".", run.Out.TrimEnd());
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.DoesNotContain(".partial", string.Join(",", _work.FilesOutsideSnapshot()), StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllBytes(first));
        var root = json.RootElement;
        Assert.Equal("bhh-diff/1", root.GetProperty("schema").GetString());
        Assert.Equal(
            ["schema", "tool", "old_audit", "new_audit", "agency_changed", "rule_set_changed", "profile_changed", "severity_changes",
             "resolved", "persisting", "new", "changed", "unchanged", "only_in_old", "only_in_new"],
            FindingsDocument.Keys(root));
        Assert.Equal("conditional", root.GetProperty("old_audit").GetProperty("determination").GetString());
        Assert.Equal("certified", root.GetProperty("new_audit").GetProperty("determination").GetString());
        var nurse = root.GetProperty("resolved").EnumerateArray().Single(c => c.GetProperty("rule_id").GetString() == "STAFF-NURSE-RATIO");
        Assert.Equal(["rule_id", "subject", "title", "severity", "old_outcome", "new_outcome", "evidence_changes"], FindingsDocument.Keys(nurse));
        Assert.Equal(
            """[{"key":"actual_fte","old":0.1,"new":1}]""",
            JsonSerializer.Serialize(nurse.GetProperty("evidence_changes")));
        Assert.Equal(18, root.GetProperty("unchanged").GetProperty("pass").GetInt32());
    }

    [Fact]
    public void Diff_Markdown_HasTheCorrectiveActionSections()
    {
        var run = Bhh.Run("diff", Before, After, "--format", "md");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(
            ["## Fixed since the last audit (12)", "## Still failing (0)", "## New problems (0)", "## Changed (4)", "## Unchanged (18)"],
            run.OutLines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Diff_RuleSetChanged_SaysSoAndShowsTheEvidence()
    {
        var rules = _work.Sibling("rules-150");
        RuleSetFolders.CopyOfShipped(rules);
        var staffing = Path.Join(rules, "10-staffing.yaml");
        var yaml = File.ReadAllText(staffing);
        var at = yaml.IndexOf("caseload: 200", yaml.IndexOf("id: STAFF-NURSE-RATIO", StringComparison.Ordinal), StringComparison.Ordinal);
        File.WriteAllText(staffing, string.Concat(yaml.AsSpan(0, at), "caseload: 150", yaml.AsSpan(at + "caseload: 200".Length)));
        var changed = Audit(SnapshotBuilder.WithFailures(), "rules-150.json", "--rules", rules);

        var run = Bhh.Run("diff", Before, changed);

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        Assert.Contains(run.OutLines, l => l.StartsWith("The rule set changed: ct-bhh ", StringComparison.Ordinal));
        Assert.Contains("0 fixed, 12 still failing, 0 new problems, 0 changed, 22 unchanged.", run.OutLines);
        Assert.Contains("        Evidence: caseload 200 → 150; required_fte 0.13 → 0.17", run.OutLines);
    }

    [Fact]
    public void Diff_DifferentAgencies_WarnsOnStandardErrorAndCompares()
    {
        var other = Audit(
            SnapshotBuilder.Clean().AgencyYaml("""
                agency:
                  id: LMHA-XX
                  name: Other Services
                  type: lmha
                review:
                  type: self-check
                  as_of: 2026-09-30
                  period_start: 2026-04-01
                  period_end: 2026-09-30

                """),
            "other.json");

        var run = Bhh.Run("diff", Before, other);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(
            [$"bhh: warning: {Before} is an audit of Test Valley Services (LMHA-TV), and {other} of Other Services (LMHA-XX); comparing them all the same."],
            run.ErrorLines);
        Assert.Contains("BHH audit comparison: Test Valley Services (LMHA-TV) and Other Services (LMHA-XX)", run.OutLines);
    }

    [Fact]
    public void Diff_NotJson_ExitsTwoNamingTheFileLineAndColumn()
    {
        var broken = _work.Sibling("broken.json");
        File.WriteAllText(broken, "{\n  \"schema\": \"bhh-findings/1\",\n  \"findings\": [\n}\n");

        var run = Bhh.Run("diff", Before, broken);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.StartsWith($"{broken}(4,1): error BHH5002: The file is not JSON, so not a findings.json: ", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.StartsWith($"bhh: {broken} is not a findings.json file that bhh can read; nothing was compared.", run.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_WrongSchemaAndMissingFile_ReportsBothAndExitsTwo()
    {
        var sample = _work.Sibling("chart-sample.yaml.json");
        File.WriteAllText(sample, """{ "schema": "bhh-diff/1" }""");
        var missing = _work.Sibling("missing.json");

        var run = Bhh.Run("diff", sample, missing);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(
            [
                $"{sample}: error BHH5004: The file's schema is 'bhh-diff/1', not 'bhh-findings/1': it is not a findings.json that this version of bhh can compare.",
                $"{missing}: error BHH5001: The file cannot be read: there is no such file.",
                $"bhh: {sample} and {missing} are not findings.json files that bhh can read; nothing was compared. Write one with 'bhh audit SNAPSHOT --format json --out FILE'.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public void Diff_UnknownFormat_ExitsTwo()
    {
        var run = Bhh.Run("diff", Before, After, "--format", "pdf");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(["bhh: Unknown format 'pdf'. bhh diff writes text, md or json."], run.ErrorLines);
    }

    [Fact]
    public void Diff_OutOverAnInput_IsRefusedAndLeavesItAlone()
    {
        var before = File.ReadAllBytes(After);

        var run = Bhh.Run("diff", Before, After, "--out", After);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal([$"bhh: --out {After} is one of the audits being compared; write the comparison to another file."], run.ErrorLines);
        Assert.Equal(before, File.ReadAllBytes(After));
    }

    public void Dispose() => _work.Dispose();

    /// <summary>The first lines of the items of a section: transition and heading, without the indent.</summary>
    private static List<string> ItemHeadings(BhhRun run, string section)
    {
        var lines = run.OutLines.SkipWhile(l => l != section).Skip(1).TakeWhile(l => l.Length > 0);
        return [.. lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("   ", StringComparison.Ordinal)).Select(l => l.Trim())];
    }

    private string Audit(SnapshotBuilder builder, string name, params string[] options)
    {
        using var snapshot = builder.Build();
        var path = _work.Sibling(name);
        var run = Bhh.Run(["audit", snapshot.Path, "--format", "json", "--out", path, "--quiet", .. options]);
        Assert.True(run.ExitCode is ExitCodes.Success or ExitCodes.Failures, run.Error);
        return path;
    }
}
