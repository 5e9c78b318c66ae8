using BhhCompliance.Cli.Tests.Fixtures;
using BhhCompliance.Loading.RuleTests;
using BhhCompliance.Tests;

namespace BhhCompliance.Cli.Tests;

/// <summary><c>bhh rules test [DIR]</c>: the rule set's own cases, one line each, and the coverage gate.</summary>
public sealed class RulesTestCommandTests
{
    private const string CompleteCoverage = "coverage: every rule has a passing and a failing case.";

    /// <summary>The shipped cases' names, as the command prints them.</summary>
    private static readonly IReadOnlyList<string> ShippedCases =
        [.. RuleCaseRunner.FindCases(RepositoryPaths.RuleTests).Select(f => RuleCaseRunner.NameOf(RepositoryPaths.RuleTests, f))];

    [Fact]
    public void ShippedRules_EveryCasePassesAndCoverageIsComplete()
    {
        // The project's test suite runs `bhh rules test rules` itself.
        var run = Bhh.Run("rules", "test", RepositoryPaths.Rules);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.True(ShippedCases.Count >= 2 * 29, $"only {ShippedCases.Count} shipped cases were found");
        Assert.Equal($"Testing ct-bhh 2026.1 ({RepositoryPaths.Rules}) against {ShippedCases.Count} cases in {RepositoryPaths.RuleTests}.", run.OutLines[0]);
        Assert.Equal(ShippedCases.Select(c => $"PASS {c}"), run.OutLines.Skip(1).SkipLast(1));
        Assert.Equal($"29 rules, {ShippedCases.Count} cases: {ShippedCases.Count} passed, 0 failed; {CompleteCoverage}", run.OutLines[^1]);
    }

    [Fact]
    public void ChangedExpectation_ExitsOneAndShowsTheDifferencesUnderTheCase()
    {
        using var workspace = new SnapshotFolder();
        var rules = CopyOfShippedWithCases(workspace.Sibling("rules"));
        const string Case = "CHART-CONSENT/fail-consent-after-first-service";
        var expect = Path.Join(rules, "tests", Case, RuleCaseRunner.ExpectFile);
        var text = File.ReadAllText(expect);
        File.WriteAllText(expect, Replace(Replace(text, "outcome: fail", "outcome: pass"), "rate: 0.25", "rate: 0.3"));

        var run = Bhh.Run("rules", "test", rules);

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        var failing = run.OutLines.ToList().IndexOf($"FAIL {Case}");
        Assert.True(failing > 0, run.Out);
        Assert.Equal("    the case is named fail-..., but expects pass of CHART-CONSENT", run.OutLines[failing + 1]);
        Assert.StartsWith("    CHART-CONSENT agency: outcome expected pass, got fail (", run.OutLines[failing + 2], StringComparison.Ordinal);
        Assert.Equal("    CHART-CONSENT agency: evidence rate expected 0.3, got 0.25", run.OutLines[failing + 3]);
        Assert.StartsWith("PASS ", run.OutLines[failing + 4], StringComparison.Ordinal);
        Assert.Single(run.OutLines, l => l.StartsWith("FAIL ", StringComparison.Ordinal));
        Assert.Equal($"29 rules, {ShippedCases.Count} cases: {ShippedCases.Count - 1} passed, 1 failed; {CompleteCoverage}", run.OutLines[^1]);
    }

