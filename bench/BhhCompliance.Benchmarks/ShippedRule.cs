using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Loading.RuleSets;

namespace BhhCompliance.Benchmarks;

/// <summary>
/// One rule of the built-in Connecticut rule set, as the CLI loads it (parameters and wording),
/// run alone: a rule set of that rule with a profile that selects it, through the engine.
/// </summary>
public sealed class ShippedRule
{
    private static readonly Lazy<RuleSet> BuiltIn = new(LoadBuiltIn);

    private readonly RuleSet _ruleSet;
    private readonly Profile _profile;
    private readonly AuditEngine _engine = new(RuleKindCatalog.Standard);

    /// <param name="id">The rule id, as in rules/.</param>
    /// <param name="day">The day whose version of the rule runs (the review's as-of date).</param>
    public ShippedRule(string id, DateOnly day)
    {
        var shipped = BuiltIn.Value;
        var rule = shipped.Rules.SingleOrDefault(r => r.Id == id && r.IsInForceOn(day))
            ?? throw new InvalidOperationException($"The built-in rule set has no rule {id} in force on {day:yyyy-MM-dd}.");
        _profile = new Profile("benchmark", $"{id} alone", [id]);
        _ruleSet = new RuleSet(shipped.Identity, [rule], [_profile]);
    }

    public AuditResult Run(Snapshot snapshot) => _engine.Run(_ruleSet, _profile, snapshot);

    /// <summary>Runs the rule and returns its single finding.</summary>
    public Finding RunSingle(Snapshot snapshot) => Run(snapshot).Findings.Single();

    private static RuleSet LoadBuiltIn()
    {
        var result = new RuleSetLoader(RuleKindCatalog.Standard).Load(BuiltInRuleSource.Instance);
        return result.RuleSet ?? throw new InvalidOperationException(
            "The built-in rule set does not load: " + string.Join("; ", result.Diagnostics.Where(d => d.IsError)));
    }
}
