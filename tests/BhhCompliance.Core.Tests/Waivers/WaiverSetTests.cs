using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Tests.TestData;
using BhhCompliance.Core.Waivers;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Waivers;

/// <summary>rules.md, "Outcomes and severities" (waived) and cli.md, bhh audit --waivers.</summary>
public sealed class WaiverSetTests
{
    private static readonly DateOnly AsOf = Day("2026-09-30");

    [Fact]
    public void Apply_FailCoveredByValidWaiver_BecomesWaivedKeepingItsOutcomeAndWaiver()
    {
        var fail = Finding("STAFF-PEER-RATIO", Outcome.Fail);
        var waiver = Waiver("STAFF-PEER-RATIO", "agency");

        var applied = new WaiverSet([waiver]).Apply([fail], AsOf);

        var finding = Assert.Single(applied.Findings);
        Assert.Equal(Outcome.Waived, finding.Outcome);
        Assert.Equal(Outcome.Fail, finding.WaivedOutcome);
        Assert.Equal(Outcome.Fail, finding.RuleOutcome);
        Assert.Same(waiver, finding.Waiver);
        Assert.Equal(fail.Message, finding.Message);
        Assert.Same(fail.Evidence, finding.Evidence);
        var result = Assert.Single(applied.Waivers);
        Assert.Equal((WaiverStatus.Applied, 1, UnmatchedReason.None), (result.Status, result.FindingsWaived, result.Why));
    }

    [Theory]
    [InlineData(Outcome.Fail)]
    [InlineData(Outcome.Warn)]
    [InlineData(Outcome.CannotEvaluate)]
    [InlineData(Outcome.NotReviewed)]
    public void Apply_OutcomeThatNeedsAWaiver_IsWaived(Outcome outcome)
    {
        var applied = new WaiverSet([Waiver("R-1")]).Apply([Finding("R-1", outcome)], AsOf);

        Assert.Equal((Outcome.Waived, outcome), (applied.Findings[0].Outcome, applied.Findings[0].WaivedOutcome));
        Assert.Equal(WaiverStatus.Applied, applied.Waivers[0].Status);
    }

    [Theory]
    [InlineData(Outcome.Pass)]
    [InlineData(Outcome.NotApplicable)]
    [InlineData(Outcome.Error)] // a defect: waiving it would hide the broken rule
    public void Apply_OutcomeThatNeedsNoWaiver_IsKeptAndTheWaiverIsUnmatched(Outcome outcome)
    {
        var finding = Finding("R-1", outcome);

        var applied = new WaiverSet([Waiver("R-1")]).Apply([finding], AsOf);

        Assert.Same(finding, Assert.Single(applied.Findings));
        Assert.Null(applied.Findings[0].WaivedOutcome);
        var result = Assert.Single(applied.Waivers);
        Assert.Equal((WaiverStatus.Unmatched, UnmatchedReason.NothingToWaive), (result.Status, result.Why));
        Assert.Equal([outcome], result.Outcomes);
    }

    [Theory]
    [InlineData("2026-09-30", true)] // the last day valid is the as-of date
    [InlineData("2026-10-01", true)]
    [InlineData("2026-09-29", false)]
    public void Apply_ExpiresOn_IsTheLastDayTheWaiverIsValid(string expiresOn, bool applies)
    {
        var applied = new WaiverSet([Waiver("R-1", expiresOn: expiresOn)]).Apply([Finding("R-1", Outcome.Fail)], AsOf);

        Assert.Equal(applies ? Outcome.Waived : Outcome.Fail, applied.Findings[0].Outcome);
        Assert.Equal(applies ? WaiverStatus.Applied : WaiverStatus.Expired, applied.Waivers[0].Status);
    }

