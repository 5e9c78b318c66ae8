using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

public sealed class BillingCodesKindTests
{
    [Fact]
    public void Evaluate_EveryCodeAccepted_Passes()
    {
        var snapshot = new SnapshotBuilder()
            .Service("E1", Day("2026-04-01"), procedureCode: "T1017")
            .Service("E1", Day("2026-05-01"), procedureCode: "T1016")
            .Service("E1", Day("2026-06-01"), procedureCode: "H2027")
            .Service("E1", Day("2026-03-01"), procedureCode: "99213");

        var finding = TestRules.RunSingle(snapshot, TestRules.BillingCodes());

        Assert.Equal(Outcome.Pass, finding.Outcome);
        Assert.Equal(Severity.Minor, finding.Severity);
        EvidenceAssert.Keys(finding.Evidence, "services", "invalid");
        EvidenceAssert.Number(finding.Evidence, "services", 3);
        EvidenceAssert.Number(finding.Evidence, "invalid", 0);
    }

    [Fact]
    public void Evaluate_OtherOrEmptyCodes_FailWithEachRecordListed()
    {
        var snapshot = new SnapshotBuilder()
            .Service("E1", Day("2026-04-01"), procedureCode: "T1017")
            .Service("E1", Day("2026-05-01"), procedureCode: "99213")
            .Service("E2", Day("2026-05-02"), procedureCode: null)
            .Service("E2", Day("2026-05-03"), procedureCode: "99213")
            .Service("E2", Day("2026-10-03"), procedureCode: "90837");

        var finding = TestRules.RunSingle(snapshot, TestRules.BillingCodes());

        Assert.Equal(Outcome.Fail, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "services", 4);
        EvidenceAssert.Number(finding.Evidence, "invalid", 3);
        Assert.Equal(
            [("99213", "E1", "services.csv:3"), (null, "E2", "services.csv:4"), ("99213", "E2", "services.csv:5")],
            finding.Details.Select(d => (
                (d.Fields["procedure_code"] as EvidenceValue.Text)?.Value,
                ((EvidenceValue.Text)d.Fields["enrollee_id"]).Value,
                d.Source.ToString())));
    }

    [Fact]
    public void Evaluate_ACodeOnMoreRecordsThanTheLedgerKeeps_IsListedOnceWithItsCount()
    {
        var snapshot = new SnapshotBuilder().Service("E1", Day("2026-04-01"), procedureCode: "H0001");
        for (var i = 0; i <= ServiceLedger.RecordsKeptPerCode; i++)
        {
            snapshot.Service("E1", Day("2026-05-01"), procedureCode: "99213");
        }

        var finding = TestRules.RunSingle(snapshot, TestRules.BillingCodes());

        EvidenceAssert.Number(finding.Evidence, "invalid", ServiceLedger.RecordsKeptPerCode + 2);
        Assert.Equal(2, finding.Details.Count);
        Assert.Equal(new EvidenceValue.Text("H0001"), finding.Details[0].Fields["procedure_code"]);
        Assert.Equal(new EvidenceValue.Text("99213"), finding.Details[1].Fields["procedure_code"]);
        Assert.Equal(new EvidenceValue.Number(ServiceLedger.RecordsKeptPerCode + 1), finding.Details[1].Fields["records"]);
        Assert.Equal("services.csv:3", finding.Details[1].Source.ToString());
    }

    [Fact]
    public void Evaluate_CodesAreAParameter()
    {
        var snapshot = new SnapshotBuilder().Service("E1", Day("2026-04-01"), procedureCode: "H2027");

        Assert.Equal(Outcome.Fail, TestRules.RunSingle(snapshot, TestRules.BillingCodes("T1017")).Outcome);
        Assert.Equal(Outcome.Pass, TestRules.RunSingle(snapshot, TestRules.BillingCodes("T1017", "H2027")).Outcome);
    }

    [Fact]
    public void Evaluate_NoRecordsInThePeriod_IsNotApplicable()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder().WithServicesFile(), TestRules.BillingCodes());

        Assert.Equal(Outcome.NotApplicable, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "services", 0);
        EvidenceAssert.Number(finding.Evidence, "invalid", 0);
    }
}
