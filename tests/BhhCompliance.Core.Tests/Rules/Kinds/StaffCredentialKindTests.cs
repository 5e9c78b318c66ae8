using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Rules.Kinds;

public sealed class StaffCredentialKindTests
{
    [Fact]
    public void Director_MastersInAClinicalFieldWithFourYears_PassesWithTheThreeValues()
    {
        var snapshot = new SnapshotBuilder().Staff("D1", "director", degreeLevel: "master", degreeField: "clinical", experienceYears: 4m, name: "Ana Ruiz");

        var finding = TestRules.RunSingle(snapshot, TestRules.CredDirector());

        Assert.Equal(Outcome.Pass, finding.Outcome);
        Assert.Equal("staff:D1", finding.Subject);
        EvidenceAssert.Keys(finding.Evidence, "degree_level", "degree_field", "bh_experience_years");
        EvidenceAssert.Text(finding.Evidence, "degree_level", "master");
        EvidenceAssert.Text(finding.Evidence, "degree_field", "clinical");
        EvidenceAssert.Number(finding.Evidence, "bh_experience_years", 4m);
        Assert.Empty(finding.Details);
        Assert.Equal("Ana Ruiz (D1), BHH Director: qualified.", finding.Message);
    }

    [Theory]
    [InlineData("doctorate", "hospital-administration", "12")]
    [InlineData("master", "public-health-administration", "4.5")]
    [InlineData("master", "health-care-administration", "4")]
    public void Director_AnyAcceptedDegreeAndField_Passes(string level, string field, string years)
    {
        var snapshot = new SnapshotBuilder().Staff("D1", "director", degreeLevel: level, degreeField: field, experienceYears: decimal.Parse(years, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(Outcome.Pass, TestRules.RunSingle(snapshot, TestRules.CredDirector()).Outcome);
    }

    [Theory]
    [InlineData("bachelor", "clinical", "10")]
    [InlineData("master", "nursing", "10")]
    [InlineData("master", "clinical", "3.99")]
    [InlineData(null, "clinical", "10")]
    [InlineData("master", null, "10")]
    [InlineData("master", "clinical", null)]
    public void Director_AnyRequirementUnmetOrUnrecorded_FailsWithTheStaffRow(string? level, string? field, string? years)
    {
        var snapshot = new SnapshotBuilder()
            .Staff("N1", "nurse-care-manager")
            .Staff("D1", "director", degreeLevel: level, degreeField: field, experienceYears: years is null ? null : decimal.Parse(years, System.Globalization.CultureInfo.InvariantCulture));

        var finding = TestRules.RunSingle(snapshot, TestRules.CredDirector());

        Assert.Equal(Outcome.Fail, finding.Outcome);
        var row = Assert.Single(finding.Details);
        EvidenceAssert.Source(row, "staff.csv:3");
        EvidenceAssert.Text(row.Fields, "staff_id", "D1");
        EvidenceAssert.Text(row.Fields, "role", "director");
    }

    [Fact]
    public void Director_UnrecordedExperience_IsEvidencedAsNoValue_AndNamedInTheMessage()
    {
        var snapshot = new SnapshotBuilder().Staff("D1", "director", degreeLevel: "master", degreeField: "clinical");

        var finding = TestRules.RunSingle(snapshot, TestRules.CredDirector());

        EvidenceAssert.None(finding.Evidence, "bh_experience_years");
        Assert.Equal("D1 (D1), BHH Director: behavioral health experience is not recorded (needs at least 4).", finding.Message);
    }

    [Fact]
    public void Director_OneFindingPerActiveDirector_SubjectsByStaffId()
    {
        var snapshot = new SnapshotBuilder()
            .Staff("D2", "director", degreeLevel: "bachelor", degreeField: "clinical", experienceYears: 9m)
            .Staff("D1", "director", degreeLevel: "master", degreeField: "clinical", experienceYears: 9m)
            .Staff("D3", "director", degreeLevel: "bachelor", endDate: Day("2026-09-29"));

        var findings = TestRules.Run(snapshot.Build(), TestRules.CredDirector()).Findings;

        Assert.Equal(["staff:D1", "staff:D2"], findings.Select(f => f.Subject));
        Assert.Equal([Outcome.Pass, Outcome.Fail], findings.Select(f => f.Outcome));
    }

    [Fact]
    public void Director_NoActiveDirector_IsNotApplicableForTheAgency()
    {
        var snapshot = new SnapshotBuilder().Staff("N1", "nurse-care-manager");

        var finding = TestRules.RunSingle(snapshot, TestRules.CredDirector());

        Assert.Equal(Outcome.NotApplicable, finding.Outcome);
        Assert.Equal("agency", finding.Subject);
    }

    [Theory]
    [InlineData("MD", Outcome.Pass)]
    [InlineData("DO", Outcome.Pass)]
    [InlineData("APRN", Outcome.Pass)]
    [InlineData("RN", Outcome.Fail)]
    [InlineData("", Outcome.Fail)]
    [InlineData(null, Outcome.Fail)]
    public void PcConsultant_MustBeMdDoOrAprn(string? license, Outcome expected)
    {
        var snapshot = new SnapshotBuilder().Staff("C1", "pc-consultant", 0.2m, licenseType: license);

        var finding = TestRules.RunSingle(snapshot, TestRules.CredPcConsultant());

        Assert.Equal(expected, finding.Outcome);
        Assert.Equal("staff:C1", finding.Subject);
        EvidenceAssert.Keys(finding.Evidence, "license_type");
    }

    [Theory]
    [InlineData("RN", Outcome.Pass)]
    [InlineData("APRN", Outcome.Pass)]
    [InlineData("LPN", Outcome.Fail)]
    [InlineData("LCSW", Outcome.Fail)]
    [InlineData(null, Outcome.Fail)]
    public void Nurse_MustBeRnOrAprn(string? license, Outcome expected)
    {
        var snapshot = new SnapshotBuilder().Staff("N1", "nurse-care-manager", licenseType: license);

        var finding = TestRules.RunSingle(snapshot, TestRules.CredNurse());

        Assert.Equal(expected, finding.Outcome);
        if (license is null)
        {
            EvidenceAssert.None(finding.Evidence, "license_type");
        }
        else
        {
            EvidenceAssert.Text(finding.Evidence, "license_type", license);
        }
    }

    [Fact]
    public void Nurse_NoStaffFile_CannotEvaluate()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder(), TestRules.CredNurse());

        Assert.Equal(Outcome.CannotEvaluate, finding.Outcome);
        EvidenceAssert.List(finding.Evidence, "missing_files", "staff.csv");
    }
}
