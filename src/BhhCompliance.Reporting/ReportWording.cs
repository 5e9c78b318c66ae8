using BhhCompliance.Core.Findings;

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
        var notRun = result.Count(Outcome.CannotEvaluate) + result.Count(Outcome.Error);
        return notRun == 0
            ? null
            : $"{notRun} {(notRun == 1 ? "finding was" : "findings were")} not evaluated (cannot evaluate or error); the determination covers only the rules that ran.";
    }
}
