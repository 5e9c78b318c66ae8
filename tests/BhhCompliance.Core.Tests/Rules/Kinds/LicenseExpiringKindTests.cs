using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

public sealed class LicenseExpiringKindTests
{
    [Theory]
    [InlineData("2026-09-30", Outcome.Warn, 0)]
    [InlineData("2026-10-01", Outcome.Warn, 1)]
    [InlineData("2026-11-29", Outcome.Warn, 60)]
    [InlineData("2026-11-30", Outcome.Pass, 61)]
    [InlineData("2028-01-01", Outcome.Pass, 458)]
    public void Evaluate_CurrentLicense_WarnsWithinTheWindow(string expires, Outcome expected, int daysRemaining)
    {
        var snapshot = new SnapshotBuilder().Staff("C1", "pc-consultant", 0.2m, licenseType: "DO", licenseExpires: Day(expires));

        var finding = TestRules.RunSingle(snapshot, TestRules.LicenseExpiring());

        Assert.Equal(expected, finding.Outcome);
        Assert.Equal(Severity.Minor, finding.Severity);
        Assert.Equal("staff:C1", finding.Subject);
        EvidenceAssert.Keys(finding.Evidence, "license_type", "license_expires", "days_remaining");
        EvidenceAssert.Text(finding.Evidence, "license_type", "DO");
        EvidenceAssert.Text(finding.Evidence, "license_expires", expires);
        EvidenceAssert.Number(finding.Evidence, "days_remaining", daysRemaining);
    }

    [Fact]
    public void Evaluate_ExpiredLicense_DoesNotWarn()
    {
        // An expired license is CRED-LICENSE-CURRENT's failure, not an expiry warning.
        var snapshot = new SnapshotBuilder().Staff("N1", "nurse-care-manager", licenseType: "RN", licenseExpires: Day("2026-09-29"));

        var finding = TestRules.RunSingle(snapshot, TestRules.LicenseExpiring());

        Assert.Equal(Outcome.Pass, finding.Outcome);
        EvidenceAssert.Number(finding.Evidence, "days_remaining", -1);
    }

    [Fact]
    public void Evaluate_NoExpiryRecorded_DoesNotWarn()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder().Staff("N1", "nurse-care-manager", licenseType: "RN"), TestRules.LicenseExpiring());

        Assert.Equal(Outcome.Pass, finding.Outcome);
        EvidenceAssert.None(finding.Evidence, "days_remaining");
    }

    [Fact]
    public void Evaluate_WindowIsAParameter()
    {
        var snapshot = new SnapshotBuilder().Staff("N1", "nurse-care-manager", licenseType: "RN", licenseExpires: Day("2026-10-30"));

        Assert.Equal(Outcome.Warn, TestRules.RunSingle(snapshot, TestRules.LicenseExpiring(30)).Outcome);
        Assert.Equal(Outcome.Pass, TestRules.RunSingle(snapshot, TestRules.LicenseExpiring(29)).Outcome);
    }

    [Fact]
    public void Evaluate_WarnedLicense_HasTheStaffRowAsDetail()
    {
        var snapshot = new SnapshotBuilder().Staff("N1", "nurse-care-manager", licenseType: "RN", licenseExpires: Day("2026-10-15"));

        var row = Assert.Single(TestRules.RunSingle(snapshot, TestRules.LicenseExpiring()).Details);

        EvidenceAssert.Source(row, "staff.csv:2");
        EvidenceAssert.Text(row.Fields, "staff_id", "N1");
    }
}
