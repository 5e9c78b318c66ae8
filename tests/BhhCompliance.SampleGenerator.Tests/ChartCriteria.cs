namespace BhhCompliance.SampleGenerator.Tests;

/// <summary>
/// The chart review criteria of rules.md ("Chart review"), at their default windows, computed
/// straight from a generated snapshot folder: the rate each criterion would report, to hold the
/// generator to its scenario's intent. Charts reviewed are every enrollee with a chart event.
/// </summary>
internal static class ChartCriteria
{
    public const string Consent = "CHART-CONSENT";
    public const string Assessment = "CHART-ASSESSMENT";
    public const string RecoveryPlan = "CHART-RECOVERY-PLAN";
    public const string PlanReview = "CHART-PLAN-REVIEW";
    public const string TeamAssigned = "CHART-TEAM-ASSIGNED";
    public const string DischargeFollowUp = "CHART-DISCHARGE-FOLLOW-UP";
    public const string ReferralConfirmed = "CHART-REFERRAL-CONFIRMED";

    public static IReadOnlyList<string> All { get; } = [Consent, Assessment, RecoveryPlan, PlanReview, TeamAssigned, DischargeFollowUp, ReferralConfirmed];

    /// <summary>The rate the scenario means each criterion to have, in units of 1 in 10,000.</summary>
    public static int Intent(Scenario scenario, string criterion)
    {
        var charts = scenario.Charts;
        return criterion switch
        {
            Consent => charts.Consent.MetShare,
            Assessment => charts.Assessment.MetShare,
            RecoveryPlan => charts.RecoveryPlan.MetShare,
            PlanReview => 10_000 - charts.PlanReviewOverdue,
            TeamAssigned => 10_000 - charts.TeamMissing,
            DischargeFollowUp => charts.DischargeFollowUp.MetShare,
            ReferralConfirmed => charts.ReferralConfirmation.MetShare,
            _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion, "Not a chart criterion."),
        };
    }

    /// <summary>Per criterion: the charts it applied to, and those that met it.</summary>
    public static IReadOnlyDictionary<string, (int Charts, int Met)> Evaluate(string folder, Scenario scenario)
    {
        var enrollees = CsvFile.Read(Path.Join(folder, "enrollees.csv"));
        var enrolledOn = enrollees.Rows.ToDictionary(r => enrollees.Field(r, "enrollee_id"), r => enrollees.Date(r, "enrolled_on"), StringComparer.Ordinal);

        var services = CsvFile.Read(Path.Join(folder, "services.csv"));
        var firstService = services.Rows
            .GroupBy(r => services.Field(r, "enrollee_id"), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(r => services.Date(r, "date")), StringComparer.Ordinal);

        var events = CsvFile.Read(Path.Join(folder, "chart-events.csv"));
        var charts = events.Rows
            .GroupBy(r => events.Field(r, "enrollee_id"), StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.ToLookup(r => events.Field(r, "event"), r => events.Date(r, "date"), StringComparer.Ordinal),
                StringComparer.Ordinal);

        var asOf = scenario.AsOf;
        var results = All.ToDictionary(c => c, _ => (Charts: 0, Met: 0), StringComparer.Ordinal);
        void Count(string criterion, bool met) => results[criterion] = (results[criterion].Charts + 1, results[criterion].Met + (met ? 1 : 0));
        bool InPeriod(DateOnly d) => d >= scenario.PeriodStart && d <= scenario.PeriodEnd;
        static bool Within(DateOnly day, DateOnly after, int days) => day >= after && day.DayNumber - after.DayNumber <= days;

        foreach (var (enrolleeId, chart) in charts)
        {
            var enrolled = enrolledOn[enrolleeId];
            if (firstService.TryGetValue(enrolleeId, out var first))
            {
                Count(Consent, chart["consent-signed"].Any(d => d <= first));
            }

            Count(Assessment, chart["assessment"].Any(d => Within(d, enrolled, 30)));
            Count(RecoveryPlan, chart["recovery-plan"].Any(d => Within(d, enrolled, 30)));
            if (asOf.DayNumber - enrolled.DayNumber > 180)
            {
                Count(PlanReview, chart["recovery-plan"].Concat(chart["recovery-plan-review"]).Any(d => Within(d, asOf.AddDays(-180), 180)));
            }

            Count(TeamAssigned, chart["team-assigned"].Any());

            var discharges = chart["inpatient-discharge"].Where(InPeriod).ToList();
            if (discharges.Count > 0)
            {
                Count(DischargeFollowUp, discharges.All(d => chart["discharge-follow-up"].Any(f => Within(f, d, 7))));
            }

            var referrals = chart["referral"].Where(InPeriod).ToList();
            if (referrals.Count > 0)
            {
                Count(ReferralConfirmed, referrals.All(r => chart["referral-confirmed"].Any(c => Within(c, r, 30))));
            }
        }

        return results;
    }
}
