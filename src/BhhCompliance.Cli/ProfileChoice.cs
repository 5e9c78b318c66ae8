using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Snapshots;

namespace BhhCompliance.Cli;

/// <summary>
/// Which profile an audit runs and on which day: <c>--profile</c> or the review type in
/// agency.yaml, and <c>--as-of</c> or agency.yaml's date; refused when the profile is unknown or
/// would audit nothing.
/// </summary>
internal static class ProfileChoice
{
    /// <summary>The profile and the snapshot as of the review day, or why the audit cannot run.</summary>
    public static (Profile? Profile, Snapshot Snapshot, string? Error) Resolve(RuleSet ruleSet, string? requested, DateOnly? asOf, Snapshot snapshot)
    {
        var name = requested ?? snapshot.Review.Type;
        if (ruleSet.FindProfile(name) is not { } profile)
        {
            var known = string.Join(", ", ruleSet.Profiles.Select(p => p.Name));
            return (null, snapshot, requested is null
                ? $"The rule set has no profile for the review type '{name}'; choose one with --profile ({known})."
                : $"Unknown profile '{name}'. Profiles: {known}.");
        }

        if (ruleSet.RulesOf(profile).Count == 0)
        {
            return (null, snapshot, $"The profile '{profile.Name}' selects no rule of the rule set {ruleSet.Identity.Name} {ruleSet.Identity.Version}; nothing would be audited.");
        }

        if (asOf is { } day)
        {
            snapshot = snapshot.AsOf(day);
        }

        if (ruleSet.RulesOf(profile, snapshot.Review.AsOf).Count == 0)
        {
            return (null, snapshot, $"No rule the profile '{profile.Name}' selects is in force on {Core.Text.Formats.Date(snapshot.Review.AsOf)}; nothing would be audited.");
        }

        return (profile, snapshot, null);
    }
}
