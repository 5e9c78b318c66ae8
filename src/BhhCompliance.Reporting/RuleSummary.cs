using BhhCompliance.Core.Findings;

namespace BhhCompliance.Reporting;

/// <summary>
/// The findings of one rule, for the one-line-per-rule tables. A rule with one subject shows its
/// message; a rule with a finding per staff member shows its most urgent outcome and the counts.
/// </summary>
public sealed record RuleSummary(string RuleId, string Title, Severity Severity, IReadOnlyList<Finding> Findings)
{
    public Outcome Outcome => Findings.MaxBy(f => f.Outcome.Urgency())!.Outcome;

    public string Result
    {
        get
        {
            if (Findings.Count == 1)
            {
                return Findings[0].Message;
            }

            var counts = Wire.Outcomes
                .Select(o => (Outcome: o, Count: Findings.Count(f => f.Outcome == o)))
                .Where(c => c.Count > 0)
                .OrderByDescending(c => c.Outcome.Urgency())
                .Select(c => $"{c.Count} {ReportWording.OutcomeLabel(c.Outcome).ToLowerInvariant()}");
            return $"{Findings.Count} staff checked: {string.Join(", ", counts)}.";
        }
    }

    /// <summary>One summary per rule, in the rule set's order (its families, as the catalog lists them).</summary>
    public static IReadOnlyList<RuleSummary> Of(AuditResult result)
    {
        var position = FindingOrder.RulePositions(result);
        return
        [
            .. result.Findings
                .GroupBy(f => f.RuleId)
                .OrderBy(g => position.GetValueOrDefault(g.Key, int.MaxValue))
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new RuleSummary(g.Key, g.First().Title, g.First().Severity, [.. g])),
        ];
    }
}
