using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

public sealed class TeamMinimumKindTests
{
    [Fact]
    public void Evaluate_EveryRoleStaffed_PassesWithNothingMissing()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder().FullTeam(), TestRules.TeamMinimum());

        Assert.Equal(Outcome.Pass, finding.Outcome);
        Assert.Equal("agency", finding.Subject);
        EvidenceAssert.Keys(finding.Evidence, "missing");
        EvidenceAssert.List(finding.Evidence, "missing");
        Assert.Equal("Complete.", finding.Message);
    }

    [Fact]
    public void Evaluate_RolesWithNobodyActiveAboveZeroFte_FailInTheProgramTableOrder()
    {
        var snapshot = new SnapshotBuilder()
            .Staff("D1", "director", 0m)
            .Staff("B1", "bhh-specialist")
            .Staff("P1", "peer-recovery-specialist", endDate: Day("2026-09-29"))
            .Staff("T1", "care-transition-coordinator", 0.1m)
            .Staff("A1", "admin-systems-specialist", endDate: Day("2026-09-30"))
            .Staff("C1", "pc-consultant", startDate: Day("2026-10-01"));

        // The rule lists its roles out of order; the evidence follows program.md's table.
        var rule = TestRules.TeamMinimum("pc-consultant", "peer-recovery-specialist", "bhh-specialist", "nurse-care-manager", "director", "care-transition-coordinator", "admin-systems-specialist");
        var finding = TestRules.RunSingle(snapshot, rule);

        Assert.Equal(Outcome.Fail, finding.Outcome);
        EvidenceAssert.List(finding.Evidence, "missing", "director", "nurse-care-manager", "peer-recovery-specialist", "pc-consultant");
        Assert.Equal("Missing: BHH Director, Nurse Care Manager, Peer Recovery Specialist, Primary Care Physician Consultant.", finding.Message);
    }

    [Fact]
    public void Evaluate_EmptyRoster_MissesAllSevenRoles()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder().WithStaffFile(), TestRules.TeamMinimum());

        Assert.Equal(Outcome.Fail, finding.Outcome);
        EvidenceAssert.List(finding.Evidence, "missing", [.. TestRules.AllRoles]);
    }

    [Fact]
    public void Evaluate_NoStaffFile_CannotEvaluate()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder().DeclaredCensus(10), TestRules.TeamMinimum());

        Assert.Equal(Outcome.CannotEvaluate, finding.Outcome);
        EvidenceAssert.List(finding.Evidence, "missing_files", "staff.csv");
    }
}
