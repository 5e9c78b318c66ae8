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
    private static readonly RuleSet ShippedRules = LoadShippedRules();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in RuleCaseRunner.FindCases(RepositoryPaths.RuleTests))
        {
            data.Add(RuleCaseRunner.NameOf(RepositoryPaths.RuleTests, folder));
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

    [Theory]
    [InlineData("expect:\n  - rule: TEAM-MINIMUM\n", "expect.yaml(2,5): error BHH1003: 'outcome' is missing from an expectation; it is required.")]
    [InlineData("expect: []\n", "expect.yaml(1,1): error BHH1003: 'expect' is missing from expect.yaml (at least one expectation); it is required.")]
    public void RuleCase_ThatCouldNotFail_IsRejected(string expect, string problem)
    {
        // A case without an outcome, or without any expectation, would pass whatever the rules did.
        using var folder = new TemporaryFolder();
        folder.Write("agency.yaml", "agency:\n  id: T\nreview:\n  as_of: 2026-09-30\n  period_start: 2026-04-01\n  period_end: 2026-09-30\n");
        folder.Write("expect.yaml", expect);
        var runner = new RuleCaseRunner(new AuditEngine(RuleKindCatalog.Standard), new SnapshotLoader());

        var result = runner.Run(ShippedRules, folder.Path, "case");

        Assert.False(result.Passed);
        Assert.Equal([problem], result.Differences);
    }

    [Theory]
    [InlineData("TEAM-MINIMUM/pass-misnamed", "expect:\n  - rule: TEAM-MINIMUM\n    outcome: cannot-evaluate\n", "the case is named pass-..., but expects cannot-evaluate of TEAM-MINIMUM")]
    [InlineData("STAFF-NURSE-RATIO/fail-elsewhere", "expect:\n  - rule: TEAM-MINIMUM\n    outcome: cannot-evaluate\n", "the case is filed under STAFF-NURSE-RATIO but expects nothing of it")]
    public void RuleCase_WhoseNameSaysAnotherOutcome_FailsSoThatCoverageCannotBeFaked(string name, string expect, string problem)
    {
        using var folder = new TemporaryFolder();
        folder.Write("agency.yaml", "agency:\n  id: T\nreview:\n  as_of: 2026-09-30\n  period_start: 2026-04-01\n  period_end: 2026-09-30\n");
        folder.Write("expect.yaml", expect);
        var runner = new RuleCaseRunner(new AuditEngine(RuleKindCatalog.Standard), new SnapshotLoader());

        var result = runner.Run(ShippedRules, folder.Path, name);

        Assert.Equal([problem], result.Differences);
    }

    private static RuleSet LoadShippedRules()
    {
        var loaded = new RuleSetLoader(RuleKindCatalog.Standard).Load(new DirectoryRuleSource(RepositoryPaths.Rules));
        return loaded.RuleSet ?? throw new InvalidOperationException(
            "The shipped rule set does not load: " + string.Join(Environment.NewLine, loaded.Diagnostics));
    }

    [Fact]
    public void EveryRule_HasAPassingAndAFailingCase()
    {
        // The same gate as `bhh rules test`: every rule has a pass-* and a fail-* (or warn-*) case,
        // and every case folder names a rule of the set.
        var cases = RuleCaseRunner.FindCases(RepositoryPaths.RuleTests).Select(f => RuleCaseRunner.NameOf(RepositoryPaths.RuleTests, f));

        var coverage = RuleCoverage.Of(ShippedRules, cases);

        Assert.Empty(coverage.Gaps.Select(g => g.Message));
    }
}
