namespace BhhCompliance.Core.Findings;

/// <summary>The outcome of a finding (rules.md, "Outcomes and severities").</summary>
public enum Outcome
{
    Pass,
    Warn,
    Fail,
    NotApplicable,
    CannotEvaluate,
    NotReviewed,
    Error,
    Waived,
}

public enum Severity
{
    Critical,
    Major,
    Minor,
    Info,
}

public enum Determination
{
    Certified,
    Conditional,
    NotCertified,
}

/// <summary>The spellings the contract uses for outcomes, severities and determinations.</summary>
public static class Wire
{
    public static IReadOnlyList<Outcome> Outcomes { get; } = Enum.GetValues<Outcome>();

    public static IReadOnlyList<Severity> Severities { get; } = Enum.GetValues<Severity>();

    /// <summary><c>pass</c>, <c>not-applicable</c> ...</summary>
    public static string Name(this Outcome outcome) => outcome switch
    {
        Outcome.Pass => "pass",
        Outcome.Warn => "warn",
        Outcome.Fail => "fail",
        Outcome.NotApplicable => "not-applicable",
        Outcome.CannotEvaluate => "cannot-evaluate",
        Outcome.NotReviewed => "not-reviewed",
        Outcome.Error => "error",
        Outcome.Waived => "waived",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>The key of the outcome in findings.json's <c>summary</c>: <c>not_applicable</c> ...</summary>
    public static string SummaryKey(this Outcome outcome) => outcome.Name().Replace('-', '_');

    public static string Name(this Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.Major => "major",
        Severity.Minor => "minor",
        Severity.Info => "info",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    public static string Name(this Determination determination) => determination switch
    {
        Determination.Certified => "certified",
        Determination.Conditional => "conditional",
        Determination.NotCertified => "not-certified",
        _ => throw new ArgumentOutOfRangeException(nameof(determination), determination, null),
    };

    public static bool TryParseSeverity(string text, out Severity severity)
    {
        foreach (var candidate in Severities)
        {
            if (candidate.Name() == text)
            {
                severity = candidate;
                return true;
            }
        }

        severity = default;
        return false;
    }

    /// <summary>
    /// How much an outcome needs a reader's attention, most first. A rule with several subjects
    /// (one finding per staff member) is summarised by its most urgent outcome.
    /// </summary>
    public static int Urgency(this Outcome outcome) => outcome switch
    {
        Outcome.Error => 7,
        Outcome.Fail => 6,
        Outcome.CannotEvaluate => 5,
        Outcome.Warn => 4,
        Outcome.NotReviewed => 3,
        Outcome.Waived => 2,
        Outcome.NotApplicable => 1,
        _ => 0,
    };
}
