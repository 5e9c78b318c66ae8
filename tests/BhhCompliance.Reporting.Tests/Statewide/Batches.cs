using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Reporting.Statewide;
using BhhCompliance.Reporting.Tests.Fixtures;

namespace BhhCompliance.Reporting.Tests.Statewide;

/// <summary>
/// Batch audits built in code: audit results with the evidence and detail rows the engine gives
/// each rule kind, summarised with <see cref="AgencyAudit.Audited"/> so that the figures come
/// from <see cref="AgencyMetrics.From"/>.
/// </summary>
internal static class Batches
{
    public const string LongName = "Shoreline Behavioral Health Home and Community Recovery Services of Southeastern Connecticut";

    public const string BadInputProblem = "The snapshot has 2 errors: enrollees.csv(4,3): error BHH2103: The date '2026-13-01' is not a date.";

    public const string ErrorProblem = "An internal error stopped the audit of this snapshot: Object reference not set to an instance of an object.";

    /// <summary>The kind of each rule id the batch's results use, as the shipped rule set gives them.</summary>
    public static string? KindOf(string ruleId) => ruleId switch
    {
        "SVC-MONTHLY-MINIMUM" => "monthly-minimum",
        "STAFF-NURSE-RATIO" or "STAFF-PEER-RATIO" or "STAFF-DIRECTOR-RATIO" => "staff-ratio",
        "TEAM-MINIMUM" => "team-minimum",
        "BILL-SUBSTANTIATED" => "claims-substantiated",
        "BILL-ENROLLED" => "claims-enrolled",
        "BILL-DUPLICATE" => "claims-duplicate",
        _ => null,
    };

    /// <summary>
    /// Five snapshot folders, in folder order:
    /// <list type="bullet">
    /// <item>"new haven" (CMHA-NH), certified as of 2026-06-30: 372 of 400 months met (warn), peers 0.25 FTE short (warn), 1,100 claims, none at risk;</item>
    /// <item>"river-valley" (LMHA-RV), conditional as of 2026-09-30: 510 of 600 months met, nurses 0.56 and peers 1.24 FTE short,
    /// claims C1 ($125.50), C2 ($130.25) and C3 ($99.99) of 2,000 flagged by three claim rules, C2 and C3 twice each;</item>
    /// <item>"shoreline" (SHORE, <see cref="LongName"/>), not certified: two core roles missing, nurses 0.75 FTE short,
    /// the monthly minimum not evaluated and no claims in the period;</item>
    /// <item>"south-bad": bad input, agency.yaml unread;</item>
    /// <item>"waterbury" (WCMH): an error stopped its audit.</item>
    /// </list>
    /// Statewide: 882 of 1,000 months met (88.2%), 3 claims ($355.74) of 3,100 at risk, 2.80 FTE short over 3 agencies.
    /// </summary>
    public static StatewideSummary State(string? profile = null) => new(
        new RuleSetIdentity("ct-bhh", "2026.1", Results.Sha256),
        profile,
        "state/2026-q3",
        [NewHaven(), RiverValley(), Shoreline(), SouthBad(), Waterbury()]);

    public static AgencyAudit NewHaven() => AgencyAudit.Audited(
        "new haven",
        Result(
            "CMHA-NH",
            "Connecticut Mental Health Center",
            new DateOnly(2026, 6, 30),
            MonthlyMinimum(Outcome.Warn, 400, 372),
            Results.Finding("BILL-SUBSTANTIATED", Outcome.Pass, "All 1,100 claims are substantiated.", ClaimEvidence(1100, 0, 0m)),
            Ratio("STAFF-NURSE-RATIO", Outcome.Pass, 300, 200, 2.0m),
            Ratio("STAFF-PEER-RATIO", Outcome.Warn, 300, 50, 5.75m),
            Team(Outcome.Pass)),
        KindOf,
        inputWarnings: 1,
        ["new haven/report.pdf", "new haven/findings.json"]);

    public static AgencyAudit RiverValley() => AgencyAudit.Audited(
        "river-valley",
        Result(
            "LMHA-RV",
            "River Valley Services",
            new DateOnly(2026, 9, 30),
            Results.Finding("BILL-DUPLICATE", Outcome.Fail, "1 duplicate claim.", new Evidence { ["duplicates"] = 1, ["amount_at_risk"] = 99.99m }, details: [Claim("C3", 99.99m, 9)]),
            Results.Finding("BILL-ENROLLED", Outcome.Fail, "2 claims for months not enrolled.", ClaimEvidence(2000, 2, 230.24m), details: [Claim("C2", 130.25m, 5), Claim("C3", 99.99m, 9)]),
            Results.Finding("BILL-SUBSTANTIATED", Outcome.Fail, "2 claims unsubstantiated.", ClaimEvidence(2000, 2, 255.75m), details: [Claim("C1", 125.50m, 2), Claim("C2", 130.25m, 5)]),
            MonthlyMinimum(Outcome.Fail, 600, 510),
            Ratio("STAFF-DIRECTOR-RATIO", Outcome.Pass, 812, 1000, 1.0m),
            Ratio("STAFF-NURSE-RATIO", Outcome.Fail, 812, 200, 3.5m),
            Ratio("STAFF-PEER-RATIO", Outcome.Fail, 812, 50, 15m),
            Team(Outcome.Pass)),
        KindOf,
        inputWarnings: 0,
        ["river-valley/report.pdf", "river-valley/findings.json", "river-valley/summary.md"]);

