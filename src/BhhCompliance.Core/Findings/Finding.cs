namespace BhhCompliance.Core.Findings;

/// <summary>Which version of a rule was applied: the days it is in force (either end open when null).</summary>
public sealed record RuleVersion(DateOnly? EffectiveFrom, DateOnly? EffectiveTo);

/// <summary>The result of one rule for one subject (<c>agency</c> or <c>staff:ID</c>).</summary>
public sealed record Finding(
    string RuleId,
    string Title,
    Severity Severity,
    Outcome Outcome,
    string Subject,
    string Message,
    Evidence Evidence,
    string Citation,
    string Remediation,
    IReadOnlyList<DetailRow> Details)
{
    public const string AgencySubject = "agency";

    /// <summary>The version of the rule that was applied, when the rule carries effective dates; null for an undated rule.</summary>
    public RuleVersion? Version { get; init; }

    /// <summary>For a <c>waived</c> finding: the outcome the rule gave it before the waiver (fail, warn ...); null otherwise.</summary>
    public Outcome? WaivedOutcome { get; init; }

    /// <summary>For a <c>waived</c> finding: the waiver that excuses it; null otherwise.</summary>
    public Waivers.Waiver? Waiver { get; init; }

    /// <summary>The outcome the rule gave, before any waiver.</summary>
    public Outcome RuleOutcome => WaivedOutcome ?? Outcome;

    /// <summary>For a chart criterion: its result for each chart under review, by enrollee id.</summary>
    public IReadOnlyList<Charts.ChartCheck> Charts { get; init; } = [];

    public static string StaffSubject(string staffId) => $"staff:{staffId}";
}
