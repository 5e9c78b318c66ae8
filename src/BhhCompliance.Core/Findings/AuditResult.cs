using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Core.Findings;

/// <summary>
/// Everything one audit concluded, in the deterministic order findings.json uses. The
/// determination, summary and chart scores are computed from <see cref="Findings"/> when the
/// result is constructed: build a new result rather than change its findings with <c>with</c>.
/// </summary>
public sealed record AuditResult(
    RuleSetIdentity RuleSet,
    string Profile,
    AgencyProfile Agency,
    ReviewInfo Review,
    IReadOnlyList<Finding> Findings)
{
    public Determination Determination { get; } = Determinations.From(Findings);

    /// <summary>The ids of the rules run, in the rule set's order (findings themselves are sorted by id).</summary>
    public IReadOnlyList<string> RuleOrder { get; init; } = [];

    /// <summary>Rules the profile selects that have no version in force on the as-of date, so were not run.</summary>
    public IReadOnlyList<string> RulesNotInForce { get; init; } = [];

    /// <summary>The waivers given with the audit and what became of each, by rule id then subject; empty without --waivers.</summary>
    public IReadOnlyList<Waivers.WaiverResult> Waivers { get; init; } = [];

    /// <summary>How many findings have each outcome; every outcome is present, zero or not.</summary>
    public IReadOnlyDictionary<Outcome, int> Summary { get; } =
        Wire.Outcomes.ToDictionary(o => o, o => Findings.Count(f => f.Outcome == o));

    /// <summary>The score of each chart under review, by enrollee id; empty when no chart criterion ran.</summary>
    public IReadOnlyList<Charts.ChartScore> Charts { get; } = Core.Charts.ChartScore.From(Findings);

    public int Count(Outcome outcome) => Summary[outcome];

    public bool HasFailures => Count(Outcome.Fail) > 0;
}

public static class Determinations
{
    /// <summary>
    /// rules.md: any critical <c>fail</c> gives not-certified; else any major <c>fail</c> gives
    /// conditional; else certified. Warnings, minor and info findings never lower it, and neither
    /// does a <c>waived</c> finding, whatever its outcome was before the waiver.
    /// </summary>
    public static Determination From(IEnumerable<Finding> findings)
    {
        var failed = findings.Where(f => f.Outcome == Outcome.Fail).Select(f => f.Severity).ToHashSet();
        return failed.Contains(Severity.Critical) ? Determination.NotCertified
            : failed.Contains(Severity.Major) ? Determination.Conditional
            : Determination.Certified;
    }
}
