namespace BhhCompliance.SampleGenerator;

/// <summary>A table that rows are written to, as CSV or as a worksheet.</summary>
internal interface ITableSink : IDisposable
{
    long Rows { get; }

    void Row(IReadOnlyList<Cell> cells);
}

/// <summary>
/// The PC Tracker: the primary care consultant's logged BHH sessions (program.md). Sessions are
/// spread over the working days of the period so that, day by day, the running total keeps pace
/// with the scenario's share of the hours member months require (rules.md, PC-HOURS: 1 hour per
/// enrollee per year). Entries also billed to Medicaid are planted on top: they do not count.
/// </summary>
internal static class PcTracker
{
    public static readonly IReadOnlyList<(string Name, int Width)> Columns =
    [
        ("date", 12), ("consultant_id", 14), ("minutes", 9), ("activity", 16), ("enrollee_id", 12), ("billed_to_medicaid", 18),
    ];

    private static readonly (int Minutes, int Weight)[] SessionLengths = [(30, 3), (45, 2), (60, 4), (90, 2), (120, 1)];

    private static readonly (string Activity, int Weight)[] Activities =
    [
        ("case-review", 35), ("consultation", 30), ("care-plan", 15), ("staff-education", 12), ("other", 8),
    ];

    public static void Write(Scenario scenario, IReadOnlyList<EnrolleeSpan> enrollees, IReadOnlyList<StaffMember> staff, int memberMonths, SplitMix64 random, ITableSink sink)
    {
        var consultants = staff.Where(s => s.Role == "pc-consultant").ToList();
        var days = WorkDays(scenario.PeriodStart, scenario.PeriodEnd);
        if (consultants.Count == 0 || days.Count == 0)
        {
            return;
        }

        // Minutes: member months x 60 / 12, times the scenario's percentage, rounded up.
        var target = (((long)memberMonths * 5 * scenario.PcHoursPercent) + 99) / 100;
        var billedCount = ProblemPlan.Scale(scenario.Problems.PcBilledEntries, scenario, enrollees.Count);
        var billedDays = random.Distinct(billedCount, days.Count).ToHashSet();
        var logged = 0L;
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            var active = consultants.Where(c => c.IsActiveOn(day)).ToList();
            if (active.Count == 0)
            {
                active = consultants;
            }

            var goal = ((target * (i + 1)) + days.Count - 1) / days.Count;
            while (logged < goal)
            {
                var minutes = random.Weighted(SessionLengths);
                var activity = random.Weighted(Activities);
                var withEnrollee = activity is "case-review" or "care-plan" || (activity == "consultation" && random.Chance(7000));
                sink.Row(Entry(day, ByFte(active, random), minutes, activity, withEnrollee ? EnrolledOn(day, enrollees, random) : null, billed: false));
                logged += minutes;
            }

            if (billedDays.Contains(i))
            {
                // A physical health visit the consultant billed to Medicaid and also logged here.
                sink.Row(Entry(day, ByFte(active, random), random.Pick([30, 45]), "consultation", EnrolledOn(day, enrollees, random), billed: true));
            }
        }
    }

    private static Cell[] Entry(DateOnly day, StaffMember consultant, int minutes, string activity, string? enrolleeId, bool billed) =>
    [
        Cell.Of(CsvWriter.Date(day)),
        Cell.Of(consultant.StaffId),
        Cell.Of(minutes),
        Cell.Of(activity),
        Cell.Of(enrolleeId),
        Cell.Of(billed ? "yes" : "no"),
    ];

    private static StaffMember ByFte(IReadOnlyList<StaffMember> consultants, SplitMix64 random) =>
        random.Weighted([.. consultants.Select(c => (c, Math.Max(1, c.FteHundredths)))]);

    /// <summary>A random enrollee enrolled on the day, or none when a few draws find nobody.</summary>
    private static string? EnrolledOn(DateOnly day, IReadOnlyList<EnrolleeSpan> enrollees, SplitMix64 random)
    {
        for (var tries = 0; tries < 50 && enrollees.Count > 0; tries++)
        {
            var enrollee = random.Pick(enrollees);
            if (enrollee.IsEnrolledOn(day))
            {
                return enrollee.EnrolleeId;
            }
        }

        return null;
    }

    private static List<DateOnly> WorkDays(DateOnly first, DateOnly last)
    {
        var days = new List<DateOnly>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Add(day);
            }
        }

        return days;
    }
}
