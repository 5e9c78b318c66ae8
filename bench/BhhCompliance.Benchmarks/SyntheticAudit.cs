using System.Globalization;
using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Benchmarks;

/// <summary>
/// A credentialing audit built in code, shaped like the audit of a mid-sized agency: 23 findings
/// over the 21 rules of the Connecticut rule set (passes, warnings and failures; agency and
/// <c>staff:ID</c> subjects), whose detail rows add up to exactly the number asked for.
/// </summary>
/// <remarks>
/// The rows are spread the way real audits spread them: most are unmet enrollee months of
/// SVC-MONTHLY-MINIMUM, about a tenth are unsubstantiated claims, and a few are undocumented
/// services, wrong procedure codes, duplicate claims, billed PC Tracker entries and staff rows.
/// Every value is computed from the row's index, so the same size always gives the same audit.
/// </remarks>
public static class SyntheticAudit
{
    /// <summary>The fewest detail rows an audit can have: one for each rule that carries rows.</summary>
    public const int MinimumRows = 9;

    public const string Sha256 = "5e0c9b1d2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2b4c6d8e0f2a4b6c";

    private const decimal Pmpm = 296.40m;

    private static readonly DateOnly AsOf = new(2026, 9, 30);
    private static readonly ReviewPeriod Period = new(new DateOnly(2026, 4, 1), AsOf);
    private static readonly IReadOnlyList<YearMonth> Months = Period.FullMonths;

    private static readonly string[] ServiceKinds =
    [
        "care-coordination", "comprehensive-care-management", "health-promotion",
        "transitional-care", "individual-and-family-support", "referral-to-community-services",
    ];

