namespace BhhCompliance.SampleGenerator;

/// <summary>
/// Writes chart-events.csv: what each enrollee's chart holds, from the consent and intake (years
/// before the period for people enrolled long ago) through the six-monthly recovery plan reviews,
/// to the hospital stays, referrals, screenings and education of the period. No entry is dated
/// after the enrollee's last enrolled day, nor after the as-of date.
/// </summary>
/// <remarks>
/// Three passes: an outline of every chart (its stays and referrals, which decide where the
/// discharge and referral criteria apply), then the shortfalls of the scenario dealt out over the
/// charts each criterion applies to, then the dated entries. Dealing the shortfalls, rather than
/// drawing them chart by chart, keeps each criterion's rate on the scenario's intent at any size.
/// </remarks>
internal static class ChartHistory
{
    /// <summary>rules.md: CHART-ASSESSMENT and CHART-RECOVERY-PLAN, within_days.</summary>
    private const int IntakeDays = 30;

    /// <summary>rules.md: CHART-PLAN-REVIEW, interval_days.</summary>
    private const int ReviewIntervalDays = 180;

    /// <summary>rules.md: CHART-DISCHARGE-FOLLOW-UP, within_days.</summary>
    private const int FollowUpDays = 7;

    /// <summary>rules.md: CHART-REFERRAL-CONFIRMED, within_days.</summary>
    private const int ConfirmationDays = 30;

    /// <summary>snapshot.md's chart event names, in the order entries of one day are listed.</summary>
    private static readonly string[] EventOrder =
    [
        "consent-signed", "assessment", "recovery-plan", "recovery-plan-review", "team-assigned",
        "inpatient-admission", "inpatient-discharge", "discharge-follow-up",
        "referral", "referral-confirmed", "screening", "education",
    ];

    /// <summary>Days before enrolment the consent was signed: mostly at the intake visit itself.</summary>
    private static readonly (int Days, int Weight)[] ConsentLead = [(0, 5), (1, 1), (2, 1), (3, 1), (5, 1), (7, 1)];

    private static readonly (string Unit, int Weight)[] Admissions = [("psychiatric unit", 6), ("medical unit", 2), ("detoxification unit", 2)];

    private static readonly (string Outcome, int Weight)[] Discharges =
        [("discharged home", 7), ("discharged to residential program", 2), ("discharged to shelter", 1)];

    private static readonly (string Contact, int Weight)[] FollowUps = [("home visit", 3), ("office visit", 3), ("phone call", 2), ("telehealth visit", 2)];

    private static readonly (string Target, int Weight)[] ReferralTargets =
    [
        ("primary care", 6), ("SUD treatment", 3), ("housing", 3), ("psychiatry", 2), ("dental care", 2),
        ("vocational services", 2), ("benefits enrollment", 2), ("nutrition counseling", 1),
    ];

    private static readonly string[] Screenings =
        ["PHQ-9 depression", "GAD-7 anxiety", "AUDIT-C alcohol use", "tobacco use", "blood pressure and BMI", "HbA1c", "metabolic monitoring"];

    private static readonly string[] EducationTopics =
    [
        "medication adherence", "nutrition", "smoking cessation", "diabetes self-management", "sleep hygiene",
        "physical activity", "wellness recovery action plan",
    ];

    public static IReadOnlyList<string> Columns { get; } = ["enrollee_id", "event", "date", "detail"];

    /// <param name="firstServices">Each enrollee's first service record, by roster index (CHART-CONSENT).</param>
    public static void Write(Scenario scenario, IReadOnlyList<EnrolleeSpan> enrollees, IReadOnlyList<DateOnly?> firstServices, SplitMix64 random, CsvWriter sink)
    {
        var charts = new List<Chart>(enrollees.Count);
        for (var i = 0; i < enrollees.Count; i++)
        {
            charts.Add(Outline(scenario, enrollees[i], firstServices[i], random));
        }

        DealShortfalls(scenario, charts, random);

        var teams = Math.Clamp(enrollees.Count / 150, 2, 8);
        var entries = new List<Entry>();
        foreach (var chart in charts)
        {
            entries.Clear();
            Fill(scenario, chart, teams, random, entries);
            foreach (var entry in entries.OrderBy(e => e.Date).ThenBy(e => Array.IndexOf(EventOrder, e.Event)).ThenBy(e => e.Detail, StringComparer.Ordinal))
            {
                sink.Row(chart.Enrollee.EnrolleeId, entry.Event, CsvWriter.Date(entry.Date), entry.Detail);
            }
        }
    }

