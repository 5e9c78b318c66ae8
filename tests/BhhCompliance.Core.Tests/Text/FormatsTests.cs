using System.Globalization;
using BhhCompliance.Core.Text;
using FsCheck;
using FsCheck.Fluent;

namespace BhhCompliance.Core.Tests.Text;

public sealed class FormatsTests
{
    [Theory]
    [InlineData("0.125", "0.13")]
    [InlineData("0.005", "0.01")]
    [InlineData("-0.125", "-0.13")]
    [InlineData("2.675", "2.68")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("1.115", "1.12")]
    [InlineData("0.004999", "0")]
    [InlineData("4.0625", "4.06")]
    [InlineData("812", "812")]
    public void Round2_HalfAwayFromZero(string value, string expected) =>
        Assert.Equal(Parse(expected), Formats.Round2(Parse(value)));

    [Theory]
    [InlineData("0.125", "0.13")]
    [InlineData("3.50", "3.5")]
    [InlineData("812", "812")]
    [InlineData("4.06", "4.06")]
    [InlineData("1234.5", "1234.5")]
    [InlineData("0", "0")]
    [InlineData("0.00", "0")]
    [InlineData("-0.001", "0")]
    [InlineData("-0.004", "0")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("-2.675", "-2.68")]
    [InlineData("2000.095", "2000.1")]
    public void Plain_TwoPlacesAtMost_NoTrailingZeros_NoSignOnZero(string value, string expected) =>
        Assert.Equal(expected, Formats.Plain(Parse(value)));

    [Theory]
    [InlineData("3.5", "3.50")]
    [InlineData("0.125", "0.13")]
    [InlineData("1234567", "1,234,567.00")]
    public void Fixed_AlwaysTwoDecimals(string value, string expected) => Assert.Equal(expected, Formats.Fixed(Parse(value)));

    [Theory]
    [InlineData("0.925", "92.5%")]
    [InlineData("0.9995", "99.9%")]
    [InlineData("1", "100%")]
    [InlineData("0.91666", "91.6%")]
    [InlineData("0", "0%")]
    public void Percent_OneDecimalAtMost_RoundedDownSoOnlyAllShowsAsAHundred(string value, string expected) => Assert.Equal(expected, Formats.Percent(Parse(value)));

    [Fact]
    public void Date_IsIsoCalendarDate() => Assert.Equal("2028-02-29", Formats.Date(new DateOnly(2028, 2, 29)));

    [Fact]
    public void Round2_IsIdempotentAndWithinHalfACent() =>
        Prop.ForAll(Decimals.ToArbitrary(), value =>
        {
            var rounded = Formats.Round2(value);
            return Formats.Round2(rounded) == rounded
                && Math.Abs(rounded - value) <= 0.005m
                && decimal.Truncate(rounded * 100m) == rounded * 100m;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Round2_MidpointsGoAwayFromZero() =>
        Prop.ForAll(Midpoints.ToArbitrary(), value =>
            Math.Abs(Formats.Round2(value)) == Math.Abs(value) + 0.005m).QuickCheckThrowOnFailure();

    [Fact]
    public void Plain_ReadsBackAsTheRoundedValue() =>
        Prop.ForAll(Decimals.ToArbitrary(), value =>
            decimal.Parse(Formats.Plain(value), NumberStyles.Number, CultureInfo.InvariantCulture) == Formats.Round2(value)).QuickCheckThrowOnFailure();

    /// <summary>Values exactly halfway between two cents: 0.125, -2.675 ...</summary>
    private static Gen<decimal> Midpoints { get; } =
        Gen.Choose(-10_000_000, 10_000_000).Select(cents => (cents / 100m) + (cents < 0 ? -0.005m : 0.005m));

    /// <summary>Decimals of up to 16 significant digits with 0 to 12 places, half of them midpoints of a cent.</summary>
    private static Gen<decimal> Decimals { get; } = Gen.Frequency(
        (1, from high in Gen.Choose(-2_000_000, 2_000_000)
            from low in Gen.Choose(0, 999_999_999)
            from scale in Gen.Choose(0, 12)
            select ((high * 1_000_000_000m) + (high < 0 ? -low : low)) / Pow10(scale)),
        (1, Midpoints));

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }

    private static decimal Parse(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
