using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Cli;

/// <summary>
/// Which profile an audit runs: <c>--profile</c> or the review type in agency.yaml; refused when
/// the profile is unknown or would audit nothing on the review day (<c>--as-of</c> is applied as
/// the snapshot loads, so the loader's checks and the rules see the same day).
/// </summary>
internal static class ProfileChoice
{
    /// <summary>The profile, or why the audit cannot run.</summary>
    public static (Profile? Profile, string? Error) Resolve(RuleSet ruleSet, string? requested, Snapshot snapshot)
    {
        var name = requested ?? snapshot.Review.Type;
        if (ruleSet.FindProfile(name) is not { } profile)
        {
            var known = string.Join(", ", ruleSet.Profiles.Select(p => p.Name));
            return (null, requested is null
                ? $"The rule set has no profile for the review type '{name}'; choose one with --profile ({known})."
                : $"Unknown profile '{name}'. Profiles: {known}.");
        }

        if (ruleSet.RulesOf(profile).Count == 0)
        {
            return (null, $"The profile '{profile.Name}' selects no rule of the rule set {ruleSet.Identity.Name} {ruleSet.Identity.Version}; nothing would be audited.");
        }

        if (ruleSet.RulesOf(profile, snapshot.Review.AsOf).Count == 0)
        {
            return (null, $"No rule the profile '{profile.Name}' selects is in force on {Core.Text.Formats.Date(snapshot.Review.AsOf)}; nothing would be audited.");
        }

        return (profile, null);
    }
}
