using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Core.Rules.Kinds;

/// <summary>Every listed role has at least one active staff member with FTE above zero.</summary>
public sealed class TeamMinimumKind : RuleKind
{
    public override string Name => "team-minimum";

    public override string Description => "Each listed role has an active staff member with FTE above zero.";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("roles", ParameterType.TextList, "the roles every team must have") { Vocabulary = BhhProgram.Roles },
    ];

    public override IReadOnlyList<string> EvidenceKeys { get; } = ["missing"];

    public override IReadOnlyList<string> TemplateFields { get; } = ["missing_names"];

    public override SnapshotParts Requires => SnapshotParts.Staff;

    public override IEnumerable<RuleResult> Evaluate(RuleDefinition rule, AuditContext context)
    {
        var missing = BhhProgram.Roles.InDocumentedOrder(
            rule.Parameters.TextList("roles").Where(role => !context.ActiveStaffWithRole(role).Any(s => s.Fte > 0)));

        yield return RuleResult.ForAgency(PassUnless(missing.Count > 0), new Evidence { ["missing"] = EvidenceValue.List(missing) }) with
        {
            TemplateValues = new Dictionary<string, object?> { ["missing_names"] = missing.Select(BhhProgram.Roles.NameOf).ToArray() },
        };
    }
}
