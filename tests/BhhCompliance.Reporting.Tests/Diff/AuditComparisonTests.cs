using BhhCompliance.Core.Findings;
using BhhCompliance.Reporting.Diff;

namespace BhhCompliance.Reporting.Tests.Diff;

/// <summary>The categories of <see cref="AuditComparison"/>, one scenario each, and the order within a section.</summary>
public sealed class AuditComparisonTests
{
    private const string Nurse = "STAFF-NURSE-RATIO";
    private const string License = "CRED-LICENSE-CURRENT";

    [Theory]
    [InlineData("fail", "pass")]
    [InlineData("warn", "pass")]
    [InlineData("fail", "not-applicable")]
    [InlineData("cannot-evaluate", "pass")]
    [InlineData("not-reviewed", "pass")]
    public void OpenThenPassing_IsResolved(string before, string after)
    {
        var comparison = AuditJson.Compare(new AuditJson().Finding(Nurse, before), new AuditJson().Finding(Nurse, after));

        var change = Assert.Single(comparison.Resolved);
        Assert.Equal(new FindingKey(Nurse, "agency"), change.Key);
        Assert.Equal(before, change.Old!.Outcome.Name());
        Assert.Equal(after, change.New!.Outcome.Name());
        AssertOnlyIn(comparison, comparison.Resolved);
    }

    [Fact]
    public void FailingSubjectGone_WhileTheRuleRan_IsResolvedWithNoNewSide()
    {
        // S09 left: the licence rule still ran for S02, but has nothing to say about S09.
        var comparison = AuditJson.Compare(
            new AuditJson().Finding(License, "pass", "staff:S02").Finding(License, "fail", "staff:S09"),
            new AuditJson().Finding(License, "pass", "staff:S02"));

        var change = Assert.Single(comparison.Resolved);
        Assert.Equal("staff:S09", change.Key.Subject);
        Assert.Null(change.New);
        Assert.Equal("FAIL → ABSENT", DiffWording.Transition(change));
        Assert.StartsWith("The rule still ran, but staff member S09 is no longer in the audit.", DiffWording.Message(change), StringComparison.Ordinal);
        Assert.Equal(1, comparison.UnchangedCount);
    }

    [Fact]
    public void FailingSubjectGone_BecauseTheRuleCouldNotBeEvaluated_IsNotResolved()
    {
        // staff.csv is missing from the new snapshot: the rule ran only as one cannot-evaluate finding.
        var comparison = AuditJson.Compare(
            new AuditJson().Finding(License, "fail", "staff:S09"),
            new AuditJson().Finding(License, "cannot-evaluate", "agency"));

        Assert.Empty(comparison.Resolved);
        Assert.Equal("staff:S09", Assert.Single(comparison.Changed).Key.Subject);
        Assert.Equal("agency", Assert.Single(comparison.NewProblems).Key.Subject);
    }

    [Fact]
    public void SameOutcome_AnotherRuleVersion_IsChanged_AndNamesTheVersions()
    {
        var comparison = AuditJson.Compare(
            new AuditJson().Finding(Nurse, "pass", extra: """ "rule_version": { "effective_from": null, "effective_to": "2026-06-30" } """),
            new AuditJson().Finding(Nurse, "pass", extra: """ "rule_version": { "effective_from": "2026-07-01", "effective_to": null } """));

        var change = Assert.Single(comparison.Changed);
        Assert.Equal(
            "Evidence: rule_version the version in force until 2026-06-30 → the version in force from 2026-07-01",
            DiffWording.Evidence(change));
    }

    [Fact]
    public void SameOpenOutcomeInBoth_IsPersisting_WithTheEvidenceThatMoved()
    {
        var comparison = AuditJson.Compare(
            new AuditJson().Finding(Nurse, "fail", evidence: """{ "census": 812, "caseload": 200, "required_fte": 4.06, "actual_fte": 3.5 }"""),
            new AuditJson().Finding(Nurse, "fail", evidence: """{ "census": 812, "caseload": 200, "required_fte": 4.06, "actual_fte": 3.75 }"""));

        var change = Assert.Single(comparison.Persisting);
        var evidence = Assert.Single(change.EvidenceChanges);
        Assert.Equal(("actual_fte", "3.5", "3.75"), (evidence.Key, evidence.Old!.Value.GetRawText(), evidence.New!.Value.GetRawText()));
        AssertOnlyIn(comparison, comparison.Persisting);
    }

