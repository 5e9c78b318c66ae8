using BhhCompliance.Cli.Tests.Fixtures;

namespace BhhCompliance.Cli.Tests;

/// <summary><c>--as-of</c> moves the review date; <c>--profile</c> (or the review type) picks the rules.</summary>
public sealed class AsOfAndProfileTests
{
    private static readonly string[] RatioRules =
        ["STAFF-ADMIN-RATIO", "STAFF-DIRECTOR-RATIO", "STAFF-NURSE-RATIO", "STAFF-PEER-RATIO", "STAFF-SPECIALIST-RATIO", "STAFF-TRANSITION-RATIO"];

    /// <summary>rules.md, "Profiles": credentialing runs STAFF-*, TEAM-*, CRED-*, PC-* and SVC-CORE-SERVICES.</summary>
    private static readonly string[] CredentialingRules =
    [
        "CRED-DIRECTOR", "CRED-LICENSE-CURRENT", "CRED-LICENSE-EXPIRING", "CRED-NURSE", "CRED-PC-CONSULTANT",
        "PC-HOURS", "PC-NOT-BILLED",
        "STAFF-ADMIN-RATIO", "STAFF-DIRECTOR-RATIO", "STAFF-NURSE-RATIO", "STAFF-PEER-RATIO", "STAFF-SPECIALIST-RATIO", "STAFF-TRANSITION-RATIO",
        "SVC-CORE-SERVICES", "TEAM-MINIMUM",
    ];

    [Fact]
    public void AsOf_EarlierDate_CountsTheCensusOnThatDate()
    {
        // E25 enrolled on 2026-09-10: 25 enrollees on 2026-09-30, 24 on 2026-08-31.
        using var snapshot = SnapshotBuilder.Clean().Build();

        using var onReviewDate = Audit(snapshot);
        using var earlier = Audit(snapshot, "--as-of", "2026-08-31");

        Assert.All(RatioRules, rule => Assert.Equal("25", onReviewDate.Evidence(rule, "census")));
        Assert.All(RatioRules, rule => Assert.Equal("24", earlier.Evidence(rule, "census")));
        Assert.Equal("0.13", onReviewDate.Evidence("STAFF-NURSE-RATIO", "required_fte"));
        Assert.Equal("0.12", earlier.Evidence("STAFF-NURSE-RATIO", "required_fte"));
        Assert.Equal(
            "Nurse Care Manager FTE is 1.00; 24 enrollees at 1:200 require 0.12.",
            earlier.Finding("STAFF-NURSE-RATIO").GetProperty("message").GetString());
    }

    [Fact]
    public void AsOf_IsTheReviewDateInTheFindings()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        using var findings = Audit(snapshot, "--as-of", "2026-08-31");

