using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;
using BhhCompliance.Core.Text;

namespace BhhCompliance.Core.Tests.TestData;

/// <summary>
/// Rules built in code through the public rule model, with the ids, severities and parameter
/// defaults of rules.md, and a way to run them. Messages default to <c>{{outcome}}</c> so that a
/// test sees the template model at work without depending on the shipped wording.
/// </summary>
internal static class TestRules
{
    public const string OutcomeMessage = "{{outcome}}";

    public static RuleSetIdentity Identity { get; } = new("test", "1", "0000");

    public static IReadOnlyList<string> AllRoles { get; } = [.. BhhProgram.Roles.Ids];

    public static IReadOnlyList<string> AllCoreServices { get; } = [.. BhhProgram.CoreServices.Ids];

    /// <summary>Parameter values as the loader types them: numbers as decimals, lists as string lists.</summary>
    public static ParameterValues Parameters(params (string Name, object Value)[] values) =>
        new(values.ToDictionary(
            v => v.Name,
            v => v.Value switch
            {
                int number => (object)(decimal)number,
                string[] list => (IReadOnlyList<string>)list,
                var other => other,
            },
            StringComparer.Ordinal));

    public static TextTemplate Template(string source)
    {
        var compilation = TextTemplate.Compile(source, null);
        return compilation.Template
            ?? throw new ArgumentException($"Template does not compile: {string.Join("; ", compilation.Problems.Select(p => p.Message))}", nameof(source));
    }

    public static RuleDefinition Rule(
        string id,
        string kind,
        ParameterValues? parameters = null,
        Severity severity = Severity.Major,
        string message = OutcomeMessage,
        string remediation = "") =>
        new(id, kind, $"Title of {id}", severity, $"Citation of {id}", parameters ?? ParameterValues.None, Template(message), Template(remediation));

    public static RuleDefinition StaffRatio(
        string role = "nurse-care-manager",
        int caseload = 200,
        decimal tolerance = 0.10m,
        string id = "STAFF-NURSE-RATIO",
        string message = "{{role_name}} FTE is {{fixed actual_fte}}; {{number census}} enrollees at 1:{{caseload}} require {{fixed required_fte}}.") =>
        Rule(id, "staff-ratio", Parameters(("role", role), ("caseload", caseload), ("tolerance", tolerance)), message: message);

    public static RuleDefinition TeamMinimum(params string[] roles) =>
        Rule("TEAM-MINIMUM", "team-minimum", Parameters(("roles", roles.Length == 0 ? [.. AllRoles] : roles)), Severity.Critical, "{{#if missing}}Missing: {{list missing_names}}.{{else}}Complete.{{/if}}");

    public static RuleDefinition CredDirector() =>
        Rule(
            "CRED-DIRECTOR",
            "staff-credential",
            Parameters(
                ("role", "director"),
                ("degree_levels", new[] { "master", "doctorate" }),
                ("degree_fields", new[] { "clinical", "public-health-administration", "health-care-administration", "hospital-administration" }),
                ("min_experience_years", 4m)),
            message: "{{staff_name}} ({{staff_id}}), {{role_name}}: {{#if unmet}}{{list unmet \"; \"}}.{{else}}qualified.{{/if}}");

    public static RuleDefinition CredPcConsultant() =>
        Rule("CRED-PC-CONSULTANT", "staff-credential", Parameters(("role", "pc-consultant"), ("license_types", new[] { "MD", "DO", "APRN" })));

    public static RuleDefinition CredNurse() =>
        Rule("CRED-NURSE", "staff-credential", Parameters(("role", "nurse-care-manager"), ("license_types", new[] { "RN", "APRN" })));

    public static RuleDefinition LicenseCurrent() =>
        Rule("CRED-LICENSE-CURRENT", "license-current", Parameters(("roles", new[] { "pc-consultant", "nurse-care-manager" })));

    public static RuleDefinition LicenseExpiring(int warnWithinDays = 60) =>
        Rule("CRED-LICENSE-EXPIRING", "license-expiring", Parameters(("roles", new[] { "pc-consultant", "nurse-care-manager" }), ("warn_within_days", warnWithinDays)), Severity.Minor);

    public static RuleDefinition PcHours(decimal hoursPerEnrolleeYear = 1m, decimal tolerance = 0.10m) =>
        Rule("PC-HOURS", "pc-hours", Parameters(("hours_per_enrollee_year", hoursPerEnrolleeYear), ("tolerance", tolerance)));

    public static RuleDefinition PcNotBilled() => Rule("PC-NOT-BILLED", "pc-not-billed");

    public static RuleDefinition MonthlyMinimum(decimal minimumMinutes = 60m, decimal minRate = 0.90m) =>
        Rule("SVC-MONTHLY-MINIMUM", "monthly-minimum", Parameters(("minimum_minutes", minimumMinutes), ("min_rate", minRate)));

    public static RuleDefinition CoreServices() =>
        Rule("SVC-CORE-SERVICES", "core-services", Parameters(("services", AllCoreServices.ToArray())));

    public static RuleDefinition ServicesDocumented() => Rule("SVC-DOCUMENTED", "services-documented");

    public static RuleDefinition BillingCodes(params string[] codes) =>
        Rule("SVC-BILLING-CODE", "billing-codes", Parameters(("codes", codes.Length == 0 ? ["T1017", "T1016", "H2027"] : codes)), Severity.Minor);

    public static RuleDefinition ClaimsSubstantiated() => Rule("BILL-SUBSTANTIATED", "claims-substantiated");

    public static RuleDefinition ClaimsEnrolled() => Rule("BILL-ENROLLED", "claims-enrolled", severity: Severity.Critical);

    public static RuleDefinition ClaimsDuplicate() => Rule("BILL-DUPLICATE", "claims-duplicate");

    /// <summary>Runs <paramref name="rules"/> with a profile that selects each of them by id.</summary>
    public static AuditResult Run(Snapshot snapshot, params RuleDefinition[] rules) => Run(RuleKindCatalog.Standard, snapshot, rules);

    public static AuditResult Run(RuleKindCatalog catalog, Snapshot snapshot, params RuleDefinition[] rules)
    {
        var profile = new Profile("test", "every rule given", [.. rules.Select(r => r.Id)]);
        return new AuditEngine(catalog).Run(new RuleSet(Identity, rules, [profile]), profile, snapshot);
    }

    /// <summary>The one finding of a rule that has a single subject.</summary>
    public static Finding RunSingle(Snapshot snapshot, RuleDefinition rule) => Assert.Single(Run(snapshot, rule).Findings);

    public static Finding RunSingle(SnapshotBuilder snapshot, RuleDefinition rule) => RunSingle(snapshot.Build(), rule);
}
