using BhhCompliance.Core.Rules;
using BhhCompliance.Loading.RuleSets;
using BhhCompliance.Loading.RuleTests;

namespace BhhCompliance.Loading.Tests.RuleTests;

/// <summary>The coverage gate shared by <c>bhh rules test</c> and <see cref="RuleCaseTests"/>.</summary>
public sealed class RuleCoverageTests
{
    private static readonly string[] Rules = ["STAFF-NURSE-RATIO", "CRED-LICENSE-EXPIRING", "TEAM-MINIMUM"];

    private static readonly string[] FullCases =
    [
        "STAFF-NURSE-RATIO/pass-census-from-enrollees-on-as-of",
        "STAFF-NURSE-RATIO/fail-below-tolerance",
        "CRED-LICENSE-EXPIRING/pass-expires-61-days-after-as-of",
        "CRED-LICENSE-EXPIRING/warn-expires-on-as-of",
        "TEAM-MINIMUM/not-applicable-no-staff",
        "TEAM-MINIMUM/pass-all-seven-roles",
        "TEAM-MINIMUM/fail-roles-missing",
    ];

    [Fact]
    public void EveryRuleWithAPassingAndAFailingOrWarningCase_IsComplete()
    {
        var coverage = RuleCoverage.Of(Rules, FullCases);

        Assert.True(coverage.IsComplete);
        Assert.Empty(coverage.Gaps);
    }

    [Fact]
    public void RuleWithoutAFailingCase_IsReported()
    {
        var cases = FullCases.Where(c => c != "STAFF-NURSE-RATIO/fail-below-tolerance");

        var coverage = RuleCoverage.Of(Rules, cases);

        Assert.False(coverage.IsComplete);
        var gap = Assert.Single(coverage.Gaps);
        Assert.Equal(CoverageGap.NoFailingCase("STAFF-NURSE-RATIO"), gap);
        Assert.Equal("STAFF-NURSE-RATIO has no failing case (a fail-* or warn-* folder)", gap.Message);
    }

    [Fact]
    public void OtherOutcomes_DoNotCountAsPassingOrFailing()
    {
        // cannot-evaluate and not-applicable cases are worth having, but show neither side of the rule.
        string[] cases = ["TEAM-MINIMUM/not-applicable-no-staff", "TEAM-MINIMUM/cannot-evaluate-no-staff-file", "TEAM-MINIMUM/passing-is-not-a-prefix"];

        var coverage = RuleCoverage.Of(["TEAM-MINIMUM"], cases);

        Assert.Equal([CoverageGap.NoPassingCase("TEAM-MINIMUM"), CoverageGap.NoFailingCase("TEAM-MINIMUM")], coverage.Gaps);
    }

    [Fact]
    public void RuleWithNoCasesAtAll_LacksBothSides()
    {
        var coverage = RuleCoverage.Of([.. Rules, "PC-HOURS"], FullCases);

        Assert.Equal(["PC-HOURS has no passing case (a pass-* folder)", "PC-HOURS has no failing case (a fail-* or warn-* folder)"], coverage.Gaps.Select(g => g.Message));
    }

    [Fact]
    public void CaseFolderOfAnUnknownRule_IsReported()
    {
        // A misspelt rule folder would otherwise run a case that counts towards no rule.
        var coverage = RuleCoverage.Of(Rules, [.. FullCases, "STAFF-NURSE-RATO/fail-below-tolerance"]);

        var gap = Assert.Single(coverage.Gaps);
        Assert.Equal(CoverageGapKind.UnknownRule, gap.Kind);
        Assert.Equal("STAFF-NURSE-RATO/fail-below-tolerance", gap.Subject);
        Assert.Equal("STAFF-NURSE-RATO/fail-below-tolerance: 'STAFF-NURSE-RATO' is not a rule of the rule set", gap.Message);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("TEAM-MINIMUM")]
    public void CaseOutsideARuleFolder_IsReported(string name)
    {
        var coverage = RuleCoverage.Of(Rules, [.. FullCases, name]);

        Assert.Equal([CoverageGap.OutsideRuleFolder(name)], coverage.Gaps);
    }

    [Fact]
    public void Gaps_ListRulesInRuleSetOrderThenMisplacedCasesByName()
    {
        string[] cases = ["ZZ-UNKNOWN/pass-x", "AA-UNKNOWN/pass-x", "TEAM-MINIMUM/pass-all-seven-roles"];

        var coverage = RuleCoverage.Of(["TEAM-MINIMUM", "CRED-NURSE"], cases);

        Assert.Equal(["TEAM-MINIMUM", "CRED-NURSE", "CRED-NURSE", "AA-UNKNOWN/pass-x", "ZZ-UNKNOWN/pass-x"], coverage.Gaps.Select(g => g.Subject));
    }

    [Fact]
    public void RuleSet_IsCheckedByItsRuleIds()
    {
        using var folder = new TemporaryFolder();
        folder.Write("ruleset.yaml", """
            rule_set:
              name: test-rules
              version: "1"
            profiles:
              - name: self-check
                description: every rule
                rules: ["*"]
            rules:
              - id: TEAM-MINIMUM
                kind: team-minimum
                title: Every core team role is staffed
                severity: critical
                citation: Test citation
                parameters:
                  roles: [director]
                message: "Missing: {{list missing_names}}."
                remediation: "Fill the missing roles."

            """);
        var loaded = new RuleSetLoader(RuleKindCatalog.Standard).Load(new DirectoryRuleSource(folder.Path));
        Assert.NotNull(loaded.RuleSet);

        var coverage = RuleCoverage.Of(loaded.RuleSet, ["TEAM-MINIMUM/pass-all-seven-roles"]);

        Assert.Equal([CoverageGap.NoFailingCase("TEAM-MINIMUM")], coverage.Gaps);
    }
}
