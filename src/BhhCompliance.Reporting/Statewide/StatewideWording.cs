using System.Globalization;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Text;

namespace BhhCompliance.Reporting.Statewide;

/// <summary>
/// The words and figures of the statewide summary that its text, Markdown and PDF renderings
/// share, so that the three say the same thing the same way.
/// </summary>
public static class StatewideWording
{
    public const string Title = "BHH statewide audit summary";

    public const string Program = "Connecticut Medicaid Behavioral Health Homes";

    public const string AgenciesHeading = "Agencies";

    public const string TotalsHeading = "Statewide totals";

    public const string NotAuditedHeading = "Not audited";

    public const string FailedRulesHeading = "Failed rules by agency";

    /// <summary>A rate or figure that does not apply (no rule of its kind ran).</summary>
    public const string NotApplicable = "n/a";

    /// <summary>A statewide total that no audited agency's rules gave (no rule of its kind ran for any of them).</summary>
    public const string NotReported = "not reported by any agency audited";

    /// <summary>What the summary says of the profile when each agency's review type chose its own.</summary>
    public const string ProfilePerAgency = "each agency's own, from its review type";

    /// <summary>
    /// The date a summary without any audited agency stands for. The document date comes from
    /// the reviews, never the clock; with no review there is no date, and a fixed one keeps the
    /// bytes reproducible.
    /// </summary>
    public static readonly DateOnly NoReviewDate = new(2000, 1, 1);

