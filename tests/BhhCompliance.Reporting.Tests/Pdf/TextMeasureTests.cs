using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Reporting.Tests.Pdf;

/// <summary>Text widths and line breaking for the PDF layout.</summary>
public sealed class TextMeasureTests
{
    private const string Prose =
        "Each finding that is not a pass, most urgent first: what the rule found, the evidence behind it, " +
        "where the rule comes from, and what to do. A Nurse Care Manager must be a registered nurse; " +
        "add registered nurse time until Nurse Care Manager FTE reaches 4.06 for 812 enrollees at 1:200.";

    private readonly TextMeasure _measure = new();
    private readonly TextStyle _style = new(9.5);

    [Theory]
    [InlineData(60)]
    [InlineData(100)]
    [InlineData(173.5)]
    [InlineData(300)]
    [InlineData(1000)]
    public void Wrap_Prose_KeepsEveryWordInOrderAndNoLineIsWiderThanTheWidth(double width)
    {
        var lines = _measure.Wrap(Prose, _style, width);

        Assert.Equal(Prose.Split(' '), lines.SelectMany(l => l.Split(' ')));
        Assert.All(lines, line => Assert.True(
            _measure.Width(line, _style) <= width + 1e-9,
            $"'{line}' is {_measure.Width(line, _style)} pt wide, more than {width}."));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(173.5)]
    [InlineData(300)]
    public void Wrap_Prose_FillsEachLineBeforeStartingTheNext(double width)
    {
        var lines = _measure.Wrap(Prose, _style, width);

        Assert.True(lines.Count > 1);
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var nextWord = lines[i + 1].Split(' ')[0];
            Assert.True(
                _measure.Width(lines[i] + " " + nextWord, _style) > width,
                $"'{nextWord}' would have fitted after '{lines[i]}'.");
        }
    }

    [Fact]
    public void Wrap_WideEnough_GivesOneLine()
    {
        var lines = _measure.Wrap("Nurse Care Manager staffing meets 1:200", _style, 1000);

        Assert.Equal(["Nurse Care Manager staffing meets 1:200"], lines);
    }

    [Fact]
    public void Wrap_ExplicitLineBreaks_BreakThereAndKeepEmptyLines()
    {
        var lines = _measure.Wrap("first line\nsecond line\n\nfourth\r\nfifth", _style, 1000);

        Assert.Equal(["first line", "second line", string.Empty, "fourth", "fifth"], lines);
    }

    [Fact]
    public void Wrap_ExplicitLineBreakInsideWrappedText_StartsANewLine()
    {
        var width = _measure.Width("alpha beta", _style);

        var lines = _measure.Wrap("alpha beta gamma\ndelta", _style, width);

        Assert.Equal(["alpha beta", "gamma", "delta"], lines);
    }

    [Fact]
    public void Wrap_RunsOfSpaces_CollapseToOne()
    {
        var lines = _measure.Wrap("  alpha    beta  ", _style, 1000);

        Assert.Equal(["alpha beta"], lines);
    }

    [Fact]
    public void Wrap_WordWiderThanTheWidthWithoutBreakCharacters_BreaksAtTheLongestPrefixThatFits()
    {
        const string Word = "abcdefghijklmnopqrstuvwxyz";
        var width = _measure.Width("abcdefgh", _style);

        var lines = _measure.Wrap(Word, _style, width);

        Assert.Equal("abcdefgh", lines[0]);
        Assert.Equal(Word, string.Concat(lines));
        Assert.True(lines.Count >= 3);
        Assert.All(lines, line => Assert.True(_measure.Width(line, _style) <= width + 1e-9, $"'{line}' is too wide."));
    }

    [Theory]
    [InlineData("staff_identifier", 9, "staff_")]
    [InlineData("CRED-LICENSE-CURRENT", 16, "CRED-LICENSE-")]
    [InlineData("snapshots/staffing.csv", 13, "snapshots/")]
    [InlineData("a-b_c/defghijklmnopqrstuvwxyz", 8, "a-b_c/")]
    public void Wrap_WordWiderThanTheWidth_PrefersBreakingAfterUnderscoreHyphenOrSlash(string word, int fitting, string expectedFirst)
    {
        var width = _measure.Width(word[..fitting], _style);

        var lines = _measure.Wrap(word, _style, width);

        Assert.Equal(expectedFirst, lines[0]);
        Assert.Equal(word, string.Concat(lines));
        Assert.All(lines, line => Assert.True(_measure.Width(line, _style) <= width + 1e-9, $"'{line}' is too wide."));
    }

    [Fact]
    public void Wrap_LongWordAmongShortOnes_StartsOnItsOwnLineAndTheTextContinuesAfterIt()
    {
        var width = _measure.Width("license_expires", _style);

        var lines = _measure.Wrap("the license_expires_on_date field", _style, width);

        Assert.Equal(["the", "license_", "expires_on_", "date field"], lines);
    }

    [Fact]
    public void Wrap_WidthNarrowerThanOneCharacter_PutsOneCharacterPerLine()
    {
        var lines = _measure.Wrap("WW W", _style, 1);

        Assert.Equal(["W", "W", "W"], lines);
    }

    [Fact]
    public void Wrap_EmptyText_GivesOneEmptyLine()
    {
        Assert.Equal([string.Empty], _measure.Wrap(string.Empty, _style, 100));
    }

    [Theory]
    [InlineData("a", "b")]
    [InlineData("Nurse", "Care")]
    [InlineData("812", "enrollees")]
    [InlineData("license_expires", "2026-09-30")]
    public void Width_OfTwoWordsAndASpace_IsTheSumOfTheirWidths(string first, string second)
    {
        var whole = _measure.Width($"{first} {second}", _style);

        var parts = _measure.Width(first, _style) + _measure.Width(" ", _style) + _measure.Width(second, _style);

        Assert.Equal(parts, whole, precision: 6);
        Assert.True(_measure.Width(" ", _style) > 0);
    }

    [Fact]
    public void Width_GrowsWithTheTextAndTheSize()
    {
        Assert.Equal(0, _measure.Width(string.Empty, _style));
        Assert.True(_measure.Width("ab", _style) > _measure.Width("a", _style));
        Assert.True(_measure.Width("abc", new TextStyle(19)) > _measure.Width("abc", _style) * 1.9);
        Assert.True(_measure.Width("abc", _style.WithBold()) > _measure.Width("abc", _style));
    }

    [Fact]
    public void Width_SameTextTwice_GivesTheSameWidthFromAnotherMeasure()
    {
        Assert.Equal(_measure.Width("Nurse Care Manager", _style), new TextMeasure().Width("Nurse Care Manager", _style));
    }

    [Fact]
    public void LongestWord_IsTheWidthOfTheWidestWordOverAllLines()
    {
        var longest = _measure.LongestWord("a bb\nccccccc dd", _style);

        Assert.Equal(_measure.Width("ccccccc", _style), longest);
    }

    [Fact]
    public void NaturalWidth_IsTheWidestLineWhenOnlyExplicitBreaksApply()
    {
        var natural = _measure.NaturalWidth("a bb\nccccccc dd\neee", _style);

        Assert.Equal(_measure.Width("ccccccc dd", _style), natural);
    }

    [Fact]
    public void Unbroken_Label_StaysOnOneLineAndIsOneWordWide()
    {
        var unbroken = TextMeasure.Unbroken("NOT CERTIFIED");
        var width = _measure.Width(unbroken, _style) + 1;

        Assert.Equal(2, _measure.Wrap("NOT CERTIFIED", _style, width - 10).Count);
        Assert.Single(_measure.Wrap(unbroken, _style, width));
        Assert.Equal(_measure.Width(unbroken, _style), _measure.LongestWord(unbroken, _style));
    }
}
