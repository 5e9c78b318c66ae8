using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;

namespace BhhCompliance.Reporting.Statewide;

/// <summary>What became of one snapshot folder of a batch audit.</summary>
public enum BatchStatus
{
    /// <summary>The snapshot loaded and was audited; its reports were written.</summary>
    Audited,

    /// <summary>The snapshot (or the outputs asked for) had errors; nothing was evaluated for it.</summary>
    BadInput,

    /// <summary>A defect stopped the audit of this snapshot (exit code 3 for a single audit).</summary>
    Error,
}

/// <summary>
/// The key figures of one agency's audit, read from its findings by rule kind (so a rule set with
/// other ids gives the same figures): the monthly-minimum rate, the dollars at risk on claims, and
/// the staffing shortfall. A figure is null when no rule of its kind ran or it could not be evaluated.
/// </summary>
/// <param name="Census">The census the staffing ratios used.</param>
/// <param name="EnrolleeMonths">Enrollee months the monthly minimum counted.</param>
/// <param name="MonthsMet">Of those, the months that met the minimum.</param>
/// <param name="MonthlyMinimumRate">Share of those months that met the minimum.</param>
/// <param name="Claims">Claims for full months of the period.</param>
/// <param name="ClaimsAtRisk">Distinct claims flagged by any claim rule (unsubstantiated, not enrolled, duplicate); null when no claim rule ran.</param>
/// <param name="AmountAtRisk">The amounts of those claims, each claim counted once; null when no claim rule ran.</param>
/// <param name="StaffingGapFte">FTE short of the ratios, summed over the roles that are short; 0 when none is.</param>
/// <param name="RolesShort">The staffing-ratio rules whose actual FTE is below the required FTE, by rule id.</param>
/// <param name="MissingRoles">Roles with nobody active (the team-minimum rule), in the rule's order.</param>
public sealed record AgencyMetrics(
    int? Census,
    int? EnrolleeMonths,
    int? MonthsMet,
    decimal? MonthlyMinimumRate,
    int? Claims,
    int? ClaimsAtRisk,
    decimal? AmountAtRisk,
    decimal StaffingGapFte,
    IReadOnlyList<string> RolesShort,
    IReadOnlyList<string> MissingRoles)
{
    public static AgencyMetrics None { get; } = new(null, null, null, null, null, null, null, 0m, [], []);

    /// <summary>Reads the figures from an audit's findings; <paramref name="kindOf"/> gives a rule id's kind.</summary>
    public static AgencyMetrics From(AuditResult result, Func<string, string?> kindOf)
    {
        int? census = null;
        int? enrolleeMonths = null;
        int? met = null;
        decimal? rate = null;
        int? claims = null;
        var claimRulesRan = false;
        var gap = 0m;
        var rolesShort = new List<string>();
        var missingRoles = new List<string>();
        var claimsAtRisk = new Dictionary<string, decimal>(StringComparer.Ordinal);

        foreach (var finding in result.Findings)
        {
            if (finding.RuleOutcome is Outcome.CannotEvaluate or Outcome.Error or Outcome.NotApplicable)
            {
                continue;
            }

            var evidence = finding.Evidence;
            switch (kindOf(finding.RuleId))
            {
                case "monthly-minimum":
                    enrolleeMonths = Int(evidence, "enrollee_months") ?? enrolleeMonths;
                    met = Int(evidence, "met") ?? met;
                    rate = Number(evidence, "rate") ?? rate;
                    break;

                case "staff-ratio":
                    census ??= Int(evidence, "census");
                    if (Number(evidence, "required_fte") is { } required && Number(evidence, "actual_fte") is { } actual && actual < required)
                    {
                        gap += required - actual;
                        rolesShort.Add(finding.RuleId);
                    }

                    break;

                case "team-minimum":
                    if (evidence.TryGetValue("missing", out var missing) && missing is EvidenceValue.TextList list)
                    {
                        missingRoles.AddRange(list.Items);
                    }

                    break;

                case "claims-substantiated" or "claims-enrolled" or "claims-duplicate":
                    claimRulesRan = true;
                    claims = Int(evidence, "claims") ?? claims;
                    foreach (var row in finding.Details)
                    {
                        if (Text(row.Fields, "claim_id") is { } id && Number(row.Fields, "amount") is { } amount)
                        {
                            claimsAtRisk.TryAdd(id, amount);
                        }
                    }

                    break;
            }
        }

        return new AgencyMetrics(
            census,
            enrolleeMonths,
            met,
            rate,
            claims,
            claimRulesRan ? claimsAtRisk.Count : null,
            claimRulesRan ? claimsAtRisk.Values.Sum() : null,
            gap,
            rolesShort,
            missingRoles);
    }

    private static decimal? Number(Evidence evidence, string key) =>
        evidence.TryGetValue(key, out var value) && value is EvidenceValue.Number number ? number.Value : null;

    private static int? Int(Evidence evidence, string key) => Number(evidence, key) is { } value ? (int)value : null;

    private static string? Text(Evidence evidence, string key) =>
        evidence.TryGetValue(key, out var value) && value is EvidenceValue.Text text ? text.Value : null;
}

