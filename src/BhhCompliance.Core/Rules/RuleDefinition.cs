using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Text;

namespace BhhCompliance.Core.Rules;

/// <summary>One rule of a rule set: which kind evaluates it, with which parameters, and its wording.</summary>
public sealed record RuleDefinition(
    string Id,
    string Kind,
    string Title,
    Severity Severity,
    string Citation,
    ParameterValues Parameters,
    TextTemplate Message,
    TextTemplate Remediation);

/// <summary>The name, version and content hash that identify a rule set in findings and reports.</summary>
public sealed record RuleSetIdentity(string Name, string Version, string Sha256);

/// <summary>
/// A named selection of rules for one kind of review. Entries are rule ids, or prefixes ending
/// in <c>*</c> (<c>STAFF-*</c>).
/// </summary>
public sealed record Profile(string Name, string Description, IReadOnlyList<string> Include)
{
    public bool Selects(string ruleId) => Include.Any(pattern => Matches(pattern, ruleId));

    public static bool Matches(string pattern, string ruleId) => pattern.EndsWith('*')
        ? ruleId.StartsWith(pattern[..^1], StringComparison.Ordinal)
        : ruleId == pattern;
}

public sealed record RuleSet(RuleSetIdentity Identity, IReadOnlyList<RuleDefinition> Rules, IReadOnlyList<Profile> Profiles)
{
    /// <summary>The profile of that name, ignoring case as review types do.</summary>
    public Profile? FindProfile(string name) =>
        Profiles.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<RuleDefinition> RulesOf(Profile profile) => [.. Rules.Where(r => profile.Selects(r.Id))];
}
