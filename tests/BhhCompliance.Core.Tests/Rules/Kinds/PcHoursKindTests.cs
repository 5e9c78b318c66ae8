using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Tests.TestData;
using BhhCompliance.Core.Text;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

public sealed class PcHoursKindTests
{
    [Theory]
    [InlineData(50, Outcome.Pass)]
    [InlineData(120, Outcome.Pass)]
    [InlineData(49, Outcome.Warn)]
    [InlineData(45, Outcome.Warn)]
    [InlineData(44, Outcome.Fail)]
    public void Evaluate_GradesHoursAgainstMemberMonthsOverTwelve(int minutes, Outcome expected)
    {
        // 10 member months at 1 hour per enrollee-year require 10/12 h = 50 minutes; warn down to 45.
        var snapshot = TenMemberMonths().PcEntry(Day("2026-05-01"), minutes);

        var finding = TestRules.RunSingle(snapshot, TestRules.PcHours());

        Assert.Equal(expected, finding.Outcome);
        Assert.Equal("agency", finding.Subject);
        EvidenceAssert.Number(finding.Evidence, "actual_hours", minutes / 60m);
    }

    [Fact]
    public void Evaluate_Evidence_MemberMonthsRequiredAndActualHours()
    {
        var snapshot = TenMemberMonths()
            .PcEntry(Day("2026-04-01"), 20)
            .PcEntry(Day("2026-09-30"), 10)
            .PcEntry(Day("2026-06-15"), 600, billed: true)
            .PcEntry(Day("2026-03-31"), 600)
            .PcEntry(Day("2026-10-01"), 600);

        var finding = TestRules.RunSingle(snapshot, TestRules.PcHours());

        EvidenceAssert.Keys(finding.Evidence, "member_months", "required_hours", "actual_hours");
        EvidenceAssert.Number(finding.Evidence, "member_months", 10);
        EvidenceAssert.Number(finding.Evidence, "actual_hours", 0.5m);
        var required = Assert.IsType<EvidenceValue.Number>(finding.Evidence["required_hours"]).Value;
        Assert.Equal(0.83m, Formats.Round2(required));
        Assert.Equal(10m, Math.Round(required * 12m, 20));
        Assert.Equal(Outcome.Fail, finding.Outcome);
    }

    [Fact]
    public void Evaluate_HoursPerEnrolleeYearIsAParameter()
    {
        // 10 member months at 2.4 h a year require 2 h.
        var snapshot = TenMemberMonths().PcEntry(Day("2026-05-01"), 120);

        var finding = TestRules.RunSingle(snapshot, TestRules.PcHours(2.4m));

        EvidenceAssert.Number(finding.Evidence, "required_hours", 2m);
        Assert.Equal(Outcome.Pass, finding.Outcome);
    }

    [Fact]
    public void Evaluate_NoMemberMonths_IsNotApplicable()
    {
        var snapshot = new SnapshotBuilder()
            .Period(Day("2026-04-02"), Day("2026-04-30"))
            .Enrollee("E1")
            .PcEntry(Day("2026-04-10"), 60);

        var finding = TestRules.RunSingle(snapshot, TestRules.PcHours());

        Assert.Equal(Outcome.NotApplicable, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "member_months", 0);
    }

    [Fact]
    public void Evaluate_NoPcTracker_CannotEvaluate()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder().Enrollee("E1"), TestRules.PcHours());

        Assert.Equal(Outcome.CannotEvaluate, finding.Outcome);
        EvidenceAssert.List(finding.Evidence, "missing_files", "pc-tracker.csv (or pc-tracker.xlsx)");
    }

    [Fact]
    public void Evaluate_EmptyPcTracker_FailsWithZeroHours()
    {
        var finding = TestRules.RunSingle(TenMemberMonths().WithPcTrackerFile(), TestRules.PcHours());

        Assert.Equal(Outcome.Fail, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "actual_hours", 0);
    }

    /// <summary>Over April to September 2026: 6 + 3 + 1 full enrolled months.</summary>
    private static SnapshotBuilder TenMemberMonths() => new SnapshotBuilder()
        .Enrollee("E1", Day("2025-01-01"))
        .Enrollee("E2", Day("2026-06-15"))
        .Enrollee("E3", Day("2026-01-01"), Day("2026-05-30"))
        .Enrollee("E4", Day("2026-09-02"));
}
