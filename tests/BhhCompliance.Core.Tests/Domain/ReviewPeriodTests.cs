using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Domain;

public sealed class ReviewPeriodTests
{
    [Fact]
    public void FullMonths_AlignedPeriod_AreEveryMonthOfIt()
    {
        var period = new ReviewPeriod(Day("2026-04-01"), Day("2026-09-30"));

        Assert.Equal(["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"], Names(period.FullMonths));
    }

    [Fact]
    public void FullMonths_StartOnTheSecond_LeavesOutTheFirstMonth()
    {
        var period = new ReviewPeriod(Day("2026-04-02"), Day("2026-09-30"));

        Assert.Equal(["2026-05", "2026-06", "2026-07", "2026-08", "2026-09"], Names(period.FullMonths));
    }

    [Fact]
    public void FullMonths_EndOnTheSecondToLastDay_LeavesOutTheLastMonth()
    {
        var period = new ReviewPeriod(Day("2026-04-01"), Day("2026-09-29"));

        Assert.Equal(["2026-04", "2026-05", "2026-06", "2026-07", "2026-08"], Names(period.FullMonths));
    }

    [Fact]
    public void FullMonths_UnalignedAtBothEnds_AreTheMonthsBetween()
    {
        var period = new ReviewPeriod(Day("2026-03-31"), Day("2026-06-01"));

        Assert.Equal(["2026-04", "2026-05"], Names(period.FullMonths));
    }

    [Theory]
    [InlineData("2026-04-05", "2026-04-20")]
    [InlineData("2026-04-01", "2026-04-29")]
    [InlineData("2026-04-02", "2026-04-30")]
    [InlineData("2026-04-15", "2026-05-14")]
    [InlineData("2026-09-30", "2026-09-30")]
    public void FullMonths_PeriodWithoutAWholeMonth_IsEmpty(string start, string end)
    {
        var period = new ReviewPeriod(Day(start), Day(end));

        Assert.Empty(period.FullMonths);
    }

    [Fact]
    public void FullMonths_LeapFebruary2028_NeedsThe29th()
    {
        var toThe28th = new ReviewPeriod(Day("2028-02-01"), Day("2028-02-28"));
        var toThe29th = new ReviewPeriod(Day("2028-02-01"), Day("2028-02-29"));

        Assert.Empty(toThe28th.FullMonths);
        Assert.Equal(["2028-02"], Names(toThe29th.FullMonths));
    }

    [Fact]
    public void FullMonths_February2026_EndsOnThe28th()
    {
        var period = new ReviewPeriod(Day("2026-02-01"), Day("2026-02-28"));

        Assert.Equal(["2026-02"], Names(period.FullMonths));
    }

    [Fact]
    public void FullMonths_AcrossAYearEnd_RunOnIntoJanuary()
    {
        var period = new ReviewPeriod(Day("2026-10-15"), Day("2027-02-28"));

        Assert.Equal(["2026-11", "2026-12", "2027-01", "2027-02"], Names(period.FullMonths));
    }

    [Fact]
    public void Constructor_EndBeforeStart_Throws() =>
        Assert.Throws<ArgumentException>(() => new ReviewPeriod(Day("2026-09-30"), Day("2026-09-29")));

    [Fact]
    public void Contains_IncludesBothEnds()
    {
        var period = new ReviewPeriod(Day("2026-04-01"), Day("2026-09-30"));

        Assert.True(period.Contains(Day("2026-04-01")));
        Assert.True(period.Contains(Day("2026-09-30")));
        Assert.False(period.Contains(Day("2026-03-31")));
        Assert.False(period.Contains(Day("2026-10-01")));
    }

    [Theory]
    [InlineData("2026-05", 0)]
    [InlineData("2026-07", 2)]
    [InlineData("2026-09", 4)]
    [InlineData("2026-04", -1)]
    [InlineData("2026-10", -1)]
    [InlineData("2025-07", -1)]
    [InlineData("2027-05", -1)]
    public void IndexOfFullMonth_GivesThePositionOrMinusOne(string month, int expected)
    {
        // April is only partly inside the period, so it is not a full month.
        var period = new ReviewPeriod(Day("2026-04-02"), Day("2026-09-30"));

        Assert.Equal(expected, period.IndexOfFullMonth(Month(month)));
    }

    [Fact]
    public void IndexOfFullMonth_AcrossAYearEnd_CountsMonthsNotYears()
    {
        var period = new ReviewPeriod(Day("2026-11-01"), Day("2027-02-28"));

        Assert.Equal(1, period.IndexOfFullMonth(Month("2026-12")));
        Assert.Equal(2, period.IndexOfFullMonth(Month("2027-01")));
        Assert.Equal(-1, period.IndexOfFullMonth(Month("2027-11")));
    }

    [Fact]
    public void IndexOfFullMonth_PeriodWithoutFullMonths_IsMinusOne()
    {
        var period = new ReviewPeriod(Day("2026-04-05"), Day("2026-04-20"));

        Assert.Equal(-1, period.IndexOfFullMonth(Month("2026-04")));
    }

    [Fact]
    public void FullMonths_EachLiesWhollyInsideThePeriodAndTheyAreConsecutive() =>
        Prop.ForAll(Generators.Period.ToArbitrary(), period =>
        {
            var months = period.FullMonths;
            var inside = months.All(m => m.FirstDay >= period.Start && m.LastDay <= period.End);
            var consecutive = months.Zip(months.Skip(1)).All(pair => pair.First.Next == pair.Second);
            return inside && consecutive;
        }).CheckThrowOnFailure(1000);

    [Fact]
    public void FullMonths_AgreeWithCountingTheDaysOfEachMonthInThePeriod() =>
        Prop.ForAll(Generators.Period.ToArbitrary(), period =>
        {
            // Day by day: a month is full when every one of its days was seen inside the period.
            var expected = Days(period.Start, period.End)
                .GroupBy(YearMonth.Of)
                .Where(g => g.Count() == DateTime.DaysInMonth(g.Key.Year, g.Key.Month))
                .Select(g => g.Key)
                .ToList();
            return expected.SequenceEqual(period.FullMonths);
        }).CheckThrowOnFailure(1000);

    [Fact]
    public void IndexOfFullMonth_IsThePositionInFullMonths() =>
        Prop.ForAll(Generators.Period.ToArbitrary(), Generators.Month.ToArbitrary(), (period, month) =>
        {
            var position = period.FullMonths.ToList().IndexOf(month);
            return period.IndexOfFullMonth(month) == position
                && period.FullMonths.Select((m, i) => period.IndexOfFullMonth(m) == i).All(ok => ok);
        }).CheckThrowOnFailure(1000);

    private static string[] Names(IEnumerable<YearMonth> months) => [.. months.Select(m => m.ToString())];

    [Fact]
    public void FullMonths_PeriodEndingInTheLastMonthOfTheCalendar_StopsThere()
    {
        var period = new ReviewPeriod(new DateOnly(9999, 10, 15), new DateOnly(9999, 12, 31));

        Assert.Equal([new YearMonth(9999, 11), new YearMonth(9999, 12)], period.FullMonths);
    }

    [Fact]
    public void FullMonths_PeriodStartingLateInTheLastMonthOfTheCalendar_IsEmpty()
    {
        Assert.Empty(new ReviewPeriod(new DateOnly(9999, 12, 2), new DateOnly(9999, 12, 31)).FullMonths);
    }
}
