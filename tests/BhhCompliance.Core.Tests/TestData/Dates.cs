using System.Globalization;
using BhhCompliance.Core.Domain;

namespace BhhCompliance.Core.Tests.TestData;

/// <summary>Dates and months written as snapshots write them, so tests read like the files.</summary>
internal static class Dates
{
    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static YearMonth Month(string text) =>
        YearMonth.TryParse(text, out var month) ? month : throw new ArgumentException($"'{text}' is not YYYY-MM.", nameof(text));

    /// <summary>Every day from <paramref name="first"/> to <paramref name="last"/>, both inclusive.</summary>
    public static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