    [Fact]
    public void NotReviewedInBoth_IsPersisting()
    {
        var comparison = AuditJson.Compare(new AuditJson().Finding("CHART-PERSON-CENTERED", "not-reviewed"), new AuditJson().Finding("CHART-PERSON-CENTERED", "not-reviewed"));

        Assert.Single(comparison.Persisting);
        Assert.Equal(0, comparison.UnchangedCount);
    }

    [Theory]
    [InlineData("pass", "fail")]
    [InlineData("not-applicable", "warn")]
    [InlineData("pass", "error")]
    [InlineData("waived", "fail")]
    public void SettledThenOpen_IsNew(string before, string after)
    {
        var comparison = AuditJson.Compare(new AuditJson().Finding(Nurse, before), new AuditJson().Finding(Nurse, after));

        var change = Assert.Single(comparison.NewProblems);
        Assert.Equal(after, change.New!.Outcome.Name());
        AssertOnlyIn(comparison, comparison.NewProblems);
    }

    [Fact]
    public void OpenFindingOfANewSubject_WhileTheRuleRanBefore_IsNew()
    {
        var comparison = AuditJson.Compare(
            new AuditJson().Finding(License, "pass", "staff:S02"),
            new AuditJson().Finding(License, "pass", "staff:S02").Finding(License, "fail", "staff:S10"));

        var change = Assert.Single(comparison.NewProblems);
        Assert.Null(change.Old);
        Assert.Equal("ABSENT → FAIL", DiffWording.Transition(change));
        Assert.StartsWith("Staff member S10 was not in the old audit.", DiffWording.Message(change), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fail", "warn")]
    [InlineData("warn", "fail")]
    [InlineData("fail", "waived")]
    [InlineData("pass", "not-applicable")]
    [InlineData("waived", "pass")]
    public void OtherOutcomeChange_IsChanged(string before, string after)
    {
        var comparison = AuditJson.Compare(new AuditJson().Finding(Nurse, before), new AuditJson().Finding(Nurse, after));

        var change = Assert.Single(comparison.Changed);
        Assert.Equal((before, after), (change.Old!.Outcome.Name(), change.New!.Outcome.Name()));
        AssertOnlyIn(comparison, comparison.Changed);
    }

    [Fact]
    public void SamePassingOutcomeWithOtherEvidence_IsChanged_ListingEveryKeyThatDiffers()
    {
        var comparison = AuditJson.Compare(
            new AuditJson().Finding(Nurse, "pass", evidence: """{ "census": 400, "caseload": 200, "missing": ["peer"], "rate": 0.5, "gone": 1 }"""),
            new AuditJson().Finding(Nurse, "pass", evidence: """{ "census": 400, "caseload": 150, "missing": [], "rate": null, "added": "x" }"""));

        var change = Assert.Single(comparison.Changed);
        Assert.Equal(
            ["caseload: 200 → 150", "missing: peer → none", "rate: 0.5 → (no value)", "added: (absent) → x", "gone: 1 → (absent)"],
            change.EvidenceChanges.Select(e => $"{e.Key}: {DiffWording.Value(e.Old)} → {DiffWording.Value(e.New)}"));
        Assert.Equal(0, comparison.UnchangedCount);
    }

    [Fact]
    public void NumbersThatAreEqualInValue_AreNotAChange()
    {
        var comparison = AuditJson.Compare(
            new AuditJson().Finding(Nurse, "pass", evidence: """{ "actual_fte": 2.5, "missing": ["a", "b"] }"""),
            new AuditJson().Finding(Nurse, "pass", evidence: """{ "missing": ["a", "b"], "actual_fte": 2.50 }"""));

        Assert.Empty(comparison.Changed);
        Assert.Equal([new OutcomeCount(Outcome.Pass, 1), new OutcomeCount(Outcome.NotApplicable, 0), new OutcomeCount(Outcome.Waived, 0)], comparison.Unchanged);
    }

    [Fact]
    public void PassingSubjectGoneOrAppeared_IsChanged()
    {
        var comparison = AuditJson.Compare(
            new AuditJson().Finding(License, "pass", "staff:S02").Finding(License, "pass", "staff:S08"),
            new AuditJson().Finding(License, "pass", "staff:S02").Finding(License, "pass", "staff:S11"));

        Assert.Equal(["PASS → ABSENT CRED-LICENSE-CURRENT staff:S08", "ABSENT → PASS CRED-LICENSE-CURRENT staff:S11"], comparison.Changed.Select(c => $"{DiffWording.Transition(c)} {c.Key}"));
    }

    [Fact]
    public void RuleThatRanInOneAuditAlone_IsInNoCategory()
    {
        // A failing rule dropped from the rule set was not fixed, and a new rule's failure is not a new problem of the agency.
        var comparison = AuditJson.Compare(
            new AuditJson().Finding(Nurse, "pass").Finding("OLD-RULE", "fail"),
            new AuditJson().Finding(Nurse, "pass").Finding("NEW-RULE", "warn").Finding("NEW-RULE", "pass", "staff:S01"));

        Assert.Empty(comparison.Resolved.Concat(comparison.Persisting).Concat(comparison.NewProblems).Concat(comparison.Changed));
        Assert.Equal(["OLD-RULE"], comparison.OnlyInOld.Select(c => c.Key.ToString()));
        Assert.Equal(["NEW-RULE", "NEW-RULE staff:S01"], comparison.OnlyInNew.Select(c => c.Key.ToString()));
        Assert.Equal(1, comparison.UnchangedCount);
        Assert.EndsWith("2 rules in only one audit.", DiffWording.Tally(comparison), StringComparison.Ordinal);
    }

    [Fact]
    public void WithinASection_MostUrgentOutcomeFirst_ThenRuleId_ThenSubject()
    {
        var old = new AuditJson()
            .Finding("A-RULE", "pass")
            .Finding("B-RULE", "pass", "staff:S2")
            .Finding("B-RULE", "pass", "staff:S1")
            .Finding("C-RULE", "pass")
            .Finding("D-RULE", "pass")
            .Finding("E-RULE", "pass");
        var now = new AuditJson()
            .Finding("A-RULE", "warn")
            .Finding("B-RULE", "fail", "staff:S2")
            .Finding("B-RULE", "fail", "staff:S1")
            .Finding("C-RULE", "fail")
            .Finding("D-RULE", "error")
            .Finding("E-RULE", "cannot-evaluate");

        var comparison = AuditJson.Compare(old, now);

        Assert.Equal(
            ["D-RULE", "B-RULE staff:S1", "B-RULE staff:S2", "C-RULE", "E-RULE", "A-RULE"],
            comparison.NewProblems.Select(c => c.Key.ToString()));
    }

    [Fact]
    public void Matching_DoesNotDependOnTheOrderOfFindingsInTheFiles()
    {
        var old = new AuditJson().Finding(Nurse, "fail").Finding(License, "pass", "staff:S01").Finding(License, "fail", "staff:S02").Finding("PC-HOURS", "pass");
        var forward = new AuditJson().Finding(Nurse, "pass").Finding(License, "fail", "staff:S01").Finding(License, "fail", "staff:S02").Finding("PC-HOURS", "warn");
        var backward = new AuditJson().Finding("PC-HOURS", "warn").Finding(License, "fail", "staff:S02").Finding(License, "fail", "staff:S01").Finding(Nurse, "pass");

        var one = Json(AuditJson.Compare(old, forward));
        var other = Json(AuditJson.Compare(old, backward));

        Assert.Equal(one, other);
        Assert.Contains("\"resolved\": [\n    {\n      \"rule_id\": \"STAFF-NURSE-RATIO\"", one, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleSetProfileAgencyAndSeverityChanges_AreReported()
    {
        var comparison = AuditJson.Compare(
            new AuditJson().Finding("SVC-BILLING-CODE", "fail", severity: "minor"),
            new AuditJson { RuleSetSha256 = "f" + AuditJson.Sha256[1..], Profile = "self-check", AgencyId = "LMHA-RV" }.Finding("SVC-BILLING-CODE", "fail"));

        Assert.True(comparison.RuleSetChanged);
        Assert.True(comparison.ProfileChanged);
        Assert.True(comparison.AgencyChanged);
        Assert.Equal([new SeverityChange("SVC-BILLING-CODE", Severity.Minor, Severity.Major)], comparison.SeverityChanges);
        Assert.Equal(
            [
                "The audits are of different agencies: Test Valley Services (LMHA-TV) and Test Valley Services (LMHA-RV). Findings are matched by rule and subject all the same.",
                "The rule set changed: ct-bhh 2026.1 (sha256 0123456789ab) → ct-bhh 2026.1 (sha256 f123456789ab). A difference below may come from the rules rather than from the agency.",
                "The profile changed: credentialing → self-check. Rules run by one profile alone are listed apart.",
                "SVC-BILLING-CODE changed severity: minor → major.",
            ],
            DiffWording.Cautions(comparison));
    }

    [Fact]
    public void SameRuleSet_HasNoCautions()
    {
        var comparison = AuditJson.Compare(new AuditJson().Finding(Nurse, "fail"), new AuditJson().Finding(Nurse, "pass"));

        Assert.False(comparison.RuleSetChanged);
        Assert.Empty(DiffWording.Cautions(comparison));
    }

    [Fact]
    public void OldAuditDatedAfterTheNewOne_IsCautioned()
    {
        var comparison = AuditJson.Compare(new AuditJson { AsOf = "2027-03-31" }.Finding(Nurse, "fail"), new AuditJson().Finding(Nurse, "fail"));

        Assert.Equal(
            ["The old audit is as of 2027-03-31, after the new one (2026-09-30): were the files given the wrong way round?"],
            DiffWording.Cautions(comparison));
    }

    [Theory]
    [InlineData("fail", true)]
    [InlineData("warn", false)]
    [InlineData("waived", false)]
    public void NewHasFailures_OnlyForAFailOutcome(string outcome, bool expected)
    {
        var comparison = AuditJson.Compare(new AuditJson().Finding(Nurse, "fail"), new AuditJson().Finding(Nurse, outcome, extra: "\"waived_outcome\": \"fail\""));

        Assert.Equal(expected, comparison.NewHasFailures);
    }

    [Fact]
    public void ChangeToFail_FromAnotherOpenOutcome_IsCountedInTheTally()
    {
        var comparison = AuditJson.Compare(
            new AuditJson().Finding(Nurse, "warn").Finding(License, "fail"),
            new AuditJson().Finding(Nurse, "fail").Finding(License, "warn"));

        Assert.Equal("0 fixed, 0 still failing, 0 new problems, 2 changed (1 of them now fails), 0 unchanged.", DiffWording.Tally(comparison));
    }

    /// <summary>The finding is in <paramref name="expected"/> and in no other category.</summary>
    private static void AssertOnlyIn(AuditComparison comparison, IReadOnlyList<FindingChange> expected)
    {
        IReadOnlyList<FindingChange>[] all = [comparison.Resolved, comparison.Persisting, comparison.NewProblems, comparison.Changed, comparison.OnlyInOld, comparison.OnlyInNew];
        Assert.Equal(1, all.Sum(section => section.Count));
        Assert.Single(expected);
        Assert.Equal(0, comparison.UnchangedCount);
    }

    private static string Json(AuditComparison comparison)
    {
        using var buffer = new MemoryStream();
        DiffJson.Write(comparison, new ToolInfo("bhh", "0.1.0"), buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