        var review = findings.Root.GetProperty("review");
        Assert.Equal("2026-08-31", review.GetProperty("as_of").GetString());
        Assert.Equal("2026-04-01", review.GetProperty("period_start").GetString());
        Assert.Equal("2026-09-30", review.GetProperty("period_end").GetString());
    }

    [Fact]
    public void AsOf_BeforeAnEndDate_CountsThatStaffMemberAsActive()
    {
        // S08, a 0.5 FTE BHH Specialist, worked until 2026-08-31 (end_date is inclusive).
        using var snapshot = SnapshotBuilder.Clean().Build();

        using var onReviewDate = Audit(snapshot);
        using var onLastDay = Audit(snapshot, "--as-of", "2026-08-31");
        using var dayAfter = Audit(snapshot, "--as-of", "2026-09-01");

        Assert.Equal("1", onReviewDate.Evidence("STAFF-SPECIALIST-RATIO", "actual_fte"));
        Assert.Equal("1.5", onLastDay.Evidence("STAFF-SPECIALIST-RATIO", "actual_fte"));
        Assert.Equal("1", dayAfter.Evidence("STAFF-SPECIALIST-RATIO", "actual_fte"));
    }

    [Fact]
    public void AsOf_BeforeALicenceExpires_TurnsAFailIntoAnExpiryWarning()
    {
        using var snapshot = SnapshotBuilder.Clean()
            .ReplaceRow(SnapshotBuilder.StaffFile, "S02,", "S02,Nora Nurse,nurse-care-manager,1.0,bachelor,nursing,RN,2026-09-15,3,2021-03-01,")
            .Build();

        var expired = Bhh.Run("audit", snapshot.Path, "--format", "json");
        var current = Bhh.Run("audit", snapshot.Path, "--format", "json", "--as-of", "2026-09-01");

        Assert.Equal(ExitCodes.Failures, expired.ExitCode);
        Assert.Equal(ExitCodes.Success, current.ExitCode);
        using var before = new FindingsDocument(expired.Out);
        using var after = new FindingsDocument(current.Out);
        Assert.Equal("fail", before.Outcome("CRED-LICENSE-CURRENT", "staff:S02"));
        Assert.Equal(
            "Nora Nurse (S02), Nurse Care Manager: RN license expired on 2026-09-15.",
            before.Finding("CRED-LICENSE-CURRENT", "staff:S02").GetProperty("message").GetString());
        Assert.Equal("pass", after.Outcome("CRED-LICENSE-CURRENT", "staff:S02"));
        Assert.Equal("warn", after.Outcome("CRED-LICENSE-EXPIRING", "staff:S02"));
        Assert.Equal("14", after.Evidence("CRED-LICENSE-EXPIRING", "days_remaining", "staff:S02"));
    }

    [Fact]
    public void Profile_NameIgnoresCase_LikeTheReviewType()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        using var findings = Audit(snapshot, "--profile", "Credentialing");

        Assert.Equal("credentialing", findings.Root.GetProperty("profile").GetString());
        Assert.Equal(CredentialingRules, findings.RuleIds);
    }

    [Fact]
    public void Profile_ThatSelectsNoRule_IsBadInput_NotACertification()
    {
        // Without attestations.csv: the test rule set has no manual chart criterion to answer.
        using var snapshot = SnapshotBuilder.Clean().Without(SnapshotBuilder.AttestationsFile).Build();
        var rules = RuleSetFolders.Write(snapshot.Sibling("rules"), RuleSetFolders.WithEmptyProfile);

        var run = Bhh.Run("audit", snapshot.Path, "--rules", rules, "--profile", "chart-audit", "--format", "json", "--out", snapshot.Out("findings.json"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(["bhh: The profile 'chart-audit' selects no rule of the rule set test-rules 1; nothing would be audited."], run.ErrorLines);
        Assert.False(File.Exists(snapshot.Out("findings.json")));
    }

    [Fact]
    public void AsOf_BeforeEveryVersionOfTheRules_IsBadInput_NotACertification()
    {
        // A rule set whose only rule comes into force on 2026-07-01: on 2026-06-30 nothing would run.
        using var snapshot = SnapshotBuilder.Clean().Without(SnapshotBuilder.AttestationsFile).Build();
        var versioned = Path.Join(BhhCompliance.Tests.RepositoryPaths.Root, "tests", "BhhCompliance.Loading.Tests", "Golden", "VersionedRuleSet");
        var staffing = File.ReadAllText(Path.Join(versioned, "staffing.yaml"));
        var rules = RuleSetFolders.Write(snapshot.Sibling("rules"), new Dictionary<string, string>
        {
            ["ruleset.yaml"] = File.ReadAllText(Path.Join(versioned, "ruleset.yaml")),
            ["staffing.yaml"] = "rules:\n" + staffing[staffing.LastIndexOf("  - id: STAFF-NURSE-RATIO", StringComparison.Ordinal)..],
        });

        var run = Bhh.Run("audit", snapshot.Path, "--rules", rules, "--as-of", "2026-06-30", "--format", "json", "--out", snapshot.Out("findings.json"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        // The snapshot's chart events after 2026-06-30 are warned about first: the loader checks
        // against the same review day as the rules.
        Assert.Equal("bhh: No rule the profile 'self-check' selects is in force on 2026-06-30; nothing would be audited.", run.ErrorLines[^1]);
        Assert.All(run.ErrorLines.SkipLast(1), l => Assert.Contains("warning BHH2305: The chart event is dated 2026-", l, StringComparison.Ordinal));
        Assert.False(File.Exists(snapshot.Out("findings.json")));
    }

    [Fact]
    public void Profile_Credentialing_RunsOnlyItsRules()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        using var findings = Audit(snapshot, "--profile", "credentialing");

        Assert.Equal("credentialing", findings.Root.GetProperty("profile").GetString());
        Assert.Equal(CredentialingRules, findings.RuleIds);
    }

    [Fact]
    public void ReviewType_PicksTheProfileWhenNoneIsGiven()
    {
        using var snapshot = SnapshotBuilder.Clean().ReviewType("credentialing").Build();

        using var findings = Audit(snapshot);

        Assert.Equal("credentialing", findings.Root.GetProperty("profile").GetString());
        Assert.Equal("credentialing", findings.Root.GetProperty("review").GetProperty("type").GetString());
        Assert.Equal(CredentialingRules, findings.RuleIds);
    }

    [Fact]
    public void Profile_OverridesTheReviewType()
    {
        using var snapshot = SnapshotBuilder.Clean().ReviewType("credentialing").Build();

        using var findings = Audit(snapshot, "--profile", "chart-audit");

        Assert.Equal("chart-audit", findings.Root.GetProperty("profile").GetString());
        Assert.All(findings.RuleIds, id => Assert.True(
            id.StartsWith("SVC-", StringComparison.Ordinal) || id.StartsWith("BILL-", StringComparison.Ordinal) || id.StartsWith("CHART-", StringComparison.Ordinal),
            $"{id} is not a chart-audit rule"));
        Assert.Contains("BILL-SUBSTANTIATED", findings.RuleIds);
        Assert.DoesNotContain("TEAM-MINIMUM", findings.RuleIds);
    }

    [Fact]
    public void Profile_Credentialing_IgnoresFailuresOfRulesOutsideIt()
    {
        // The snapshot with failures fails billing and documentation rules too; credentialing does not run them.
        using var snapshot = SnapshotBuilder.WithFailures().Build();

        using var findings = Audit(snapshot, "--profile", "credentialing");

        Assert.DoesNotContain("BILL-DUPLICATE", findings.RuleIds);
        Assert.DoesNotContain("SVC-DOCUMENTED", findings.RuleIds);
        Assert.Equal(5, findings.Root.GetProperty("summary").GetProperty("fail").GetInt32());
    }

    private static FindingsDocument Audit(SnapshotFolder snapshot, params string[] options)
    {
        var run = Bhh.Run(["audit", snapshot.Path, "--format", "json", .. options]);
        Assert.True(run.ExitCode is ExitCodes.Success or ExitCodes.Failures, $"exit code {run.ExitCode}: {run.Error}");
        return new FindingsDocument(run.Out);
    }
}
