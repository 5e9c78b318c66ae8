namespace BhhCompliance.Core.Domain;

/// <summary>
/// The review period, both ends inclusive. Its <see cref="FullMonths"/> are the calendar months
/// that lie wholly inside it: the months the service minimum, member months and claims use.
/// </summary>
public sealed record ReviewPeriod
{
    public ReviewPeriod(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException($"The period ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).", nameof(end));
        }

        Start = start;
        End = end;
        FullMonths = ComputeFullMonths(start, end);
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    public IReadOnlyList<YearMonth> FullMonths { get; }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>The position of <paramref name="month"/> in <see cref="FullMonths"/>, or -1.</summary>
    public int IndexOfFullMonth(YearMonth month)
    {
        if (FullMonths.Count == 0)
        {
            return -1;
        }

        var first = FullMonths[0];
        var index = ((month.Year - first.Year) * 12) + (month.Month - first.Month);
        return index >= 0 && index < FullMonths.Count ? index : -1;
    }

    public override string ToString() => $"{Start:yyyy-MM-dd} to {End:yyyy-MM-dd}";

    /// <summary>Two periods are equal when their ends are; the full months follow from them.</summary>
    public bool Equals(ReviewPeriod? other) => other is not null && Start == other.Start && End == other.End;

    public override int GetHashCode() => HashCode.Combine(Start, End);

    private static YearMonth[] ComputeFullMonths(DateOnly start, DateOnly end)
    {
        var first = YearMonth.Of(start);
        if (start != first.FirstDay)
        {
            if (first is { Year: 9999, Month: 12 })
            {
                return [];
            }

            first = first.Next;
        }

        var months = new List<YearMonth>();
        for (var month = first; month.LastDay <= end; month = month.Next)
        {
            months.Add(month);
            if (month is { Year: 9999, Month: 12 })
            {
                break;
            }
        }

        return [.. months];
    }
}
