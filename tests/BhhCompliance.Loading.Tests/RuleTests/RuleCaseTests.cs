using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Rules;
using BhhCompliance.Loading.RuleSets;
using BhhCompliance.Loading.RuleTests;
using BhhCompliance.Loading.Snapshots;
using BhhCompliance.Tests;

namespace BhhCompliance.Loading.Tests.RuleTests;

/// <summary>
/// The golden cases of the shipped rules: every folder under rules/tests with an expect.yaml is
/// a small snapshot and the findings it must produce.
/// </summary>
public sealed class RuleCaseTests
{
    private static readonly RuleSet ShippedRules = new RuleSetLoader(RuleKindCatalog.Standard).Load(new DirectoryRuleSource(RepositoryPaths.Rules)).RuleSet!;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in RuleCaseRunner.FindCases(RepositoryPaths.RuleTests))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.RuleTests, folder).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RuleCase_ProducesTheExpectedFindings(string name)
    {
        var runner = new RuleCaseRunner(new AuditEngine(RuleKindCatalog.Standard), new SnapshotLoader());

        var result = runner.Run(ShippedRules, Path.Join(RepositoryPaths.RuleTests, name), name);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Differences));
    }

    [Fact]
    public void EveryRule_HasAPassingAndAFailingCase()
    {
        // A case folder is named rules/tests/<RULE-ID>/<outcome>-<what it shows>.
        var cases = RuleCaseRunner.FindCases(RepositoryPaths.RuleTests)
            .Select(f => Path.GetRelativePath(RepositoryPaths.RuleTests, f).Replace('\\', '/'))
            .ToList();

        var missing = ShippedRules.Rules
            .SelectMany(rule => new[] { "pass", "fail" }
                .Where(outcome => !cases.Any(c => c.StartsWith($"{rule.Id}/{outcome}", StringComparison.Ordinal)))
                .Select(outcome => $"{rule.Id} has no {outcome} case"))
            .ToList();

        Assert.Empty(missing);
    }
}
