namespace BhhCompliance.SampleGenerator;

/// <summary>One row of enrollees.csv. <see cref="DisenrolledOn"/> is the last enrolled day, inclusive (snapshot.md).</summary>
internal sealed record EnrolleeSpan(string EnrolleeId, DateOnly EnrolledOn, DateOnly? DisenrolledOn)
{
    public bool IsEnrolledOn(DateOnly day) => EnrolledOn <= day && (DisenrolledOn is null || DisenrolledOn >= day);

    /// <summary>The enrolled days of a month, or null when there are none.</summary>
    public (DateOnly First, DateOnly Last)? DaysIn(DateOnly monthStart)
    {
        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        var first = EnrolledOn > monthStart ? EnrolledOn : monthStart;
        var last = DisenrolledOn is { } end && end < monthEnd ? end : monthEnd;
        return first <= last ? (first, last) : null;
    }

    /// <summary>Enrolled on every day of the month: a full enrolled month, when the month is in the period.</summary>
    public bool IsEnrolledThroughout(DateOnly monthStart) =>
        EnrolledOn <= monthStart && (DisenrolledOn is null || DisenrolledOn >= monthStart.AddMonths(1).AddDays(-1));
}

/// <summary>
/// The enrolment spans of a scenario: most enrollees enrolled before the period, some join during
/// it on any day (more on the first of a month, when referral batches start), and some leave.
/// Ids follow enrolment order, as an enrolment system would number them.
/// </summary>
internal static class Enrolment
{
    public static IReadOnlyList<EnrolleeSpan> Build(Scenario scenario, int count, SplitMix64 random)
    {
        var pattern = scenario.Enrolment;
        var spans = new List<(DateOnly From, DateOnly? To)>(count);
        for (var i = 0; i < count; i++)
        {
            DateOnly from;
            if (random.Chance(pattern.JoinedInPeriodChance))
            {
                from = random.Day(scenario.PeriodStart, scenario.AsOf);
                if (random.Chance(pattern.JoinedOnFirstChance))
                {
                    from = new DateOnly(from.Year, from.Month, 1);
                }
            }
            else
            {
                from = random.Day(pattern.EarliestEnrolment, scenario.PeriodStart.AddDays(-1));
            }

            // Leavers leave before the as-of date, so they are out of the census.
            DateOnly? to = null;
            if (from < scenario.AsOf && random.Chance(pattern.DisenrolledChance))
            {
                var earliest = from > scenario.PeriodStart ? from : scenario.PeriodStart;
                to = random.Day(earliest, scenario.AsOf.AddDays(-1));
            }

            spans.Add((from, to));
        }

        var width = Math.Max(5, count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        return [.. spans
            .Select((span, index) => (span, index))
            .OrderBy(s => s.span.From)
            .ThenBy(s => s.index)
            .Select((s, n) => new EnrolleeSpan(
                $"{scenario.IdPrefix}-E{(n + 1).ToString("D" + width, System.Globalization.CultureInfo.InvariantCulture)}",
                s.span.From,
                s.span.To))];
    }

    /// <summary>Enrollees enrolled on the as-of date (snapshot.md, "Census").</summary>
    public static int Census(IReadOnlyList<EnrolleeSpan> enrollees, DateOnly asOf) => enrollees.Count(e => e.IsEnrolledOn(asOf));

    /// <summary>The calendar months wholly inside the period (snapshot.md, "full months of the period"), by first day.</summary>
    public static IReadOnlyList<DateOnly> FullMonths(DateOnly start, DateOnly end)
    {
        var first = start.Day == 1 ? start : new DateOnly(start.Year, start.Month, 1).AddMonths(1);
        var months = new List<DateOnly>();
        for (var month = first; month.AddMonths(1).AddDays(-1) <= end; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        return months;
    }

    /// <summary>Full enrolled months over all enrollees (snapshot.md, "Member months").</summary>
    public static int MemberMonths(IReadOnlyList<EnrolleeSpan> enrollees, IReadOnlyList<DateOnly> fullMonths) =>
        enrollees.Sum(e => fullMonths.Count(e.IsEnrolledThroughout));
}