    private static readonly string[] StaffIds = ["S002", "S004", "S007", "S010", "S011", "S016", "S021", "S024"];

    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["TEAM-MINIMUM"] = "Every core team role is staffed",
        ["CRED-DIRECTOR"] = "BHH Director holds the required degree and experience",
        ["CRED-PC-CONSULTANT"] = "Primary Care Physician Consultant is an MD, DO or APRN",
        ["CRED-NURSE"] = "Nurse Care Manager is a registered nurse",
        ["CRED-LICENSE-CURRENT"] = "Licenses of licensed staff are current",
        ["CRED-LICENSE-EXPIRING"] = "No license of licensed staff expires soon",
        ["PC-HOURS"] = "Primary care consultant hours meet 1 hour per enrollee per year",
        ["PC-NOT-BILLED"] = "Primary care consultant BHH work is not billed to Medicaid",
        ["SVC-MONTHLY-MINIMUM"] = "Each enrollee receives at least 1 hour of service a month",
        ["SVC-CORE-SERVICES"] = "All six core services are provided",
        ["SVC-DOCUMENTED"] = "Every service is documented with a note",
        ["SVC-BILLING-CODE"] = "Services carry a BHH procedure code",
        ["BILL-SUBSTANTIATED"] = "Every claimed month is substantiated by a documented service",
        ["BILL-ENROLLED"] = "Claims are only for months the enrollee was enrolled",
        ["BILL-DUPLICATE"] = "No enrollee month is claimed twice",
    };

    private static readonly Dictionary<string, string> Citations = new(StringComparer.Ordinal)
    {
        ["STAFF-DIRECTOR-RATIO"] = "DMHAS BHH Provider Manual, IV. BHH Overview, BHH Staff",
        ["STAFF-NURSE-RATIO"] = "DMHAS BHH Provider Manual, IV. BHH Overview, BHH Staff",
        ["STAFF-SPECIALIST-RATIO"] = "DMHAS BHH Provider Manual, IV. BHH Overview, BHH Staff",
        ["STAFF-PEER-RATIO"] = "DMHAS BHH Provider Manual, IV. BHH Overview, BHH Staff",
        ["STAFF-TRANSITION-RATIO"] = "DMHAS BHH Provider Manual, IV. BHH Overview, BHH Staff",
        ["STAFF-ADMIN-RATIO"] = "DMHAS BHH Provider Manual, IV. BHH Overview, BHH Staff",
        ["TEAM-MINIMUM"] = "DMHAS BHH Provider Manual, IV. BHH Overview, BHH Staff (the BHH team at a minimum)",
        ["CRED-DIRECTOR"] = "DMHAS BHH Provider Manual, IV. BHH Overview, BHH Staff (BHH Director qualifications)",
        ["CRED-PC-CONSULTANT"] = "DMHAS BHH Provider Manual, IV. BHH Overview, BHH Staff (Primary Care Physician Consultant)",
        ["CRED-NURSE"] = "DMHAS BHH Provider Manual, IV. BHH Overview, BHH Staff (Nurse Care Manager)",
        ["CRED-LICENSE-CURRENT"] = "DMHAS BHH Provider Manual, IV. BHH Overview, BHH Staff (licensed roles)",
        ["CRED-LICENSE-EXPIRING"] = "DMHAS BHH Provider Manual, IV. BHH Overview, BHH Staff (licensed roles)",
        ["PC-HOURS"] = "DMHAS BHH Provider Manual, IV. BHH Overview, BHH Staff (Primary Care Physician Consultant); PC Tracker",
        ["PC-NOT-BILLED"] = "DMHAS BHH Provider Manual, IV. BHH Overview, BHH Staff (Primary Care Physician Consultant)",
        ["SVC-MONTHLY-MINIMUM"] = "DMHAS BHH Provider Manual, BHH Services (minimum of 1 hour per month)",
        ["SVC-CORE-SERVICES"] = "DMHAS BHH Provider Manual, BHH Services (the six core services)",
        ["SVC-DOCUMENTED"] = "DMHAS BHH Provider Manual, Roles of the BHH provider (documentation guidelines)",
        ["SVC-BILLING-CODE"] = "DMHAS BHH Provider Manual, BHH Services (targeted case management, case management and psycho-education codes)",
        ["BILL-SUBSTANTIATED"] = "DMHAS BHH Provider Manual, Reimbursement (PMPM; documentation of billed services)",
        ["BILL-ENROLLED"] = "DMHAS BHH Provider Manual, Reimbursement (PMPM for enrolled members)",
        ["BILL-DUPLICATE"] = "DMHAS BHH Provider Manual, Reimbursement (one PMPM per enrollee per month)",
    };

    /// <summary>The rules of the Connecticut rule set, in the rule set's order.</summary>
    public static IReadOnlyList<string> RuleOrder { get; } =
    [
        "STAFF-DIRECTOR-RATIO", "STAFF-NURSE-RATIO", "STAFF-SPECIALIST-RATIO", "STAFF-PEER-RATIO",
        "STAFF-TRANSITION-RATIO", "STAFF-ADMIN-RATIO", "TEAM-MINIMUM",
        "CRED-DIRECTOR", "CRED-PC-CONSULTANT", "CRED-NURSE", "CRED-LICENSE-CURRENT", "CRED-LICENSE-EXPIRING",
        "PC-HOURS", "PC-NOT-BILLED",
        "SVC-MONTHLY-MINIMUM", "SVC-CORE-SERVICES", "SVC-DOCUMENTED", "SVC-BILLING-CODE",
        "BILL-SUBSTANTIATED", "BILL-ENROLLED", "BILL-DUPLICATE",
    ];

    /// <summary>An audit whose findings carry <paramref name="detailRows"/> detail rows in all.</summary>
    public static AuditResult Build(int detailRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(detailRows, MinimumRows);

        // Three staff rows (one per failing or warning staff finding); the rest in proportion.
        var billed = Math.Max(1, detailRows / 200);
        var undocumented = Math.Max(1, detailRows * 3 / 100);
        var badCodes = Math.Max(1, detailRows / 100);
        var unsubstantiated = Math.Max(1, detailRows / 10);
        var duplicates = Math.Max(1, detailRows / 50);
        var unmet = detailRows - 3 - billed - undocumented - badCodes - unsubstantiated - duplicates;

        // The agency's size follows from the rows: about 5% of enrollee months are unmet.
        var enrolleeMonths = unmet * 20;
        var census = (enrolleeMonths + Months.Count - 1) / Months.Count;
        var services = enrolleeMonths * 3;
        var claims = enrolleeMonths;

        List<Finding> findings =
        [
            Ratio("STAFF-DIRECTOR-RATIO", "BHH Director", 1000, census, 1.00m + (census / 1000)),
            Ratio("STAFF-NURSE-RATIO", "Nurse Care Manager", 200, census, Math.Round(census / 200m, 2) - 0.15m),
            Ratio("STAFF-SPECIALIST-RATIO", "BHH Specialist", 100, census, Math.Ceiling(census / 100m) + 0.4m),
            Ratio("STAFF-PEER-RATIO", "Peer Recovery Specialist", 50, census, Math.Round(census / 50m * 0.75m, 1)),
            Ratio("STAFF-TRANSITION-RATIO", "Care Transition Coordinator", 300, census, Math.Ceiling(census / 300m) + 0.5m),
            Ratio("STAFF-ADMIN-RATIO", "Administrative System Specialist", 800, census, Math.Ceiling(census / 800m)),
            Agency(
                "TEAM-MINIMUM",
                Outcome.Pass,
                "Every core team role has at least one active staff member with FTE above 0.",
                new Evidence { ["missing"] = EvidenceValue.List([]) }),

            Staff("CRED-DIRECTOR", Outcome.Pass, "S019", "Rachel Rinaldi", "BHH Director",
                "master's degree in a clinical discipline with 22 years of behavioral health experience meets the qualification.",
                new Evidence { ["degree_level"] = "master", ["degree_field"] = "clinical", ["bh_experience_years"] = 22 }),
            Staff("CRED-PC-CONSULTANT", Outcome.Pass, "S014", "Kevin Kowalczyk", "Primary Care Physician Consultant",
                "license type APRN qualifies.",
                new Evidence { ["license_type"] = "APRN" }),
            Staff("CRED-NURSE", Outcome.Pass, "S005", "Deborah Whitfield", "Nurse Care Manager",
                "license type RN qualifies.",
                new Evidence { ["license_type"] = "RN" }),
            Staff("CRED-NURSE", Outcome.Fail, "S027", "Paula Jankowski", "Nurse Care Manager",
                "license type is 'LPN' (needs RN or APRN).",
                new Evidence { ["license_type"] = "LPN" },
                StaffRow("S027", "Paula Jankowski", "associate", "LPN", new DateOnly(2027, 9, 30), 0.2m, 9.5m, 28),
                "A Nurse Care Manager must be a registered nurse."),
            Staff("CRED-LICENSE-CURRENT", Outcome.Pass, "S005", "Deborah Whitfield", "Nurse Care Manager",
                "RN license is current until 2026-10-31.",
                new Evidence { ["license_type"] = "RN", ["license_expires"] = new DateOnly(2026, 10, 31) }),
            Staff("CRED-LICENSE-CURRENT", Outcome.Fail, "S022", "Wendy Fitzgerald", "Nurse Care Manager",
                "RN license expired on 2026-07-31.",
                new Evidence { ["license_type"] = "RN", ["license_expires"] = new DateOnly(2026, 7, 31) },
                StaffRow("S022", "Wendy Fitzgerald", "bachelor", "RN", new DateOnly(2026, 7, 31), 0.5m, 9m, 23),
                "Renew the license, or take the staff member off licensed duties until it is renewed."),
            Staff("CRED-LICENSE-EXPIRING", Outcome.Warn, "S005", "Deborah Whitfield", "Nurse Care Manager",
                "RN license expires on 2026-10-31, 31 days after 2026-09-30.",
                new Evidence { ["license_type"] = "RN", ["license_expires"] = new DateOnly(2026, 10, 31), ["days_remaining"] = 31 },
                StaffRow("S005", "Deborah Whitfield", "bachelor", "RN", new DateOnly(2026, 10, 31), 0.7m, 17.5m, 6),
                "Renew the license before it expires."),

            Agency(
                "PC-HOURS",
                Outcome.Pass,
                $"The PC Tracker shows {N(enrolleeMonths / 11m)} consultant hours in the period (not counting entries billed to Medicaid); "
                    + $"{N(enrolleeMonths)} member months at 1 hour per enrollee per year require {N(enrolleeMonths / 12m)}.",
                new Evidence { ["member_months"] = enrolleeMonths, ["required_hours"] = Math.Round(enrolleeMonths / 12m, 2), ["actual_hours"] = Math.Round(enrolleeMonths / 11m, 2) }),
            Agency(
                "PC-NOT-BILLED",
                Outcome.Fail,
                $"{N(billed)} PC Tracker {(billed == 1 ? "entry" : "entries")} in the period {(billed == 1 ? "was" : "were")} billed to Medicaid.",
                new Evidence { ["billed_entries"] = billed },
                Rows(billed, PcTrackerRow),
                "Stop billing Medicaid for the consultant's BHH work, and correct the entries listed."),

            Agency(
                "SVC-MONTHLY-MINIMUM",
                Outcome.Warn,
                $"{N(enrolleeMonths - unmet)} of {N(enrolleeMonths)} enrollee months (95.0%) had at least 60 minutes of service; {N(unmet)} did not.",
                new Evidence { ["enrollee_months"] = enrolleeMonths, ["met"] = enrolleeMonths - unmet, ["unmet"] = unmet, ["rate"] = 0.95m },
                Rows(unmet, UnmetMonthRow),
                "Reach the enrollees listed each month until they receive at least 60 minutes of service."),
            Agency(
                "SVC-CORE-SERVICES",
                Outcome.Pass,
                "Every core service appears on at least one service record in the period.",
                new Evidence { ["missing"] = EvidenceValue.List([]) }),
            Agency(
                "SVC-DOCUMENTED",
                Outcome.Fail,
                $"{N(undocumented)} of {N(services)} service records in the period have no progress note (note_id is empty).",
                new Evidence { ["services"] = services, ["undocumented"] = undocumented },
                Rows(undocumented, i => ServiceRow(i, 1_000, "T1017", documented: false)),
                "Write the missing progress notes, or withdraw the services they would document."),
            Agency(
                "SVC-BILLING-CODE",
                Outcome.Fail,
                $"{N(badCodes)} of {N(services)} service records in the period have a procedure code other than T1017, T1016, H2027.",
                new Evidence { ["services"] = services, ["invalid"] = badCodes },
                Rows(badCodes, i => ServiceRow(i, 50_000, i % 2 == 0 ? "90837" : "99213", documented: true)),
                "Correct the procedure codes of the services listed.",
                Severity.Minor),

            Agency(
                "BILL-SUBSTANTIATED",
                Outcome.Fail,
                $"{N(unsubstantiated)} of {N(claims)} claims have no documented service for the enrollee in the claim month; {Money(unsubstantiated * Pmpm)} at risk.",
                new Evidence { ["claims"] = claims, ["unsubstantiated"] = unsubstantiated, ["amount_at_risk"] = unsubstantiated * Pmpm },
                Rows(unsubstantiated, i => ClaimRow(i, 0, duplicateOf: null)),
                "Withdraw the claims listed, or document the services that substantiate them."),
            Agency(
                "BILL-ENROLLED",
                Outcome.Pass,
                $"Each of the {N(claims)} claims is for a month in which the enrollee was enrolled.",
                new Evidence { ["claims"] = claims, ["not_enrolled"] = 0, ["amount_at_risk"] = 0m },
                severity: Severity.Critical),
            Agency(
                "BILL-DUPLICATE",
                Outcome.Fail,
                $"{N(duplicates)} duplicate claims (a second claim for the same enrollee and month); {Money(duplicates * Pmpm)} at risk.",
                new Evidence { ["duplicates"] = duplicates, ["amount_at_risk"] = duplicates * Pmpm },
                Rows(duplicates, i => ClaimRow(i, claims / 2, duplicateOf: $"CLM{i * 7 + 11:D7}")),
                "Withdraw the second claim of each pair listed."),
        ];

        var sorted = findings
            .OrderBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ToList();
        return new AuditResult(
            new RuleSetIdentity("ct-bhh", "2026.1", Sha256),
            "credentialing",
            new AgencyProfile("LMHA-SV", "Stony Valley Behavioral Health", "lmha", null),
            new ReviewInfo("credentialing", AsOf, Period),
            sorted)
        {
            RuleOrder = RuleOrder,
        };
    }

    private static Finding Ratio(string ruleId, string role, int caseload, int census, decimal actual)
    {
        var required = Math.Round((decimal)census / caseload, 2);
        var outcome = actual >= required ? Outcome.Pass : actual >= required * 0.9m ? Outcome.Warn : Outcome.Fail;
        return Agency(
            ruleId,
            outcome,
            $"{role} FTE is {N(actual)}; {N(census)} enrollees at 1:{caseload} require {N(required)}.",
            new Evidence { ["census"] = census, ["caseload"] = caseload, ["required_fte"] = required, ["actual_fte"] = actual },
            remediation: outcome == Outcome.Pass ? string.Empty : $"Add {role} time until FTE reaches {N(required)}.",
            title: $"{role} staffing meets 1:{caseload}");
    }

    private static Finding Agency(
        string ruleId,
        Outcome outcome,
        string message,
        Evidence evidence,
        IReadOnlyList<DetailRow>? details = null,
        string remediation = "",
        Severity? severity = null,
        string? title = null) => new(
            ruleId,
            title ?? Titles[ruleId],
            severity ?? (ruleId is "TEAM-MINIMUM" ? Severity.Critical : Severity.Major),
            outcome,
            Finding.AgencySubject,
            message,
            evidence,
            Citations[ruleId],
            remediation,
            details ?? []);

    private static Finding Staff(
        string ruleId,
        Outcome outcome,
        string staffId,
        string name,
        string role,
        string message,
        Evidence evidence,
        DetailRow? row = null,
        string remediation = "") => new(
            ruleId,
            Titles[ruleId],
            ruleId == "CRED-LICENSE-EXPIRING" ? Severity.Minor : Severity.Major,
            outcome,
            Finding.StaffSubject(staffId),
            $"{name} ({staffId}), {role}: {message}",
            evidence,
            Citations[ruleId],
            remediation,
            row is null ? [] : [row]);

    private static List<DetailRow> Rows(int count, Func<int, DetailRow> row)
    {
        var rows = new List<DetailRow>(count);
        for (var i = 0; i < count; i++)
        {
            rows.Add(row(i));
        }

        return rows;
    }

    private static string Enrollee(int index) => $"E{(index % 99_999) + 1:D5}";

    /// <summary>An enrollee month below 60 minutes: enrollees in turn, each across the period's months.</summary>
    private static DetailRow UnmetMonthRow(int i)
    {
        var enrollee = (i / 2 * 7) + (i % 2);
        return new DetailRow(
            new Evidence
            {
                ["enrollee_id"] = Enrollee(enrollee),
                ["month"] = Months[(i * 5) % Months.Count],
                ["minutes"] = (i * 37) % 60,
            },
            new SourceLine("enrollees.csv", enrollee + 2));
    }

    private static DetailRow ClaimRow(int i, int lineOffset, string? duplicateOf)
    {
        var enrollee = (i * 13) + 3;
        var fields = new Evidence
        {
            ["claim_id"] = $"CLM{lineOffset + (i * 9) + 5:D7}",
            ["enrollee_id"] = Enrollee(enrollee),
            ["month"] = Months[i % Months.Count],
            ["amount"] = Pmpm,
        };
        if (duplicateOf is not null)
        {
            fields["duplicate_of"] = duplicateOf;
        }

        return new DetailRow(fields, new SourceLine("claims.csv", lineOffset + (i * 9) + 6));
    }

    private static DetailRow ServiceRow(int i, int lineOffset, string procedureCode, bool documented)
    {
        var month = Months[i % Months.Count];
        var line = lineOffset + (i * 17) + 2;
        return new DetailRow(
            new Evidence
            {
                ["enrollee_id"] = Enrollee((i * 11) + 5),
                ["date"] = new DateOnly(month.Year, month.Month, (i % 28) + 1),
                ["service"] = ServiceKinds[i % ServiceKinds.Length],
                ["minutes"] = 15 + ((i * 5) % 46),
                ["procedure_code"] = procedureCode,
                ["staff_id"] = StaffIds[i % StaffIds.Length],
                ["note_id"] = documented ? $"PN{line - 1:D7}" : null,
            },
            new SourceLine("services.csv", line));
    }

    private static DetailRow PcTrackerRow(int i)
    {
        var month = Months[i % Months.Count];
        return new DetailRow(
            new Evidence
            {
                ["date"] = new DateOnly(month.Year, month.Month, ((i * 3) % 28) + 1),
                ["consultant_id"] = i % 2 == 0 ? "S014" : "S018",
                ["minutes"] = 30 + ((i % 4) * 15),
                ["activity"] = i % 3 == 0 ? "case-review" : "consultation",
                ["enrollee_id"] = Enrollee((i * 19) + 7),
                ["billed_to_medicaid"] = "yes",
            },
            new SourceLine("pc-tracker.csv", (i * 23) + 38));
    }

    private static DetailRow StaffRow(string staffId, string name, string degreeLevel, string licenseType, DateOnly expires, decimal fte, decimal experience, int line) => new(
        new Evidence
        {
            ["staff_id"] = staffId,
            ["name"] = name,
            ["role"] = "nurse-care-manager",
            ["fte"] = fte,
            ["degree_level"] = degreeLevel,
            ["degree_field"] = "nursing",
            ["license_type"] = licenseType,
            ["license_expires"] = expires,
            ["bh_experience_years"] = experience,
        },
        new SourceLine("staff.csv", line));

    private static string N(decimal value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("$#,##0.00", CultureInfo.InvariantCulture);
}