    /// <summary><c>audited</c>, <c>bad-input</c>, <c>error</c>: the spellings the JSON uses.</summary>
    public static string Name(this BatchStatus status) => status switch
    {
        BatchStatus.Audited => "audited",
        BatchStatus.BadInput => "bad-input",
        BatchStatus.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The determination of an audited agency (CERTIFIED ...), else BAD INPUT or ERROR.</summary>
    public static string Verdict(AgencyAudit agency) => agency switch
    {
        { Status: BatchStatus.Audited, Determination: { } determination } => ReportWording.DeterminationLabel(determination),
        { Status: BatchStatus.BadInput } => "BAD INPUT",
        { Status: BatchStatus.Error } => "ERROR",
        _ => "NOT AUDITED",
    };

    /// <summary>The agency's name; its id, or the folder, when that is all there is.</summary>
    public static string AgencyName(AgencyAudit agency) => agency.AgencyName ?? agency.AgencyId ?? agency.Folder;

    /// <summary>"River Valley Services (LMHA-RV)", the name alone, the id alone, or empty when agency.yaml was not read.</summary>
    public static string Agency(AgencyAudit agency) => (agency.AgencyName, agency.AgencyId) switch
    {
        ({ } name, { } id) when name != id => $"{name} ({id})",
        ({ } name, _) => name,
        (null, { } id) => id,
        _ => string.Empty,
    };

    /// <summary>
    /// The agency column of a table: <see cref="Agency"/>, or the folder when agency.yaml was not
    /// read, as the text summary shows it; a blank cell would leave the row unnamed.
    /// </summary>
    public static string AgencyOrFolder(AgencyAudit agency) => Agency(agency) is { Length: > 0 } who ? who : agency.Folder;

    /// <summary>"ct-bhh 2026.1 (sha256 0123456789ab)": the hash shortened, as the text summary gives it.</summary>
    public static string RuleSet(RuleSetIdentity ruleSet) => $"{ruleSet.Name} {ruleSet.Version} (sha256 {ruleSet.Sha256[..Math.Min(12, ruleSet.Sha256.Length)]})";

    public static string Profile(StatewideSummary summary) => summary.Profile ?? ProfilePerAgency;

    /// <summary>
    /// The as-of dates of the audited agencies: "2026-09-30", or "2026-06-30 to 2026-09-30"
    /// when they differ; null when no agency was audited.
    /// </summary>
    public static string? AsOf(StatewideSummary summary)
    {
        var dates = summary.Audited.Select(a => a.AsOf).OfType<DateOnly>().ToList();
        if (dates.Count == 0)
        {
            return null;
        }

        var (first, last) = (dates.Min(), dates.Max());
        return first == last ? Formats.Date(last) : $"{Formats.Date(first)} to {Formats.Date(last)}";
    }

    /// <summary>The date the summary stands for: the latest as-of date of the agencies audited.</summary>
    public static DateOnly DocumentDate(StatewideSummary summary) =>
        summary.Audited.Select(a => a.AsOf).OfType<DateOnly>().DefaultIfEmpty(NoReviewDate).Max();

    /// <summary>"5 agencies (3 audited, 1 bad input, 1 error)".</summary>
    public static string Agencies(StatewideSummary summary) =>
        $"{Count(summary.Agencies.Count, "agency", "agencies")} ({Statuses(summary)})";

    /// <summary>"3 audited, 1 bad input, 1 error": audited always, the others when there are any.</summary>
    public static string Statuses(StatewideSummary summary)
    {
        var parts = new List<string> { $"{Count(summary.Count(BatchStatus.Audited))} audited" };
        if (summary.Count(BatchStatus.BadInput) > 0)
        {
            parts.Add($"{Count(summary.Count(BatchStatus.BadInput))} bad input");
        }

        if (summary.Count(BatchStatus.Error) > 0)
        {
            parts.Add(Count(summary.Count(BatchStatus.Error), "error", "errors"));
        }

        return string.Join(", ", parts);
    }

    /// <summary>"1 certified, 1 conditional, 1 not certified": every determination, zero or not.</summary>
    public static string Determinations(StatewideSummary summary) =>
        string.Join(", ", summary.Determinations.Select(d => $"{Count(d.Value)} {ReportWording.DeterminationLabel(d.Key).ToLowerInvariant()}"));

    /// <summary>The determinations, as the count and label of each, in the order certified, conditional, not certified.</summary>
    public static IReadOnlyList<(Determination Determination, int Count, string Label)> DeterminationCounts(StatewideSummary summary) =>
        [.. summary.Determinations.Select(d => (d.Key, d.Value, ReportWording.DeterminationLabel(d.Key)))];

    /// <summary>
    /// The statewide figures, worded as a label and a value each: the monthly minimum, claims at
    /// risk and the staffing shortfall over the agencies audited.
    /// </summary>
    public static IReadOnlyList<(string Label, string Value)> Totals(StatewideSummary summary) =>
    [
        ("Agencies", $"{Count(summary.Agencies.Count)} ({Statuses(summary)})"),
        ("Determinations", Determinations(summary)),
        ("Monthly minimum met", summary.MonthlyMinimumRate is { } rate
            ? $"{Formats.Percent(rate)} of {Count(summary.EnrolleeMonths, "enrollee month", "enrollee months")}, pooled"
            : NotReported),
        ("Claims at risk", summary.ClaimsAtRisk is { } atRisk ? $"{Count(atRisk)} of {Count(summary.Claims, "claim", "claims")}" : NotReported),
        ("Amount at risk", summary.AmountAtRisk is { } amount ? Formats.Money(amount) : NotReported),
        ("Staffing gap", $"{Formats.Fixed(summary.StaffingGapFte)} FTE short of the ratios"),
        ("Agencies short-staffed", $"{Count(summary.AgenciesShortStaffed)} (short of a ratio, or missing a role)"),
    ];

    /// <summary>The monthly-minimum rate as a percentage; "n/a" when the agency's audit gave none.</summary>
    public static string Rate(AgencyAudit agency) =>
        agency.Status != BatchStatus.Audited ? string.Empty
            : agency.Metrics.MonthlyMinimumRate is { } rate ? Formats.Percent(rate) : NotApplicable;

    /// <summary>The amount of the agency's claims at risk, as dollars; "n/a" when no claim rule ran, empty unless audited.</summary>
    public static string AmountAtRisk(AgencyAudit agency) =>
        agency.Status != BatchStatus.Audited ? string.Empty
            : agency.Metrics.AmountAtRisk is { } amount ? Formats.Money(amount) : NotApplicable;

    /// <summary>The FTE the agency is short of the ratios, two decimals; empty unless audited.</summary>
    public static string StaffingGap(AgencyAudit agency) =>
        agency.Status == BatchStatus.Audited ? Formats.Fixed(agency.Metrics.StaffingGapFte) : string.Empty;

    /// <summary>How many rules failed; empty unless audited.</summary>
    public static string FailedCount(AgencyAudit agency) =>
        agency.Status == BatchStatus.Audited ? Count(agency.FailedRules.Count) : string.Empty;

    /// <summary>Enrollee months the monthly minimum counted; "n/a" when no such rule ran, empty unless audited.</summary>
    public static string EnrolleeMonths(AgencyAudit agency) =>
        agency.Status != BatchStatus.Audited ? string.Empty
            : agency.Metrics.EnrolleeMonths is { } months ? Count(months) : NotApplicable;

    /// <summary>"3 of 1,200"; "n/a" when no claim rule ran; empty unless audited.</summary>
    public static string ClaimsAtRisk(AgencyAudit agency) =>
        agency.Status != BatchStatus.Audited ? string.Empty
            : agency.Metrics.ClaimsAtRisk is not { } atRisk ? NotApplicable
            : agency.Metrics.Claims is { } claims ? $"{Count(atRisk)} of {Count(claims)}"
            : Count(atRisk);

    /// <summary>"below STAFF-NURSE-RATIO; missing peer-recovery-specialist", or empty when fully staffed.</summary>
    public static string Staffing(AgencyAudit agency) => Staffing(agency, id => id);

    /// <summary>The staffing shortfalls, with each rule id as <paramref name="ruleId"/> shows it (a Markdown code span ...).</summary>
    internal static string Staffing(AgencyAudit agency, Func<string, string> ruleId)
    {
        var parts = new List<string>();
        if (agency.Metrics.RolesShort.Count > 0)
        {
            parts.Add($"below {string.Join(", ", agency.Metrics.RolesShort.Select(ruleId))}");
        }

        if (agency.Metrics.MissingRoles.Count > 0)
        {
            parts.Add($"missing {string.Join(", ", agency.Metrics.MissingRoles)}");
        }

        return string.Join("; ", parts);
    }

    /// <summary>Why the agency was not audited, in one sentence.</summary>
    public static string Problem(AgencyAudit agency) => agency.Problem ?? "No reason was recorded.";

    /// <summary>"2 errors, 1 warning": the problems in the snapshot's files; empty when there are none.</summary>
    public static string InputProblems(AgencyAudit agency)
    {
        var counts = new List<string>();
        if (agency.InputErrors > 0)
        {
            counts.Add(Count(agency.InputErrors, "error", "errors"));
        }

        if (agency.InputWarnings > 0)
        {
            counts.Add(Count(agency.InputWarnings, "warning", "warnings"));
        }

        return string.Join(", ", counts);
    }

    internal static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Count(int count, string one, string many) => $"{Count(count)} {Plural(count, one, many)}";

    internal static string Plural(int count, string one, string many) => count == 1 ? one : many;
}
