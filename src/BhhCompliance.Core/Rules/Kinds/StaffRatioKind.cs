using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Core.Rules.Kinds;

/// <summary>
/// The FTE of one role's active staff against census / caseload (program.md: the team's
/// ratios are "approximately", hence the tolerance band that warns before it fails).
/// </summary>
public sealed class StaffRatioKind : RuleKind
{
    public override string Name => "staff-ratio";

    public override string Description => "FTE of a role's active staff against census divided by caseload, with a tolerance band.";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("role", ParameterType.Text, "the role whose FTE is counted") { Vocabulary = BhhProgram.Roles },
        new("caseload", ParameterType.Integer, "enrollees per one FTE of the role") { Minimum = 1 },
        new("tolerance", ParameterType.Decimal, "fraction below the requirement that warns instead of failing") { Minimum = 0, Maximum = 1 },
    ];

    public override IReadOnlyList<string> EvidenceKeys { get; } = ["census", "caseload", "required_fte", "actual_fte"];

    public override IReadOnlyList<string> TemplateFields { get; } = ["role_name"];

    public override SnapshotParts Requires => SnapshotParts.Staff | SnapshotParts.Census;

    public override IEnumerable<RuleResult> Evaluate(RuleDefinition rule, AuditContext context)
    {
        var role = rule.Parameters.Text("role");
        var caseload = rule.Parameters.Integer("caseload");
        var census = context.Census;
        var actual = context.ActiveStaffWithRole(role).Sum(s => s.Fte);
        var evidence = new Evidence
        {
            ["census"] = census,
            ["caseload"] = caseload,
            ["required_fte"] = census / (decimal)caseload,
            ["actual_fte"] = actual,
        };
        var names = new Dictionary<string, object?> { ["role_name"] = BhhProgram.Roles.NameOf(role) };

        if (census == 0)
        {
            yield return RuleResult.NotApplicable(Wording.NoCensus(context.AsOf), evidence) with { TemplateValues = names };
            yield break;
        }

        // Compared as actual_fte * caseload against census, so the division never rounds.
        var outcome = Grade(actual * caseload, census, rule.Parameters.Decimal("tolerance"));
        yield return RuleResult.ForAgency(outcome, evidence) with { TemplateValues = names };
    }
}
