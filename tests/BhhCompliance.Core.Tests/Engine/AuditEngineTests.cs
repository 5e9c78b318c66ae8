using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Engine;

public sealed class AuditEngineTests
{
    private static RuleKindCatalog CatalogWithBrokenKinds { get; } =
        new([.. RuleKindCatalog.Standard.All, new ThrowingKind(), new HalfwayThrowingKind()]);

    [Fact]
    public void Run_RequiredPartAbsent_CannotEvaluateWithTheMissingFiles()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder().WithClaimsFile(), TestRules.ClaimsSubstantiated());

        Assert.Equal(Outcome.CannotEvaluate, finding.Outcome);
        Assert.Equal("agency", finding.Subject);
        EvidenceAssert.Keys(finding.Evidence, "missing_files");
        EvidenceAssert.List(finding.Evidence, "missing_files", "services.csv");
        Assert.Contains("services.csv", finding.Message, StringComparison.Ordinal);
        Assert.Contains("services.csv", finding.Remediation, StringComparison.Ordinal);
        Assert.Empty(finding.Details);
    }

    [Fact]
    public void Run_SeveralPartsAbsent_NamesEachFile()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder(), TestRules.MonthlyMinimum());

        EvidenceAssert.List(finding.Evidence, "missing_files", "enrollees.csv", "services.csv");
    }

    [Fact]
    public void Run_CannotEvaluate_KeepsTheRulesIdentity()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder(), TestRules.ClaimsEnrolled());

        Assert.Equal("BILL-ENROLLED", finding.RuleId);
        Assert.Equal("Title of BILL-ENROLLED", finding.Title);
        Assert.Equal("Citation of BILL-ENROLLED", finding.Citation);
        Assert.Equal(Severity.Critical, finding.Severity);
    }

    [Fact]
    public void Run_RuleKindThrows_ErrorFindingNamingTheRule_AndTheOtherRulesRun()
    {
        var snapshot = new SnapshotBuilder().FullTeam().Build();
        var broken = TestRules.Rule("AAA-BROKEN", ThrowingKind.KindName);

        var findings = TestRules.Run(CatalogWithBrokenKinds, snapshot, broken, TestRules.TeamMinimum()).Findings;

        Assert.Equal(["AAA-BROKEN", "TEAM-MINIMUM"], findings.Select(f => f.RuleId));
        var error = findings[0];
        Assert.Equal(Outcome.Error, error.Outcome);
        Assert.Equal("agency", error.Subject);
        Assert.Contains("AAA-BROKEN", error.Message, StringComparison.Ordinal);
        Assert.Contains("the roster exploded", error.Message, StringComparison.Ordinal);
        Assert.Empty(error.Evidence);
        Assert.Equal(Outcome.Pass, findings[1].Outcome);
    }

    [Fact]
    public void Run_RuleKindThrowsAfterAResult_LeavesNoHalfRule()
    {
        var snapshot = new SnapshotBuilder().Build();

        var finding = Assert.Single(TestRules.Run(CatalogWithBrokenKinds, snapshot, TestRules.Rule("HALF", HalfwayThrowingKind.KindName)).Findings);

        Assert.Equal(Outcome.Error, finding.Outcome);
        Assert.Equal("HALF", finding.RuleId);
    }

    [Fact]
    public void Run_UnknownKind_IsAnErrorFinding()
    {
        var finding = TestRules.RunSingle(new SnapshotBuilder().Build(), TestRules.Rule("X-1", "no-such-kind"));

        Assert.Equal(Outcome.Error, finding.Outcome);
        Assert.Contains("no-such-kind", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TemplateNamingAFieldTheModelLacks_IsAnErrorFinding_AndTheOtherRulesRun()
    {
        var snapshot = new SnapshotBuilder().FullTeam().WithPcTrackerFile().Build();
        var badWording = TestRules.Rule("PC-NOT-BILLED", "pc-not-billed", message: "{{no_such_field}}");

        var findings = TestRules.Run(snapshot, badWording, TestRules.TeamMinimum()).Findings;

        Assert.Equal([Outcome.Error, Outcome.Pass], findings.Select(f => f.Outcome));
        Assert.Contains("PC-NOT-BILLED", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FindingsSortedByRuleIdThenSubject()
    {
        var snapshot = new SnapshotBuilder()
            .DeclaredCensus(10)
            .Staff("N2", "nurse-care-manager", licenseType: "RN", licenseExpires: Day("2027-01-01"))
            .Staff("N10", "nurse-care-manager", licenseType: "RN", licenseExpires: Day("2027-01-01"))
            .Staff("C1", "pc-consultant", licenseType: "MD", licenseExpires: Day("2027-01-01"))
            .Staff("N1", "nurse-care-manager", licenseType: "RN", licenseExpires: Day("2027-01-01"))
            .Build();

        var findings = TestRules.Run(snapshot, TestRules.StaffRatio(), TestRules.LicenseCurrent(), TestRules.CredNurse()).Findings;

        Assert.Equal(
            [
                ("CRED-LICENSE-CURRENT", "staff:C1"),
                ("CRED-LICENSE-CURRENT", "staff:N1"),
                ("CRED-LICENSE-CURRENT", "staff:N10"),
                ("CRED-LICENSE-CURRENT", "staff:N2"),
                ("CRED-NURSE", "staff:N1"),
                ("CRED-NURSE", "staff:N10"),
                ("CRED-NURSE", "staff:N2"),
                ("STAFF-NURSE-RATIO", "agency"),
            ],
            findings.Select(f => (f.RuleId, f.Subject)));
    }

    [Fact]
    public void Run_RuleOrder_IsTheRuleSetsOrder_WhileFindingsAreSortedById()
    {
        var snapshot = new SnapshotBuilder().DeclaredCensus(10).Staff("N1", "nurse-care-manager", licenseType: "RN").Build();

        var result = TestRules.Run(snapshot, TestRules.StaffRatio(), TestRules.CredNurse());

        Assert.Equal(["STAFF-NURSE-RATIO", "CRED-NURSE"], result.RuleOrder);
        Assert.Equal(["CRED-NURSE", "STAFF-NURSE-RATIO"], result.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Run_ProfileSelectsExactIdsAndPrefixPatterns()
    {
        var rules = new[]
        {
            TestRules.StaffRatio(),
            TestRules.StaffRatio("peer-recovery-specialist", 50, id: "STAFF-PEER-RATIO"),
            TestRules.TeamMinimum(),
            TestRules.CoreServices(),
            TestRules.ServicesDocumented(),
            TestRules.ClaimsDuplicate(),
        };
        var profile = new Profile("credentialing", "staffing and core services", ["STAFF-*", "SVC-CORE-SERVICES", "BILL"]);
        var snapshot = new SnapshotBuilder().DeclaredCensus(10).FullTeam().WithServicesFile().WithClaimsFile().Build();

        var result = new AuditEngine(RuleKindCatalog.Standard).Run(new RuleSet(TestRules.Identity, rules, [profile]), profile, snapshot);

        Assert.Equal(["STAFF-NURSE-RATIO", "STAFF-PEER-RATIO", "SVC-CORE-SERVICES"], result.Findings.Select(f => f.RuleId));
        Assert.Equal("credentialing", result.Profile);
        Assert.Equal(TestRules.Identity, result.RuleSet);
        Assert.Equal(SnapshotBuilder.AgencyId, result.Agency.Id);
        Assert.Equal(Day("2026-09-30"), result.Review.AsOf);
    }

    [Fact]
    public void Run_ReportsProgressOncePerRule()
    {
        var reports = new List<AuditProgress>();
        var rules = new[] { TestRules.TeamMinimum(), TestRules.CoreServices() };
        var profile = new Profile("all", "all", ["*"]);

        new AuditEngine(RuleKindCatalog.Standard).Run(new RuleSet(TestRules.Identity, rules, [profile]), profile, new SnapshotBuilder().Build(), new ListProgress(reports));

        Assert.Equal([new AuditProgress(1, 2, "TEAM-MINIMUM"), new AuditProgress(2, 2, "SVC-CORE-SERVICES")], reports);
    }

    [Fact]
    public void Summary_CountsEveryOutcome_ZeroOrNot()
    {
        var snapshot = new SnapshotBuilder().DeclaredCensus(0).FullTeam().Build();

        var result = TestRules.Run(snapshot, TestRules.TeamMinimum(), TestRules.StaffRatio(), TestRules.CoreServices(), TestRules.CredNurse());

        Assert.Equal(Wire.Outcomes.Count, result.Summary.Count);
        Assert.Equal(1, result.Count(Outcome.Pass));
        Assert.Equal(1, result.Count(Outcome.NotApplicable));
        Assert.Equal(1, result.Count(Outcome.CannotEvaluate));
        Assert.Equal(1, result.Count(Outcome.Fail));
        Assert.Equal(0, result.Count(Outcome.Warn));
        Assert.True(result.HasFailures);
    }

    /// <summary>A rule kind with a bug: it throws before producing anything.</summary>
    private sealed class ThrowingKind : RuleKind
    {
        public const string KindName = "test-throws";

        public override string Name => KindName;

        public override string Description => "Throws.";

        public override IReadOnlyList<string> EvidenceKeys => [];

        public override SnapshotParts Requires => SnapshotParts.Staff;

        public override IEnumerable<RuleResult> Evaluate(RuleDefinition rule, AuditContext context) =>
            throw new InvalidOperationException("the roster exploded");
    }

    /// <summary>A rule kind with a bug that shows only after its first result.</summary>
    private sealed class HalfwayThrowingKind : RuleKind
    {
        public const string KindName = "test-throws-halfway";

        public override string Name => KindName;

        public override string Description => "Yields one result, then throws.";

        public override IReadOnlyList<string> EvidenceKeys => [];

        public override SnapshotParts Requires => SnapshotParts.None;

        public override IEnumerable<RuleResult> Evaluate(RuleDefinition rule, AuditContext context)
        {
            yield return RuleResult.ForAgency(Outcome.Pass, Evidence.Empty);
            throw new InvalidOperationException("halfway");
        }
    }

    private sealed class ListProgress(List<AuditProgress> reports) : IProgress<AuditProgress>
    {
        public void Report(AuditProgress value) => reports.Add(value);
    }
}
