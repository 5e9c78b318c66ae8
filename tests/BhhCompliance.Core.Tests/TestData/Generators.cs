using BhhCompliance.Core.Domain;
using FsCheck;
using FsCheck.Fluent;

namespace BhhCompliance.Core.Tests.TestData;

/// <summary>
/// FsCheck generators for the dates the rules meet: months from 2023 to 2030 (leap Februaries in
/// 2024 and 2028, seven year ends), and days that are often the first, second, second-to-last or
/// last of their month, where off-by-one errors live.
/// </summary>
internal static class Generators
{
    public static YearMonth FirstMonth { get; } = new(2023, 1);

    public static Gen<YearMonth> Month { get; } = Gen.Choose(0, (8 * 12) - 1).Select(n => Plus(FirstMonth, n));

    public static Gen<DateOnly> Day { get; } = Month.SelectMany(DayIn);

    public static Gen<ReviewPeriod> Period { get; } =
        from start in Day
        from months in Gen.Choose(0, 26)
        from end in DayIn(Plus(YearMonth.Of(start), months))
        select new ReviewPeriod(start, end < start ? start : end);

    /// <summary>An enrolment span of up to about fifteen months; a third of them are still open.</summary>
    public static Gen<(DateOnly EnrolledOn, DateOnly? DisenrolledOn)> Enrolment { get; } = Month.SelectMany(EnrolmentStartingIn);

    /// <summary>An enrolment span and a month near its first day, near its last day, or anywhere up to just after it.</summary>
    public static Gen<((DateOnly EnrolledOn, DateOnly? DisenrolledOn) Span, YearMonth Month)> EnrolmentAndMonth { get; } =
        from span in Enrolment
        let first = YearMonth.Of(span.EnrolledOn)
        let last = YearMonth.Of(span.DisenrolledOn ?? span.EnrolledOn.AddDays(400))
        from month in Gen.OneOf(
            Gen.Choose(-1, 1).Select(offset => Plus(first, offset)),
            Gen.Choose(-1, 1).Select(offset => Plus(last, offset)),
            Gen.Choose(-1, 16).Select(offset => Plus(first, offset)))
        select (span, month);

    /// <summary>A period and up to five enrolments that start from a few months before it to just after it.</summary>
    public static Gen<(ReviewPeriod Period, (DateOnly EnrolledOn, DateOnly? DisenrolledOn)[] Spans)> PeriodAndEnrolments { get; } =
        from period in Period
        let months = ((period.End.Year - period.Start.Year) * 12) + period.End.Month - period.Start.Month
        from count in Gen.Choose(0, 5)
        from spans in Gen.ArrayOf(
            from offset in Gen.Choose(-3, months + 1)
            from span in EnrolmentStartingIn(Plus(YearMonth.Of(period.Start), offset))
            select span,
            count)
        select (period, spans);

    public static Gen<(DateOnly EnrolledOn, DateOnly? DisenrolledOn)> EnrolmentStartingIn(YearMonth month) =>
        from enrolledOn in DayIn(month)
        from months in Gen.Choose(0, 14)
        from last in DayIn(Plus(month, months))
        from open in Gen.Elements(true, false, false)
        select (enrolledOn, open ? (DateOnly?)null : (last < enrolledOn ? enrolledOn : last));

    public static Gen<DateOnly> DayIn(YearMonth month) => Gen.Frequency(
        (1, Gen.Constant(month.FirstDay)),
        (1, Gen.Constant(month.FirstDay.AddDays(1))),
        (1, Gen.Constant(month.LastDay.AddDays(-1))),
        (1, Gen.Constant(month.LastDay)),
        (2, Gen.Choose(0, month.LastDay.Day - 1).Select(month.FirstDay.AddDays)));

    /// <summary>
    /// Checks a property on <paramref name="tests"/> cases, more than FsCheck's default 100, for
    /// properties whose failing cases need a day edge and a month to line up.
    /// </summary>
    public static void CheckThrowOnFailure(this Property property, int tests) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(tests), property);

    public static YearMonth Plus(YearMonth month, int months)
    {
        var index = (month.Year * 12) + month.Month - 1 + months;
        return new YearMonth(index / 12, (index % 12) + 1);
    }
}
