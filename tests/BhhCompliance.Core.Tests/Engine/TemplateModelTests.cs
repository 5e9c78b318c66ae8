using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Rules.Kinds;
using BhhCompliance.Core.Tests.TestData;
using static BhhCompliance.Core.Tests.TestData.Dates;

namespace BhhCompliance.Core.Tests.Engine;

/// <summary>What a rule's message and remediation templates see when the engine renders them.</summary>
public sealed class TemplateModelTests
{
    [Fact]
    public void Message_SeesTheCommonFields()
    {
        var rule = TestRules.StaffRatio(
            message: "{{rule_id}}|{{title}}|{{severity}}|{{outcome}}|{{subject}}|{{as_of}}|{{period_start}}|{{period_end}}|{{agency_id}}|{{agency_name}}");
        var snapshot = new SnapshotBuilder().DeclaredCensus(100).Staff("N1", "nurse-care-manager", 0.5m);

        var finding = TestRules.RunSingle(snapshot, rule);

        Assert.Equal("STAFF-NURSE-RATIO|Title of STAFF-NURSE-RATIO|major|pass|agency|2026-09-30|2026-04-01|2026-09-30|LMHA-RV|River Valley Services", finding.Message);
    }

    [Theory]
    [InlineData("0.5", "pass:P")]
    [InlineData("0.45", "warn:W")]
    [InlineData("0.44", "fail:F")]
    public void Message_PassedWarnedAndFailedFollowTheOutcome(string fte, string expected)
    {
        var rule = TestRules.StaffRatio(message: "{{outcome}}:{{#if passed}}P{{/if}}{{#if warned}}W{{/if}}{{#if failed}}F{{/if}}");
        var snapshot = new SnapshotBuilder().DeclaredCensus(100).Staff("N1", "nurse-care-manager", decimal.Parse(fte, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, TestRules.RunSingle(snapshot, rule).Message);
    }

    [Fact]
    public void Message_AgencyWithoutName_ShowsItsId()
    {
        var rule = TestRules.StaffRatio(message: "{{agency_name}}");

        var finding = TestRules.RunSingle(new SnapshotBuilder().AgencyWithoutName().DeclaredCensus(1).WithStaffFile(), rule);

        Assert.Equal("LMHA-RV", finding.Message);
    }

    [Fact]
    public void Message_SeesEvidenceParametersAndKindValues()
    {
        var rule = TestRules.StaffRatio(message: "{{role_name}} {{role}} {{number caseload}} {{percent tolerance}} {{number census}} {{fixed required_fte}} {{fixed actual_fte}}");
        var snapshot = new SnapshotBuilder().DeclaredCensus(250).Staff("N1", "nurse-care-manager", 1.2m);

        var finding = TestRules.RunSingle(snapshot, rule);

        Assert.Equal("Nurse Care Manager nurse-care-manager 200 10% 250 1.25 1.20", finding.Message);
    }

    [Fact]
    public void Message_ListParameter_IsAListForTheTemplate()
    {
        var rule = TestRules.Rule("TEAM-MINIMUM", "team-minimum", TestRules.Parameters(("roles", new[] { "director", "pc-consultant" })), message: "{{list roles \" + \"}}; missing {{list missing}}");

        var finding = TestRules.RunSingle(new SnapshotBuilder().Staff("D1", "director"), rule);

        Assert.Equal("director + pc-consultant; missing pc-consultant", finding.Message);
    }

    [Fact]
    public void Remediation_IsRenderedFromTheSameModel()
    {
        var rule = TestRules.Rule(
            "BILL-DUPLICATE",
            "claims-duplicate",
            message: "{{number duplicates}} duplicate {{plural duplicates \"claim\" \"claims\"}}; {{money amount_at_risk}} at risk.",
            remediation: "Void {{number duplicates}} {{plural duplicates \"claim\" \"claims\"}} of {{agency_id}}.");
        var snapshot = new SnapshotBuilder()
            .Claim("C1", "E1", Month("2026-06"), 1234.5m)
            .Claim("C2", "E1", Month("2026-06"), 1234.5m);

        var finding = TestRules.RunSingle(snapshot, rule);

        Assert.Equal("1 duplicate claim; $1,234.50 at risk.", finding.Message);
        Assert.Equal("Void 1 claim of LMHA-RV.", finding.Remediation);
    }

    [Fact]
    public void Message_NotApplicable_IsTheReasonNotTheTemplate()
    {
        var rule = TestRules.StaffRatio(message: "template text");

        var finding = TestRules.RunSingle(new SnapshotBuilder().DeclaredCensus(0).WithStaffFile(), rule);

        Assert.Equal(Outcome.NotApplicable, finding.Outcome);
        Assert.NotEqual("template text", finding.Message);
        Assert.Equal("No enrollees were enrolled on 2026-09-30, so no staffing is required.", finding.Message);
        Assert.Equal(string.Empty, finding.Remediation);
    }

    [Fact]
    public void Message_EvidenceWithNoValue_IsEmptyForTheTemplate()
    {
        var rule = TestRules.Rule(
            "CRED-LICENSE-EXPIRING",
            "license-expiring",
            TestRules.Parameters(("roles", new[] { "nurse-care-manager" }), ("warn_within_days", 60)),
            message: "[{{license_type}}] {{default license_expires \"no expiry\"}} {{#if license_current}}current{{else}}not current{{/if}}");

        var finding = TestRules.RunSingle(new SnapshotBuilder().Staff("N1", "nurse-care-manager"), rule);

        Assert.Equal("[] no expiry not current", finding.Message);
    }

    [Fact]
    public void AllTemplateFields_AreCommonFieldsEvidenceKindValuesAndParameters()
    {
        var fields = new StaffRatioKind().AllTemplateFields();

        Assert.Equal(
            ["actual_fte", "agency_id", "agency_name", "as_of", "caseload", "census", "failed", "outcome", "passed", "period_end", "period_start", "required_fte", "role", "role_name", "rule_id", "severity", "subject", "title", "tolerance", "warned"],
            fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryStandardKind_DeclaresTheEvidenceKeysOfRulesMd()
    {
        var keys = RuleKindCatalog.Standard.All.ToDictionary(k => k.Name, k => k.EvidenceKeys);

        Assert.Equal(["census", "caseload", "required_fte", "actual_fte"], keys["staff-ratio"]);
        Assert.Equal(["missing"], keys["team-minimum"]);
        Assert.Equal(["license_type", "license_expires"], keys["license-current"]);
        Assert.Equal(["member_months", "required_hours", "actual_hours"], keys["pc-hours"]);
        Assert.Equal(["billed_entries"], keys["pc-not-billed"]);
        Assert.Equal(["enrollee_months", "met", "unmet", "rate"], keys["monthly-minimum"]);
        Assert.Equal(["missing"], keys["core-services"]);
        Assert.Equal(["services", "undocumented"], keys["services-documented"]);
        Assert.Equal(["services", "invalid"], keys["billing-codes"]);
        Assert.Equal(["claims", "unsubstantiated", "amount_at_risk"], keys["claims-substantiated"]);
        Assert.Equal(["claims", "not_enrolled", "amount_at_risk"], keys["claims-enrolled"]);
        Assert.Equal(["duplicates", "amount_at_risk"], keys["claims-duplicate"]);
        Assert.Equal(["charts", "met", "rate"], keys["chart-event-exists"]);
        Assert.Equal(["charts", "met", "rate"], keys["chart-event-follows"]);
        Assert.Equal(["charts", "met", "rate"], keys["chart-event-in-window"]);
        Assert.Equal(["charts", "met", "rate", "not_reviewed"], keys["chart-attestation"]);
        Assert.Equal(18, keys.Count);
    }

    [Fact]
    public void Message_NamingAnOptionalParameterTheRuleLeavesOut_RendersItAsEmpty()
    {
        // CRED-NURSE gives license_types but not degree_levels; its templates may still name both.
        var rule = TestRules.Rule(
            "CRED-NURSE",
            "staff-credential",
            TestRules.Parameters(("role", "nurse-care-manager"), ("license_types", new[] { "RN", "APRN" })),
            message: "{{#if degree_levels}}Degrees: {{list degree_levels}}.{{else}}No degree rule.{{/if}} Licenses: {{list license_types}}.");
        var snapshot = new SnapshotBuilder().Staff("N1", "nurse-care-manager", licenseType: "RN");

        var finding = TestRules.RunSingle(snapshot, rule);

        Assert.Equal(Outcome.Pass, finding.Outcome);
        Assert.Equal("No degree rule. Licenses: RN, APRN.", finding.Message);
    }
}
