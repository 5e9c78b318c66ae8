using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

public sealed class CoreServicesKindTests
{
    [Fact]
    public void Evaluate_AllSixServicesInThePeriod_Passes()
    {
        var snapshot = new SnapshotBuilder();
        foreach (var service in TestRules.AllCoreServices)
        {
            snapshot.Service("E1", Day("2026-09-30"), 30, service);
        }

        var finding = TestRules.RunSingle(snapshot, TestRules.CoreServices());

        Assert.Equal(Outcome.Pass, finding.Outcome);
        Assert.Equal("agency", finding.Subject);
        EvidenceAssert.Keys(finding.Evidence, "missing");
        EvidenceAssert.List(finding.Evidence, "missing");
    }

    [Fact]
    public void Evaluate_MissingServices_FailInTheProgramOrder()
    {
        var snapshot = new SnapshotBuilder()
            .Service("E1", Day("2026-04-01"), 30, "care-management")
            .Service("E1", Day("2026-05-01"), 30, "transitional-care")
            .Service("E1", Day("2026-06-01"), 30, "care-coordination")
            .Service("E1", Day("2026-03-31"), 30, "community-referral")
            .Service("E1", Day("2026-10-01"), 30, "health-promotion");

        var finding = TestRules.RunSingle(snapshot, TestRules.CoreServices());

        Assert.Equal(Outcome.Fail, finding.Outcome);
        EvidenceAssert.List(finding.Evidence, "missing", "health-promotion", "family-support", "community-referral");
    }

    [Fact]
    public void Evaluate_MissingNames_AreAvailableToTheTemplate()
    {
        var rule = TestRules.Rule("SVC-CORE-SERVICES", "core-services", TestRules.Parameters(("services", new[] { "family-support", "health-promotion" })), message: "{{list missing_names \"; \"}}");
        var snapshot = new SnapshotBuilder().WithServicesFile();

        var finding = TestRules.RunSingle(snapshot, rule);

        Assert.Equal("Health promotion; Individual and family support", finding.Message);
    }

    [Fact]
    public void Evaluate_NoServicesFile_CannotEvaluate()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder(), TestRules.CoreServices());

        Assert.Equal(Outcome.CannotEvaluate, finding.Outcome);
        EvidenceAssert.List(finding.Evidence, "missing_files", "services.csv");
    }
}
