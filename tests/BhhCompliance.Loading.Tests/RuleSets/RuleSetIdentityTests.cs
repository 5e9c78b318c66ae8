using BhhCompliance.Core.Rules;
using BhhCompliance.Loading.RuleSets;

namespace BhhCompliance.Loading.Tests.RuleSets;

/// <summary>
/// The rule set hash that reports print (cli.md, findings.json <c>rule_set.sha256</c>) names what
/// the rules say, not how the files are laid out: reordering, renaming, comments and the spelling
/// of a number leave it alone; a changed number or word changes it.
/// </summary>
public sealed class RuleSetIdentityTests
{
    private const string Header = """
        rule_set:
          name: test-rules
          version: "2026.1"
        """;

    private const string NurseRule = """
          - id: STAFF-NURSE-RATIO
            kind: staff-ratio
            title: Nurse Care Manager staffing meets 1:200
            severity: major
            citation: DMHAS BHH Provider Manual, BHH Staff
            parameters:
              role: nurse-care-manager
              caseload: 200
              tolerance: 0.10
            message: "{{role_name}} FTE is {{fixed actual_fte}}; {{number census}} enrollees require {{fixed required_fte}}."
            remediation: Add nurse care manager time or correct staff.csv.
        """;

    private const string PeerRule = """
          - id: STAFF-PEER-RATIO
            kind: staff-ratio
            title: Peer Recovery Specialist staffing meets 1:50
            severity: major
            citation: DMHAS BHH Provider Manual, BHH Staff
            parameters:
              role: peer-recovery-specialist
              caseload: 50
              tolerance: 0.10
            message: "{{role_name}} FTE is {{fixed actual_fte}}; {{number census}} enrollees require {{fixed required_fte}}."
            remediation: Add peer recovery specialist time or correct staff.csv.
        """;

    private const string Profiles = """
        profiles:
          - name: credentialing
            description: Staffing
            rules: [STAFF-*]
        """;

    private readonly string _original = Sha256(
        ("ruleset.yaml", Header),
        ("staffing.yaml", "rules:\n" + NurseRule + "\n" + PeerRule),
        ("profiles.yaml", Profiles));

    [Fact]
    public void Sha256_IsAHexDigestOfTheRuleSet()
    {
        Assert.Matches("^[0-9a-f]{64}$", _original);
    }

    [Fact]
    public void Sha256_RulesReorderedAndFilesRenamedAndRegrouped_IsUnchanged()
    {
        var regrouped = Sha256(
            ("a-peer.yaml", "rules:\n" + PeerRule),
            ("b-everything-else.yml", Header + "\n" + Profiles + "\nrules:\n" + NurseRule));

        Assert.Equal(_original, regrouped);
    }

    [Fact]
    public void Sha256_CommentsBlankLinesAndQuotingChanged_IsUnchanged()
    {
        var header = """
            # The test rule set.

            rule_set:
              name: 'test-rules'   # quoted differently
              version: "2026.1"
            """;
        var nurse = NurseRule
            .Replace("    parameters:", "\n    # Caseload from program.md.\n    parameters:", StringComparison.Ordinal)
            .Replace("title: Nurse Care Manager staffing meets 1:200", "title: \"Nurse Care Manager staffing meets 1:200\"", StringComparison.Ordinal);

        var commented = Sha256(
            ("ruleset.yaml", header),
            ("staffing.yaml", "# Staffing ratios.\n\nrules:\n\n" + nurse + "\n\n\n" + PeerRule + "\n# The end.\n"),
            ("profiles.yaml", Profiles + "\n\n"));

        Assert.Equal(_original, commented);
    }

    [Fact]
    public void Sha256_DecimalWrittenWithoutTrailingZero_IsUnchanged()
    {
        var shorter = Sha256(
            ("ruleset.yaml", Header),
            ("staffing.yaml", "rules:\n" + NurseRule.Replace("tolerance: 0.10", "tolerance: 0.1", StringComparison.Ordinal) + "\n" + PeerRule),
            ("profiles.yaml", Profiles));

        Assert.Equal(_original, shorter);
    }

    [Theory]
    [InlineData("    effective_from: 2026-07-01\n")]
    [InlineData("    effective_to: 2026-06-30\n")]
    [InlineData("    waivable: false\n")]
    public void Sha256_VersionDatesOrWaivabilityAdded_Changes(string line)
    {
        var changed = Sha256(
            ("ruleset.yaml", Header),
            ("staffing.yaml", "rules:\n" + NurseRule.TrimEnd('\n') + "\n" + line + PeerRule),
            ("profiles.yaml", Profiles));

        Assert.NotEqual(_original, changed);
    }

    [Theory]
    [InlineData("  max_waiver_days: 365\n", false)]
    [InlineData("  max_waiver_days: 180\n", true)]
    [InlineData("  continuous: false\n", false)]
    [InlineData("  continuous: true\n", true)]
    public void Sha256_Settings_ChangeItOnlyWhenTheyDifferFromTheDefaults(string line, bool changes)
    {
        var changed = Sha256(
            ("ruleset.yaml", Header.TrimEnd('\n') + "\n" + line),
            ("staffing.yaml", "rules:\n" + NurseRule + "\n" + PeerRule),
            ("profiles.yaml", Profiles));

        Assert.Equal(changes, _original != changed);
    }

    [Fact]
    public void Sha256_NumberChanged_Changes()
    {
        var changed = Sha256(
            ("ruleset.yaml", Header),
            ("staffing.yaml", "rules:\n" + NurseRule.Replace("caseload: 200", "caseload: 201", StringComparison.Ordinal) + "\n" + PeerRule),
            ("profiles.yaml", Profiles));

        Assert.NotEqual(_original, changed);
    }

    [Fact]
    public void Sha256_ToleranceChanged_Changes()
    {
        var changed = Sha256(
            ("ruleset.yaml", Header),
            ("staffing.yaml", "rules:\n" + NurseRule + "\n" + PeerRule.Replace("tolerance: 0.10", "tolerance: 0.15", StringComparison.Ordinal)),
            ("profiles.yaml", Profiles));

        Assert.NotEqual(_original, changed);
    }

    [Fact]
    public void Sha256_MessageChanged_Changes()
    {
        var changed = Sha256(
            ("ruleset.yaml", Header),
            ("staffing.yaml", "rules:\n" + NurseRule.Replace("enrollees require", "enrollees need", StringComparison.Ordinal) + "\n" + PeerRule),
            ("profiles.yaml", Profiles));

        Assert.NotEqual(_original, changed);
    }

    [Fact]
    public void Sha256_ProfileChanged_Changes()
    {
        var changed = Sha256(
            ("ruleset.yaml", Header),
            ("staffing.yaml", "rules:\n" + NurseRule + "\n" + PeerRule),
            ("profiles.yaml", Profiles.Replace("[STAFF-*]", "[STAFF-NURSE-RATIO]", StringComparison.Ordinal)));

        Assert.NotEqual(_original, changed);
    }

    private static string Sha256(params (string Name, string Text)[] files)
    {
        using var folder = new TemporaryFolder();
        foreach (var (name, text) in files)
        {
            folder.Write(name, text);
        }

        var result = new RuleSetLoader(RuleKindCatalog.Standard).Load(new DirectoryRuleSource(folder.Path));

        Assert.Empty(result.Diagnostics);
        return result.RuleSet!.Identity.Sha256;
    }
}
