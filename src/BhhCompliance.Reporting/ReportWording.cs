using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Text;
using BhhCompliance.Core.Waivers;

namespace BhhCompliance.Reporting;

/// <summary>The fixed words of the text summary: outcome labels and what a determination means.</summary>
public static class ReportWording
{
    public static string OutcomeLabel(Outcome outcome) => outcome switch
    {
        Outcome.Pass => "Pass",
        Outcome.Warn => "Warn",
        Outcome.Fail => "Fail",
        Outcome.NotApplicable => "Not applicable",
        Outcome.CannotEvaluate => "Cannot evaluate",
        Outcome.NotReviewed => "Not reviewed",
        Outcome.Error => "Error",
        Outcome.Waived => "Waived",
        _ => outcome.ToString(),
    };

    public static string DeterminationLabel(Determination determination) => determination switch
    {
        Determination.Certified => "CERTIFIED",
        Determination.Conditional => "CONDITIONAL",
        Determination.NotCertified => "NOT CERTIFIED",
        _ => determination.ToString(),
    };

    public static string DeterminationMeaning(Determination determination) => determination switch
    {
        Determination.Certified => "no critical or major rule failed.",
        Determination.Conditional => "a major rule failed; a corrective action plan is required.",
        Determination.NotCertified => "a critical rule failed.",
        _ => string.Empty,
    };

    /// <summary>
    /// The determination counts only failures. When rules could not run, say so beside it, so
    /// that "certified" is never read as covering rules that were not evaluated.
    /// </summary>
    public static string? Caveat(AuditResult result)
    {
        var notRun = NotEvaluated(result);
        return notRun == 0
            ? null
            : $"{notRun} {(notRun == 1 ? "finding was" : "findings were")} not evaluated (cannot evaluate or error); the determination covers only the rules that ran.";
    }

    /// <summary>
    /// The findings whose rule did not run to a conclusion (cannot evaluate or error), waived or
    /// not: a waiver excuses a finding, but the rule was still not evaluated.
    /// </summary>
    public static int NotEvaluated(AuditResult result) =>
        result.Findings.Count(f => f.RuleOutcome is Outcome.CannotEvaluate or Outcome.Error);

    /// <summary>"Was fail; waived by J. Smith (ABH) until 2026-12-31 (waivers.yaml:3)."</summary>
    public static string WaivedNote(Finding finding) => finding is { WaivedOutcome: { } original, Waiver: { } waiver }
        ? $"Was {OutcomeLabel(original).ToLowerInvariant()}; waived by {waiver.ApprovedBy} until {Formats.Date(waiver.ExpiresOn)} ({waiver.Source})."
        : string.Empty;

    public static string WaiverStatusLabel(WaiverStatus status) => status switch
    {
        WaiverStatus.Applied => "Applied",
        WaiverStatus.Expired => "Expired",
        WaiverStatus.Unmatched => "Unmatched",
        _ => status.ToString(),
    };

    /// <summary>"STAFF-PEER-RATIO agency (waivers.yaml:3): expired on 2026-09-15, before the as-of date; not applied."</summary>
    public static string WaiverNotApplied(WaiverResult result, DateOnly asOf)
    {
        var waiver = result.Waiver;
        var what = $"{waiver.RuleId} {waiver.Subject ?? "(every subject)"} ({waiver.Source})";
        return result.Status == WaiverStatus.Expired
            ? $"{what}: expired on {Formats.Date(waiver.ExpiresOn)}, before the as-of date {Formats.Date(asOf)}; not applied."
            : $"{what}: matched no finding that needs a waiver; not applied.";
    }
}
