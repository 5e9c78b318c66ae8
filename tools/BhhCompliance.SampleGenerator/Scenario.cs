namespace BhhCompliance.SampleGenerator;

/// <summary>
/// What one fictional agency's snapshot looks like: who it is, the review, how many enrollees
/// and how they come and go, how well it is staffed, how well it serves and bills, and which
/// problems it has. Chances are in units of 1 in 10,000; counts of problems are for
/// <see cref="DefaultEnrollees"/> and scale with the enrollee count.
/// </summary>
internal sealed record Scenario
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public required string AgencyId { get; init; }

    public required string AgencyName { get; init; }

    public required string AgencyType { get; init; }

    public string? ParentLmha { get; init; }

    public required string ReviewType { get; init; }

    public required DateOnly AsOf { get; init; }

    public required DateOnly PeriodStart { get; init; }

    public required DateOnly PeriodEnd { get; init; }

    /// <summary>Starts every id in the snapshot, so that ids of two agencies never collide.</summary>
    public required string IdPrefix { get; init; }

    /// <summary>The seed of the committed sample.</summary>
    public required ulong DefaultSeed { get; init; }

    /// <summary>Enrollees when --enrollees is not given: the size of the committed sample.</summary>
    public required int DefaultEnrollees { get; init; }

    /// <summary>The PMPM amount on every claim (program.md: a statewide rate; claims carry their own amount).</summary>
    public required decimal PmpmAmount { get; init; }

    public required bool PcTrackerAsXlsx { get; init; }

    public required EnrolmentPattern Enrolment { get; init; }

    public required IReadOnlyList<RoleStaffing> Staffing { get; init; }

    public required CredentialProblems Credentials { get; init; }

    /// <summary>Chance that a full enrolled month gets at least the 60-minute monthly minimum.</summary>
    public required int MonthMetChance { get; init; }

    /// <summary>
    /// Brief contacts added on average, in hundredths, to each full enrolled month that already
    /// has its hour and to each partial month: short care coordination and health promotion
    /// contacts (a check-in call, a reminder, a quick word at a visit) that give a large data set
    /// the record density of a real service log. They never touch a month short of the hour, so
    /// they change no monthly-minimum outcome and hide no planted problem. 0, as in the committed
    /// samples, adds none and draws nothing from the service stream.
    /// </summary>
    public int BriefContacts { get; init; }

    /// <summary>PC Tracker hours (not billed) as a percentage of the hours member months require.</summary>
    public required int PcHoursPercent { get; init; }

    public required ProblemCounts Problems { get; init; }

    public required ChartPattern Charts { get; init; }

    /// <summary>Where the committed sample of this scenario lives, relative to the repository root.</summary>
    public string DefaultFolder => "samples/" + Name;
}

/// <summary>How enrolment spans are spread over time.</summary>
/// <param name="EarliestEnrolment">The first day anyone still on the roll could have enrolled.</param>
/// <param name="JoinedInPeriodChance">Chance an enrollee enrolled during the period rather than before it.</param>
/// <param name="JoinedOnFirstChance">Of those, the chance they enrolled on the first day of a month (referral batches).</param>
/// <param name="DisenrolledChance">Chance an enrollee disenrolled during the period, before the as-of date.</param>
internal sealed record EnrolmentPattern(DateOnly EarliestEnrolment, int JoinedInPeriodChance, int JoinedOnFirstChance, int DisenrolledChance);

/// <summary>
/// The staffing of one core role, relative to what the census requires.
/// </summary>
/// <param name="Role">The role id (program.md).</param>
/// <param name="Caseload">
/// Enrollees per FTE, as in rules/staffing.yaml (program.md's ratios); 0 for the consultant, whose
/// requirement is hours, not a ratio.
/// </param>
/// <param name="CoveragePercent">Active FTE as a percentage of census / caseload.</param>
/// <param name="MinimumFte">Active FTE, in hundredths, below which the agency never goes.</param>
/// <param name="MinimumHeadcount">Active people in the role at least.</param>
/// <param name="Leavers">People in the role who left before the as-of date.</param>
internal sealed record RoleStaffing(string Role, int Caseload, int CoveragePercent, int MinimumFte, int MinimumHeadcount, int Leavers);

/// <summary>Credential problems planted on the roster (rules.md, "Credentials").</summary>
internal sealed record CredentialProblems(
    bool NurseLicenseExpired,
    bool NurseLicenseExpiring,
    bool NurseIsLpn,
    bool ConsultantLicenseExpiring);