    /// <summary>The first pass: the last day the chart can hold entries, and the stays and referrals of the period.</summary>
    private static Chart Outline(Scenario scenario, EnrolleeSpan enrollee, DateOnly? firstService, SplitMix64 random)
    {
        var pattern = scenario.Charts;
        var chart = new Chart(enrollee, enrollee.DisenrolledOn ?? scenario.AsOf, firstService);
        var from = enrollee.EnrolledOn > scenario.PeriodStart ? enrollee.EnrolledOn : scenario.PeriodStart;
        if (random.Chance(pattern.InpatientChance) && Stay(from, chart.End, random) is { } stay)
        {
            chart.Stays.Add(stay);

            // A readmission comes after the first stay's follow-up window, late follow-ups included.
            if (random.Chance(pattern.SecondStayChance) && Stay(stay.Discharge.AddDays(21), chart.End, random) is { } second)
            {
                chart.Stays.Add(second);
            }
        }

        if (random.Chance(pattern.ReferralChance))
        {
            var target = random.Weighted(ReferralTargets);
            var referral = random.Day(from, chart.End);
            chart.Referrals.Add((referral, target));

            // A second referral comes after the first one's confirmation, late ones included, since
            // CHART-REFERRAL-CONFIRMED takes any confirmation in a referral's window as its own.
            var next = referral.AddDays(61);
            if (random.Chance(pattern.SecondReferralChance) && next <= chart.End)
            {
                var other = random.Weighted(ReferralTargets);
                if (other != target)
                {
                    chart.Referrals.Add((random.Day(next, chart.End), other));
                }
            }
        }

        return chart;
    }

    /// <summary>A stay of 2 to 15 days admitted on or after <paramref name="from"/> and discharged by <paramref name="last"/>, if one fits.</summary>
    private static (DateOnly Admission, DateOnly Discharge)? Stay(DateOnly from, DateOnly last, SplitMix64 random)
    {
        var length = random.Between(2, 15);
        if (from.AddDays(length) > last)
        {
            return null;
        }

        var admission = random.Day(from, last.AddDays(-length));
        return (admission, admission.AddDays(length));
    }

