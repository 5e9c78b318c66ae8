using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Text;

namespace BhhCompliance.Core.Findings;

/// <summary>
/// The engine's own sentences: the messages of findings that a rule's template cannot word
/// (not applicable, cannot evaluate, error) and the phrases rule kinds put into template
/// fields. Rule-specific wording lives in the rule set's templates.
/// </summary>
public static class Wording
{
    public static string CannotEvaluate(IEnumerable<string> missingFiles) =>
        $"The snapshot has no {string.Join(" and no ", missingFiles)}.";

    public static string AddMissingFiles(IEnumerable<string> missingFiles) =>
        $"Add {string.Join(" and ", missingFiles)} to the snapshot and run the audit again.";

    public const string ReportDefect =
        "Keep the snapshot and the rule set, and report the message to the tool's maintainers. The other rules were evaluated.";

    public static string RuleBroke(string ruleId, Exception exception) =>
        $"Rule {ruleId} could not be evaluated: {exception.Message.TrimEnd('.')}. This is a defect in the rule set or the tool.";

    public static string NoCensus(DateOnly asOf) =>
        $"No enrollees were enrolled on {Formats.Date(asOf)}, so no staffing is required.";

    public static string NoActiveStaff(string roleName, DateOnly asOf) =>
        $"No {roleName} was active on {Formats.Date(asOf)} to check.";

    public static string NoActiveStaffInRoles(IEnumerable<string> roleNames, DateOnly asOf) =>
        $"No {string.Join(" or ", roleNames)} was active on {Formats.Date(asOf)} to check.";

    public static string NoMemberMonths(ReviewPeriod period) =>
        period.FullMonths.Count == 0
            ? $"The period {period} contains no full calendar month."
            : $"No enrollee was enrolled for a full month of the period {period}.";

    public static string NoServicesInPeriod(ReviewPeriod period) =>
        $"No service records are dated in the period {period}.";

    public static string NoClaimsInPeriod(ReviewPeriod period) =>
        period.FullMonths.Count == 0
            ? $"The period {period} contains no full calendar month to claim."
            : $"No claims are for a full month of the period {period}.";

    public static string NoChartApplies(int charts) => charts switch
    {
        0 => "No chart is under review: chart-sample.csv lists none, or no enrollee has a chart event.",
        1 => "The criterion did not apply to the one chart under review.",
        _ => $"The criterion applied to none of the {charts} charts under review.",
    };

    public static string DegreeLevelUnmet(string? actual, IEnumerable<string> allowed) =>
        $"degree level is {Recorded(actual)} (needs {OneOf(allowed)})";

    public static string DegreeFieldUnmet(string? actual, IEnumerable<string> allowed) =>
        $"degree field is {Recorded(actual)} (needs {OneOf(allowed)})";

    public static string ExperienceUnmet(decimal? actual, decimal minimum) =>
        $"behavioral health experience is {(actual is { } years ? Formats.Number(years) + " years" : "not recorded")} (needs at least {Formats.Number(minimum)})";

    public static string LicenseTypeUnmet(string? actual, IEnumerable<string> allowed) =>
        $"license type is {Recorded(actual)} (needs {OneOf(allowed)})";

    private static string Recorded(string? value) => string.IsNullOrEmpty(value) ? "not recorded" : $"'{value}'";

    private static string OneOf(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 1 ? list[0] : string.Join(", ", list[..^1]) + " or " + list[^1];
    }
}
