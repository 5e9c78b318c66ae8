using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Core.Rules.Kinds;

/// <summary>
/// The qualifications of each active staff member of one role: degree level, degree field,
/// years of behavioral health experience and license type, each checked only when the rule
/// gives it. One finding per staff member; a value that is not recorded does not meet it.
/// </summary>
public sealed class StaffCredentialKind : RuleKind
{
    public override string Name => "staff-credential";

    public override string Description => "Qualifications of each active staff member of a role: degree, field, experience, license.";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("role", ParameterType.Text, "the role whose staff are checked") { Vocabulary = BhhProgram.Roles },
        new("degree_levels", ParameterType.TextList, "accepted degree levels") { Required = false, Vocabulary = BhhProgram.DegreeLevels },
        new("degree_fields", ParameterType.TextList, "accepted degree fields") { Required = false },
        new("min_experience_years", ParameterType.Decimal, "minimum years of behavioral health experience") { Required = false, Minimum = 0 },
        new("license_types", ParameterType.TextList, "accepted license types") { Required = false },
    ];

    public override IReadOnlyList<string> EvidenceKeys { get; } = ["degree_level", "degree_field", "bh_experience_years", "license_type"];

    public override IReadOnlyList<string> TemplateFields { get; } = [.. StaffValues.Fields, "unmet"];

    public override SnapshotParts Requires => SnapshotParts.Staff;

    public override IEnumerable<RuleResult> Evaluate(RuleDefinition rule, AuditContext context)
    {
        var parameters = rule.Parameters;
        var role = parameters.Text("role");
        var levels = parameters.OptionalTextList("degree_levels");
        var fields = parameters.OptionalTextList("degree_fields");
        var minimumYears = parameters.OptionalDecimal("min_experience_years");
        var licenses = parameters.OptionalTextList("license_types");

        var staff = context.ActiveStaffWithRole(role).OrderBy(s => s.StaffId, StringComparer.Ordinal).ToList();
        if (staff.Count == 0)
        {
            yield return RuleResult.NotApplicable(Wording.NoActiveStaff(BhhProgram.Roles.NameOf(role), context.AsOf));
            yield break;
        }

        foreach (var member in staff)
        {
            var evidence = new Evidence();
            var unmet = new List<string>();
            if (levels is not null)
            {
                evidence["degree_level"] = member.DegreeLevel;
                if (!IsOneOf(member.DegreeLevel, levels))
                {
                    unmet.Add(Wording.DegreeLevelUnmet(member.DegreeLevel, levels));
                }
            }

            if (fields is not null)
            {
                evidence["degree_field"] = member.DegreeField;
                if (!IsOneOf(member.DegreeField, fields))
                {
                    unmet.Add(Wording.DegreeFieldUnmet(member.DegreeField, fields));
                }
            }

            if (minimumYears is { } years)
            {
                evidence["bh_experience_years"] = member.BhExperienceYears;
                if (member.BhExperienceYears is not { } actual || actual < years)
                {
                    unmet.Add(Wording.ExperienceUnmet(member.BhExperienceYears, years));
                }
            }

            if (licenses is not null)
            {
                evidence["license_type"] = member.LicenseType;
                if (!IsOneOf(member.LicenseType, licenses))
                {
                    unmet.Add(Wording.LicenseTypeUnmet(member.LicenseType, licenses));
                }
            }

            yield return new RuleResult(PassUnless(unmet.Count > 0), Finding.StaffSubject(member.StaffId), evidence)
            {
                Details = unmet.Count > 0 ? [DetailRows.Of(member)] : [],
                TemplateValues = StaffValues.For(member, context, unmet),
            };
        }
    }

    private static bool IsOneOf(string? value, IReadOnlyList<string> accepted) =>
        !string.IsNullOrEmpty(value) && accepted.Contains(value, StringComparer.OrdinalIgnoreCase);
}
