using BhhCompliance.Cli.Tests.Fixtures;

namespace BhhCompliance.Cli.Tests;

/// <summary>snapshot.md: only agency.yaml is required; a rule whose file is absent is cannot-evaluate, never a silent pass.</summary>
public sealed class MissingFileTests
{
    [Fact]
    public void Audit_OnlyAgencyYaml_EveryRuleCannotEvaluateAndExitsZero()
    {
        using var snapshot = SnapshotBuilder.Clean().OnlyAgency().Build();

        var run = Bhh.Run("audit", snapshot.Path, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var findings = new FindingsDocument(run.Out);
        Assert.Equal(29, findings.Findings.Count);
        Assert.All(findings.Findings, f => Assert.Equal("cannot-evaluate", f.GetProperty("outcome").GetString()));
        Assert.Equal(29, findings.Root.GetProperty("summary").GetProperty("cannot_evaluate").GetInt32());
        Assert.Equal(0, findings.Root.GetProperty("summary").GetProperty("pass").GetInt32());
    }

    [Fact]
    public void Audit_OnlyAgencyYaml_NamesTheMissingFiles()
    {
        using var snapshot = SnapshotBuilder.Clean().OnlyAgency().Build();

        var run = Bhh.Run("audit", snapshot.Path, "--format", "json");

        using var findings = new FindingsDocument(run.Out);
        var team = findings.Finding("TEAM-MINIMUM");
        Assert.Equal("The snapshot has no staff.csv.", team.GetProperty("message").GetString());
        Assert.Equal(["staff.csv"], team.GetProperty("evidence").GetProperty("missing_files").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(
            "The snapshot has no services.csv and no claims.csv.",
            findings.Finding("BILL-SUBSTANTIATED").GetProperty("message").GetString());
    }

    [Fact]
    public void Audit_OnlyAgencyYaml_TextSummarySaysTheDeterminationCoversOnlyTheRulesThatRan()
    {
        using var snapshot = SnapshotBuilder.Clean().OnlyAgency().Build();

        var run = Bhh.Run("audit", snapshot.Path);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Findings: 29 cannot evaluate (29 in all, for 29 rules).", run.OutLines);
        Assert.Equal(
            "29 findings were not evaluated (cannot evaluate or error); the determination covers only the rules that ran.",
            run.OutLines[^1]);
    }

    [Fact]
    public void Audit_WithoutClaims_OnlyTheBillingRulesCannotEvaluate()
    {
        using var snapshot = SnapshotBuilder.Clean().Without(SnapshotBuilder.ClaimsFile).Build();

        var run = Bhh.Run("audit", snapshot.Path, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var findings = new FindingsDocument(run.Out);
        var notEvaluated = findings.Findings
            .Where(f => f.GetProperty("outcome").GetString() == "cannot-evaluate")
            .Select(f => f.GetProperty("rule_id").GetString());
        Assert.Equal(["BILL-DUPLICATE", "BILL-ENROLLED", "BILL-SUBSTANTIATED"], notEvaluated);
        Assert.Equal(28, findings.Root.GetProperty("summary").GetProperty("pass").GetInt32());
    }

    [Fact]
    public void Audit_DeclaredCensusWithoutEnrollees_RunsTheRatiosOnIt()
    {
        using var snapshot = SnapshotBuilder.Clean()
            .OnlyAgency()
            .AgencyYaml($"""
                agency:
                  id: LMHA-TV
                  name: Test Valley Services
                review:
                  type: credentialing
                  as_of: {SnapshotBuilder.AsOf}
                  period_start: {SnapshotBuilder.PeriodStart}
                  period_end: {SnapshotBuilder.PeriodEnd}
                enrollment:
                  census: 812

                """)
            .WithTable(
                SnapshotBuilder.StaffFile,
                SnapshotBuilder.StaffHeader,
                "S02,Nora Nurse,nurse-care-manager,1.5,,,RN,2027-06-30,,2021-03-01,",
                "S12,Noel Nurse,nurse-care-manager,1.5,,,RN,2027-06-30,,2021-03-01,",
                "S13,Nia Nurse,nurse-care-manager,0.5,,,RN,2027-06-30,,2021-03-01,")
            .Build();

        var run = Bhh.Run("audit", snapshot.Path, "--format", "json");

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        using var findings = new FindingsDocument(run.Out);
        Assert.Equal(
            "Nurse Care Manager FTE is 3.50; 812 enrollees at 1:200 require 4.06.",
            findings.Finding("STAFF-NURSE-RATIO").GetProperty("message").GetString());
        Assert.Equal("4.06", findings.Evidence("STAFF-NURSE-RATIO", "required_fte"));
        Assert.Equal("3.5", findings.Evidence("STAFF-NURSE-RATIO", "actual_fte"));
        Assert.Equal("fail", findings.Outcome("STAFF-NURSE-RATIO"));
        Assert.Equal("cannot-evaluate", findings.Outcome("PC-HOURS"));
    }
}
