using BhhCompliance.Core.Charts;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Loading.RuleSets;
using BhhCompliance.Loading.Snapshots;
using BhhCompliance.Tests;

namespace BhhCompliance.Loading.Tests.RuleSets;

/// <summary>
/// A new chart criterion of an existing kind is data: a rule set that adds one in YAML, with no
/// code, audits it like the shipped ones, and reviewers can answer a new manual one.
/// </summary>
public sealed class ChartCriterionInYamlTests
{
    private const string ExtraCriteria = """
        rules:
          - id: CHART-SCREENING
            kind: chart-event-follows
            title: A screening follows each inpatient admission within 14 days
            severity: minor
            citation: Test rule set
            parameters:
              trigger: [inpatient-admission]
              events: [screening]
              within_days: 14
              min_rate: 0.5
            message: "{{number met}} of {{number charts}} charts met ({{percent rate}})."
            remediation: Screen each enrollee after an admission.
          - id: CHART-SAFETY-PLAN
            kind: chart-attestation
            title: A crisis safety plan is on file
            severity: major
            citation: Test rule set
            parameters:
              min_rate: 0.8
            message: "{{number met}} of {{number charts}} answered charts have a safety plan."
            remediation: Write a safety plan with each enrollee.
        """;

    [Fact]
    public void CriterionAddedInYaml_IsAuditedWithItsOwnWindowAndAnswers()
    {
        using var rules = CopyShippedRules();
        rules.Write("65-extra-charts.yaml", ExtraCriteria);
        using var snapshot = TemporaryFolder.WithAgency();
        snapshot.Write("enrollees.csv", "enrollee_id,enrolled_on\nE1,2026-01-01\nE2,2026-01-01\nE3,2026-01-01\n");
        snapshot.Write("chart-events.csv", """
            enrollee_id,event,date,detail
            E1,inpatient-admission,2026-05-01,
            E1,screening,2026-05-15,
            E2,inpatient-admission,2026-06-01,
            E2,screening,2026-06-16,
            E3,team-assigned,2026-01-02,
            """);
        snapshot.Write("attestations.csv", """
            enrollee_id,criterion,answer,reviewer,date,comment
            E1,CHART-SAFETY-PLAN,met,R. Diaz,2026-10-01,
            E2,CHART-SAFETY-PLAN,not-met,R. Diaz,2026-10-01,none on file
            """);
        var ruleSet = new RuleSetLoader(RuleKindCatalog.Standard).Load(new DirectoryRuleSource(rules.Path)).RuleSet!;
        var loaded = new SnapshotLoader().Load(snapshot.Path, chartCriteria: ChartCriteria.Of(ruleSet, RuleKindCatalog.Standard));
        Assert.DoesNotContain(loaded.Diagnostics, d => d.IsError);

        var result = new AuditEngine(RuleKindCatalog.Standard).Run(ruleSet, ruleSet.FindProfile("chart-audit")!, loaded.Snapshot!);

        // E1 is screened 14 days after admission (met), E2 15 days after (not met); E3 had no admission.
        var screening = result.Findings.Single(f => f.RuleId == "CHART-SCREENING");
        Assert.Equal(Outcome.Pass, screening.Outcome);
        Assert.Equal("1 of 2 charts met (50%).", screening.Message);
        Assert.Equal(
            [("E1", ChartVerdict.Met), ("E2", ChartVerdict.NotMet), ("E3", ChartVerdict.NotApplicable)],
            screening.Charts.Select(c => (c.EnrolleeId, c.Verdict)));
        var safety = result.Findings.Single(f => f.RuleId == "CHART-SAFETY-PLAN");
        Assert.Equal(Outcome.Fail, safety.Outcome);
        Assert.Equal("none on file", Assert.Single(safety.Details).Fields["comment"] is EvidenceValue.Text t ? t.Value : null);
    }

    [Fact]
    public void AnswerToACriterionTheRuleSetLacks_IsAnError_UntilTheRuleSetAddsIt()
    {
        using var rules = CopyShippedRules();
        using var snapshot = TemporaryFolder.WithAgency();
        snapshot.Write("enrollees.csv", "enrollee_id,enrolled_on\nE1,2026-01-01\n");
        snapshot.Write("chart-events.csv", "enrollee_id,event,date\nE1,team-assigned,2026-01-02\n");
        snapshot.Write("attestations.csv", "enrollee_id,criterion,answer\nE1,CHART-SAFETY-PLAN,met\n");
        ChartCriteria CriteriaOf(string folder) =>
            ChartCriteria.Of(new RuleSetLoader(RuleKindCatalog.Standard).Load(new DirectoryRuleSource(folder)).RuleSet!, RuleKindCatalog.Standard);

        var before = new SnapshotLoader().Load(snapshot.Path, chartCriteria: CriteriaOf(rules.Path));
        rules.Write("65-extra-charts.yaml", ExtraCriteria);
        var after = new SnapshotLoader().Load(snapshot.Path, chartCriteria: CriteriaOf(rules.Path));

        Assert.Equal("BHH2205", Assert.Single(before.Diagnostics, d => d.IsError).Code);
        Assert.DoesNotContain(after.Diagnostics, d => d.IsError);
    }

    private static TemporaryFolder CopyShippedRules()
    {
        var folder = new TemporaryFolder();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Rules, "*.yaml"))
        {
            File.Copy(file, Path.Join(folder.Path, Path.GetFileName(file)));
        }

        return folder;
    }
}
