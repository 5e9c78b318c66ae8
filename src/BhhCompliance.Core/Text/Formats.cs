using System.Globalization;

namespace BhhCompliance.Core.Text;

/// <summary>
/// How numbers are shown to people. Values stay exact in the engine; they are rounded here,
/// and in the JSON writer, to two places half away from zero (0.125 shows as 0.13).
/// </summary>
public static class Formats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Two decimals always: 4.06, 3.50.</summary>
    public static string Fixed(decimal value) => Round2(value).ToString("#,##0.00", Invariant);

    /// <summary>Up to two decimals, no trailing zeros: 812, 3.5, 4.06.</summary>
    public static string Number(decimal value) => Round2(value).ToString("#,##0.##", Invariant);

    /// <summary>
    /// A rate as a percentage with at most one decimal, rounded down so that 1,999 months met
    /// out of 2,000 shows as 99.9%, never as 100%: 0.925 shows as 92.5%.
    /// </summary>
    public static string Percent(decimal rate) =>
        Math.Round(rate * 100m, 1, MidpointRounding.ToZero).ToString("0.#", Invariant) + "%";

    public static string Money(decimal amount) => "$" + Round2(amount).ToString("#,##0.00", Invariant);

    /// <summary>A number as findings.json writes it: two places at most, no trailing zeros, no sign on zero.</summary>
    public static string Plain(decimal value)
    {
        var rounded = Round2(value);
        return rounded == 0m ? "0" : rounded.ToString("0.##", Invariant);
    }

    /// <summary>
    /// An evidence or detail value as text: numbers as findings.json writes them (or, with
    /// <paramref name="grouped"/>, with thousands separators), lists joined with commas ("none"
    /// when empty), no value as an empty string.
    /// </summary>
    public static string Show(Findings.EvidenceValue value, bool grouped = false) => value switch
    {
        Findings.EvidenceValue.Number n => grouped ? Number(n.Value) : Plain(n.Value),
        Findings.EvidenceValue.Text t => t.Value,
        Findings.EvidenceValue.TextList { Items.Count: 0 } => "none",
        Findings.EvidenceValue.TextList l => string.Join(", ", l.Items),
        _ => string.Empty,
    };

    /// <summary>
    /// An evidence value as the reports show it: as <see cref="Show"/> with thousands separators,
    /// but amounts (keys starting "amount"), FTE and hours (keys ending "fte" or "hours", rules.md's
    /// names) always with two decimals, as the messages write them with <c>money</c> and
    /// <c>fixed</c>: 1,185.60 and 6.10, not 1,185.6 and 6.1.
    /// </summary>
    public static string Evidence(string key, Findings.EvidenceValue value) =>
        value is Findings.EvidenceValue.Number n
            && (key.StartsWith("amount", StringComparison.Ordinal) || key.EndsWith("fte", StringComparison.Ordinal) || key.EndsWith("hours", StringComparison.Ordinal))
            ? Fixed(n.Value)
            : Show(value, grouped: true);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);
}
