using System.Text.RegularExpressions;
using BhhCompliance.Cli.Tests.Fixtures;
using BhhCompliance.Tests;

namespace BhhCompliance.Cli.Tests;

/// <summary><c>bhh rules validate [DIR]</c> and <c>bhh rules list [--profile NAME]</c>.</summary>
public sealed partial class RulesCommandTests
{
    /// <summary>The rules of the Connecticut rule set (rules.md), in id order.</summary>
    // In the rule set's order: the catalog's families, staffing first.
    private static readonly string[] AllRules =
    [
        "STAFF-DIRECTOR-RATIO", "STAFF-NURSE-RATIO", "STAFF-SPECIALIST-RATIO", "STAFF-PEER-RATIO", "STAFF-TRANSITION-RATIO", "STAFF-ADMIN-RATIO",
        "TEAM-MINIMUM",
        "CRED-DIRECTOR", "CRED-PC-CONSULTANT", "CRED-NURSE", "CRED-LICENSE-CURRENT", "CRED-LICENSE-EXPIRING",
        "PC-HOURS", "PC-NOT-BILLED",
        "SVC-MONTHLY-MINIMUM", "SVC-CORE-SERVICES", "SVC-DOCUMENTED", "SVC-BILLING-CODE",
        "BILL-SUBSTANTIATED", "BILL-ENROLLED", "BILL-DUPLICATE",
        "CHART-CONSENT", "CHART-ASSESSMENT", "CHART-RECOVERY-PLAN", "CHART-PLAN-REVIEW", "CHART-TEAM-ASSIGNED",
        "CHART-DISCHARGE-FOLLOW-UP", "CHART-REFERRAL-CONFIRMED", "CHART-PERSON-CENTERED",
    ];

    [Fact]
    public void Validate_BuiltIn_ExitsZeroWithNoProblems()
    {
        var run = Bhh.Run("rules", "validate");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        var line = Assert.Single(run.OutLines);
        Assert.Matches("^ct-bhh 2026\\.1: 29 rules, 3 profiles, sha256 [0-9a-f]{64}\\. No problems found\\.$", line);
    }

