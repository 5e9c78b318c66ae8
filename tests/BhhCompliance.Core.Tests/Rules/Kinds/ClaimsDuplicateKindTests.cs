using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

public sealed class ClaimsDuplicateKindTests
{
    [Fact]
    public void Evaluate_SecondAndThirdClaimForAMonth_AreDuplicatesOfTheFirst()
    {
        var snapshot = new SnapshotBuilder()
            .Claim("C1", "E1", Month("2026-06"), 900m)
            .Claim("C2", "E1", Month("2026-07"), 900m)
            .Claim("C3", "E2", Month("2026-06"), 900m)
            .Claim("C4", "E1", Month("2026-06"), 450.50m)
            .Claim("C5", "E1", Month("2026-06"), 100m);

        var finding = TestRules.RunSingle(snapshot, TestRules.ClaimsDuplicate());

        Assert.Equal(Outcome.Fail, finding.Outcome);
        EvidenceAssert.Keys(finding.Evidence, "duplicates", "amount_at_risk");
        EvidenceAssert.Number(finding.Evidence, "duplicates", 2);
        EvidenceAssert.Number(finding.Evidence, "amount_at_risk", 550.50m);
        Assert.Equal(["claims.csv:5", "claims.csv:6"], finding.Details.Select(d => d.Source.ToString()));
        Assert.All(finding.Details, d => EvidenceAssert.Text(d.Fields, "duplicate_of", "C1"));
        EvidenceAssert.Text(finding.Details[0].Fields, "claim_id", "C4");
    }

    [Fact]
    public void Evaluate_OneClaimPerEnrolleeMonth_Passes()
    {
        var snapshot = new SnapshotBuilder()
            .Claim("C1", "E1", Month("2026-06"))
            .Claim("C2", "E1", Month("2026-07"))
            .Claim("C3", "E2", Month("2026-06"));

        var finding = TestRules.RunSingle(snapshot, TestRules.ClaimsDuplicate());

        Assert.Equal(Outcome.Pass, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "duplicates", 0);
        EvidenceAssert.Number(finding.Evidence, "amount_at_risk", 0);
        Assert.Empty(finding.Details);
    }

    [Fact]
    public void Evaluate_DuplicatesOutsideTheFullMonths_AreNotCounted()
    {
        var snapshot = new SnapshotBuilder()
            .Claim("C1", "E1", Month("2026-10"))
            .Claim("C2", "E1", Month("2026-10"))
            .Claim("C3", "E1", Month("2026-06"));

        var finding = TestRules.RunSingle(snapshot, TestRules.ClaimsDuplicate());

        Assert.Equal(Outcome.Pass, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "duplicates", 0);
    }

    [Fact]
    public void Evaluate_NoClaimsFile_CannotEvaluate()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder(), TestRules.ClaimsDuplicate());

        Assert.Equal(Outcome.CannotEvaluate, finding.Outcome);
        EvidenceAssert.List(finding.Evidence, "missing_files", "claims.csv");
    }

    [Fact]
    public void Evaluate_EmptyClaimsFile_IsNotApplicable()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder().WithClaimsFile(), TestRules.ClaimsDuplicate());

        Assert.Equal(Outcome.NotApplicable, finding.Outcome);
    }
}