/// <summary>
/// One snapshot folder of a batch audit: the agency, how its audit went, its determination and
/// counts, its key figures, its input problems, and the files written for it.
/// </summary>
/// <param name="Folder">The snapshot folder's name within the batch folder.</param>
/// <param name="Status">Audited, bad input or error.</param>
/// <param name="AgencyId">From agency.yaml; null when it could not be read.</param>
/// <param name="AgencyName">From agency.yaml.</param>
/// <param name="Profile">The profile run.</param>
/// <param name="AsOf">The review's as-of date.</param>
/// <param name="Determination">The determination; null unless audited.</param>
/// <param name="Counts">Findings by outcome; empty unless audited.</param>
/// <param name="FailedRules">The ids of the rules with a <c>fail</c> finding, sorted.</param>
/// <param name="Metrics">The key figures; <see cref="AgencyMetrics.None"/> unless audited.</param>
/// <param name="InputErrors">Errors in the snapshot's files.</param>
/// <param name="InputWarnings">Warnings in the snapshot's files.</param>
/// <param name="Problem">Why the agency was not audited, in one sentence; null when it was.</param>
/// <param name="Outputs">The files written for the agency, relative to the output folder, with '/' separators.</param>
public sealed record AgencyAudit(
    string Folder,
    BatchStatus Status,
    string? AgencyId,
    string? AgencyName,
    string? Profile,
    DateOnly? AsOf,
    Determination? Determination,
    IReadOnlyDictionary<Outcome, int> Counts,
    IReadOnlyList<string> FailedRules,
    AgencyMetrics Metrics,
    int InputErrors,
    int InputWarnings,
    string? Problem,
    IReadOnlyList<string> Outputs)
{
    /// <summary>The summary of a snapshot that was audited.</summary>
    public static AgencyAudit Audited(string folder, AuditResult result, Func<string, string?> kindOf, int inputWarnings, IReadOnlyList<string> outputs) => new(
        folder,
        BatchStatus.Audited,
        result.Agency.Id,
        result.Agency.Name,
        result.Profile,
        result.Review.AsOf,
        result.Determination,
        result.Summary,
        [.. result.Findings.Where(f => f.Outcome == Outcome.Fail).Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal)],
        AgencyMetrics.From(result, kindOf),
        0,
        inputWarnings,
        null,
        outputs);

    /// <summary>The summary of a snapshot that was not audited, with the reason.</summary>
    public static AgencyAudit NotAudited(string folder, BatchStatus status, string problem, int inputErrors, int inputWarnings, IReadOnlyList<string> outputs, string? agencyId = null, string? agencyName = null) => new(
        folder,
        status,
        agencyId,
        agencyName,
        null,
        null,
        null,
        new Dictionary<Outcome, int>(),
        [],
        AgencyMetrics.None,
        inputErrors,
        inputWarnings,
        problem,
        outputs);
}

/// <summary>
/// A batch audit of many agencies' snapshots: the rule set, the agencies in folder order, and
/// statewide totals over the audited ones.
/// </summary>
/// <param name="RuleSet">The rule set every agency was audited against.</param>
/// <param name="Profile">The profile given with --profile; null when each agency's review type chose it.</param>
/// <param name="Source">The batch folder as given on the command line.</param>
/// <param name="Agencies">Every snapshot folder, sorted by folder name.</param>
public sealed record StatewideSummary(RuleSetIdentity RuleSet, string? Profile, string Source, IReadOnlyList<AgencyAudit> Agencies)
{
    public IReadOnlyList<AgencyAudit> Audited => [.. Agencies.Where(a => a.Status == BatchStatus.Audited)];

    /// <summary>How many audited agencies got each determination; every determination is present.</summary>
    public IReadOnlyDictionary<Determination, int> Determinations =>
        Enum.GetValues<Determination>().ToDictionary(d => d, d => Agencies.Count(a => a.Determination == d));

    public int Count(BatchStatus status) => Agencies.Count(a => a.Status == status);

    /// <summary>Enrollee months over the audited agencies that report them.</summary>
    public int EnrolleeMonths => Agencies.Sum(a => a.Metrics.EnrolleeMonths ?? 0);

    /// <summary>
    /// The statewide monthly-minimum rate: months met over enrollee months, pooled across the
    /// agencies (a large agency weighs more than a small one); null when no agency reports it.
    /// </summary>
    public decimal? MonthlyMinimumRate
    {
        get
        {
            var reporting = Agencies.Where(a => a.Metrics is { EnrolleeMonths: > 0, MonthsMet: not null }).ToList();
            var months = reporting.Sum(a => a.Metrics.EnrolleeMonths!.Value);
            return months == 0 ? null : reporting.Sum(a => (decimal)a.Metrics.MonthsMet!.Value) / months;
        }
    }

    public int Claims => Agencies.Sum(a => a.Metrics.Claims ?? 0);

    /// <summary>
    /// Claims at risk over the agencies whose claim rules ran; null when no agency's did, so that
    /// "not checked" never reads as "nothing at risk".
    /// </summary>
    public int? ClaimsAtRisk => ClaimsReported ? Agencies.Sum(a => a.Metrics.ClaimsAtRisk) : null;

    /// <summary>The amount of those claims; null when no agency's claim rules ran.</summary>
    public decimal? AmountAtRisk => ClaimsReported ? Agencies.Sum(a => a.Metrics.AmountAtRisk) : null;

    public decimal StaffingGapFte => Agencies.Sum(a => a.Metrics.StaffingGapFte);

    /// <summary>Agencies short of at least one staffing ratio, or missing a role.</summary>
    public int AgenciesShortStaffed => Agencies.Count(a => a.Metrics.RolesShort.Count > 0 || a.Metrics.MissingRoles.Count > 0);

    private bool ClaimsReported => Agencies.Any(a => a.Metrics.ClaimsAtRisk is not null);
}
