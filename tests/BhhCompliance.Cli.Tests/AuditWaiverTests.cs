using System.Text;
using BhhCompliance.Cli.Tests.Fixtures;

namespace BhhCompliance.Cli.Tests;

/// <summary>
/// <c>bhh audit --waivers FILE</c> (cli.md): a waived finding no longer counts as a fail, so the
/// exit code and the determination follow the fails that remain; a waivers file with errors
/// stops the run before evaluation with exit code 2 and no report.
/// </summary>
public sealed class AuditWaiverTests
{
    /// <summary>The rules with a fail in <see cref="SnapshotBuilder.WithFailures"/>, each with its subject.</summary>
    private static readonly (string Rule, string? Subject)[] EveryFail =
    [
        ("STAFF-NURSE-RATIO", "agency"),
        ("CRED-DIRECTOR", "staff:S01"),
        ("CRED-NURSE", "staff:S09"),
        ("CRED-LICENSE-CURRENT", "staff:S09"),
        ("SVC-DOCUMENTED", null),
        ("SVC-BILLING-CODE", null),
        ("PC-NOT-BILLED", null),
        ("BILL-SUBSTANTIATED", null),
        ("BILL-DUPLICATE", null),
    ];

    [Fact]
    public void Audit_WaiversWithErrors_ExitsTwoWithEveryProblemAndWritesNothing()
    {
        using var snapshot = SnapshotBuilder.WithFailures().Build();
        var waivers = Write(snapshot, """
            waivers:
              - rule_id: STAFF-NURSE-RATIO
                justification: Two nurses start in October.
                requested_by: Dana Director
                approved_by: dana director
                expires_on: 2026-12-31
              - rule_id: BILL-ENROLLED
                justification: The enrolment dates in the export are wrong.
                requested_by: Dana Director
                approved_by: J. Smith (ABH)
                expires_on: 2026-12-31
            """);

        var run = Bhh.Run("audit", snapshot.Path, "--waivers", waivers, "--format", "json", "--out", snapshot.Out("findings.json"), "--format", "pdf", "--out", snapshot.Out("report.pdf"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(
            [
                $"{waivers}(5,18): error BHH1504: The waiver is approved by the person who requested it ('dana director'); someone else must approve it.",
                $"{waivers}(7,14): error BHH1503: BILL-ENROLLED cannot be waived: the rule set marks it waivable: false.",
                "bhh: The waivers file has 2 errors, 0 warnings; no report was written.",
            ],
            run.ErrorLines);
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal(["waivers.yaml"], snapshot.FilesOutsideSnapshot());
    }

    [Fact]
    public void Audit_MissingWaiversFile_ExitsTwo()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        var missing = snapshot.Sibling("no-such-waivers.yaml");

        var run = Bhh.Run("audit", snapshot.Path, "--waivers", missing);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"{missing}: error BHH1501: The waivers file does not exist.", run.ErrorLines[0]);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void Audit_OnlyFailWaived_ExitsZeroAndCertifies()
    {
        // Peer FTE 0.3 against 25 / 50 = 0.5 is below the 10% tolerance: the snapshot's only fail, and a major one.
        using var snapshot = SnapshotBuilder.Clean()
            .ReplaceRow(SnapshotBuilder.StaffFile, "S04,", "S04,Pat Peer,peer-recovery-specialist,0.3,none,,,,1,2023-05-01,")
            .Build();
        var waivers = Write(snapshot, Waivers(("STAFF-PEER-RATIO", "agency")));

        var without = Bhh.Run("audit", snapshot.Path, "--format", "json");
        var with = Bhh.Run("audit", snapshot.Path, "--waivers", waivers, "--format", "json");

        Assert.Equal(ExitCodes.Failures, without.ExitCode);
        using (var findings = new FindingsDocument(without.Out))
        {
            Assert.Equal("conditional", findings.Root.GetProperty("determination").GetString());
        }

        Assert.Equal(ExitCodes.Success, with.ExitCode);
        Assert.Equal(string.Empty, with.Error);
        using var waived = new FindingsDocument(with.Out);
        Assert.Equal("certified", waived.Root.GetProperty("determination").GetString());
        var peer = waived.Finding("STAFF-PEER-RATIO");
        Assert.Equal("waived", peer.GetProperty("outcome").GetString());
        Assert.Equal("fail", peer.GetProperty("waived_outcome").GetString());
        Assert.Equal("waivers.yaml:2", peer.GetProperty("waiver").GetProperty("source").GetString());
        Assert.Equal("applied", Assert.Single(waived.Root.GetProperty("waivers").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public void Audit_EveryFailWaived_ExitsZeroThoughWarningsRemain()
    {
        using var snapshot = SnapshotBuilder.WithFailures().Build();
        var waivers = Write(snapshot, Waivers(EveryFail));

        var run = Bhh.Run("audit", snapshot.Path, "--waivers", waivers);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains("Findings: 22 pass, 3 warn, 9 waived (34 in all, for 29 rules).", run.OutLines);
        Assert.Contains("Determination: CERTIFIED - no critical or major rule failed.", run.OutLines);
    }

    [Fact]
    public void Audit_SomeFailsWaived_ExitCodeFollowsTheFailsThatRemain()
    {
        // Only SVC-BILLING-CODE, a minor rule, is left failing: certified, but a fail all the same.
        using var snapshot = SnapshotBuilder.WithFailures().Build();
        var waivers = Write(snapshot, Waivers([.. EveryFail.Where(w => w.Rule != "SVC-BILLING-CODE")]));

        var run = Bhh.Run("audit", snapshot.Path, "--waivers", waivers, "--format", "json");

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        using var findings = new FindingsDocument(run.Out);
        Assert.Equal("certified", findings.Root.GetProperty("determination").GetString());
        Assert.Equal("fail", findings.Outcome("SVC-BILLING-CODE"));
        Assert.Equal("waived", findings.Outcome("CRED-NURSE", "staff:S09"));
        Assert.Equal("pass", findings.Outcome("CRED-NURSE", "staff:S02"));
        Assert.Equal(8, findings.Root.GetProperty("summary").GetProperty("waived").GetInt32());
    }

    [Fact]
    public void Audit_ExpiredWaiver_WarnsWithItsLineAndIsNotApplied()
    {
        using var snapshot = SnapshotBuilder.WithFailures().Build();
        var waivers = Write(snapshot, Waivers(("STAFF-NURSE-RATIO", "agency", "2026-09-20")));

        var run = Bhh.Run("audit", snapshot.Path, "--waivers", waivers, "--format", "json");
        var earlier = Bhh.Run("audit", snapshot.Path, "--waivers", waivers, "--format", "json", "--as-of", "2026-09-20");

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        Assert.Equal(
            [$"{waivers}(7,17): warning BHH1521: The waiver for STAFF-NURSE-RATIO and agency expired on 2026-09-20, before the as-of date 2026-09-30; it is not applied. Renew it or remove it."],
            run.ErrorLines);
        using var findings = new FindingsDocument(run.Out);
        Assert.Equal("fail", findings.Outcome("STAFF-NURSE-RATIO"));
        Assert.Equal("expired", Assert.Single(findings.Root.GetProperty("waivers").EnumerateArray()).GetProperty("status").GetString());

        // The as-of date the waiver is judged by is the one the audit runs as of.
        Assert.Equal(string.Empty, earlier.Error);
        using var onTime = new FindingsDocument(earlier.Out);
        Assert.Equal("waived", onTime.Outcome("STAFF-NURSE-RATIO"));
    }

    [Fact]
    public void Audit_WaiverOfAPassingFinding_WarnsThatItMatchesNothing()
    {
        using var snapshot = SnapshotBuilder.WithFailures().Build();
        var waivers = Write(snapshot, Waivers(("STAFF-DIRECTOR-RATIO", "agency")));

        var run = Bhh.Run("audit", snapshot.Path, "--waivers", waivers, "--format", "json");

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        Assert.Equal(
            [$"{waivers}(3,14): warning BHH1522: The waiver for STAFF-DIRECTOR-RATIO and agency matches no finding that needs it: its finding is pass; only fail, warn, cannot-evaluate and not-reviewed findings are waived. It is not applied."],
            run.ErrorLines);
        using var findings = new FindingsDocument(run.Out);
        Assert.Equal("unmatched", Assert.Single(findings.Root.GetProperty("waivers").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public void Audit_WithWaivers_TheReportsHaveTheWaivedSection()
    {
        using var snapshot = SnapshotBuilder.WithFailures().Build();
        var waivers = Write(snapshot, Waivers(("STAFF-NURSE-RATIO", "agency")));

        var run = Bhh.Run("audit", snapshot.Path, "--waivers", waivers, "--format", "md", "--out", snapshot.Out("report.md"), "--format", "pdf", "--out", snapshot.Out("report.pdf"));

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        var markdown = File.ReadAllText(snapshot.Out("report.md"));
        Assert.Contains("## Waived findings", markdown, StringComparison.Ordinal);
        Assert.Contains("### Waived (Fail): STAFF-NURSE-RATIO Nurse Care Manager staffing meets 1:200", markdown, StringComparison.Ordinal);
        Assert.True(new FileInfo(snapshot.Out("report.pdf")).Length > 0);
        Assert.Contains("WAIVED STAFF-NURSE-RATIO (major): Nurse Care Manager FTE is 0.10; 25 enrollees at 1:200 require 0.13.", run.OutLines);
    }

    [Fact]
    public void Audit_OutNamingTheWaiversFile_IsRefusedBeforeAnythingRuns()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();
        var waivers = Write(snapshot, Waivers(("STAFF-PEER-RATIO", "agency")));
        var before = File.ReadAllBytes(waivers);

        var run = Bhh.Run("audit", snapshot.Path, "--waivers", waivers, "--format", "json", "--out", waivers);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"bhh: --out {waivers} would overwrite the waivers file; write the report somewhere else.", Assert.Single(run.ErrorLines));
        Assert.Equal(before, File.ReadAllBytes(waivers));
    }

    private static string Write(SnapshotFolder snapshot, string yaml)
    {
        var path = snapshot.Sibling("waivers.yaml");
        File.WriteAllText(path, yaml, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private static string Waivers(params (string Rule, string? Subject)[] waivers) =>
        Waivers([.. waivers.Select(w => (w.Rule, w.Subject, "2026-12-31"))]);

    /// <summary>A waivers file, each waiver six or seven lines long (seven with a subject), the first starting on line 2.</summary>
    private static string Waivers(params (string Rule, string? Subject, string ExpiresOn)[] waivers)
    {
        var yaml = new StringBuilder("waivers:\n");
        foreach (var (rule, subject, expiresOn) in waivers)
        {
            yaml.Append("  - rule_id: ").Append(rule).Append('\n');
            if (subject is not null)
            {
                yaml.Append("    subject: ").Append(subject).Append('\n');
            }

            yaml.Append("    justification: The agency's corrective action plan covers it.\n")
                .Append("    requested_by: Dana Director (LMHA-TV)\n")
                .Append("    approved_by: J. Smith (ABH)\n")
                .Append("    expires_on: ").Append(expiresOn).Append('\n');
        }

        return yaml.ToString();
    }
}
