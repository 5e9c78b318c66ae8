using BhhCompliance.Core.Domain;
using BhhCompliance.Core.Engine;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Core.Rules.Kinds;

/// <summary>What the templates of staff findings (one per staff member) can say about the person.</summary>
internal static class StaffValues
{
    public static IReadOnlyList<string> Fields { get; } =
    [
        "staff_id", "staff_name", "role_name", "degree_level", "degree_name", "degree_field", "degree_field_name",
        "bh_experience_years", "license_type", "license_current",
    ];

    public static Dictionary<string, object?> For(StaffMember member, AuditContext context, IReadOnlyList<string>? unmet = null)
    {
        var values = new Dictionary<string, object?>
        {
            ["staff_id"] = member.StaffId,
            ["staff_name"] = member.DisplayName,
            ["role_name"] = BhhProgram.Roles.NameOf(member.Role),
            ["degree_level"] = member.DegreeLevel,
            ["degree_name"] = member.DegreeLevel is { } level ? BhhProgram.DegreeLevels.NameOf(level) : null,
            ["degree_field"] = member.DegreeField,
            ["degree_field_name"] = member.DegreeField is { } field ? BhhProgram.DegreeFields.Find(field)?.Name ?? field.Replace('-', ' ') : null,
            ["bh_experience_years"] = member.BhExperienceYears,
            ["license_type"] = member.LicenseType,
            ["license_current"] = member.HasCurrentLicenseOn(context.AsOf),
        };
        if (unmet is not null)
        {
            values["unmet"] = unmet.ToArray();
        }

        return values;
    }
}
