using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

public sealed class ClaimsSubstantiatedKindTests
{
    [Fact]
    public void Evaluate_ClaimsWithoutADocumentedServiceThatMonth_FailWithAmountAtRisk()
    {
        var snapshot = new SnapshotBuilder()
            .Service("E1", Day("2026-06-30"))
            .Service("E1", Day("2026-07-15"), documented: false)
            .Service("E2", Day("2026-07-01"))
            .Claim("C1", "E1", Month("2026-06"), 1000.10m)
            .Claim("C2", "E1", Month("2026-07"), 1000.10m)
            .Claim("C3", "E2", Month("2026-08"), 999.995m)
            .Claim("C4", "E2", Month("2026-03"), 1000m);

        var finding = TestRules.RunSingle(snapshot, TestRules.ClaimsSubstantiated());

        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal("agency", finding.Subject);
        EvidenceAssert.Keys(finding.Evidence, "claims", "unsubstantiated", "amount_at_risk");
        EvidenceAssert.Number(finding.Evidence, "claims", 3);
        EvidenceAssert.Number(finding.Evidence, "unsubstantiated", 2);
        EvidenceAssert.Number(finding.Evidence, "amount_at_risk", 2000.095m);
        Assert.Equal(["C2", "C3"], finding.Details.Select(d => ((EvidenceValue.Text)d.Fields["claim_id"]).Value));
        var row = finding.Details[0];
        Assert.Equal(["claim_id", "enrollee_id", "month", "amount"], row.Fields.Keys);
        EvidenceAssert.Text(row.Fields, "enrollee_id", "E1");
        EvidenceAssert.Text(row.Fields, "month", "2026-07");
        EvidenceAssert.Number(row.Fields, "amount", 1000.10m);
        EvidenceAssert.Source(row, "claims.csv:3");
    }

    [Fact]
    public void Evaluate_EveryClaimSubstantiated_Passes()
    {
        var snapshot = new SnapshotBuilder()
            .Service("E1", Day("2026-04-01"))
            .Service("E1", Day("2026-09-30"))
            .Claim("C1", "E1", Month("2026-04"))
            .Claim("C2", "E1", Month("2026-09"));

        var finding = TestRules.RunSingle(snapshot, TestRules.ClaimsSubstantiated());

        Assert.Equal(Outcome.Pass, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "unsubstantiated", 0);
        EvidenceAssert.Number(finding.Evidence, "amount_at_risk", 0);
        Assert.Empty(finding.Details);
    }

    [Fact]
    public void Evaluate_ClaimForAPartialMonthOfThePeriod_IsNotReviewed()
    {
        // April is only partly inside a period that starts on the 2nd: its claim is not counted.
        var snapshot = new SnapshotBuilder()
            .Period(Day("2026-04-02"), Day("2026-09-30"))
            .Service("E1", Day("2026-05-05"))
            .Claim("C1", "E1", Month("2026-04"))
            .Claim("C2", "E1", Month("2026-05"));

        var finding = TestRules.RunSingle(snapshot, TestRules.ClaimsSubstantiated());

        Assert.Equal(Outcome.Pass, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "claims", 1);
    }

    [Fact]
    public void Evaluate_NoClaimsForAFullMonth_IsNotApplicable()
    {
        var snapshot = new SnapshotBuilder().WithServicesFile().Claim("C1", "E1", Month("2026-10"));

        var finding = TestRules.RunSingle(snapshot, TestRules.ClaimsSubstantiated());

        Assert.Equal(Outcome.NotApplicable, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "claims", 0);
    }

    [Fact]
    public void Evaluate_NoServicesFile_CannotEvaluate()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder().Claim("C1", "E1", Month("2026-06")), TestRules.ClaimsSubstantiated());

        Assert.Equal(Outcome.CannotEvaluate, finding.Outcome);
        EvidenceAssert.List(finding.Evidence, "missing_files", "services.csv");
    }
}
