using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

public sealed class ServicesDocumentedKindTests
{
    [Fact]
    public void Evaluate_EveryRecordHasANote_Passes()
    {
        var snapshot = new SnapshotBuilder()
            .Service("E1", Day("2026-04-01"))
            .Service("E2", Day("2026-09-30"))
            .Service("E2", Day("2026-03-31"), documented: false);

        var finding = TestRules.RunSingle(snapshot, TestRules.ServicesDocumented());

        Assert.Equal(Outcome.Pass, finding.Outcome);
        EvidenceAssert.Keys(finding.Evidence, "services", "undocumented");
        EvidenceAssert.Number(finding.Evidence, "services", 2);
        EvidenceAssert.Number(finding.Evidence, "undocumented", 0);
        Assert.Empty(finding.Details);
    }

    [Fact]
    public void Evaluate_RecordsWithoutANote_FailWithTheirRows()
    {
        var snapshot = new SnapshotBuilder()
            .Service("E1", Day("2026-04-01"))
            .Service("E2", Day("2026-05-20"), 45, "family-support", "H2027", documented: false, staffId: "S7")
            .Service("E3", Day("2026-10-01"), documented: false)
            .Service("E4", Day("2026-09-30"), documented: false);

        var finding = TestRules.RunSingle(snapshot, TestRules.ServicesDocumented());

        Assert.Equal(Outcome.Fail, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "services", 3);
        EvidenceAssert.Number(finding.Evidence, "undocumented", 2);
        Assert.Equal(["services.csv:3", "services.csv:5"], finding.Details.Select(d => d.Source.ToString()));
        var row = finding.Details[0];
        Assert.Equal(["enrollee_id", "date", "service", "minutes", "procedure_code", "staff_id", "note_id"], row.Fields.Keys);
        EvidenceAssert.Text(row.Fields, "enrollee_id", "E2");
        EvidenceAssert.Text(row.Fields, "date", "2026-05-20");
        EvidenceAssert.Text(row.Fields, "service", "family-support");
        EvidenceAssert.Number(row.Fields, "minutes", 45);
        EvidenceAssert.Text(row.Fields, "procedure_code", "H2027");
        EvidenceAssert.Text(row.Fields, "staff_id", "S7");
        EvidenceAssert.None(row.Fields, "note_id");
    }

    [Fact]
    public void Evaluate_NoRecordsInThePeriod_IsNotApplicable()
    {
        var snapshot = new SnapshotBuilder().Service("E1", Day("2026-03-31"), documented: false);

        var finding = TestRules.RunSingle(snapshot, TestRules.ServicesDocumented());

        Assert.Equal(Outcome.NotApplicable, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "services", 0);
    }
}