    /// <summary>The second pass: which charts miss which criterion.</summary>
    private static void DealShortfalls(Scenario scenario, List<Chart> charts, SplitMix64 random)
    {
        var pattern = scenario.Charts;
        var asOf = scenario.AsOf;

        // CHART-CONSENT applies to charts with a service record; a late consent needs a day after it.
        var served = charts.Where(c => c.FirstService is not null).ToList();
        Assign(served, Deal(served, pattern.Consent, 0, c => c.FirstService < c.End, _ => true, random), (c, f) => c.Consent = f);

        // Late intake needs the enrollee still enrolled a month on.
        bool IntakeCanBeLate(Chart c) => c.Room >= IntakeDays + 1;
        Assign(charts, Deal(charts, pattern.Assessment, 0, IntakeCanBeLate, _ => true, random), (c, f) => c.Assessment = f);
        Assign(charts, Deal(charts, pattern.RecoveryPlan, 0, IntakeCanBeLate, _ => true, random), (c, f) => c.RecoveryPlan = f);

        // CHART-PLAN-REVIEW applies to charts enrolled more than 180 days before the as-of date. An
        // overdue review needs a plan (written by day 90 at the latest) dated before the window,
        // and a chart whose enrolment ended before the window misses it already.
        var windowStart = asOf.AddDays(-ReviewIntervalDays);
        var reviewed = charts.Where(c => asOf.DayNumber - c.Enrollee.EnrolledOn.DayNumber > ReviewIntervalDays).ToList();
        var lapsed = reviewed.Count(c => c.End < windowStart);
        Assign(
            reviewed,
            Deal(reviewed, new Shortfall(0, pattern.PlanReviewOverdue), lapsed, _ => false, c => c.End >= windowStart && c.Enrollee.EnrolledOn.AddDays(90) < windowStart, random),
            (c, f) => c.ReviewOverdue = f != Fault.None);

        Assign(charts, Deal(charts, new Shortfall(0, pattern.TeamMissing), 0, _ => false, _ => true, random), (c, f) => c.TeamMissing = f != Fault.None);

        // A missed follow-up is only planted where its whole window has passed by the as-of date,
        // so the chart misses the criterion however a reader treats windows still open.
        var discharged = charts.Where(c => c.Stays.Count > 0).ToList();
        Assign(
            discharged,
            Deal(discharged, pattern.DischargeFollowUp, 0, c => c.Stays.Any(s => LateFits(s.Discharge, c, FollowUpDays)), c => c.Stays.Any(s => Closed(s.Discharge, asOf, FollowUpDays)), random),
            (c, f) => c.FollowUp = f);

        var referred = charts.Where(c => c.Referrals.Count > 0).ToList();
        Assign(
            referred,
            Deal(referred, pattern.ReferralConfirmation, 0, c => c.Referrals.Any(r => LateFits(r.Date, c, ConfirmationDays)), c => c.Referrals.Any(r => Closed(r.Date, asOf, ConfirmationDays)), random),
            (c, f) => c.Confirmation = f);
    }

    /// <summary>
    /// Deals a shortfall over the charts a criterion applies to: exactly the share of them, less
    /// those that miss it already, rounded to the nearest chart. Where too few charts can take a
    /// late entry, the rest are missing ones, so the criterion's rate holds.
    /// </summary>
    private static Fault[] Deal(IReadOnlyList<Chart> charts, Shortfall shortfall, int alreadyMissed, Func<Chart, bool> canBeLate, Func<Chart, bool> canBeMissing, SplitMix64 random)
    {
        var faults = new Fault[charts.Count];
        var total = Math.Max(0, Share(charts.Count, shortfall.Late + shortfall.Missing) - alreadyMissed);
        var late = random.Distinct(Math.Min(Share(charts.Count, shortfall.Late), total), charts.Count, i => canBeLate(charts[i]));
        foreach (var i in late)
        {
            faults[i] = Fault.Late;
        }

        foreach (var i in random.Distinct(total - late.Count, charts.Count, i => faults[i] == Fault.None && canBeMissing(charts[i])))
        {
            faults[i] = Fault.Missing;
        }

        return faults;
    }

    private static void Assign(IReadOnlyList<Chart> charts, Fault[] faults, Action<Chart, Fault> assign)
    {
        for (var i = 0; i < charts.Count; i++)
        {
            assign(charts[i], faults[i]);
        }
    }

    /// <summary>A share in units of 1 in 10,000 of <paramref name="count"/>, rounded half up.</summary>
    private static int Share(int count, int share) => (int)(((long)count * share + 5_000) / 10_000);

    /// <summary>There is a day for an entry later than the window after <paramref name="day"/> before the chart closes.</summary>
    private static bool LateFits(DateOnly day, Chart chart, int windowDays) => day.AddDays(windowDays + 1) <= chart.End;

    /// <summary>The window after <paramref name="day"/> ends on or before the as-of date.</summary>
    private static bool Closed(DateOnly day, DateOnly asOf, int windowDays) => day.AddDays(windowDays) <= asOf;

