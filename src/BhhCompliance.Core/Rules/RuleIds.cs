using System.Text.RegularExpressions;

namespace BhhCompliance.Core.Rules;

/// <summary>The form of a rule id: capital letters and digits in hyphenated parts, like STAFF-NURSE-RATIO.</summary>
public static partial class RuleIds
{
    public static bool IsValid(string id) => Pattern().IsMatch(id);

    /// <summary>A profile entry's prefix before <c>*</c>: empty, or the start of an id (<c>STAFF-</c>, <c>STAFF</c>).</summary>
    public static bool IsValidPrefix(string prefix) => PrefixPattern().IsMatch(prefix);

    [GeneratedRegex("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")]
    private static partial Regex Pattern();

    [GeneratedRegex("^([A-Z][A-Z0-9]*(-[A-Z0-9]+)*-?)?$")]
    private static partial Regex PrefixPattern();
}
