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

    /// <summary>A rate as a percentage with at most one decimal: 0.925 shows as 92.5%.</summary>
    public static string Percent(decimal rate) =>
        Math.Round(rate * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.#", Invariant) + "%";

    public static string Money(decimal amount) => "$" + Round2(amount).ToString("#,##0.00", Invariant);

    /// <summary>A number as findings.json writes it: two places at most, no trailing zeros, no sign on zero.</summary>
    public static string Plain(decimal value)
    {
        var rounded = Round2(value);
        return rounded == 0m ? "0" : rounded.ToString("0.##", Invariant);
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);
}