/// <summary>Counts of planted service and billing problems, at the scenario's default size.</summary>
/// <param name="UndocumentedServices">Services with no note, in a month that has a documented one too.</param>
/// <param name="UnsubstantiatedClaims">Claimed months with no documented service (none at all, or only undocumented ones).</param>
/// <param name="DuplicateClaims">Second claims for an already claimed enrollee month (a rebilling run).</param>
/// <param name="WrongProcedureCodes">Services recorded under a code that is not a BHH code.</param>
/// <param name="EnrolleesWithoutServices">Recently enrolled people not yet seen.</param>
/// <param name="PcBilledEntries">PC Tracker entries the consultant also billed to Medicaid.</param>
internal sealed record ProblemCounts(
    int UndocumentedServices,
    int UnsubstantiatedClaims,
    int DuplicateClaims,
    int WrongProcedureCodes,
    int EnrolleesWithoutServices,
    int PcBilledEntries)
{
    public static ProblemCounts None { get; } = new(0, 0, 0, 0, 0, 0);
}

/// <summary>
/// What enrollee charts hold (chart-events.csv), and how often each chart review criterion
/// (rules.md, "Chart review") is missed. Shortfalls are shares, in units of 1 in 10,000, of the
/// charts the criterion applies to, and are dealt out exactly rather than drawn one by one, so
/// that a criterion's rate, and so its pass or fail at the 80% mark, is the same at any size.
/// </summary>
/// <param name="Consent">CHART-CONSENT: signed only after services began, or not on file.</param>
/// <param name="Assessment">CHART-ASSESSMENT: done 31 to 75 days after enrolment, or not on file.</param>
/// <param name="RecoveryPlan">CHART-RECOVERY-PLAN: written 31 to 90 days after enrolment, or not on file.</param>
/// <param name="PlanReviewOverdue">CHART-PLAN-REVIEW: the review that fell due in the last 180 days was not done.</param>
/// <param name="TeamMissing">CHART-TEAM-ASSIGNED: no team assignment on file.</param>
/// <param name="InpatientChance">Chance an enrollee has an inpatient stay in the period.</param>
/// <param name="SecondStayChance">Of those, the chance of a readmission.</param>
/// <param name="DischargeFollowUp">CHART-DISCHARGE-FOLLOW-UP: one discharge followed up 8 to 20 days after it, or never.</param>
/// <param name="ReferralChance">Chance an enrollee is referred somewhere in the period.</param>
/// <param name="SecondReferralChance">Of those, the chance of a second referral.</param>
/// <param name="ReferralConfirmation">CHART-REFERRAL-CONFIRMED: one referral confirmed 31 to 60 days after it, or never.</param>
/// <param name="ScreeningChance">Chance of each of up to three screenings in the period (no criterion reads them).</param>
/// <param name="EducationChance">Chance of each of up to two health education sessions in the period.</param>
internal sealed record ChartPattern(
    Shortfall Consent,
    Shortfall Assessment,
    Shortfall RecoveryPlan,
    int PlanReviewOverdue,
    int TeamMissing,
    int InpatientChance,
    int SecondStayChance,
    Shortfall DischargeFollowUp,
    int ReferralChance,
    int SecondReferralChance,
    Shortfall ReferralConfirmation,
    int ScreeningChance,
    int EducationChance);

/// <summary>Shares of charts, in units of 1 in 10,000, where a dated event came too late or is missing.</summary>
internal sealed record Shortfall(int Late, int Missing)
{
    /// <summary>The criterion's intended rate of charts met, in units of 1 in 10,000.</summary>
    public int MetShare => 10_000 - Late - Missing;
}

/// <summary>The scenarios the generator knows, with the defaults that produce the committed samples.</summary>
internal static class Scenarios
{
    private static readonly DateOnly AsOf = new(2026, 9, 30);
    private static readonly DateOnly PeriodStart = new(2026, 4, 1);

