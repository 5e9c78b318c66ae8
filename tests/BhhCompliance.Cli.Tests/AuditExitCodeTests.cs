using BhhCompliance.Cli.Tests.Fixtures;

namespace BhhCompliance.Cli.Tests;

/// <summary>cli.md, "Exit codes": 0 no fail, 1 a fail, 2 bad input, 3 internal error.</summary>
public sealed class AuditExitCodeTests
{
    [Fact]
    public void Audit_CleanSnapshot_ExitsZeroAndCertifies()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        var run = Bhh.Run("audit", snapshot.Path);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains("Findings: 31 pass (31 in all, for 29 rules).", run.OutLines);
        Assert.Contains("Determination: CERTIFIED - no critical or major rule failed.", run.OutLines);
    }

    [Fact]
    public void Audit_MajorFailures_ExitsOneWithConditionalDetermination()
    {
        using var snapshot = SnapshotBuilder.WithFailures().Build();

        var run = Bhh.Run("audit", snapshot.Path);

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains("Findings: 22 pass, 3 warn, 9 fail (34 in all, for 29 rules).", run.OutLines);
        Assert.Contains("Determination: CONDITIONAL - a major rule failed; a corrective action plan is required.", run.OutLines);
    }

    [Fact]
    public void Audit_CriticalFailure_ExitsOneWithNotCertified()
    {
        // The consultant is on the roster with FTE 0, so TEAM-MINIMUM (critical) finds nobody in the role.
        using var snapshot = SnapshotBuilder.Clean()
            .ReplaceRow(SnapshotBuilder.StaffFile, "S07,", "S07,Dr. Casey Consultant,pc-consultant,0,doctorate,medicine,MD,2027-12-31,10,2020-06-01,")
            .Build();

        var run = Bhh.Run("audit", snapshot.Path, "--format", "json");

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        using var findings = new FindingsDocument(run.Out);
        Assert.Equal("not-certified", findings.Root.GetProperty("determination").GetString());
        Assert.Equal("fail", findings.Outcome("TEAM-MINIMUM"));
        var missing = findings.Finding("TEAM-MINIMUM").GetProperty("evidence").GetProperty("missing");
        Assert.Equal(["pc-consultant"], missing.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Audit_OnlyWarnings_ExitsZeroAndStaysCertified()
    {
        // Peer FTE 0.45 against 0.5 is inside the 10% tolerance: a warning, which never lowers the determination.
        using var snapshot = SnapshotBuilder.Clean()
            .ReplaceRow(SnapshotBuilder.StaffFile, "S04,", "S04,Pat Peer,peer-recovery-specialist,0.45,none,,,,1,2023-05-01,")
            .Build();

        var run = Bhh.Run("audit", snapshot.Path, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var findings = new FindingsDocument(run.Out);
        Assert.Equal("warn", findings.Outcome("STAFF-PEER-RATIO"));
        Assert.Equal("certified", findings.Root.GetProperty("determination").GetString());
    }

    [Fact]
    public void Audit_BadSnapshot_ExitsTwoWithEveryProblemOnStderrAndWritesNothing()
    {
        var builder = SnapshotBuilder.BadInput();
        using var snapshot = builder.Build();
        var staff = Path.Join(snapshot.Path, "staff.csv");
        var services = Path.Join(snapshot.Path, "services.csv");

        var run = Bhh.Run("audit", snapshot.Path, "--format", "json", "--out", snapshot.Out("findings.json"), "--format", "md", "--out", snapshot.Out("report.md"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("bhh: The snapshot has 3 errors, 0 warnings", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Contains("no report was written", run.ErrorLines[^1], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(
            new List<string>
            {
                $"{staff}(10,1): error BHH2201: The staff_id 'S01' appears twice; the first is on line 2.",
                $"{staff}(11,3): error BHH2108: 'chaplain' in 'role' is not a known role. Known: director, nurse-care-manager, bhh-specialist, peer-recovery-specialist, care-transition-coordinator, admin-systems-specialist, pc-consultant.",
                $"{services}(3,2): error BHH2103: 'date' must be a date (YYYY-MM-DD), got '2026-13-01'.",
            }.Order(StringComparer.Ordinal),
            run.ErrorLines.SkipLast(1).Order(StringComparer.Ordinal));
        Assert.Equal(string.Empty, run.Out);
        Assert.Empty(snapshot.FilesOutsideSnapshot());
    }

    [Fact]
    public void Audit_BadSnapshot_LeavesTheInputFilesUnchanged()
    {
        using var snapshot = SnapshotBuilder.BadInput().Build();
        var before = Directory.EnumerateFiles(snapshot.Path).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();

        var run = Bhh.Run("audit", snapshot.Path, "--format", "json", "--out", snapshot.Out("findings.json"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var after = Directory.EnumerateFiles(snapshot.Path).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        Assert.Equal(before, after);
    }

    [Fact]
    public void Audit_SnapshotWarnings_ArePrintedAndTheRunGoesOn()
    {
        var builder = SnapshotBuilder.Clean().AddRow(SnapshotBuilder.ServicesFile, "E01,2026-03-15,care-management,60,T1017,S03,N-E01-2026-03");
        var line = builder.LineOf(SnapshotBuilder.ServicesFile, "E01,2026-03-15,");
        using var snapshot = builder.Build();

        var run = Bhh.Run("audit", snapshot.Path);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(
            [$"{Path.Join(snapshot.Path, "services.csv")}({line},2): warning BHH2301: The service is dated 2026-03-15, outside the period 2026-04-01 to 2026-09-30; it is not counted toward the period's services or claims, only as the enrollee's first service where a chart criterion looks for one."],
            run.ErrorLines);
        Assert.Contains("Findings: 31 pass (31 in all, for 29 rules).", run.OutLines);
    }

    [Fact]
    public void Audit_SnapshotFolderThatDoesNotExist_ExitsTwo()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        var missing = snapshot.Sibling("no-such-snapshot");

        var run = Bhh.Run("audit", missing);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.StartsWith(missing, StringComparison.Ordinal) && l.Contains(": error BHH2001: The snapshot folder does not exist.", StringComparison.Ordinal));
        Assert.StartsWith("bhh: The snapshot has 1 error, 0 warnings", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void Audit_SnapshotWithoutAgencyYaml_ExitsTwo()
    {
        using var snapshot = SnapshotBuilder.Clean().WithoutAgency().Build();

        var run = Bhh.Run("audit", snapshot.Path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"{Path.Join(snapshot.Path, "agency.yaml")}: error BHH2002: agency.yaml is missing; every snapshot needs it.", run.ErrorLines[0]);
    }

    [Fact]
    public void Audit_PcTrackerSpreadsheetThatIsNotAWorkbook_ExitsTwo()
    {
        // A malformed file is bad input (snapshot.md, "Bad input"), not an internal error.
        using var snapshot = SnapshotBuilder.Clean()
            .Without(SnapshotBuilder.PcTrackerFile)
            .WithRawFile("pc-tracker.xlsx", "date,consultant_id,minutes,activity\n"u8.ToArray())
            .Build();

        var run = Bhh.Run("audit", snapshot.Path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"{Path.Join(snapshot.Path, "pc-tracker.xlsx")}: error BHH2009: ", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_RuleThatBreaksWhileEvaluating_ExitsThreeWithAMessageAndNoStackTrace()
    {
        // Data only: a rule set whose message template formats a list of role names as a number.
        // `rules validate` cannot see that; the template throws when the rule is evaluated.
        using var snapshot = SnapshotBuilder.Clean().Without(SnapshotBuilder.AttestationsFile).Build();
        var rules = RuleSetFolders.Write(snapshot.Sibling("rules"), RuleSetFolders.WithTemplateThatThrows);

        var run = Bhh.Run("audit", snapshot.Path, "--rules", rules, "--format", "json", "--out", snapshot.Out("findings.json"));

        Assert.Equal(ExitCodes.InternalError, run.ExitCode);
        Assert.Equal(
            "bhh: internal error: Rule TEAM-COUNT could not be evaluated: a number helper in a template was given a list, which is not a number. This is a defect in the rule set or the tool.",
            run.ErrorLines[0]);
        Assert.DoesNotContain(run.ErrorLines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));

        // The other rules were still evaluated, and the broken one is an error finding, not a silent pass.
        using var findings = FindingsDocument.Read(snapshot.Out("findings.json"));
        Assert.Equal("error", findings.Outcome("TEAM-COUNT"));
        Assert.Equal("pass", findings.Outcome("TEAM-MINIMUM"));
        Assert.Equal(1, findings.Root.GetProperty("summary").GetProperty("error").GetInt32());
    }

    [Fact]
    public void Audit_OutIsAnExistingFolder_ExitsTwoAndLeavesNoPartialFile()
    {
        // An --out that names a folder is a bad argument (exit 2), not a defect of the tool (exit 3).
        using var snapshot = SnapshotBuilder.Clean().Build();
        var folder = snapshot.Sibling("reports");
        Directory.CreateDirectory(folder);

        var run = Bhh.Run("audit", snapshot.Path, "--format", "json", "--out", folder);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.DoesNotContain("defect", run.Error, StringComparison.Ordinal);
        Assert.Empty(snapshot.FilesOutsideSnapshot());
    }
}
