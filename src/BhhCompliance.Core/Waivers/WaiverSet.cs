using BhhCompliance.Core.Findings;

namespace BhhCompliance.Core.Waivers;

/// <summary>The findings after the waivers were applied, and what became of each waiver.</summary>
public sealed record WaiverApplication(IReadOnlyList<Finding> Findings, IReadOnlyList<WaiverResult> Waivers);

/// <summary>
/// The waivers of one audit (bhh audit --waivers), already checked by their loader: known,
/// waivable rules, one waiver per rule and subject. <see cref="Apply"/> is a pure step after
/// evaluation; "today" is the review's as-of date.
/// </summary>
public sealed class WaiverSet(IReadOnlyList<Waiver> waivers)
{
    public static WaiverSet None { get; } = new([]);

    public IReadOnlyList<Waiver> Waivers { get; } = waivers;

    /// <summary>
    /// The outcomes a waiver can excuse. A pass or a not-applicable finding needs nothing, and an
    /// error is a defect in the rule set or the tool: excusing it would hide the defect.
    /// </summary>
    public static bool CanWaive(Outcome outcome) =>
        outcome is Outcome.Fail or Outcome.Warn or Outcome.CannotEvaluate or Outcome.NotReviewed;

    /// <summary>
    /// Each finding that needs a waiver and is covered by one valid on <paramref name="asOf"/>
    /// becomes <c>waived</c>, keeping its outcome as <see cref="Finding.WaivedOutcome"/>. A waiver
    /// for the finding's own subject wins over a waiver for the whole rule. Findings keep their order.
    /// </summary>
    public WaiverApplication Apply(IReadOnlyList<Finding> findings, DateOnly asOf)
    {
        // The loader allows one waiver per rule and subject; should two arrive anyway, the first in the file wins.
        var valid = Waivers.Where(w => w.IsValidOn(asOf)).OrderBy(w => w.Source.Line).ToList();
        var waived = new Dictionary<Waiver, int>(ReferenceEqualityComparer.Instance);
        var applied = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            var waiver = CanWaive(finding.Outcome)
                ? valid.FirstOrDefault(w => !w.IsWholeRule && w.Covers(finding)) ?? valid.FirstOrDefault(w => w.IsWholeRule && w.Covers(finding))
                : null;
            if (waiver is null)
            {
                applied.Add(finding);
                continue;
            }

            waived[waiver] = waived.GetValueOrDefault(waiver) + 1;
            applied.Add(finding with { Outcome = Outcome.Waived, WaivedOutcome = finding.Outcome, Waiver = waiver });
        }

        var results = Waivers
            .OrderBy(w => w.RuleId, StringComparer.Ordinal)
            .ThenBy(w => w.Subject is not null)
            .ThenBy(w => w.Subject, StringComparer.Ordinal)
            .ThenBy(w => w.Source.Line)
            .Select(w => Result(w, findings, asOf, waived.GetValueOrDefault(w)))
            .ToList();
        return new WaiverApplication(applied, results);
    }

    private static WaiverResult Result(Waiver waiver, IReadOnlyList<Finding> findings, DateOnly asOf, int count)
    {
        var named = findings.Where(waiver.Covers).ToList();
        var outcomes = named.Select(f => f.Outcome).ToList();
        if (!waiver.IsValidOn(asOf))
        {
            return new WaiverResult(waiver, WaiverStatus.Expired, 0, UnmatchedReason.None, outcomes);
        }

        if (count > 0)
        {
            return new WaiverResult(waiver, WaiverStatus.Applied, count, UnmatchedReason.None, outcomes);
        }

        var why = named.Count > 0
            ? named.Any(f => CanWaive(f.Outcome)) ? UnmatchedReason.CoveredBySubjectWaivers : UnmatchedReason.NothingToWaive
            : findings.Any(f => f.RuleId == waiver.RuleId) ? UnmatchedReason.NoFindingForSubject : UnmatchedReason.RuleNotRun;
        return new WaiverResult(waiver, WaiverStatus.Unmatched, 0, why, outcomes);
    }
}