    /// <summary>
    /// An LMHA preparing for review: mostly sound, with the problems a self-check exists to find.
    /// Expected determination: conditional (major rules fail, no critical rule fails).
    /// </summary>
    public static Scenario RiverValley { get; } = new()
    {
        Name = "river-valley",
        Description = "LMHA self-check with staffing, credential, service and billing problems (conditional)",
        AgencyId = "LMHA-RV",
        AgencyName = "River Valley Services",
        AgencyType = "lmha",
        ReviewType = "self-check",
        AsOf = AsOf,
        PeriodStart = PeriodStart,
        PeriodEnd = AsOf,
        IdPrefix = "RV",
        DefaultSeed = 20260930,
        DefaultEnrollees = 450,
        PmpmAmount = 296.40m,
        PcTrackerAsXlsx = false,
        Enrolment = new(new DateOnly(2019, 1, 1), JoinedInPeriodChance: 2400, JoinedOnFirstChance: 2500, DisenrolledChance: 900),
        Staffing =
        [
            new("director", 1000, 100, MinimumFte: 100, MinimumHeadcount: 1, Leavers: 1),

            // Within the 10% tolerance below 1:200: a warning.
            new("nurse-care-manager", 200, 95, MinimumFte: 0, MinimumHeadcount: 4, Leavers: 0),
            new("bhh-specialist", 100, 108, MinimumFte: 0, MinimumHeadcount: 1, Leavers: 1),

            // A quarter short of 1:50: a failure.
            new("peer-recovery-specialist", 50, 75, MinimumFte: 0, MinimumHeadcount: 1, Leavers: 2),
            new("care-transition-coordinator", 300, 110, MinimumFte: 100, MinimumHeadcount: 1, Leavers: 0),
            new("admin-systems-specialist", 800, 100, MinimumFte: 100, MinimumHeadcount: 1, Leavers: 0),
            new("pc-consultant", 0, 100, MinimumFte: 30, MinimumHeadcount: 2, Leavers: 0),
        ],
        Credentials = new(NurseLicenseExpired: true, NurseLicenseExpiring: true, NurseIsLpn: true, ConsultantLicenseExpiring: false),
        MonthMetChance = 9480,
        PcHoursPercent = 104,
        Problems = new(
            UndocumentedServices: 5,
            UnsubstantiatedClaims: 4,
            DuplicateClaims: 2,
            WrongProcedureCodes: 4,
            EnrolleesWithoutServices: 2,
            PcBilledEntries: 1),

        // Below the 80% pass mark: CHART-RECOVERY-PLAN (74%) and CHART-DISCHARGE-FOLLOW-UP (65%).
        Charts = new(
            Consent: new(Late: 300, Missing: 200),
            Assessment: new(Late: 800, Missing: 400),
            RecoveryPlan: new(Late: 1600, Missing: 1000),
            PlanReviewOverdue: 1500,
            TeamMissing: 200,
            InpatientChance: 800,
            SecondStayChance: 2500,
            DischargeFollowUp: new(Late: 2000, Missing: 1500),
            ReferralChance: 1500,
            SecondReferralChance: 2000,
            ReferralConfirmation: new(Late: 1000, Missing: 600),
            ScreeningChance: 4000,
            EducationChance: 3000),
    };

    /// <summary>
    /// A well-run affiliate under River Valley, up for credentialing.
    /// Expected determination: certified, with a license-renewal warning.
    /// </summary>
    public static Scenario HarborAffiliate { get; } = new()
    {
        Name = "harbor-affiliate",
        Description = "Affiliate credentialing review, clean apart from one warning (certified)",
        AgencyId = "AFF-HB",
        AgencyName = "Harbor Community Counseling",
        AgencyType = "affiliate",
        ParentLmha = "LMHA-RV",
        ReviewType = "credentialing",
        AsOf = AsOf,
        PeriodStart = PeriodStart,
        PeriodEnd = AsOf,
        IdPrefix = "HB",
        DefaultSeed = 20261011,
        DefaultEnrollees = 250,
        PmpmAmount = 296.40m,
        PcTrackerAsXlsx = true,
        Enrolment = new(new DateOnly(2020, 7, 1), JoinedInPeriodChance: 2000, JoinedOnFirstChance: 3000, DisenrolledChance: 700),
        Staffing =
        [
            new("director", 1000, 100, MinimumFte: 100, MinimumHeadcount: 1, Leavers: 0),
            new("nurse-care-manager", 200, 112, MinimumFte: 0, MinimumHeadcount: 2, Leavers: 0),
            new("bhh-specialist", 100, 110, MinimumFte: 0, MinimumHeadcount: 1, Leavers: 1),
            new("peer-recovery-specialist", 50, 104, MinimumFte: 0, MinimumHeadcount: 1, Leavers: 0),
            new("care-transition-coordinator", 300, 100, MinimumFte: 100, MinimumHeadcount: 1, Leavers: 0),
            new("admin-systems-specialist", 800, 100, MinimumFte: 50, MinimumHeadcount: 1, Leavers: 0),
            new("pc-consultant", 0, 100, MinimumFte: 20, MinimumHeadcount: 1, Leavers: 0),
        ],
        Credentials = new(NurseLicenseExpired: false, NurseLicenseExpiring: false, NurseIsLpn: false, ConsultantLicenseExpiring: true),
        MonthMetChance = 9880,
        PcHoursPercent = 112,
        Problems = ProblemCounts.None with { EnrolleesWithoutServices = 1 },
        Charts = new(
            Consent: new(Late: 100, Missing: 100),
            Assessment: new(Late: 300, Missing: 200),
            RecoveryPlan: new(Late: 500, Missing: 300),
            PlanReviewOverdue: 700,
            TeamMissing: 40,
            InpatientChance: 600,
            SecondStayChance: 2000,
            DischargeFollowUp: new(Late: 500, Missing: 300),
            ReferralChance: 1400,
            SecondReferralChance: 2000,
            ReferralConfirmation: new(Late: 400, Missing: 200),
            ScreeningChance: 4500,
            EducationChance: 3500),
    };

    public static IReadOnlyList<Scenario> All { get; } = [RiverValley, HarborAffiliate];

    public static Scenario? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