    public static AgencyAudit Shoreline() => AgencyAudit.Audited(
        "shoreline",
        Result(
            "SHORE",
            LongName,
            new DateOnly(2026, 9, 30),
            Results.Finding("BILL-SUBSTANTIATED", Outcome.NotApplicable, "No claims in the period.", ClaimEvidence(0, 0, 0m)),
            Results.Finding(
                "SVC-MONTHLY-MINIMUM",
                Outcome.CannotEvaluate,
                "The snapshot has no services.csv.",
                new Evidence { ["missing_files"] = EvidenceValue.List(["services.csv"]) }),
            Ratio("STAFF-NURSE-RATIO", Outcome.Fail, 150, 200, 0m),
            Team(Outcome.Fail, "nurse-care-manager", "peer-recovery-specialist")),
        KindOf,
        inputWarnings: 0,
        ["shoreline/report.pdf"]);

    public static AgencyAudit SouthBad() =>
        AgencyAudit.NotAudited("south-bad", BatchStatus.BadInput, BadInputProblem, inputErrors: 2, inputWarnings: 1, []);

    public static AgencyAudit Waterbury() =>
        AgencyAudit.NotAudited("waterbury", BatchStatus.Error, ErrorProblem, 0, 0, ["waterbury/error.txt"], "WCMH", "Waterbury Counseling");

    /// <summary>
    /// A batch audited with a profile that runs no claim rule (as the credentialing profile runs
    /// none): "pine-crest" checked only for staffing, "shoreline" whose claim rule did not apply,
    /// and "south-bad" with bad input. No agency reports claims at risk.
    /// </summary>
    public static StatewideSummary WithoutClaimRules() => new(
        new RuleSetIdentity("ct-bhh", "2026.1", Results.Sha256),
        "credentialing",
        "state/2026-q3",
        [StaffingOnly(), Shoreline(), SouthBad()]);

    /// <summary>"pine-crest" (AFF-PC03), certified as of 2026-09-30 by staffing and team rules alone: no claim rule ran.</summary>
    public static AgencyAudit StaffingOnly() => AgencyAudit.Audited(
        "pine-crest",
        Result(
            "AFF-PC03",
            "Pine Crest Counseling Associates",
            new DateOnly(2026, 9, 30),
            Ratio("STAFF-NURSE-RATIO", Outcome.Pass, 300, 200, 2.0m),
            Team(Outcome.Pass)),
        KindOf,
        inputWarnings: 0,
        ["pine-crest/report.pdf"]);

    /// <summary>An audit of <paramref name="count"/> agencies, all conditional, for tables that span pages.</summary>
    public static StatewideSummary Many(int count) => new(
        new RuleSetIdentity("ct-bhh", "2026.1", Results.Sha256),
        "credentialing",
        "state",
        [
            .. Enumerable.Range(1, count).Select(i => AgencyAudit.Audited(
                $"agency-{i:D3}",
                Result(
                    $"A{i:D3}",
                    $"Agency number {i}",
                    new DateOnly(2026, 9, 30),
                    MonthlyMinimum(Outcome.Fail, 100 + i, 90),
                    Ratio("STAFF-NURSE-RATIO", Outcome.Fail, 812, 200, 3.5m)),
                KindOf,
                0,
                [$"agency-{i:D3}/report.pdf"])),
        ]);

    public static AuditResult Result(string id, string? name, DateOnly asOf, params Finding[] findings) => new(
        new RuleSetIdentity("ct-bhh", "2026.1", Results.Sha256),
        "credentialing",
        new AgencyProfile(id, name, "lmha", null),
        new ReviewInfo("credentialing", asOf, new ReviewPeriod(asOf.AddMonths(-6).AddDays(1), asOf)),
        findings);

    /// <summary>The monthly minimum's evidence (enrollee_months, met, unmet, rate) as the engine gives it.</summary>
    public static Finding MonthlyMinimum(Outcome outcome, int months, int met) => Results.Finding(
        "SVC-MONTHLY-MINIMUM",
        outcome,
        $"{met} of {months} enrollee months met the monthly minimum.",
        new Evidence { ["enrollee_months"] = months, ["met"] = met, ["unmet"] = months - met, ["rate"] = met / (decimal)months });

    /// <summary>A staffing ratio's evidence: census / caseload is the required FTE.</summary>
    public static Finding Ratio(string ruleId, Outcome outcome, int census, int caseload, decimal actual) => Results.Finding(
        ruleId,
        outcome,
        $"FTE is {actual}; {census} enrollees at 1:{caseload}.",
        new Evidence { ["census"] = census, ["caseload"] = caseload, ["required_fte"] = census / (decimal)caseload, ["actual_fte"] = actual });

    public static Finding Team(Outcome outcome, params string[] missing) => Results.Finding(
        "TEAM-MINIMUM",
        outcome,
        missing.Length == 0 ? "Every core team role is staffed." : $"No one is active as {string.Join(", ", missing)}.",
        new Evidence { ["missing"] = EvidenceValue.List(missing) },
        Severity.Critical);

    private static Evidence ClaimEvidence(int claims, int flagged, decimal amount) =>
        new() { ["claims"] = claims, ["unsubstantiated"] = flagged, ["amount_at_risk"] = amount };

    /// <summary>A claim's detail row, with the columns of claims.csv.</summary>
    private static DetailRow Claim(string id, decimal amount, int line) => new(
        new Evidence { ["claim_id"] = id, ["enrollee_id"] = "E01", ["month"] = "2026-05", ["amount"] = amount },
        new SourceLine("claims.csv", line));
}
