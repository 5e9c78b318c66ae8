using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

public sealed class ClaimsEnrolledKindTests
{
    [Fact]
    public void Evaluate_ClaimForAMonthWithoutAnEnrolledDay_FailsCritical()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1", Day("2025-01-01"), Day("2026-06-01"))
            .Enrollee("E2", Day("2026-08-31"))
            .Claim("C1", "E1", Month("2026-06"), 900m)
            .Claim("C2", "E1", Month("2026-07"), 900m)
            .Claim("C3", "E2", Month("2026-07"), 850.25m)
            .Claim("C4", "E2", Month("2026-08"), 900m);

        var finding = TestRules.RunSingle(snapshot, TestRules.ClaimsEnrolled());

        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal(Severity.Critical, finding.Severity);
        EvidenceAssert.Keys(finding.Evidence, "claims", "not_enrolled", "amount_at_risk");
        EvidenceAssert.Number(finding.Evidence, "claims", 4);
        EvidenceAssert.Number(finding.Evidence, "not_enrolled", 2);
        EvidenceAssert.Number(finding.Evidence, "amount_at_risk", 1750.25m);
        Assert.Equal(["claims.csv:3", "claims.csv:4"], finding.Details.Select(d => d.Source.ToString()));
    }

    [Fact]
    public void Evaluate_ClaimForAnEnrolleeNotInTheFile_IsNotEnrolled()
    {
        var snapshot = new SnapshotBuilder().Enrollee("E1").Claim("C1", "E9", Month("2026-06"));

        var finding = TestRules.RunSingle(snapshot, TestRules.ClaimsEnrolled());

        Assert.Equal(Outcome.Fail, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "not_enrolled", 1);
    }

    [Fact]
    public void Evaluate_EveryClaimInAnEnrolledMonth_Passes()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1", Day("2026-06-30"))
            .Claim("C1", "E1", Month("2026-06"))
            .Claim("C2", "E1", Month("2026-09"));

        var finding = TestRules.RunSingle(snapshot, TestRules.ClaimsEnrolled());

        Assert.Equal(Outcome.Pass, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "not_enrolled", 0);
        EvidenceAssert.Number(finding.Evidence, "amount_at_risk", 0);
    }

    [Fact]
    public void Evaluate_NoEnrolleesFile_CannotEvaluate()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder().DeclaredCensus(10).Claim("C1", "E1", Month("2026-06")), TestRules.ClaimsEnrolled());

        Assert.Equal(Outcome.CannotEvaluate, finding.Outcome);
        EvidenceAssert.List(finding.Evidence, "missing_files", "enrollees.csv");
    }
}
