using BhhCompliance.Core.Rules;
using BhhCompliance.Loading.RuleSets;
using BhhCompliance.Tests;

namespace BhhCompliance.Loading.Tests.RuleSets;

public sealed class ShippedRuleSetTests
{
    private readonly RuleSetLoader _loader = new(RuleKindCatalog.Standard);

    [Fact]
    public void BuiltInRuleSet_Loads_WithZeroDiagnostics()
    {
        var result = _loader.Load(BuiltInRuleSource.Instance);

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.RuleSet);
        Assert.Equal("ct-bhh", result.RuleSet.Identity.Name);
    }

    [Fact]
    public void RulesFolder_IsTheSameRuleSetAsTheBuiltInCopy()
    {
        var fromFolder = _loader.Load(new DirectoryRuleSource(RepositoryPaths.Rules));
        var builtIn = _loader.Load(BuiltInRuleSource.Instance);

        Assert.Empty(fromFolder.Diagnostics);
        Assert.Equal(builtIn.RuleSet!.Identity, fromFolder.RuleSet!.Identity);
    }

    [Fact]
    public void BuiltInRuleSet_HasEveryRuleOfTheCatalog()
    {
        string[] catalog =
        [
            "STAFF-DIRECTOR-RATIO", "STAFF-NURSE-RATIO", "STAFF-SPECIALIST-RATIO", "STAFF-PEER-RATIO",
            "STAFF-TRANSITION-RATIO", "STAFF-ADMIN-RATIO", "TEAM-MINIMUM", "CRED-DIRECTOR", "CRED-PC-CONSULTANT",
            "CRED-NURSE", "CRED-LICENSE-CURRENT", "CRED-LICENSE-EXPIRING", "PC-HOURS", "PC-NOT-BILLED",
            "SVC-MONTHLY-MINIMUM", "SVC-CORE-SERVICES", "SVC-DOCUMENTED", "SVC-BILLING-CODE",
            "BILL-SUBSTANTIATED", "BILL-ENROLLED", "BILL-DUPLICATE",
            "CHART-CONSENT", "CHART-ASSESSMENT", "CHART-RECOVERY-PLAN", "CHART-PLAN-REVIEW", "CHART-TEAM-ASSIGNED",
            "CHART-DISCHARGE-FOLLOW-UP", "CHART-REFERRAL-CONFIRMED", "CHART-PERSON-CENTERED",
        ];

        var ruleSet = _loader.Load(BuiltInRuleSource.Instance).RuleSet!;

        Assert.Equal(catalog.Order(StringComparer.Ordinal), ruleSet.Rules.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("credentialing", new[] { "STAFF-", "TEAM-", "CRED-", "PC-", "SVC-CORE-SERVICES" })]
    [InlineData("chart-audit", new[] { "CHART-", "SVC-", "BILL-" })]
    [InlineData("self-check", new[] { "" })]
    public void Profiles_SelectTheRulesTheCatalogNames(string profileName, string[] prefixes)
    {
        var ruleSet = _loader.Load(BuiltInRuleSource.Instance).RuleSet!;
        var profile = ruleSet.FindProfile(profileName)!;

        var expected = ruleSet.Rules.Where(r => prefixes.Any(p => r.Id.StartsWith(p, StringComparison.Ordinal))).Select(r => r.Id);

        Assert.Equal(expected, ruleSet.RulesOf(profile).Select(r => r.Id));
    }
}
