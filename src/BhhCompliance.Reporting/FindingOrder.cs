using BhhCompliance.Core.Findings;

namespace BhhCompliance.Reporting;

/// <summary>The order reports list findings in for a reader: most urgent outcome, then severity, then rule and subject.</summary>
public static class FindingOrder
{
    public static IEnumerable<Finding> MostUrgentFirst(IEnumerable<Finding> findings) => findings
        .OrderByDescending(f => f.Outcome.Urgency())
        .ThenBy(f => f.Severity)
        .ThenBy(f => f.RuleId, StringComparer.Ordinal)
        .ThenBy(f => f.Subject, StringComparer.Ordinal);
}
