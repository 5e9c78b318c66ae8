using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;

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
}