    [Fact]
    public void RuleWithItsFailingCasesDeleted_ExitsOneNamingTheRule()
    {
        using var workspace = new SnapshotFolder();
        var rules = CopyOfShippedWithCases(workspace.Sibling("rules"));
        var deleted = Directory.GetDirectories(Path.Join(rules, "tests", "TEAM-MINIMUM"), "fail-*");
        Assert.NotEmpty(deleted);
        Assert.Empty(Directory.GetDirectories(Path.Join(rules, "tests", "TEAM-MINIMUM"), "warn-*"));
        foreach (var folder in deleted)
        {
            Directory.Delete(folder, recursive: true);
        }

        var run = Bhh.Run("rules", "test", rules);

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        Assert.DoesNotContain(run.OutLines, l => l.StartsWith("FAIL ", StringComparison.Ordinal));
        Assert.Equal(["Coverage: TEAM-MINIMUM has no failing case (a fail-* or warn-* folder)"], run.OutLines.Where(l => l.StartsWith("Coverage:", StringComparison.Ordinal)));
        var left = ShippedCases.Count - deleted.Length;
        Assert.Equal($"29 rules, {left} cases: {left} passed, 0 failed; coverage incomplete: 1 rule without a passing or a failing case.", run.OutLines[^1]);
    }

    [Fact]
    public void CaseUnderAMisspeltRuleId_ExitsOneNamingTheCase()
    {
        // The case expects nothing of the rule it is filed under, so it fails, and it counts towards no rule.
        using var workspace = new SnapshotFolder();
        var rules = CopyOfShippedWithCases(workspace.Sibling("rules"));
        RuleSetFolders.CopyFolder(Path.Join(rules, "tests", "TEAM-MINIMUM", "pass-all-seven-roles"), Path.Join(rules, "tests", "TEAM-MINIMUN", "pass-all-seven-roles"));

        var run = Bhh.Run("rules", "test", rules);

        Assert.Equal(ExitCodes.Failures, run.ExitCode);
        Assert.Contains("FAIL TEAM-MINIMUN/pass-all-seven-roles", run.OutLines);
        Assert.Equal(
            ["Coverage: TEAM-MINIMUN/pass-all-seven-roles: 'TEAM-MINIMUN' is not a rule of the rule set"],
            run.OutLines.Where(l => l.StartsWith("Coverage:", StringComparison.Ordinal)));
        var cases = ShippedCases.Count + 1;
        Assert.Equal($"29 rules, {cases} cases: {cases - 1} passed, 1 failed; coverage incomplete: 1 case outside the folder of a rule of the set.", run.OutLines[^1]);
    }

    [Fact]
    public void RuleSetWithAnError_ExitsTwoWithoutRunningACase()
    {
        using var workspace = new SnapshotFolder();
        var rules = RuleSetFolders.Write(workspace.Sibling("rules"), RuleSetFolders.Unreadable);
        RuleSetFolders.CopyFolder(Path.Join(RepositoryPaths.RuleTests, "TEAM-MINIMUM"), Path.Join(rules, "tests", "TEAM-MINIMUM"));

        var run = Bhh.Run("rules", "test", rules);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.StartsWith($"{Path.Join(rules, "ruleset.yaml")}(", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.StartsWith("bhh: the rule set has ", run.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void RuleSetWithoutATestsFolder_ExitsTwo()
    {
        using var workspace = new SnapshotFolder();
        var rules = RuleSetFolders.CopyOfShipped(workspace.Sibling("rules"));

        var run = Bhh.Run("rules", "test", rules);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal(
            [$"bhh: {rules} has no tests folder; a rule set's cases are folders {Path.Join(rules, "tests")}/<RULE-ID>/<outcome>-<what it shows>/."],
            run.ErrorLines);
    }

    [Fact]
    public void BuiltInRules_WithoutRulesTestsInTheCurrentFolder_ExitTwoAndSayWhy()
    {
        // The tests run in their output folder, which holds no copy of the repository's rules/tests.
        Assert.False(Directory.Exists(Path.Join("rules", "tests")), "the test's current folder has a rules/tests folder");

        var run = Bhh.Run("rules", "test");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.StartsWith("bhh: the built-in rule set carries no test cases, and there is no ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    private static string Replace(string text, string old, string replacement)
    {
        Assert.Contains(old, text, StringComparison.Ordinal);
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }

    private static string CopyOfShippedWithCases(string folder) => RuleSetFolders.CopyOfShippedWithCases(folder);
}
