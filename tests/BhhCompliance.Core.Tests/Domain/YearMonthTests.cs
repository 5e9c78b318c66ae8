using BhhCompliance.Core.Domain;

namespace BhhCompliance.Core.Tests.Domain;

public sealed class YearMonthTests
{
    [Theory]
    [InlineData("2026-09", 2026, 9)]
    [InlineData("2028-02", 2028, 2)]
    [InlineData("0001-01", 1, 1)]
    [InlineData("9999-12", 9999, 12)]
    public void TryParse_YyyyMm_GivesYearAndMonth(string text, int year, int month)
    {
        Assert.True(YearMonth.TryParse(text, out var parsed));

        Assert.Equal(new YearMonth(year, month), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-9")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("0000-01")]
    [InlineData("26-09")]
    [InlineData("2026/09")]
    [InlineData("2026-09-01")]
    [InlineData("202609")]
    [InlineData("abcd-ef")]
    [InlineData("+026-09")]
    [InlineData("-026-09")]
    [InlineData(" 026-09")]
    [InlineData("2026-9 ")]
    [InlineData("2026-+9")]
    [InlineData("2026-\u0660\u0669")]
    public void TryParse_AnythingButYyyyMm_Fails(string text)
    {
        Assert.False(YearMonth.TryParse(text, out var parsed));

        Assert.Equal(default, parsed);
    }

    [Theory]
    [InlineData(2026, 9, "2026-09")]
    [InlineData(2027, 12, "2027-12")]
    [InlineData(1, 1, "0001-01")]
    [InlineData(987, 3, "0987-03")]
    public void ToString_WritesFourDigitYearAndTwoDigitMonth(int year, int month, string expected) =>
        Assert.Equal(expected, new YearMonth(year, month).ToString());

    [Theory]
    [InlineData("2026-01")]
    [InlineData("2028-02")]
    [InlineData("1999-12")]
    public void ToString_RoundTripsThroughTryParse(string text)
    {
        Assert.True(YearMonth.TryParse(text, out var parsed));

        Assert.Equal(text, parsed.ToString());
    }

    [Fact]
    public void CompareTo_OrdersByYearThenMonth()
    {
        YearMonth[] months = [new(2027, 1), new(2026, 12), new(2026, 2), new(2025, 12), new(2026, 10)];

        var sorted = months.Order().Select(m => m.ToString());

        Assert.Equal(["2025-12", "2026-02", "2026-10", "2026-12", "2027-01"], sorted);
    }

    [Fact]
    public void ComparisonOperators_AgreeWithCalendarOrder()
    {
        var december = new YearMonth(2026, 12);
        var january = new YearMonth(2027, 1);

        Assert.True(december < january);
        Assert.True(january > december);
        Assert.True(december <= new YearMonth(2026, 12));
        Assert.True(december >= new YearMonth(2026, 12));
        Assert.False(january < december);
        Assert.False(new YearMonth(2026, 11) >= december);
        Assert.Equal(0, december.CompareTo(new YearMonth(2026, 12)));
    }

    [Fact]
    public void Next_OfDecember_IsJanuaryOfTheNextYear()
    {
        Assert.Equal(new YearMonth(2027, 1), new YearMonth(2026, 12).Next);
        Assert.Equal(new YearMonth(2026, 7), new YearMonth(2026, 6).Next);
    }

    [Theory]
    [InlineData(2028, 2, 29)]
    [InlineData(2026, 2, 28)]
    [InlineData(2100, 2, 28)]
    [InlineData(2000, 2, 29)]
    [InlineData(2026, 4, 30)]
    [InlineData(2026, 12, 31)]
    public void FirstDayAndLastDay_SpanTheCalendarMonth(int year, int month, int lastDay)
    {
        var yearMonth = new YearMonth(year, month);

        Assert.Equal(new DateOnly(year, month, 1), yearMonth.FirstDay);
        Assert.Equal(new DateOnly(year, month, lastDay), yearMonth.LastDay);
    }

    [Fact]
    public void Of_AndContains_UseTheCalendarMonthOfTheDate()
    {
        var february = YearMonth.Of(new DateOnly(2028, 2, 29));

        Assert.Equal(new YearMonth(2028, 2), february);
        Assert.True(february.Contains(new DateOnly(2028, 2, 1)));
        Assert.True(february.Contains(new DateOnly(2028, 2, 29)));
        Assert.False(february.Contains(new DateOnly(2028, 3, 1)));
        Assert.False(february.Contains(new DateOnly(2027, 2, 15)));
    }
}