    [Fact]
    public void Validate_BuiltIn_ShowsTheHashThatAuditsRecord()
    {
        using var snapshot = SnapshotBuilder.Clean().Build();

        var validate = Bhh.Run("rules", "validate");
        var audit = Bhh.Run("audit", snapshot.Path, "--format", "json");

        using var findings = new FindingsDocument(audit.Out);
        var sha256 = findings.Root.GetProperty("rule_set").GetProperty("sha256").GetString()!;
        Assert.Contains($"sha256 {sha256}.", validate.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CopyOfTheShippedRules_ExitsZero()
    {
        using var workspace = SnapshotBuilder.Clean().Build();
        var rules = RuleSetFolders.CopyOfShipped(workspace.Sibling("rules"));

        var run = Bhh.Run("rules", "validate", rules);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.EndsWith("No problems found.", run.OutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenCopy_ExitsTwoAndReportsEveryProblemWithItsLine()
    {
        using var workspace = SnapshotBuilder.Clean().Build();
        var rules = RuleSetFolders.CopyOfShipped(workspace.Sibling("rules"));
        var broken = Path.Join(rules, "zz-broken.yaml");
        File.WriteAllText(broken, RuleSetFolders.BrokenAddition);
        var staffing = Path.Join(rules, "10-staffing.yaml");
        var firstNurseRatio = LineOf(staffing, "  - id: STAFF-NURSE-RATIO");

        var run = Bhh.Run("rules", "validate", rules);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal("bhh: the rule set has 7 errors, 0 warnings.", run.ErrorLines[^1]);

        // Every problem, each with its file, line and column, in whatever order the tool lists them.
        Assert.Equal(
            new List<string>
            {
                $"{broken}(2,9): error BHH1101: The rule id 'STAFF-NURSE-RATIO' is defined twice; the first is at {staffing}({firstNurseRatio},9). Versions of one rule need effective_from and effective_to dates that do not overlap.",
                $"{broken}(14,11): error BHH1102: Unknown rule kind 'team-maximum'. Known kinds: billing-codes, chart-attestation, chart-event-exists, chart-event-follows, chart-event-in-window, claims-duplicate, claims-enrolled, claims-substantiated, core-services, license-current, license-expiring, monthly-minimum, pc-hours, pc-not-billed, services-documented, staff-credential, staff-ratio, team-minimum.",
                $"{broken}(25,5): error BHH1002: Unknown key 'colour' in a rule. Known keys: id, kind, title, severity, citation, parameters, message, remediation, waivable, effective_from, effective_to.",
                $"{broken}(23,15): error BHH1106: Unknown severity 'urgent'. Severities: critical, major, minor, info.",
                $"{broken}(28,17): error BHH1004: 'caseload' must be a number, got 'many'.",
                $"{broken}(30,36): error BHH1202: The message template of STAFF-EXTRA-RATIO names a field it will not have: 'actual_ftee' is not a known field. Fields: actual_fte, agency_id, agency_name, as_of, caseload, census, failed, outcome, passed, period_end, period_start, required_fte, role, role_name, rule_id, severity, subject, title, tolerance, warned.",
                $"{broken}(31,18): error BHH1201: The remediation template of STAFF-EXTRA-RATIO is not valid: '{{{{#if}}}}' is never closed with '{{{{/if}}}}'.",
            }.Order(StringComparer.Ordinal),
            run.ErrorLines.SkipLast(1).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_FolderThatDoesNotExist_ExitsTwo()
    {
        using var workspace = SnapshotBuilder.Clean().Build();
        var missing = workspace.Sibling("no-rules");

        var run = Bhh.Run("rules", "validate", missing);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal([$"{missing}: error BHH1111: The rule set folder does not exist.", "bhh: the rule set has 1 error, 0 warnings."], run.ErrorLines);
    }

    [Fact]
    public void List_BuiltIn_ShowsEveryRuleWithSeverityAndTitle()
    {
        var run = Bhh.Run("rules", "list");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(AllRules, ListedRuleIds(run));
        Assert.Equal("29 of 29 rules in ct-bhh 2026.1.", run.OutLines[^1]);
        Assert.Contains(run.OutLines, l => RowOf(l, "TEAM-MINIMUM") is ["critical", "team-minimum", "Every core team role is staffed"]);
        Assert.Contains(run.OutLines, l => RowOf(l, "SVC-BILLING-CODE") is ["minor", "billing-codes", "Services carry a BHH procedure code"]);
    }

    [Fact]
    public void List_CredentialingProfile_ShowsOnlyItsRules()
    {
        var run = Bhh.Run("rules", "list", "--profile", "credentialing");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("Profile credentialing: ", run.OutLines[0], StringComparison.Ordinal);
        Assert.Equal(
            AllRules.Where(id => id.StartsWith("STAFF-", StringComparison.Ordinal) || id.StartsWith("TEAM-", StringComparison.Ordinal)
                || id.StartsWith("CRED-", StringComparison.Ordinal) || id.StartsWith("PC-", StringComparison.Ordinal) || id == "SVC-CORE-SERVICES"),
            ListedRuleIds(run));
        Assert.Equal("15 of 29 rules in ct-bhh 2026.1.", run.OutLines[^1]);
    }

    [Fact]
    public void List_UnknownProfile_ExitsTwoWithTheKnownProfiles()
    {
        var run = Bhh.Run("rules", "list", "--profile", "annual");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal(["bhh: unknown profile 'annual'. Profiles: credentialing, chart-audit, self-check."], run.ErrorLines);
    }

    [Fact]
    public void List_HasNoTrailingSpacesOrAnsiEscapesWhenNotATerminal()
    {
        var run = Bhh.Run("rules", "list");

        Assert.DoesNotContain('\u001b', run.Out);
        Assert.All(run.OutLines, l => Assert.True(l.Length <= 120, $"line longer than the width: {l}"));
    }

    private static List<string> ListedRuleIds(BhhRun run) =>
        [.. run.OutLines.Select(l => TableRow().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).Where(id => id != "Rule")];

    /// <summary>The cells after the rule id of the table row for <paramref name="ruleId"/>, or null.</summary>
    [Fact]
    public void List_VersionedRuleSet_ShowsWhenEachVersionIsInForce()
    {
        var versioned = Path.Join(RepositoryPaths.Root, "tests", "BhhCompliance.Loading.Tests", "Golden", "VersionedRuleSet");

        var run = Bhh.Run("rules", "list", "--rules", versioned);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var rows = run.OutLines
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .Where(cells => cells.Length == 5 && cells[0] == "STAFF-NURSE-RATIO")
            .Select(cells => (cells[3], cells[4]));
        Assert.Equal(
            [("Nurse Care Manager staffing meets 1:200", "until 2026-06-30"), ("Nurse Care Manager staffing meets 1:150", "from 2026-07-01")],
            rows);
    }

    private static string[]? RowOf(string line, string ruleId)
    {
        var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        return cells.Length == 4 && cells[0] == ruleId ? cells[1..] : null;
    }

    private static int LineOf(string file, string text) =>
        Array.FindIndex(File.ReadAllLines(file), l => l.StartsWith(text, StringComparison.Ordinal)) + 1;

    [GeneratedRegex(@"^\| ([A-Z][A-Z0-9-]*) +\|")]
    private static partial Regex TableRow();
}
