namespace BhhCompliance.Core.Findings;

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

    /// <summary>For a chart criterion: its result for each chart under review, by enrollee id.</summary>
    public IReadOnlyList<Charts.ChartCheck> Charts { get; init; } = [];

    public static string StaffSubject(string staffId) => $"staff:{staffId}";
}
