namespace BhhCompliance.Core.Domain;

/// <summary>
/// The fixed vocabulary of the Connecticut BHH program (program.md, snapshot.md). Numbers that
/// the program leaves to the state, such as caseloads and windows, are not here: they are rule
/// parameters in the rule set.
/// </summary>
public static class BhhProgram
{
    /// <summary>The seven core team roles, in the order of the program's staffing table.</summary>
    public static Vocabulary Roles { get; } = new(
        "role",
        new Term("director", "BHH Director"),
        new Term("nurse-care-manager", "Nurse Care Manager"),
        new Term("bhh-specialist", "BHH Specialist"),
        new Term("peer-recovery-specialist", "Peer Recovery Specialist"),
        new Term("care-transition-coordinator", "Care Transition Coordinator"),
        new Term("admin-systems-specialist", "Administrative System Specialist"),
        new Term("pc-consultant", "Primary Care Physician Consultant"));

    /// <summary>The six core services, in the order of the program's service table.</summary>
    public static Vocabulary CoreServices { get; } = new(
        "core service",
        new Term("care-management", "Comprehensive care management"),
        new Term("care-coordination", "Care coordination"),
        new Term("health-promotion", "Health promotion"),
        new Term("transitional-care", "Comprehensive transitional care"),
        new Term("family-support", "Individual and family support"),
        new Term("community-referral", "Referral to community and support services"));

    public static Vocabulary DegreeLevels { get; } = new(
        "degree level",
        new Term("none", "none"),
        new Term("associate", "associate"),
        new Term("bachelor", "bachelor's"),
        new Term("master", "master's"),
        new Term("doctorate", "doctorate"));

    /// <summary>
    /// Names for the degree fields the BHH Director qualification lists, so that messages read
    /// "a clinical discipline" rather than "clinical". staff.csv may hold other fields too.
    /// </summary>
    public static Vocabulary DegreeFields { get; } = new(
        "degree field",
        new Term("clinical", "a clinical discipline"),
        new Term("public-health-administration", "public health administration"),
        new Term("health-care-administration", "health care administration"),
        new Term("hospital-administration", "hospital administration"));

    public static Vocabulary PcActivities { get; } = new(
        "PC Tracker activity",
        new Term("case-review", "case review"),
        new Term("consultation", "consultation"),
        new Term("staff-education", "staff education"),
        new Term("care-plan", "care plan"),
        new Term("other", "other"));

    /// <summary>The dated events of an enrollee chart (snapshot.md, chart-events.csv).</summary>
    public static Vocabulary ChartEvents { get; } = new(
        "chart event",
        new Term("consent-signed", "consent signed"),
        new Term("assessment", "assessment"),
        new Term("recovery-plan", "recovery plan"),
        new Term("recovery-plan-review", "recovery plan review"),
        new Term("team-assigned", "team assigned"),
        new Term("inpatient-admission", "inpatient admission"),
        new Term("inpatient-discharge", "inpatient discharge"),
        new Term("discharge-follow-up", "discharge follow-up"),
        new Term("referral", "referral"),
        new Term("referral-confirmed", "referral confirmed"),
        new Term("screening", "screening"),
        new Term("education", "education"));

    /// <summary>The dates a chart criterion's window can be measured from (rule parameter <c>anchor</c>).</summary>
    public static Vocabulary ChartAnchors { get; } = new(
        "chart anchor",
        new Term("enrolled_on", "enrolment"),
        new Term("first_service", "the first service"),
        new Term("as_of", "the review date"));

    /// <summary>A reviewer's answer to a manual chart criterion (attestations.csv).</summary>
    public static Vocabulary AttestationAnswers { get; } = new(
        "attestation answer",
        new Term("met", "met"),
        new Term("not-met", "not met"),
        new Term("not-applicable", "not applicable"));

    /// <summary>Review types; each names the profile it runs by default.</summary>
    public static Vocabulary ReviewTypes { get; } = new(
        "review type",
        new Term("credentialing", "Credentialing review"),
        new Term("chart-audit", "Chart audit"),
        new Term("self-check", "Agency self-check"));

    public static Vocabulary AgencyTypes { get; } = new(
        "agency type",
        new Term("lmha", "Local Mental Health Authority"),
        new Term("affiliate", "Affiliate agency"));
}
