using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Engine;

public sealed class DeterminationTests
{
    [Fact]
    public void From_NoFindings_IsCertified() => Assert.Equal(Determination.Certified, Determinations.From([]));

    [Theory]
    [InlineData(Outcome.Fail, Severity.Critical, Determination.NotCertified)]
    [InlineData(Outcome.Fail, Severity.Major, Determination.Conditional)]
    [InlineData(Outcome.Fail, Severity.Minor, Determination.Certified)]
    [InlineData(Outcome.Fail, Severity.Info, Determination.Certified)]
    [InlineData(Outcome.Warn, Severity.Critical, Determination.Certified)]
    [InlineData(Outcome.Warn, Severity.Major, Determination.Certified)]
    [InlineData(Outcome.Pass, Severity.Critical, Determination.Certified)]
    [InlineData(Outcome.NotApplicable, Severity.Critical, Determination.Certified)]
    [InlineData(Outcome.Waived, Severity.Critical, Determination.Certified)]
    public void From_OneFinding_FollowsRulesMd(Outcome outcome, Severity severity, Determination expected) =>
        Assert.Equal(expected, Determinations.From([Finding(outcome, severity)]));

    [Fact]
    public void From_CriticalFailAmongMajorFails_IsNotCertified() =>
        Assert.Equal(
            Determination.NotCertified,
            Determinations.From([Finding(Outcome.Fail, Severity.Major), Finding(Outcome.Fail, Severity.Critical), Finding(Outcome.Fail, Severity.Minor)]));

    [Fact]
    public void From_MajorFailWithCriticalWarn_IsConditional() =>
        Assert.Equal(
            Determination.Conditional,
            Determinations.From([Finding(Outcome.Warn, Severity.Critical), Finding(Outcome.Fail, Severity.Major), Finding(Outcome.Pass, Severity.Critical)]));

    [Fact]
    public void Run_CriticalFail_IsNotCertified()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1", Day("2025-01-01"), Day("2026-05-31"))
            .Claim("C1", "E1", Month("2026-06"))
            .Build();

        var result = TestRules.Run(snapshot, TestRules.ClaimsEnrolled(), TestRules.ClaimsDuplicate());

        Assert.Equal(Determination.NotCertified, result.Determination);
    }

    [Fact]
    public void Run_MajorFailOnly_IsConditional()
    {
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .Claim("C1", "E1", Month("2026-06"))
            .Claim("C2", "E1", Month("2026-06"))
            .Build();

        var result = TestRules.Run(snapshot, TestRules.ClaimsEnrolled(), TestRules.ClaimsDuplicate());

        Assert.Equal([Outcome.Fail, Outcome.Pass], result.Findings.Select(f => f.Outcome));
        Assert.Equal(Determination.Conditional, result.Determination);
    }

    [Fact]
    public void Run_MinorFailAndMajorWarn_StayCertified()
    {
        // SVC-BILLING-CODE (minor) fails; STAFF-NURSE-RATIO (major) warns at 0.95 of 1 required FTE.
        var snapshot = new SnapshotBuilder()
            .DeclaredCensus(200)
            .Staff("N1", "nurse-care-manager", 0.95m)
            .Service("E1", Day("2026-06-01"), procedureCode: "99213")
            .Build();

        var result = TestRules.Run(snapshot, TestRules.BillingCodes(), TestRules.StaffRatio());

        Assert.Equal([("STAFF-NURSE-RATIO", Outcome.Warn), ("SVC-BILLING-CODE", Outcome.Fail)], result.Findings.Select(f => (f.RuleId, f.Outcome)));
        Assert.Equal(Determination.Certified, result.Determination);
        Assert.True(result.HasFailures);
    }

    [Theory]
    [InlineData(Determination.Certified, "certified")]
    [InlineData(Determination.Conditional, "conditional")]
    [InlineData(Determination.NotCertified, "not-certified")]
    public void Name_IsTheContractSpelling(Determination determination, string expected) => Assert.Equal(expected, determination.Name());

    [Fact]
    public void OutcomeNamesAndSummaryKeys_AreTheContractSpellings()
    {
        Assert.Equal(
            ["pass", "warn", "fail", "not-applicable", "cannot-evaluate", "not-reviewed", "error", "waived"],
            Wire.Outcomes.Select(o => o.Name()));
        Assert.Equal(
            ["pass", "warn", "fail", "not_applicable", "cannot_evaluate", "not_reviewed", "error", "waived"],
            Wire.Outcomes.Select(o => o.SummaryKey()));
        Assert.Equal(["critical", "major", "minor", "info"], Wire.Severities.Select(s => s.Name()));
    }

    private static Finding Finding(Outcome outcome, Severity severity) =>
        new("R-1", "Rule", severity, outcome, Findings.Finding.AgencySubject, "", Evidence.Empty, "", "", []);
}