    [Fact]
    public void Apply_SubjectWaiverWinsOverTheWholeRuleWaiver_WhereverEachIsWritten()
    {
        Finding[] findings = [Finding("CRED-NURSE", Outcome.Fail, "staff:S02"), Finding("CRED-NURSE", Outcome.Fail, "staff:S09")];
        var whole = Waiver("CRED-NURSE", line: 2);
        var own = Waiver("CRED-NURSE", "staff:S09", line: 9);
        var wholeLast = whole with { Source = new SourceLine("waivers.yaml", 20) };

        foreach (var waivers in (Waiver[][])[[whole, own], [own, wholeLast]])
        {
            var applied = new WaiverSet(waivers).Apply(findings, AsOf);

            Assert.Equal([waivers.Single(w => w.IsWholeRule), own], applied.Findings.Select(f => f.Waiver));
            Assert.All(applied.Waivers, w => Assert.Equal((WaiverStatus.Applied, 1), (w.Status, w.FindingsWaived)));
        }
    }

    [Fact]
    public void Apply_ExpiredSubjectWaiver_LeavesTheFindingToTheWholeRuleWaiver()
    {
        var whole = Waiver("CRED-NURSE");
        var expired = Waiver("CRED-NURSE", "staff:S09", expiresOn: "2026-09-01", line: 9);

        var applied = new WaiverSet([whole, expired]).Apply([Finding("CRED-NURSE", Outcome.Fail, "staff:S09")], AsOf);

        Assert.Same(whole, applied.Findings[0].Waiver);
        Assert.Equal([WaiverStatus.Applied, WaiverStatus.Expired], applied.Waivers.Select(w => w.Status));
    }

    [Fact]
    public void Apply_WaiverOfAnotherSubject_LeavesTheFinding()
    {
        var applied = new WaiverSet([Waiver("CRED-NURSE", "staff:S02")]).Apply([Finding("CRED-NURSE", Outcome.Fail, "staff:S09")], AsOf);

        Assert.Equal(Outcome.Fail, applied.Findings[0].Outcome);
        Assert.Equal((WaiverStatus.Unmatched, UnmatchedReason.NoFindingForSubject), (applied.Waivers[0].Status, applied.Waivers[0].Why));
    }

    [Fact]
    public void Apply_WaiverForARuleNotRun_IsUnmatched()
    {
        var applied = new WaiverSet([Waiver("BILL-DUPLICATE")]).Apply([Finding("CRED-NURSE", Outcome.Fail)], AsOf);

        Assert.Equal((WaiverStatus.Unmatched, UnmatchedReason.RuleNotRun), (applied.Waivers[0].Status, applied.Waivers[0].Why));
        Assert.Empty(applied.Waivers[0].Outcomes);
    }

    [Fact]
    public void Apply_WholeRuleWaiverWhoseFindingsHaveTheirOwn_IsUnmatched()
    {
        var applied = new WaiverSet([Waiver("CRED-NURSE"), Waiver("CRED-NURSE", "staff:S09", line: 9)])
            .Apply([Finding("CRED-NURSE", Outcome.Fail, "staff:S09"), Finding("CRED-NURSE", Outcome.Pass, "staff:S02")], AsOf);

        Assert.Equal(
            [(WaiverStatus.Unmatched, UnmatchedReason.CoveredBySubjectWaivers), (WaiverStatus.Applied, UnmatchedReason.None)],
            applied.Waivers.Select(w => (w.Status, w.Why)));
    }

    [Fact]
    public void Apply_Results_AreByRuleIdThenWholeRuleThenSubject()
    {
        Waiver[] waivers =
        [
            Waiver("STAFF-PEER-RATIO", "agency", line: 2),
            Waiver("CRED-NURSE", "staff:S09", line: 9),
            Waiver("CRED-NURSE", "staff:S02", line: 16),
            Waiver("CRED-NURSE", line: 23),
        ];

        var applied = new WaiverSet(waivers).Apply([], AsOf);

        Assert.Equal([23, 16, 9, 2], applied.Waivers.Select(w => w.Waiver.Source.Line));
    }