    /// <summary>The third pass: one chart's dated entries.</summary>
    private static void Fill(Scenario scenario, Chart chart, int teams, SplitMix64 random, List<Entry> entries)
    {
        var pattern = scenario.Charts;
        var enrolled = chart.Enrollee.EnrolledOn;
        var room = chart.Room;

        switch (chart.Consent)
        {
            case Fault.None:
                entries.Add(new("consent-signed", enrolled.AddDays(-random.Weighted(ConsentLead)), "BHH consent and release of information"));
                break;
            case Fault.Late when chart.FirstService is { } first:
                // Services began before the signed form reached the chart.
                var wait = chart.End.DayNumber - first.DayNumber;
                entries.Add(new("consent-signed", first.AddDays(random.Between(1, Math.Min(45, wait))), "BHH consent and release of information"));
                break;
        }

        if (!chart.TeamMissing)
        {
            var team = (char)('A' + random.Below(teams));
            entries.Add(new("team-assigned", enrolled.AddDays(random.Between(0, Math.Min(14, room))), $"care team {team}"));
        }

        int? assessmentDay = chart.Assessment switch
        {
            Fault.None => random.Between(0, Math.Min(IntakeDays, room)),
            Fault.Late => random.Between(IntakeDays + 1, Math.Min(75, room)),
            _ => null,
        };
        if (assessmentDay is { } a)
        {
            entries.Add(new("assessment", enrolled.AddDays(a), "comprehensive assessment"));
        }

        // The plan follows the assessment where both came in time, or both late.
        int? planDay = chart.RecoveryPlan switch
        {
            Fault.None => random.Between(chart.Assessment == Fault.None ? assessmentDay!.Value : 0, Math.Min(IntakeDays, room)),
            Fault.Late => random.Between(Math.Max(IntakeDays + 1, assessmentDay ?? 0), Math.Min(90, room)),
            _ => null,
        };
        if (planDay is { } p)
        {
            entries.Add(new("recovery-plan", enrolled.AddDays(p), "initial recovery plan"));
        }

        // Without a plan on file the reviews run from enrolment, which is before the last 180 days
        // of any chart CHART-PLAN-REVIEW applies to, so that the missing plan fails only CHART-RECOVERY-PLAN.
        AddReviews(scenario, chart, enrolled.AddDays(planDay ?? 0), random, entries);

        var faulted = chart.FollowUp == Fault.None ? -1 : PickStay(chart, scenario.AsOf, random);
        for (var i = 0; i < chart.Stays.Count; i++)
        {
            var (admission, discharge) = chart.Stays[i];
            entries.Add(new("inpatient-admission", admission, random.Weighted(Admissions)));
            entries.Add(new("inpatient-discharge", discharge, random.Weighted(Discharges)));
            var followUp = i != faulted
                ? discharge.AddDays(random.Between(0, Math.Min(FollowUpDays, chart.End.DayNumber - discharge.DayNumber)))
                : chart.FollowUp == Fault.Late && LateFits(discharge, chart, FollowUpDays)
                    ? discharge.AddDays(random.Between(FollowUpDays + 1, Math.Min(20, chart.End.DayNumber - discharge.DayNumber)))
                    : (DateOnly?)null;
            if (followUp is { } f)
            {
                entries.Add(new("discharge-follow-up", f, random.Weighted(FollowUps)));
            }
        }

        var unconfirmed = chart.Confirmation == Fault.None ? -1 : PickReferral(chart, scenario.AsOf, random);
        for (var i = 0; i < chart.Referrals.Count; i++)
        {
            var (referral, target) = chart.Referrals[i];
            entries.Add(new("referral", referral, target));
            var wait = chart.End.DayNumber - referral.DayNumber;
            var confirmed = i != unconfirmed
                ? referral.AddDays(random.Between(Math.Min(2, wait), Math.Min(ConfirmationDays, wait)))
                : chart.Confirmation == Fault.Late && LateFits(referral, chart, ConfirmationDays)
                    ? referral.AddDays(random.Between(ConfirmationDays + 1, Math.Min(60, wait)))
                    : (DateOnly?)null;
            if (confirmed is { } c)
            {
                entries.Add(new("referral-confirmed", c, target));
            }
        }

        var from = enrolled > scenario.PeriodStart ? enrolled : scenario.PeriodStart;
        for (var i = 0; i < 3; i++)
        {
            if (random.Chance(pattern.ScreeningChance))
            {
                entries.Add(new("screening", random.Day(from, chart.End), random.Pick(Screenings)));
            }
        }

        for (var i = 0; i < 2; i++)
        {
            if (random.Chance(pattern.EducationChance))
            {
                entries.Add(new("education", random.Day(from, chart.End), random.Pick(EducationTopics)));
            }
        }
    }

