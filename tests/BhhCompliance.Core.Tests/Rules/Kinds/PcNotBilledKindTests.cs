using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

public sealed class PcNotBilledKindTests
{
    [Fact]
    public void Evaluate_BilledEntryInThePeriod_FailsWithTheRow()
    {
        var snapshot = new SnapshotBuilder()
            .PcEntry(Day("2026-05-01"), 30)
            .PcEntry(Day("2026-06-12"), 45, billed: true, consultantId: "PC2", activity: "consultation", enrolleeId: "E7")
            .PcEntry(Day("2026-03-01"), 45, billed: true);

        var finding = TestRules.RunSingle(snapshot, TestRules.PcNotBilled());

        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal("agency", finding.Subject);
        EvidenceAssert.Keys(finding.Evidence, "billed_entries");
        EvidenceAssert.Number(finding.Evidence, "billed_entries", 1);
        var row = Assert.Single(finding.Details);
        EvidenceAssert.Source(row, "pc-tracker.csv:3");
        Assert.Equal(["date", "consultant_id", "minutes", "activity", "enrollee_id", "billed_to_medicaid"], row.Fields.Keys);
        EvidenceAssert.Text(row.Fields, "date", "2026-06-12");
        EvidenceAssert.Text(row.Fields, "consultant_id", "PC2");
        EvidenceAssert.Number(row.Fields, "minutes", 45);
        EvidenceAssert.Text(row.Fields, "activity", "consultation");
        EvidenceAssert.Text(row.Fields, "enrollee_id", "E7");
        EvidenceAssert.Text(row.Fields, "billed_to_medicaid", "yes");
    }

    [Fact]
    public void Evaluate_BilledEntriesOnlyOutsideThePeriod_Pass()
    {
        var snapshot = new SnapshotBuilder()
            .PcEntry(Day("2026-05-01"), 30)
            .PcEntry(Day("2026-03-31"), 45, billed: true)
            .PcEntry(Day("2026-10-01"), 45, billed: true);

        var finding = TestRules.RunSingle(snapshot, TestRules.PcNotBilled());

        Assert.Equal(Outcome.Pass, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "billed_entries", 0);
        Assert.Empty(finding.Details);
    }

    [Fact]
    public void Evaluate_NoPcTracker_CannotEvaluate()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder(), TestRules.PcNotBilled());

        Assert.Equal(Outcome.CannotEvaluate, finding.Outcome);
        EvidenceAssert.List(finding.Evidence, "missing_files", "pc-tracker.csv (or pc-tracker.xlsx)");
    }
}
