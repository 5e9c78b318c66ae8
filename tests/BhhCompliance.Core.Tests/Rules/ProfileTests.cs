using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Tests.TestData;

namespace BhhCompliance.Core.Tests.Rules;

public sealed class ProfileTests
{
    [Theory]
    [InlineData("STAFF-*", "STAFF-NURSE-RATIO", true)]
    [InlineData("STAFF-*", "TEAM-MINIMUM", false)]
    [InlineData("STAFF-*", "STAFF", false)]
    [InlineData("STAFF", "STAFF-NURSE-RATIO", false)]
    [InlineData("SVC-CORE-SERVICES", "SVC-CORE-SERVICES", true)]
    [InlineData("SVC-CORE-SERVICES", "SVC-CORE-SERVICES-2", false)]
    [InlineData("svc-*", "SVC-DOCUMENTED", false)]
    [InlineData("*", "BILL-ENROLLED", true)]
    public void Matches_ExactIdOrPrefixStar(string pattern, string ruleId, bool expected) =>
        Assert.Equal(expected, Profile.Matches(pattern, ruleId));

    [Fact]
    public void RulesOf_KeepsTheRuleSetOrder()
    {
        var rules = new[] { TestRules.PcHours(), TestRules.CoreServices(), TestRules.TeamMinimum(), TestRules.ServicesDocumented() };
        var credentialing = new Profile("credentialing", "", ["TEAM-*", "PC-*", "SVC-CORE-SERVICES"]);
        var ruleSet = new RuleSet(TestRules.Identity, rules, [credentialing]);

        Assert.Equal(["PC-HOURS", "SVC-CORE-SERVICES", "TEAM-MINIMUM"], ruleSet.RulesOf(credentialing).Select(r => r.Id));
        Assert.Same(credentialing, ruleSet.FindProfile("credentialing"));
        Assert.Null(ruleSet.FindProfile("chart-audit"));
    }
}
