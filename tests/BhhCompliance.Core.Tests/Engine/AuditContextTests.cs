using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Engine;

public sealed class AuditContextTests
{
    [Fact]
    public void Census_IsTheEnrolleesEnrolledOnTheAsOfDate()
    {
        var context = new AuditContext(new SnapshotBuilder()
            .AsOf(Day("2026-06-30"))
            .Enrollee("E1", Day("2026-06-30"))
            .Enrollee("E2", Day("2026-07-01"))
            .Enrollee("E3", Day("2025-01-01"), Day("2026-06-30"))
            .Enrollee("E4", Day("2025-01-01"), Day("2026-06-29"))
            .Build());

        Assert.Equal(2, context.Census);
    }

    [Fact]
    public void Census_WithoutEnrollees_IsTheDeclaredCensus() =>
        Assert.Equal(812, new AuditContext(new SnapshotBuilder().DeclaredCensus(812).Build()).Census);

    [Fact]
    public void ActiveStaff_AreThoseActiveOnTheAsOfDate()
    {
        var context = new AuditContext(new SnapshotBuilder()
            .Staff("S1", "director")
            .Staff("S2", "director", startDate: Day("2026-10-01"))
            .Staff("S3", "director", endDate: Day("2026-09-30"))
            .Staff("S4", "director", endDate: Day("2026-09-29"))
            .Build());

        Assert.Equal(["S1", "S3"], context.ActiveStaff.Select(s => s.StaffId));
    }

    [Fact]
    public void EnrolledMonths_ListEnrolleesWithFullMonthsOnly_InFileOrder()
    {
        var context = new AuditContext(new SnapshotBuilder()
            .Enrollee("E1", Day("2026-08-01"))
            .Enrollee("E2", Day("2026-09-02"))
            .Enrollee("E3", Day("2025-01-01"), Day("2026-05-31"))
            .Build());

        Assert.Equal(
            [("E1", "2026-08,2026-09"), ("E3", "2026-04,2026-05")],
            context.EnrolledMonths.Select(e => (e.Enrollee.EnrolleeId, string.Join(",", e.Months))));
        Assert.Equal(4, context.MemberMonths);
    }

    [Fact]
    public void ClaimsInPeriod_AreTheClaimsForFullMonths()
    {
        var context = new AuditContext(new SnapshotBuilder()
            .Period(Day("2026-04-01"), Day("2026-09-29"))
            .Claim("C1", "E1", Month("2026-03"))
            .Claim("C2", "E1", Month("2026-04"))
            .Claim("C3", "E1", Month("2026-08"))
            .Claim("C4", "E1", Month("2026-09"))
            .Build());

        Assert.Equal(["C2", "C3"], context.ClaimsInPeriod.Select(c => c.ClaimId));
    }

    [Fact]
    public void MemberMonths_AgreeWithADayByDayCount()
    {
        Prop.ForAll(Generators.PeriodAndEnrolments.ToArbitrary(), c =>
        {
            var snapshot = new SnapshotBuilder().Period(c.Period.Start, c.Period.End).WithEnrolleesFile();
            for (var i = 0; i < c.Spans.Length; i++)
            {
                snapshot.Enrollee($"E{i}", c.Spans[i].EnrolledOn, c.Spans[i].DisenrolledOn);
            }

            var context = new AuditContext(snapshot.Build());
            return context.MemberMonths == DayByDayMemberMonths(c.Period, c.Spans);
        }).CheckThrowOnFailure(1000);
    }

    /// <summary>
    /// Member months counted from days alone: a month counts for an enrollee when each of its days
    /// lies in the period and the enrollee is enrolled on it.
    /// </summary>
    private static int DayByDayMemberMonths(ReviewPeriod period, (DateOnly EnrolledOn, DateOnly? DisenrolledOn)[] spans)
    {
        var count = 0;
        foreach (var (enrolledOn, disenrolledOn) in spans)
        {
            count += Days(period.Start.AddDays(-31), period.End.AddDays(31))
                .GroupBy(YearMonth.Of)
                .Count(month => month.Count() == DateTime.DaysInMonth(month.Key.Year, month.Key.Month)
                    && month.All(day => day >= period.Start && day <= period.End
                        && day >= enrolledOn && (disenrolledOn is null || day <= disenrolledOn)));
        }

        return count;
    }
}