    /// <summary>
    /// Plan reviews every 150 to 180 days after the plan while enrolled (rules.md, CHART-PLAN-REVIEW:
    /// at most 180 days apart), and a closing review on the last enrolled day of a leaver. An
    /// overdue chart's reviews stop before the last 180 days.
    /// </summary>
    private static void AddReviews(Scenario scenario, Chart chart, DateOnly plan, SplitMix64 random, List<Entry> entries)
    {
        var windowStart = scenario.AsOf.AddDays(-ReviewIntervalDays);
        var last = plan;
        while (true)
        {
            var next = last.AddDays(random.Between(150, ReviewIntervalDays));
            if (next > chart.End || (chart.ReviewOverdue && next >= windowStart))
            {
                break;
            }

            entries.Add(new("recovery-plan-review", next, "six-month review"));
            last = next;
        }

        if (!chart.ReviewOverdue && chart.Enrollee.DisenrolledOn is not null && last < chart.End)
        {
            entries.Add(new("recovery-plan-review", chart.End, "closing review at disenrollment"));
        }
    }

    /// <summary>The stay whose follow-up is late or missing: one whose window can show it.</summary>
    private static int PickStay(Chart chart, DateOnly asOf, SplitMix64 random)
    {
        var candidates = Enumerable.Range(0, chart.Stays.Count)
            .Where(i => chart.FollowUp == Fault.Late ? LateFits(chart.Stays[i].Discharge, chart, FollowUpDays) : Closed(chart.Stays[i].Discharge, asOf, FollowUpDays))
            .ToList();
        return random.Pick(candidates);
    }

    /// <summary>The referral confirmed late or never: one whose window can show it.</summary>
    private static int PickReferral(Chart chart, DateOnly asOf, SplitMix64 random)
    {
        var candidates = Enumerable.Range(0, chart.Referrals.Count)
            .Where(i => chart.Confirmation == Fault.Late ? LateFits(chart.Referrals[i].Date, chart, ConfirmationDays) : Closed(chart.Referrals[i].Date, asOf, ConfirmationDays))
            .ToList();
        return random.Pick(candidates);
    }

    private enum Fault
    {
        None,
        Late,
        Missing,
    }

    private sealed record Entry(string Event, DateOnly Date, string Detail);

    /// <summary>One enrollee's chart as the passes build it up.</summary>
    private sealed class Chart(EnrolleeSpan enrollee, DateOnly end, DateOnly? firstService)
    {
        public EnrolleeSpan Enrollee { get; } = enrollee;

        /// <summary>The last day the chart can hold an entry: the last enrolled day, or the as-of date.</summary>
        public DateOnly End { get; } = end;

        /// <summary>Days from enrolment to <see cref="End"/>.</summary>
        public int Room => End.DayNumber - Enrollee.EnrolledOn.DayNumber;

        public DateOnly? FirstService { get; } = firstService;

        public List<(DateOnly Admission, DateOnly Discharge)> Stays { get; } = [];

        public List<(DateOnly Date, string Target)> Referrals { get; } = [];

        public Fault Consent { get; set; }

        public Fault Assessment { get; set; }

        public Fault RecoveryPlan { get; set; }

        public bool ReviewOverdue { get; set; }

        public bool TeamMissing { get; set; }

        public Fault FollowUp { get; set; }

        public Fault Confirmation { get; set; }
    }
}
