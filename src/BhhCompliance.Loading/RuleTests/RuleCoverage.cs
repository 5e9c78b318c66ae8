using BhhCompliance.Core.Rules;

namespace BhhCompliance.Loading.RuleTests;

/// <summary>The ways a rule set's test cases can fall short.</summary>
public enum CoverageGapKind
{
    /// <summary>A rule has no <c>pass-</c> case.</summary>
    NoPassingCase,

    /// <summary>A rule has no <c>fail-</c> or <c>warn-</c> case.</summary>
    NoFailingCase,

    /// <summary>A case is filed under a folder that names no rule of the set.</summary>
    UnknownRule,

    /// <summary>A case is not inside a rule's folder.</summary>
    OutsideRuleFolder,
}

/// <summary>One way a rule set's test cases fall short: <see cref="Subject"/> is a rule id, or a case's name for a misplaced case.</summary>
public sealed record CoverageGap(CoverageGapKind Kind, string Subject, string Message)
{
    /// <summary>Whether a rule lacks a case, rather than a case lacking a rule.</summary>
    public bool IsAboutARule => Kind is CoverageGapKind.NoPassingCase or CoverageGapKind.NoFailingCase;

    public static CoverageGap NoPassingCase(string ruleId) =>
        new(CoverageGapKind.NoPassingCase, ruleId, $"{ruleId} has no passing case (a {RuleCoverage.PassPrefix}* folder)");

    public static CoverageGap NoFailingCase(string ruleId) =>
        new(CoverageGapKind.NoFailingCase, ruleId, $"{ruleId} has no failing case (a {RuleCoverage.FailPrefix}* or {RuleCoverage.WarnPrefix}* folder)");

    /// <summary>Most likely a misspelt rule id: the case runs, but counts towards no rule.</summary>
    public static CoverageGap UnknownRule(string caseName, string ruleId) =>
        new(CoverageGapKind.UnknownRule, caseName, $"{caseName}: '{ruleId}' is not a rule of the rule set");

    public static CoverageGap OutsideRuleFolder(string caseName) =>
        new(CoverageGapKind.OutsideRuleFolder, caseName, $"{caseName}: a case belongs in tests/<RULE-ID>/<outcome>-<what it shows>/");
}

/// <summary>
/// Whether a rule set's test cases show every rule both passing and failing. A case folder is
/// named <c>tests/&lt;RULE-ID&gt;/&lt;outcome&gt;-&lt;what it shows&gt;</c>. A rule that can
/// only warn (CRED-LICENSE-EXPIRING) shows its failing side with a <c>warn-</c> case, so a
/// <c>warn-</c> case counts as failing for any rule.
/// </summary>
public sealed class RuleCoverage
{
    public const string PassPrefix = "pass-";
    public const string FailPrefix = "fail-";
    public const string WarnPrefix = "warn-";

    private RuleCoverage(IReadOnlyList<CoverageGap> gaps) => Gaps = gaps;

    /// <summary>Rules lacking a passing or failing case, in rule set order, then misplaced cases in name order.</summary>
    public IReadOnlyList<CoverageGap> Gaps { get; }

    public bool IsComplete => Gaps.Count == 0;

    public static RuleCoverage Of(RuleSet ruleSet, IEnumerable<string> caseNames) =>
        Of(ruleSet.RuleIds, caseNames);

    /// <param name="ruleIds">The rules that need cases, in the order to report them.</param>
    /// <param name="caseNames">Case folders relative to the tests folder, '/'-separated (<see cref="RuleCaseRunner.NameOf"/>).</param>
    public static RuleCoverage Of(IEnumerable<string> ruleIds, IEnumerable<string> caseNames)
    {
        var rules = ruleIds.ToList();
        var known = rules.ToHashSet(StringComparer.Ordinal);
        var kinds = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var misplaced = new List<CoverageGap>();
        foreach (var name in caseNames.Order(StringComparer.Ordinal))
        {
            var parts = name.Split('/');
            if (parts.Length < 2 || parts[0] is "" or "." || parts[1].Length == 0)
            {
                misplaced.Add(CoverageGap.OutsideRuleFolder(name));
            }
            else if (!known.Contains(parts[0]))
            {
                misplaced.Add(CoverageGap.UnknownRule(name, parts[0]));
            }
            else
            {
                kinds.TryAdd(parts[0], []);
                kinds[parts[0]].Add(parts[1]);
            }
        }

        var gaps = new List<CoverageGap>();
        foreach (var rule in rules)
        {
            var cases = kinds.GetValueOrDefault(rule) ?? [];
            if (!cases.Any(c => c.StartsWith(PassPrefix, StringComparison.Ordinal)))
            {
                gaps.Add(CoverageGap.NoPassingCase(rule));
            }

            if (!cases.Any(c => c.StartsWith(FailPrefix, StringComparison.Ordinal) || c.StartsWith(WarnPrefix, StringComparison.Ordinal)))
            {
                gaps.Add(CoverageGap.NoFailingCase(rule));
            }
        }

        gaps.AddRange(misplaced);
        return new RuleCoverage(gaps);
    }
}
