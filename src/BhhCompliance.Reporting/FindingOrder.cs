using BhhCompliance.Core.Findings;

namespace BhhCompliance.Reporting;

/// <summary>
/// The order reports list findings in for a reader: most urgent outcome, then severity, then the
/// rule set's order of rules, then subject.
/// </summary>
public static class FindingOrder
{
    public static IEnumerable<Finding> MostUrgentFirst(AuditResult result, IEnumerable<Finding> findings)
    {
        var position = RulePositions(result);
        return findings
            .OrderByDescending(f => f.Outcome.Urgency())
            .ThenBy(f => f.Severity)
            .ThenBy(f => position.GetValueOrDefault(f.RuleId, int.MaxValue))
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Subject, StringComparer.Ordinal);
    }

    /// <summary>Each rule id's place in the rule set; rules not listed sort after, by id.</summary>
    public static IReadOnlyDictionary<string, int> RulePositions(AuditResult result) =>
        result.RuleOrder.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index, StringComparer.Ordinal);
}
