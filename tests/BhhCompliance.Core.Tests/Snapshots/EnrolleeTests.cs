using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Snapshots;

public sealed class EnrolleeTests
{
    [Theory]
    [InlineData("2026-06-01", false)]
    [InlineData("2026-06-02", true)]
    [InlineData("2026-06-30", true)]
    [InlineData("2026-07-01", false)]
    public void IsEnrolledOn_BothEndsInclusive(string day, bool expected)
    {
        var enrollee = Enrollee("2026-06-02", "2026-06-30");

        Assert.Equal(expected, enrollee.IsEnrolledOn(Day(day)));
    }

    [Fact]
    public void IsEnrolledOn_NoDisenrolment_IsEnrolledEverAfter()
    {
        var enrollee = Enrollee("2026-06-02", null);

        Assert.True(enrollee.IsEnrolledOn(Day("2030-12-31")));
        Assert.False(enrollee.IsEnrolledOn(Day("2026-06-01")));
    }

    [Theory]
    [InlineData("2026-06-01", null, true)]
    [InlineData("2026-05-31", null, true)]
    [InlineData("2026-06-02", null, false)]
    [InlineData("2026-01-01", "2026-06-30", true)]
    [InlineData("2026-01-01", "2026-06-29", false)]
    [InlineData("2026-06-01", "2026-06-30", true)]
    [InlineData("2026-06-02", "2026-06-29", false)]
    [InlineData("2026-07-01", null, false)]
    [InlineData("2026-01-01", "2026-05-31", false)]
    public void IsEnrolledThroughout_NeedsEveryDayOfTheMonth(string enrolledOn, string? disenrolledOn, bool expected)
    {
        var enrollee = Enrollee(enrolledOn, disenrolledOn);

        Assert.Equal(expected, enrollee.IsEnrolledThroughout(Month("2026-06")));
    }

    [Fact]
    public void IsEnrolledThroughout_LeapFebruary_NeedsThe29th()
    {
        Assert.True(Enrollee("2028-01-15", "2028-02-29").IsEnrolledThroughout(Month("2028-02")));
        Assert.False(Enrollee("2028-01-15", "2028-02-28").IsEnrolledThroughout(Month("2028-02")));
    }

    [Theory]
    [InlineData("2026-06-30", null, true)]
    [InlineData("2026-07-01", null, false)]
    [InlineData("2026-01-01", "2026-06-01", true)]
    [InlineData("2026-01-01", "2026-05-31", false)]
    [InlineData("2026-06-10", "2026-06-12", true)]
    public void IsEnrolledDuring_NeedsOneDayOfTheMonth(string enrolledOn, string? disenrolledOn, bool expected)
    {
        var enrollee = Enrollee(enrolledOn, disenrolledOn);

        Assert.Equal(expected, enrollee.IsEnrolledDuring(Month("2026-06")));
    }

    [Theory]
    [InlineData("2026-09-30", null, true)]
    [InlineData("2026-10-01", null, false)]
    [InlineData("2025-01-01", "2026-04-01", true)]
    [InlineData("2025-01-01", "2026-03-31", false)]
    public void IsEnrolledDuring_Period_NeedsOneDayOfIt(string enrolledOn, string? disenrolledOn, bool expected)
    {
        var period = new ReviewPeriod(Day("2026-04-01"), Day("2026-09-30"));

        Assert.Equal(expected, Enrollee(enrolledOn, disenrolledOn).IsEnrolledDuring(period));
    }

    [Fact]
    public void IsEnrolledThroughout_AgreesWithCheckingEveryDayOfTheMonth() =>
        Prop.ForAll(Generators.EnrolmentAndMonth.ToArbitrary(), c =>
        {
            var (span, month) = c;
            var enrollee = new Enrollee("E1", span.EnrolledOn, span.DisenrolledOn, default);
            var everyDay = Days(month.FirstDay, month.LastDay).All(enrollee.IsEnrolledOn);
            return enrollee.IsEnrolledThroughout(month) == everyDay;
        }).CheckThrowOnFailure(1000);

    [Fact]
    public void IsEnrolledDuring_AgreesWithCheckingAnyDayOfTheMonth() =>
        Prop.ForAll(Generators.EnrolmentAndMonth.ToArbitrary(), c =>
        {
            var (span, month) = c;
            var enrollee = new Enrollee("E1", span.EnrolledOn, span.DisenrolledOn, default);
            var anyDay = Days(month.FirstDay, month.LastDay).Any(enrollee.IsEnrolledOn);
            return enrollee.IsEnrolledDuring(month) == anyDay;
        }).CheckThrowOnFailure(1000);

    [Fact]
    public void EnrolmentAndMonth_GeneratesMonthsBothWhollyAndPartlyEnrolled()
    {
        // Guards the two properties above against a generator that never reaches the edges.
        // A fixed seed keeps this check deterministic.
        var samples = Generators.EnrolmentAndMonth.Sample(3000, new Rnd(20260930UL), 50);
        var touching = samples
            .Select(s => (Enrollee: new Enrollee("E1", s.Span.EnrolledOn, s.Span.DisenrolledOn, default), s.Month))
            .Where(s => s.Enrollee.IsEnrolledDuring(s.Month))
            .ToList();

        Assert.Contains(touching, s => s.Enrollee.IsEnrolledThroughout(s.Month));
        Assert.Contains(touching, s => !s.Enrollee.IsEnrolledThroughout(s.Month) && s.Enrollee.EnrolledOn == s.Month.FirstDay.AddDays(1));
        Assert.Contains(touching, s => !s.Enrollee.IsEnrolledThroughout(s.Month) && s.Enrollee.DisenrolledOn == s.Month.LastDay.AddDays(-1));
    }

    private static Enrollee Enrollee(string enrolledOn, string? disenrolledOn) =>
        new("E1", Day(enrolledOn), disenrolledOn is null ? null : Day(disenrolledOn), new SourceLine(SnapshotFile.Enrollees, 2));
}
