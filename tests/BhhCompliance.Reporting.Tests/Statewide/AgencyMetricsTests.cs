using BhhCompliance.Core.Findings;
using BhhCompliance.Reporting.Statewide;
using BhhCompliance.Reporting.Tests.Fixtures;

namespace BhhCompliance.Reporting.Tests.Statewide;

/// <summary>The key figures the statewide renderers show, read from an agency's findings by rule kind.</summary>
public sealed class AgencyMetricsTests
{
    [Fact]
    public void From_ClaimFlaggedByThreeRules_CountsEachClaimOnce()
    {
        // C2 is flagged by two rules and C3 by two: 3 claims, $125.50 + $130.25 + $99.99.
        var metrics = Batches.RiverValley().Metrics;

        Assert.Equal(3, metrics.ClaimsAtRisk);
        Assert.Equal(355.74m, metrics.AmountAtRisk);
        Assert.Equal(2000, metrics.Claims);
    }

    [Fact]
    public void From_MonthlyMinimum_GivesTheMonthsAndTheRate()
    {
        var metrics = Batches.RiverValley().Metrics;

        Assert.Equal(600, metrics.EnrolleeMonths);
        Assert.Equal(510, metrics.MonthsMet);
        Assert.Equal(0.85m, metrics.MonthlyMinimumRate);
    }

    [Fact]
    public void From_StaffingGap_SumsOnlyTheRolesThatAreShort()
    {
        // Nurses are 0.50 FTE over (2.00 against 1.50); the surplus does not offset the peers' 0.25 FTE shortfall.
        var metrics = Batches.NewHaven().Metrics;

        Assert.Equal(0.25m, metrics.StaffingGapFte);
        Assert.Equal(["STAFF-PEER-RATIO"], metrics.RolesShort);
        Assert.Equal(300, metrics.Census);
    }

    [Fact]
    public void From_RulesThatCouldNotBeEvaluatedOrDidNotApply_GiveNoFigure()
    {
        var metrics = Batches.Shoreline().Metrics;

        Assert.Null(metrics.MonthlyMinimumRate);
        Assert.Null(metrics.EnrolleeMonths);
        Assert.Null(metrics.Claims);
        Assert.Equal(["nurse-care-manager", "peer-recovery-specialist"], metrics.MissingRoles);
    }

    [Fact]
    public void From_NoClaimRuleRan_HasNoClaimsAtRiskRatherThanZero()
    {
        var metrics = Batches.StaffingOnly().Metrics;

        Assert.Null(metrics.Claims);
        Assert.Null(metrics.ClaimsAtRisk);
        Assert.Null(metrics.AmountAtRisk);
    }

    [Fact]
    public void From_ClaimRuleRanWithoutAClaimCount_StillReportsWhatItFlagged()
    {
        // The duplicate rule gives no claim count; it ran and found nothing, which is a figure.
        var result = Batches.Result(
            "A1",
            "One",
            new DateOnly(2026, 9, 30),
            Results.Finding("BILL-DUPLICATE", Outcome.Pass, "No duplicate claims.", new Evidence { ["duplicates"] = 0, ["amount_at_risk"] = 0m }));

        var agency = AgencyAudit.Audited("a1", result, Batches.KindOf, 0, []);

        Assert.Null(agency.Metrics.Claims);
        Assert.Equal(0, agency.Metrics.ClaimsAtRisk);
        Assert.Equal(0m, agency.Metrics.AmountAtRisk);
        Assert.Equal("0", StatewideWording.ClaimsAtRisk(agency));
        Assert.Equal("$0.00", StatewideWording.AmountAtRisk(agency));
    }

    [Fact]
    public void StatewideTotals_NoAgencyRanAClaimRule_HaveNoClaimsAtRisk()
    {
        var state = Batches.WithoutClaimRules();

        Assert.Null(state.ClaimsAtRisk);
        Assert.Null(state.AmountAtRisk);
    }

    [Fact]
    public void StatewideTotals_SomeAgenciesRanAClaimRule_SumTheirClaimsAtRisk()
    {
        var state = Batches.WithoutClaimRules() with { Agencies = [Batches.StaffingOnly(), Batches.RiverValley()] };

        Assert.Equal(3, state.ClaimsAtRisk);
        Assert.Equal(355.74m, state.AmountAtRisk);
    }

    [Fact]
    public void StatewideTotals_PoolTheMonthsAndSumTheFigures()
    {
        var state = Batches.State();

        Assert.Equal(1000, state.EnrolleeMonths);
        Assert.Equal(0.882m, state.MonthlyMinimumRate);
        Assert.Equal(3100, state.Claims);
        Assert.Equal(2.80m, state.StaffingGapFte);
        Assert.Equal(3, state.AgenciesShortStaffed);
        Assert.Equal(
            [(Determination.Certified, 1), (Determination.Conditional, 1), (Determination.NotCertified, 1)],
            state.Determinations.Select(d => (d.Key, d.Value)));
    }

    [Fact]
    public void Audited_FailedRules_AreTheFailingRuleIdsSortedOnce()
    {
        var result = Batches.Result(
            "A1",
            null,
            new DateOnly(2026, 9, 30),
            Results.Finding("CRED-NURSE", Outcome.Fail, "S09", subject: "staff:S09"),
            Results.Finding("CRED-NURSE", Outcome.Fail, "S10", subject: "staff:S10"),
            Results.Finding("BILL-DUPLICATE", Outcome.Fail, "dup"),
            Results.Finding("PC-HOURS", Outcome.Warn, "warn"));

        var agency = AgencyAudit.Audited("a1", result, Batches.KindOf, 0, []);

        Assert.Equal(["BILL-DUPLICATE", "CRED-NURSE"], agency.FailedRules);
    }
}
