using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Rules.Kinds;

namespace BhhCompliance.Reporting.Worksheet;

/// <summary>
/// A chart criterion of the rule set, as the worksheet lists it: automatic criteria are decided
/// from chart-events.csv before the visit; manual ones (<see cref="RuleKind.TakesAttestations"/>)
/// are answered by the reviewer at the visit and typed into attestations.csv.
/// </summary>
public sealed record WorksheetCriterion(string RuleId, string Title, bool Manual);

/// <summary>The chart criteria of a rule set, and the ad-hoc profile that runs only them.</summary>
public static class WorksheetCriteria
{
    /// <summary>The name of the profile that runs the chart criteria for a worksheet; not a profile of the rule set.</summary>
    public const string ProfileName = "chart-worksheet";

    /// <summary>Every rule whose kind is a chart criterion kind, in the rule set's order.</summary>
    public static IReadOnlyList<WorksheetCriterion> Of(RuleSet ruleSet, RuleKindCatalog kinds) =>
    [
        .. ruleSet.Rules
            .Select(rule => (Rule: rule, Kind: kinds.Find(rule.Kind)))
            .Where(r => r.Kind is ChartCriterionKind)
            .Select(r => new WorksheetCriterion(r.Rule.Id, r.Rule.Title, r.Kind!.TakesAttestations)),
    ];

    /// <summary>A profile of exactly these criteria (ids match exactly, never as prefixes).</summary>
    public static Profile Profile(IReadOnlyList<WorksheetCriterion> criteria) =>
        new(ProfileName, "The chart criteria, for the reviewer worksheet.", [.. criteria.Select(c => c.RuleId)]);
}
