using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Core.Waivers;

/// <summary>
/// A documented decision to excuse the findings of one rule, for one subject or for all of them,
/// until a date: who asked for it, who approved it, and why. A credentialing decision must be
/// defensible months later, so the waiver travels with every finding it excuses.
/// </summary>
/// <param name="RuleId">The rule whose findings it excuses.</param>
/// <param name="Subject"><c>agency</c> or <c>staff:ID</c>; null for every finding of the rule.</param>
/// <param name="ExpiresOn">The last day the waiver is valid, inclusive.</param>
/// <param name="Source">The waivers file (its name only, so reports do not depend on where it was run) and the line the waiver starts on.</param>
public sealed record Waiver(
    string RuleId,
    string? Subject,
    string Justification,
    string RequestedBy,
    string ApprovedBy,
    DateOnly? ApprovedOn,
    DateOnly ExpiresOn,
    SourceLine Source)
{
    public bool IsWholeRule => Subject is null;

    /// <summary>
    /// Whether both waivers could be valid on a common day: each runs from its approval (or,
    /// without one, from always) to its expiry. A renewal approved after the previous waiver
    /// expired does not overlap it.
    /// </summary>
    public bool OverlapsWith(Waiver other) =>
        (ApprovedOn ?? DateOnly.MinValue) <= other.ExpiresOn && (other.ApprovedOn ?? DateOnly.MinValue) <= ExpiresOn;

    /// <summary>Whether the waiver is still valid on <paramref name="day"/> (its expiry day included).</summary>
    public bool IsValidOn(DateOnly day) => ExpiresOn >= day;

    /// <summary>Whether the waiver names this finding's rule and, unless it covers the whole rule, its subject.</summary>
    public bool Covers(Finding finding) =>
        string.Equals(RuleId, finding.RuleId, StringComparison.Ordinal)
        && (Subject is null || string.Equals(Subject, finding.Subject, StringComparison.Ordinal));
}

/// <summary>What became of a waiver in one audit.</summary>
public enum WaiverStatus
{
    /// <summary>It excused at least one finding.</summary>
    Applied,

    /// <summary>It expired before the review's as-of date and was not applied.</summary>
    Expired,

    /// <summary>It was valid, but no finding needed it.</summary>
    Unmatched,
}

/// <summary>Why a valid waiver excused nothing; <see cref="None"/> for a waiver that was applied or expired.</summary>
public enum UnmatchedReason
{
    None,

    /// <summary>The rule did not run: the profile leaves it out, or no version of it is in force on the as-of date.</summary>
    RuleNotRun,

    /// <summary>The rule ran, but has no finding for the waiver's subject.</summary>
    NoFindingForSubject,

    /// <summary>Every finding it names passed, did not apply, or is an error (a defect, which is never waived).</summary>
    NothingToWaive,

    /// <summary>A whole-rule waiver whose findings that needed a waiver each had a waiver for their own subject.</summary>
    CoveredBySubjectWaivers,
}

/// <summary>A waiver and what became of it in one audit, for the reports.</summary>
/// <param name="FindingsWaived">How many findings it excused.</param>
/// <param name="Why">For an unmatched waiver, why it excused nothing.</param>
/// <param name="Outcomes">The outcomes of the findings it names, for an unmatched waiver's explanation; in finding order.</param>
public sealed record WaiverResult(Waiver Waiver, WaiverStatus Status, int FindingsWaived, UnmatchedReason Why, IReadOnlyList<Outcome> Outcomes);

public static class WaiverStatuses
{
    /// <summary>The contract's spelling in findings.json: <c>applied</c>, <c>expired</c>, <c>unmatched</c>.</summary>
    public static string Name(this WaiverStatus status) => status switch
    {
        WaiverStatus.Applied => "applied",
        WaiverStatus.Expired => "expired",
        WaiverStatus.Unmatched => "unmatched",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
