using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

public sealed class LicenseCurrentKindTests
{
    [Theory]
    [InlineData("2026-09-30", Outcome.Pass)]
    [InlineData("2026-10-01", Outcome.Pass)]
    [InlineData("2029-01-01", Outcome.Pass)]
    [InlineData("2026-09-29", Outcome.Fail)]
    [InlineData(null, Outcome.Fail)]
    public void Evaluate_ExpiryOnOrAfterAsOf_IsCurrent(string? expires, Outcome expected)
    {
        var snapshot = new SnapshotBuilder().Staff("N1", "nurse-care-manager", licenseType: "RN", licenseExpires: expires is null ? null : Day(expires));

        var finding = TestRules.RunSingle(snapshot, TestRules.LicenseCurrent());

        Assert.Equal(expected, finding.Outcome);
        Assert.Equal("staff:N1", finding.Subject);
        EvidenceAssert.Keys(finding.Evidence, "license_type", "license_expires");
        EvidenceAssert.Text(finding.Evidence, "license_type", "RN");
        if (expires is null)
        {
            EvidenceAssert.None(finding.Evidence, "license_expires");
        }
        else
        {
            EvidenceAssert.Text(finding.Evidence, "license_expires", expires);
        }
    }

    [Fact]
    public void Evaluate_ExpiredLicense_HasTheStaffRowAsDetail()
    {
        var snapshot = new SnapshotBuilder()
            .Staff("C1", "pc-consultant", 0.2m, licenseType: "MD", licenseExpires: Day("2027-01-01"))
            .Staff("N1", "nurse-care-manager", licenseType: "RN", licenseExpires: Day("2026-08-31"));

        var findings = TestRules.Run(snapshot.Build(), TestRules.LicenseCurrent()).Findings;

        Assert.Equal(["staff:C1", "staff:N1"], findings.Select(f => f.Subject));
        Assert.Empty(findings[0].Details);
        var row = Assert.Single(findings[1].Details);
        EvidenceAssert.Source(row, "staff.csv:3");
        EvidenceAssert.Text(row.Fields, "license_expires", "2026-08-31");
    }

    [Fact]
    public void Evaluate_OnlyActiveStaffOfLicensedRoles()
    {
        var snapshot = new SnapshotBuilder()
            .Staff("D1", "director", licenseExpires: Day("2020-01-01"))
            .Staff("B1", "bhh-specialist")
            .Staff("N9", "nurse-care-manager", licenseExpires: Day("2020-01-01"), endDate: Day("2026-09-29"))
            .Staff("N1", "nurse-care-manager", licenseType: "APRN", licenseExpires: Day("2027-03-31"));

        var finding = TestRules.RunSingle(snapshot, TestRules.LicenseCurrent());

        Assert.Equal("staff:N1", finding.Subject);
        Assert.Equal(Outcome.Pass, finding.Outcome);
    }

    [Fact]
    public void Evaluate_NoLicensedStaff_IsNotApplicable()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder().Staff("D1", "director"), TestRules.LicenseCurrent());

        Assert.Equal(Outcome.NotApplicable, finding.Outcome);
        Assert.Equal("agency", finding.Subject);
    }
}