    [Fact]
    public void Apply_KeepsTheOrderOfTheFindings()
    {
        Finding[] findings = [Finding("A-1", Outcome.Fail), Finding("B-1", Outcome.Pass), Finding("C-1", Outcome.Warn)];

        var applied = new WaiverSet([Waiver("C-1"), Waiver("A-1", line: 9)]).Apply(findings, AsOf);

        Assert.Equal(["A-1", "B-1", "C-1"], applied.Findings.Select(f => f.RuleId));
        Assert.Equal([Outcome.Waived, Outcome.Pass, Outcome.Waived], applied.Findings.Select(f => f.Outcome));
    }

    [Fact]
    public void Run_OnlyMajorFailWaived_IsCertifiedWithNoFailures()
    {
        // BILL-DUPLICATE (major) fails: C2 claims E1's June a second time.
        var snapshot = new SnapshotBuilder()
            .Enrollee("E1")
            .Claim("C1", "E1", Month("2026-06"))
            .Claim("C2", "E1", Month("2026-06"))
            .Build();
        var rules = new[] { TestRules.ClaimsEnrolled(), TestRules.ClaimsDuplicate() };
        var profile = new Profile("test", "every rule given", [.. rules.Select(r => r.Id)]);
        var ruleSet = new RuleSet(TestRules.Identity, rules, [profile]);
        var engine = new AuditEngine(RuleKindCatalog.Standard);

        var without = engine.Run(ruleSet, profile, snapshot);
        var with = engine.Run(ruleSet, profile, snapshot, waivers: new WaiverSet([Waiver("BILL-DUPLICATE")]));

        Assert.Equal((Determination.Conditional, true), (without.Determination, without.HasFailures));
        Assert.Empty(without.Waivers);
        Assert.Equal((Determination.Certified, false), (with.Determination, with.HasFailures));
        Assert.Equal((0, 1), (with.Count(Outcome.Fail), with.Count(Outcome.Waived)));
        Assert.Equal(WaiverStatus.Applied, Assert.Single(with.Waivers).Status);
        Assert.Equal(without.RuleOrder, with.RuleOrder);
    }

    [Fact]
    public void Run_WaiverExpiredOnTheAsOfDate_IsJudgedByTheSnapshotsAsOf()
    {
        SnapshotBuilder Claims() => new SnapshotBuilder().Enrollee("E1").Claim("C1", "E1", Month("2026-06")).Claim("C2", "E1", Month("2026-06"));
        var waiver = Waiver("BILL-DUPLICATE", expiresOn: "2026-09-30");
        var profile = new Profile("test", "one rule", ["BILL-DUPLICATE"]);
        var ruleSet = new RuleSet(TestRules.Identity, [TestRules.ClaimsDuplicate()], [profile]);
        var engine = new AuditEngine(RuleKindCatalog.Standard);

        var onTime = engine.Run(ruleSet, profile, Claims().Build(), waivers: new WaiverSet([waiver]));
        var later = engine.Run(ruleSet, profile, Claims().AsOf(Day("2026-10-01")).Build(), waivers: new WaiverSet([waiver]));

        Assert.Equal(Outcome.Waived, onTime.Findings[0].Outcome);
        Assert.Equal(Outcome.Fail, later.Findings[0].Outcome);
        Assert.Equal(WaiverStatus.Expired, later.Waivers[0].Status);
    }

    [Theory]
    [InlineData(WaiverStatus.Applied, "applied")]
    [InlineData(WaiverStatus.Expired, "expired")]
    [InlineData(WaiverStatus.Unmatched, "unmatched")]
    public void StatusName_IsTheContractSpelling(WaiverStatus status, string expected) => Assert.Equal(expected, status.Name());

    private static Finding Finding(string ruleId, Outcome outcome, string subject = "agency") =>
        new(ruleId, $"Title of {ruleId}", Severity.Major, outcome, subject, $"{ruleId} for {subject} is {outcome.Name()}.", new Evidence { ["n"] = 1 }, "citation", "remediation", []);

    private static Waiver Waiver(string ruleId, string? subject = null, string expiresOn = "2026-12-31", int line = 2) =>
        new(ruleId, subject, "Because.", "Dana Director", "J. Smith", Day("2026-09-01"), Day(expiresOn), new SourceLine("waivers.yaml", line));
}
