using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

public sealed class MonthlyMinimumKindTests
{
    [Fact]
    public void Evaluate_EveryEnrolleeMonthMet_Passes()
    {
        var snapshot = new SnapshotBuilder().Enrollee("E1");
        MonthlyServices(snapshot, "E1", 60);

        var finding = TestRules.RunSingle(snapshot, TestRules.MonthlyMinimum());

        Assert.Equal(Outcome.Pass, finding.Outcome);
        Assert.Equal("agency", finding.Subject);
        EvidenceAssert.Keys(finding.Evidence, "enrollee_months", "met", "unmet", "rate");
        EvidenceAssert.Number(finding.Evidence, "enrollee_months", 6);
        EvidenceAssert.Number(finding.Evidence, "met", 6);
        EvidenceAssert.Number(finding.Evidence, "unmet", 0);
        EvidenceAssert.Number(finding.Evidence, "rate", 1);
        Assert.Empty(finding.Details);
    }

    [Fact]
    public void Evaluate_OneShortMonthAboveTheMinimumRate_WarnsWithTheUnmetMonth()
    {
        var snapshot = new SnapshotBuilder().Enrollee("E1").Enrollee("E2");
        MonthlyServices(snapshot, "E1", 60, except: Month("2026-06"));
        MonthlyServices(snapshot, "E2", 75);
        snapshot.Service("E1", Day("2026-06-30"), 59);

        var finding = TestRules.RunSingle(snapshot, TestRules.MonthlyMinimum());

        // 11 of 12 = 0.9167 >= 0.90.
        Assert.Equal(Outcome.Warn, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "enrollee_months", 12);
        EvidenceAssert.Number(finding.Evidence, "met", 11);
        EvidenceAssert.Number(finding.Evidence, "unmet", 1);
        EvidenceAssert.Number(finding.Evidence, "rate", 11m / 12m);
        var row = Assert.Single(finding.Details);
        Assert.Equal(["enrollee_id", "month", "minutes"], row.Fields.Keys);
        EvidenceAssert.Text(row.Fields, "enrollee_id", "E1");
        EvidenceAssert.Text(row.Fields, "month", "2026-06");
        EvidenceAssert.Number(row.Fields, "minutes", 59);
        EvidenceAssert.Source(row, "enrollees.csv:2");
    }

    [Theory]
    [InlineData(9, Outcome.Warn)]
    [InlineData(8, Outcome.Fail)]
    [InlineData(10, Outcome.Pass)]
    public void Evaluate_RateExactlyTheMinimum_Warns(int metMonths, Outcome expected)
    {
        // Ten enrollee months: E1 six, E2 four (June to September).
        var snapshot = new SnapshotBuilder().Enrollee("E1").Enrollee("E2", Day("2026-06-01"));
        var months = new[] { "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09" }.Select(Month).ToList();
        var enrolleeMonths = months.Select(m => ("E1", m)).Concat(months.Skip(2).Select(m => ("E2", m))).ToList();
        foreach (var (enrollee, month) in enrolleeMonths.Take(metMonths))
        {
            snapshot.Service(enrollee, month.FirstDay, 60);
        }

        var finding = TestRules.RunSingle(snapshot, TestRules.MonthlyMinimum());

        EvidenceAssert.Number(finding.Evidence, "enrollee_months", 10);
        EvidenceAssert.Number(finding.Evidence, "met", metMonths);
        Assert.Equal(expected, finding.Outcome);
        Assert.Equal(10 - metMonths, finding.Details.Count);
    }

    [Fact]
    public void Evaluate_SumsTheMonthsRecordsOfThatEnrolleeOnly()
    {
        var snapshot = new SnapshotBuilder()
            .Period(Day("2026-06-01"), Day("2026-06-30"))
            .Enrollee("E1")
            .Enrollee("E2")
            .Service("E1", Day("2026-06-01"), 30)
            .Service("E1", Day("2026-06-30"), 30, "care-coordination")
            .Service("E2", Day("2026-06-15"), 45)
            .Service("E2", Day("2026-05-31"), 45)
            .Service("E2", Day("2026-07-01"), 45);

        var finding = TestRules.RunSingle(snapshot, TestRules.MonthlyMinimum());

        EvidenceAssert.Number(finding.Evidence, "met", 1);
        var row = Assert.Single(finding.Details);
        EvidenceAssert.Text(row.Fields, "enrollee_id", "E2");
        EvidenceAssert.Number(row.Fields, "minutes", 45);
    }

    [Fact]
    public void Evaluate_OnlyFullEnrolledMonthsCount()
    {
        // E1 starts on the 2nd of June and leaves on the second-to-last day of August: only July counts.
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1", Day("2026-06-02"), Day("2026-08-30"))
            .Service("E1", Day("2026-07-10"), 60);

        var finding = TestRules.RunSingle(snapshot, TestRules.MonthlyMinimum());

        EvidenceAssert.Number(finding.Evidence, "enrollee_months", 1);
        Assert.Equal(Outcome.Pass, finding.Outcome);
    }

    [Fact]
    public void Evaluate_MonthWithoutServices_IsUnmetWithZeroMinutes()
    {
        var snapshot = new SnapshotBuilder()
            .Period(Day("2026-06-01"), Day("2026-07-31"))
            .Enrollee("E1")
            .Service("E1", Day("2026-06-10"), 60);

        var finding = TestRules.RunSingle(snapshot, TestRules.MonthlyMinimum());

        // 1 of 2 is below the 0.90 rate.
        Assert.Equal(Outcome.Fail, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "rate", 0.5m);
        var row = Assert.Single(finding.Details);
        EvidenceAssert.Text(row.Fields, "month", "2026-07");
        EvidenceAssert.Number(row.Fields, "minutes", 0);
    }

    [Fact]
    public void Evaluate_NoEnrolleeMonths_IsNotApplicable()
    {
        var snapshot = new SnapshotBuilder().Enrollee("E1", Day("2026-09-02")).Service("E1", Day("2026-09-10"), 60);

        var finding = TestRules.RunSingle(snapshot, TestRules.MonthlyMinimum());

        Assert.Equal(Outcome.NotApplicable, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "enrollee_months", 0);
    }

    [Fact]
    public void Evaluate_MinimumMinutesIsAParameter()
    {
        var snapshot = new SnapshotBuilder().Period(Day("2026-06-01"), Day("2026-06-30")).Enrollee("E1").Service("E1", Day("2026-06-10"), 89);

        Assert.Equal(Outcome.Fail, TestRules.RunSingle(snapshot, TestRules.MonthlyMinimum(90m)).Outcome);
        Assert.Equal(Outcome.Pass, TestRules.RunSingle(snapshot, TestRules.MonthlyMinimum(89m)).Outcome);
    }

    [Fact]
    public void Evaluate_NoServicesFile_CannotEvaluate()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder().Enrollee("E1"), TestRules.MonthlyMinimum());

        Assert.Equal(Outcome.CannotEvaluate, finding.Outcome);
        EvidenceAssert.List(finding.Evidence, "missing_files", "services.csv");
    }

    private static void MonthlyServices(SnapshotBuilder snapshot, string enrolleeId, decimal minutes, YearMonth? except = null)
    {
        for (var month = Month("2026-04"); month <= Month("2026-09"); month = month.Next)
        {
            if (month != except)
            {
                snapshot.Service(enrolleeId, month.FirstDay.AddDays(9), minutes);
            }
        }
    }
}
