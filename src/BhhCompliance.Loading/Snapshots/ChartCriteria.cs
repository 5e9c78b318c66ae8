using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Rules.Kinds;

namespace BhhCompliance.Loading.Snapshots;

/// <summary>
/// The rule set's chart criteria, so that attestations.csv can be checked against them: the
/// manual ones reviewers answer, and the automatic ones evaluated from chart events.
/// </summary>
public sealed record ChartCriteria(IReadOnlySet<string> Manual, IReadOnlySet<string> Automatic)
{
    public static ChartCriteria Of(RuleSet ruleSet, RuleKindCatalog kinds)
    {
        var chartRules = ruleSet.Rules
            .Select(rule => (rule.Id, Kind: kinds.Find(rule.Kind)))
            .Where(r => r.Kind is ChartCriterionKind)
            .ToList();
        return new(
            chartRules.Where(r => r.Kind!.TakesAttestations).Select(r => r.Id).ToHashSet(StringComparer.Ordinal),
            chartRules.Where(r => !r.Kind!.TakesAttestations).Select(r => r.Id).ToHashSet(StringComparer.Ordinal));
    }
}
