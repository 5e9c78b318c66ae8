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
    TextTemplate Remediation)
{
    /// <summary>False for a rule no waiver may excuse (<c>waivable: false</c>).</summary>
    public bool Waivable { get; init; } = true;

    /// <summary>The first day this version of the rule is in force; null: since always.</summary>
    public DateOnly? EffectiveFrom { get; init; }

    /// <summary>The last day this version is in force, inclusive; null: until further notice.</summary>
    public DateOnly? EffectiveTo { get; init; }

    /// <summary>Whether the rule carries effective dates; an undated rule is always in force.</summary>
    public bool IsDated => EffectiveFrom is not null || EffectiveTo is not null;

    public bool IsInForceOn(DateOnly day) => (EffectiveFrom is null || EffectiveFrom <= day) && (EffectiveTo is null || EffectiveTo >= day);
}

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

/// <summary>
/// A rule set: its rules (an id may have several versions with effective dates that do not
/// overlap), its profiles, and its settings.
/// </summary>
public sealed record RuleSet(RuleSetIdentity Identity, IReadOnlyList<RuleDefinition> Rules, IReadOnlyList<Profile> Profiles)
{
    /// <summary>rules.md, waivers: the longest a waiver may run after its approval; 365 days unless the rule set says.</summary>
    public const int DefaultMaxWaiverDays = 365;

    public int MaxWaiverDays { get; init; } = DefaultMaxWaiverDays;

    /// <summary>The profile of that name, ignoring case as review types do.</summary>
    public Profile? FindProfile(string name) =>
        Profiles.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The distinct rule ids, in the rule set's order (a rule with several versions counts once).</summary>
    public IReadOnlyList<string> RuleIds => [.. Rules.Select(r => r.Id).Distinct(StringComparer.Ordinal)];

    /// <summary>"29 rules", or "1 rule (2 versions)" when some rule has several versions.</summary>
    public string DescribeRuleCount()
    {
        var ids = RuleIds.Count;
        var text = ids == 1 ? "1 rule" : $"{ids} rules";
        return Rules.Count > ids ? $"{text} ({Rules.Count} versions)" : text;
    }

    /// <summary>Every version of every rule the profile selects.</summary>
    public IReadOnlyList<RuleDefinition> RulesOf(Profile profile) => [.. Rules.Where(r => profile.Selects(r.Id))];

    /// <summary>The rules the profile selects, in the version in force on <paramref name="day"/>; a rule with no version in force then is left out.</summary>
    public IReadOnlyList<RuleDefinition> RulesOf(Profile profile, DateOnly day) => [.. RulesOf(profile).Where(r => r.IsInForceOn(day))];

    /// <summary>The ids of rules the profile selects that have no version in force on <paramref name="day"/>.</summary>
    public IReadOnlyList<string> RulesNotInForce(Profile profile, DateOnly day) =>
        [.. RulesOf(profile).GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => !g.Any(r => r.IsInForceOn(day))).Select(g => g.Key)];
}
