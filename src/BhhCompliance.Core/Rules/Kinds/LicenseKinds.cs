using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Core.Rules.Kinds;

/// <summary>The license of each active staff member of the licensed roles is current on the as-of date.</summary>
public sealed class LicenseCurrentKind : RuleKind
{
    public override string Name => "license-current";

    public override string Description => "Each active staff member of the listed roles holds a license that has not expired on the as-of date.";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } = [LicensedStaff.RolesParameter];

    public override IReadOnlyList<string> EvidenceKeys { get; } = ["license_type", "license_expires"];

    public override IReadOnlyList<string> TemplateFields => StaffValues.Fields;

    public override SnapshotParts Requires => SnapshotParts.Staff;

    public override IEnumerable<RuleResult> Evaluate(RuleDefinition rule, AuditContext context) =>
        LicensedStaff.Evaluate(rule, context, member =>
        {
            // An empty expiry cannot be shown to be current; a license expiring on the as-of date still is.
            return (PassUnless(!member.HasCurrentLicenseOn(context.AsOf)), new Evidence
            {
                ["license_type"] = member.LicenseType,
                ["license_expires"] = member.LicenseExpires,
            });
        });
}

/// <summary>Warns about a current license that expires within a number of days after the as-of date.</summary>
public sealed class LicenseExpiringKind : RuleKind
{
    public override string Name => "license-expiring";

    public override string Description => "Warns when a current license of the listed roles expires soon after the as-of date.";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        LicensedStaff.RolesParameter,
        new("warn_within_days", ParameterType.Integer, "days after the as-of date within which an expiry warns") { Minimum = 0 },
    ];

    public override IReadOnlyList<string> EvidenceKeys { get; } = ["license_type", "license_expires", "days_remaining"];

    public override IReadOnlyList<string> TemplateFields => StaffValues.Fields;

    public override SnapshotParts Requires => SnapshotParts.Staff;

    public override IEnumerable<RuleResult> Evaluate(RuleDefinition rule, AuditContext context)
    {
        var window = rule.Parameters.Integer("warn_within_days");
        return LicensedStaff.Evaluate(rule, context, member =>
        {
            int? daysRemaining = member.LicenseExpires is { } expires ? expires.DayNumber - context.AsOf.DayNumber : null;

            // rules.md: warn only when the license is current and expires within the window; a
            // license that is missing or already expired passes here and fails CRED-LICENSE-CURRENT.
            var outcome = daysRemaining is >= 0 && daysRemaining <= window ? Outcome.Warn : Outcome.Pass;
            return (outcome, new Evidence
            {
                ["license_type"] = member.LicenseType,
                ["license_expires"] = member.LicenseExpires,
                ["days_remaining"] = daysRemaining is { } days ? days : EvidenceValue.None,
            });
        });
    }
}

/// <summary>What the two license kinds share: which staff they check and how a finding is built.</summary>
internal static class LicensedStaff
{
    public static ParameterSpec RolesParameter { get; } =
        new("roles", ParameterType.TextList, "the roles that require a license") { Vocabulary = BhhProgram.Roles };

    public static IEnumerable<RuleResult> Evaluate(RuleDefinition rule, AuditContext context, Func<StaffMember, (Outcome Outcome, Evidence Evidence)> check)
    {
        var roles = rule.Parameters.TextList("roles");
        var staff = context.ActiveStaff
            .Where(s => roles.Contains(s.Role, StringComparer.OrdinalIgnoreCase))
            .OrderBy(s => s.StaffId, StringComparer.Ordinal)
            .ToList();
        if (staff.Count == 0)
        {
            yield return RuleResult.NotApplicable(Wording.NoActiveStaffInRoles(roles.Select(BhhProgram.Roles.NameOf), context.AsOf));
            yield break;
        }

        foreach (var member in staff)
        {
            var (outcome, evidence) = check(member);
            yield return new RuleResult(outcome, Finding.StaffSubject(member.StaffId), evidence)
            {
                Details = outcome == Outcome.Pass ? [] : [DetailRows.Of(member)],
                TemplateValues = StaffValues.For(member, context),
            };
        }
    }
}
