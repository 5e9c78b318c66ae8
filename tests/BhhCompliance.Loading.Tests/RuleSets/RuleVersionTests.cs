using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Loading.RuleSets;
using BhhCompliance.Loading.RuleTests;
using BhhCompliance.Loading.Snapshots;

namespace BhhCompliance.Loading.Tests.RuleSets;

/// <summary>
/// Effective-dated rules: Golden/VersionedRuleSet changes the nurse care manager caseload from
/// 1:200 to 1:150 on 2026-07-01. An audit uses the version in force on its as-of date, and its
/// finding says which version that was.
/// </summary>
public sealed class RuleVersionTests
{
    private static readonly string Folder = Path.Join(GoldenCases.Root, "VersionedRuleSet");
    private static readonly string Case = Path.Join(Folder, "tests", "STAFF-NURSE-RATIO", "pass-last-day-at-1-200");

    [Theory]
    [InlineData("2026-06-30", 200, Outcome.Pass, null, "2026-06-30")]
    [InlineData("2026-07-01", 150, Outcome.Fail, "2026-07-01", null)]
    [InlineData("2025-01-01", 200, Outcome.Pass, null, "2026-06-30")]
    [InlineData("2030-12-31", 150, Outcome.Fail, "2026-07-01", null)]
    public void Audit_OnEitherSideOfTheChange_UsesTheVersionInForce(string asOf, int caseload, Outcome outcome, string? from, string? to)
    {
        var ruleSet = Load();
        var snapshot = new SnapshotLoader().Load(Case, asOf: DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)).Snapshot!;

        var finding = Assert.Single(new AuditEngine(RuleKindCatalog.Standard).Run(ruleSet, ruleSet.FindProfile("self-check")!, snapshot).Findings);

        Assert.Equal(outcome, finding.Outcome);
        Assert.Equal(caseload, ((EvidenceValue.Number)finding.Evidence["caseload"]).Value);
        Assert.Equal(new RuleVersion(Date(from), Date(to)), finding.Version);
    }

    [Fact]
    public void VersionedRuleSet_ItsOwnCasesPass()
    {
        var runner = new RuleCaseRunner(new AuditEngine(RuleKindCatalog.Standard), new SnapshotLoader());
        var ruleSet = Load();

        var results = RuleCaseRunner.FindCases(Path.Join(Folder, "tests")).Select(c => runner.Run(ruleSet, c, Path.GetFileName(c))).ToList();

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Passed, string.Join("; ", r.Differences)));
    }

    [Fact]
    public void FirstVersion_IsInForceUpToAndIncludingItsLastDay()
    {
        var rule = Assert.Single(Load().Rules, r => r.EffectiveFrom is null);

        Assert.True(rule.IsDated);
        Assert.True(rule.IsInForceOn(new DateOnly(2026, 6, 30)));
        Assert.False(rule.IsInForceOn(new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void Audit_BeforeTheOnlyVersion_RunsNothingAndSaysSo()
    {
        var full = Load();
        var later = full with { Rules = [.. full.Rules.Where(r => r.EffectiveFrom is not null)] };
        var snapshot = new SnapshotLoader().Load(Case).Snapshot!;

        var result = new AuditEngine(RuleKindCatalog.Standard).Run(later, later.FindProfile("self-check")!, snapshot);

        Assert.Empty(result.Findings);
        Assert.Equal(["STAFF-NURSE-RATIO"], result.RulesNotInForce);
    }

    private static RuleSet Load() =>
        new RuleSetLoader(RuleKindCatalog.Standard).Load(new DirectoryRuleSource(Folder)).RuleSet
        ?? throw new InvalidOperationException("The versioned rule set does not load.");

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
