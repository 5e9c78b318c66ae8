using BhhCompliance.Core.Charts;
using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Waivers;

namespace BhhCompliance.Reporting.Tests.Fixtures;

/// <summary>Audit results built in code, in the shape the engine produces (findings sorted by rule, then subject).</summary>
internal static class Results
{
    public const string Sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public const string StaffCitation = "DMHAS BHH Provider Manual, IV. BHH Overview, BHH Staff";

    public static ToolInfo Tool { get; } = new("bhh", "0.1.0");

    public static AuditResult Of(params Finding[] findings) => Of((IReadOnlyList<Finding>)findings);

    public static AuditResult Of(IReadOnlyList<Finding> findings, string? agencyName = "River Valley Services") => new(
        new RuleSetIdentity("ct-bhh", "2026.1", Sha256),
        "credentialing",
        new AgencyProfile("LMHA-RV", agencyName, "lmha", null),
        new ReviewInfo("credentialing", new DateOnly(2026, 9, 30), new ReviewPeriod(new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30))),
        findings);

    public static Finding Finding(
        string ruleId,
        Outcome outcome,
        string message,
        Evidence? evidence = null,
        Severity severity = Severity.Major,
        string subject = "agency",
        IReadOnlyList<DetailRow>? details = null,
        string? title = null,
        string citation = StaffCitation,
        string remediation = "") =>
        new(ruleId, title ?? $"Title of {ruleId}", severity, outcome, subject, message, evidence ?? Evidence.Empty, citation, remediation, details ?? []);

    /// <summary>The nurse ratio example of cli.md: 3.50 FTE against 812 / 200 = 4.06.</summary>
    public static Finding NurseRatioFail() => Finding(
        "STAFF-NURSE-RATIO",
        Outcome.Fail,
        "Nurse Care Manager FTE is 3.50; 812 enrollees at 1:200 require 4.06.",
        new Evidence { ["census"] = 812, ["caseload"] = 200, ["required_fte"] = 812m / 200m, ["actual_fte"] = 3.50m },
        title: "Nurse Care Manager staffing meets 1:200",
        remediation: "Add registered nurse time until Nurse Care Manager FTE reaches 4.06.");

    public static DetailRow StaffRow(string staffId, string name, string licenseType, int line) => new(
        new Evidence
        {
            ["staff_id"] = staffId,
            ["name"] = name,
            ["role"] = "nurse-care-manager",
            ["fte"] = 0.5m,
            ["license_type"] = licenseType,
            ["license_expires"] = (DateOnly?)null,
        },
        new SourceLine("staff.csv", line));

    /// <summary>
    /// A credentialing review with every kind of line a report shows: a failed ratio (major), a
    /// ratio within tolerance, per-staff findings, a missing file and passes. Determination: conditional.
    /// </summary>
    public static AuditResult Credentialing() => Of(
        Finding(
            "CRED-NURSE",
            Outcome.Pass,
            "Nora Nurse (S02), Nurse Care Manager: license type RN qualifies.",
            new Evidence { ["license_type"] = "RN" },
            subject: "staff:S02",
            title: "Nurse Care Manager is a registered nurse"),
        Finding(
            "CRED-NURSE",
            Outcome.Fail,
            "Morgan Practical (S09), Nurse Care Manager: license type is 'LPN' (needs RN or APRN).",
            new Evidence { ["license_type"] = "LPN" },
            subject: "staff:S09",
            details: [StaffRow("S09", "Morgan Practical", "LPN", 10)],
            title: "Nurse Care Manager is a registered nurse",
            remediation: "A Nurse Care Manager must be a registered nurse."),
        Finding(
            "PC-HOURS",
            Outcome.CannotEvaluate,
            "The snapshot has no pc-tracker.csv (or pc-tracker.xlsx).",
            new Evidence { ["missing_files"] = EvidenceValue.List(["pc-tracker.csv (or pc-tracker.xlsx)"]) },
            title: "Primary care consultant hours meet 1 hour per enrollee per year",
            remediation: "Add pc-tracker.csv (or pc-tracker.xlsx) to the snapshot and run the audit again."),
        Finding(
            "STAFF-DIRECTOR-RATIO",
            Outcome.Pass,
            "BHH Director FTE is 1.00; 812 enrollees at 1:1000 require 0.81.",
            new Evidence { ["census"] = 812, ["caseload"] = 1000, ["required_fte"] = 0.812m, ["actual_fte"] = 1.0m },
            title: "BHH Director staffing meets 1:1000"),
        NurseRatioFail(),
        Finding(
            "STAFF-PEER-RATIO",
            Outcome.Warn,
            "Peer Recovery Specialist FTE is 15.00; 812 enrollees at 1:50 require 16.24.",
            new Evidence { ["census"] = 812, ["caseload"] = 50, ["required_fte"] = 16.24m, ["actual_fte"] = 15m },
            title: "Peer Recovery Specialist staffing meets 1:50"),
        Finding(
            "TEAM-MINIMUM",
            Outcome.Pass,
            "Every core team role has at least one active staff member with FTE above 0.",
            new Evidence { ["missing"] = EvidenceValue.List([]) },
            Severity.Critical,
            title: "Every core team role is staffed"));

    /// <summary>The waiver of STAFF-NURSE-RATIO for the agency in <see cref="Waived"/>, approved on 2026-09-20.</summary>
    public static Waiver NurseWaiver { get; } = new(
        "STAFF-NURSE-RATIO",
        "agency",
        "Two nurse care managers start on 2026-10-15; offer letters on file.",
        "Dana Director (LMHA-RV)",
        "J. Smith (ABH)",
        new DateOnly(2026, 9, 20),
        new DateOnly(2026, 12, 31),
        new SourceLine("waivers.yaml", 3));

    /// <summary>
    /// <see cref="Credentialing"/> with the waivers of a waivers.yaml applied as of 2026-09-30:
    /// <list type="bullet">
    /// <item>line 3, STAFF-NURSE-RATIO for the agency (<see cref="NurseWaiver"/>): applied to its fail;</item>
    /// <item>line 11, CRED-NURSE for every subject, no approval date: applied to S09's fail, which has a detail row;</item>
    /// <item>line 17, STAFF-PEER-RATIO, expired on 2026-09-15: the warning stands;</item>
    /// <item>line 23, STAFF-DIRECTOR-RATIO, which passed: unmatched.</item>
    /// </list>
    /// No major fail is left: certified, with PC-HOURS cannot-evaluate as the only finding that needs attention besides the warning.
    /// </summary>
    public static AuditResult Waived()
    {
        var credentialing = Credentialing();
        Waiver[] waivers =
        [
            NurseWaiver,
            new("CRED-NURSE", null, "The RN license of S09 was issued on 2026-09-28; the export predates it.", "Dana Director (LMHA-RV)", "K. Lee (ABH)", null, new DateOnly(2026, 10, 31), new SourceLine("waivers.yaml", 11)),
            new("STAFF-PEER-RATIO", null, "A peer specialist returns from leave.", "Dana Director (LMHA-RV)", "J. Smith (ABH)", new DateOnly(2026, 6, 1), new DateOnly(2026, 9, 15), new SourceLine("waivers.yaml", 17)),
            new("STAFF-DIRECTOR-RATIO", "agency", "The director is part time until October.", "Dana Director (LMHA-RV)", "J. Smith (ABH)", null, new DateOnly(2026, 12, 31), new SourceLine("waivers.yaml", 23)),
        ];
        var applied = new WaiverSet(waivers).Apply(credentialing.Findings, credentialing.Review.AsOf);
        return new AuditResult(credentialing.RuleSet, credentialing.Profile, credentialing.Agency, credentialing.Review, applied.Findings)
        {
            RuleOrder = credentialing.RuleOrder,
            Waivers = applied.Waivers,
        };
    }

    /// <summary>The chart criteria in the rule set's order (rules/60-charts.yaml), after the service rules.</summary>
    public static IReadOnlyList<string> ChartRuleOrder { get; } =
    [
        "SVC-CORE-SERVICES", "CHART-CONSENT", "CHART-ASSESSMENT", "CHART-RECOVERY-PLAN", "CHART-PLAN-REVIEW",
        "CHART-TEAM-ASSIGNED", "CHART-DISCHARGE-FOLLOW-UP", "CHART-REFERRAL-CONFIRMED", "CHART-PERSON-CENTERED",
    ];

    /// <summary>
    /// A chart audit of six charts, E01 to E06, in the shape the engine gives it:
    /// <list type="bullet">
    /// <item>CHART-ASSESSMENT fails: E01 and E03 met, E02 (3 days late) and E04 (none) not met, E05 and E06 not applicable: 2 of 4;</item>
    /// <item>CHART-DISCHARGE-FOLLOW-UP applies to no chart: not applicable;</item>
    /// <item>CHART-REFERRAL-CONFIRMED passes: E01 to E04 met, E05 not met (2 days late), E06 not applicable: 4 of 5;</item>
    /// <item>CHART-PERSON-CENTERED fails: E01 met, E02 not met, E03 to E06 not reviewed: 1 of 2;</item>
    /// <item>SVC-CORE-SERVICES passes, and is no chart criterion.</item>
    /// </list>
    /// Chart scores: E01 3/3, E02 1/3, E03 2/2, E04 1/2, E05 0/1, E06 none applied. With
    /// <paramref name="sampled"/>, the charts come from chart-sample.csv (the lines the
    /// unanswered manual criterion rests on); without it, from chart-events.csv.
    /// </summary>
    public static AuditResult ChartAudit(bool sampled = true)
    {
        var chartFile = sampled ? "chart-sample.csv" : "chart-events.csv";
        SourceLine Chart(int n) => new(chartFile, n + 1);
        SourceLine Event(int line) => new("chart-events.csv", line);

        ChartCheck[] assessment =
        [
            new("E01", ChartVerdict.Met, "assessment on 2026-04-10, 9 days after enrolment on 2026-04-01", Event(2)),
            new("E02", ChartVerdict.NotMet, "assessment on 2026-05-03 is 3 days late (due within 30 days after enrolment on 2026-03-31, by 2026-04-30)", Event(3))
            {
                Due = new DateOnly(2026, 4, 30),
                DaysLate = 3,
            },
            new("E03", ChartVerdict.Met, "assessment on 2026-04-20, 0 days after enrolment on 2026-04-20", Event(4)),
            new("E04", ChartVerdict.NotMet, "no assessment within 30 days after enrolment on 2026-04-10, by 2026-05-10", Event(5)) { Due = new DateOnly(2026, 5, 10) },
            new("E05", ChartVerdict.NotApplicable, "the window for assessment is still open on the review date (due by 2026-10-15)", Event(6)),
            new("E06", ChartVerdict.NotApplicable, "the window for assessment is still open on the review date (due by 2026-10-20)", Event(7)),
        ];
        ChartCheck[] discharge =
        [
            .. Enumerable.Range(1, 6).Select(n => new ChartCheck($"E{n:D2}", ChartVerdict.NotApplicable, "no inpatient discharge dated in the period", Chart(n))),
        ];
        ChartCheck[] referral =
        [
            .. Enumerable.Range(1, 4).Select(n => new ChartCheck($"E{n:D2}", ChartVerdict.Met, "referral on 2026-06-01 followed by referral confirmed on 2026-06-10", Event(10 + n))),
            new("E05", ChartVerdict.NotMet, "referral confirmed on 2026-07-03 is 2 days late (due within 30 days after the referral on 2026-05-31, by 2026-07-01)", Event(20))
            {
                Due = new DateOnly(2026, 7, 1),
                DaysLate = 2,
            },
            new("E06", ChartVerdict.NotApplicable, "no referral dated in the period", Chart(6)),
        ];
        ChartCheck[] personCentered =
        [
            new("E01", ChartVerdict.Met, "answered met by R. Reviewer on 2026-09-15", new SourceLine("attestations.csv", 2)),
            new("E02", ChartVerdict.NotMet, "answered not met by R. Reviewer on 2026-09-15: goals written by staff", new SourceLine("attestations.csv", 3)),
            .. Enumerable.Range(3, 4).Select(n => new ChartCheck($"E{n:D2}", ChartVerdict.NotReviewed, "no answer for CHART-PERSON-CENTERED in attestations.csv", Chart(n))),
        ];

        var result = Of(
            ChartFinding("CHART-ASSESSMENT", Outcome.Fail, "An assessment is completed within 30 days of enrolment", assessment),
            ChartFinding("CHART-DISCHARGE-FOLLOW-UP", Outcome.NotApplicable, "Follow-up within 7 days of an inpatient discharge", discharge),
            ChartFinding("CHART-PERSON-CENTERED", Outcome.Fail, "The recovery plan was developed with the individual", personCentered),
            ChartFinding("CHART-REFERRAL-CONFIRMED", Outcome.Pass, "Referrals are confirmed within 30 days", referral),
            Finding("SVC-CORE-SERVICES", Outcome.Pass, "All six core services were delivered in the period.", title: "All six core services are delivered"));
        return result with { RuleOrder = ChartRuleOrder };
    }

    /// <summary>A chart criterion's finding, with the evidence and detail rows the engine gives it.</summary>
    public static Finding ChartFinding(string ruleId, Outcome outcome, string title, IReadOnlyList<ChartCheck> checks)
    {
        var applied = checks.Count(c => c.Verdict is ChartVerdict.Met or ChartVerdict.NotMet);
        var met = checks.Count(c => c.Verdict == ChartVerdict.Met);
        var evidence = new Evidence
        {
            ["charts"] = applied,
            ["met"] = met,
            ["rate"] = applied == 0 ? EvidenceValue.None : met / (decimal)applied,
        };
        if (checks.Any(c => c.Verdict == ChartVerdict.NotReviewed))
        {
            evidence["not_reviewed"] = checks.Count(c => c.Verdict == ChartVerdict.NotReviewed);
        }

        var details = checks
            .Where(c => c.Verdict == ChartVerdict.NotMet)
            .Select(c => new DetailRow(
                new Evidence { ["enrollee_id"] = c.EnrolleeId, ["due"] = c.Due, ["days_late"] = (decimal?)c.DaysLate, ["reason"] = c.Reason },
                c.Source))
            .ToList();
        return Finding(ruleId, outcome, $"{met} of {applied} charts meet {ruleId}.", evidence, details: details, title: title, citation: "DMHAS BHH Provider Manual, BHH Services") with
        {
            Charts = checks,
        };
    }
}
