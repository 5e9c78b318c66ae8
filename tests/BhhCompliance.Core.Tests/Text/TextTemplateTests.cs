using BhhCompliance.Core.Text;
using BhhCompliance.Core.Tests.TestData;

namespace BhhCompliance.Core.Tests.Text;

public sealed class TextTemplateTests
{
    private static IReadOnlySet<string> Fields(params string[] names) => names.ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Compile_KnownFieldsAndHelpers_Succeeds()
    {
        var compilation = TextTemplate.Compile("{{role_name}} FTE is {{fixed actual_fte}}.", Fields("role_name", "actual_fte"));

        Assert.True(compilation.Succeeded);
        Assert.Empty(compilation.Problems);
        Assert.Equal("{{role_name}} FTE is {{fixed actual_fte}}.", compilation.Template!.Source);
    }

    [Fact]
    public void Compile_UnknownFieldName_IsAProblemAtItsOffset_TemplateStillBuilt()
    {
        var compilation = TextTemplate.Compile("FTE {{fixed actaul_fte}} of {{fixed required_fte}}", Fields("actual_fte", "required_fte"));

        var problem = Assert.Single(compilation.Problems);
        Assert.Equal(4, problem.Offset);
        Assert.True(problem.IsUnknownName);
        Assert.Equal("'actaul_fte' is not a known field. Fields: actual_fte, required_fte.", problem.Message);
        Assert.NotNull(compilation.Template);
        Assert.False(compilation.Succeeded);
    }

    [Fact]
    public void Compile_UnknownNameInABlockCondition_IsAProblem()
    {
        var problem = Assert.Single(TextTemplate.Compile("ok {{#if pased}}yes{{/if}}", Fields("passed")).Problems);

        Assert.Equal(3, problem.Offset);
        Assert.True(problem.IsUnknownName);
    }

    [Fact]
    public void Compile_UnclosedBlock_IsAProblemAtTheOpening()
    {
        var compilation = TextTemplate.Compile("Hi {{#if passed}}ok", Fields("passed"));

        var problem = Assert.Single(compilation.Problems);
        Assert.Equal(3, problem.Offset);
        Assert.False(problem.IsUnknownName);
        Assert.Equal("'{{#if}}' is never closed with '{{/if}}'.", problem.Message);
        Assert.Null(compilation.Template);
        Assert.False(compilation.Succeeded);
    }

    [Fact]
    public void Compile_StrayClosingBlock_IsAProblemAtTheClosing()
    {
        var compilation = TextTemplate.Compile("ok{{/if}} end", null);

        var problem = Assert.Single(compilation.Problems);
        Assert.Equal(2, problem.Offset);
        Assert.Equal("'{{/if}}' closes a block that was never opened.", problem.Message);
        Assert.Null(compilation.Template);
    }

    [Fact]
    public void Compile_BlocksClosedOutOfOrder_AreProblemsAtBothPlaces()
    {
        var compilation = TextTemplate.Compile("{{#if a}}{{#each b}}{{/if}}", null);

        Assert.Equal([0, 20], compilation.Problems.Select(p => p.Offset));
        Assert.Equal("'{{#if}}' is never closed with '{{/if}}'.", compilation.Problems[0].Message);
        Assert.StartsWith("'{{/if}}' closes '{{#each}}'", compilation.Problems[1].Message, StringComparison.Ordinal);
        Assert.Null(compilation.Template);
    }

    [Fact]
    public void Compile_UnknownHelper_IsAProblemAtItsOffset()
    {
        var compilation = TextTemplate.Compile("x {{shout census}}", Fields("census"));

        var problem = Assert.Single(compilation.Problems);
        Assert.Equal(2, problem.Offset);
        Assert.False(problem.IsUnknownName);
        Assert.Equal("'shout' is not a helper. Helpers: fixed, number, percent, money, list, plural, default.", problem.Message);
        Assert.Null(compilation.Template);
    }

    [Fact]
    public void Compile_UnknownBlockHelper_IsAProblem()
    {
        var problem = Assert.Single(TextTemplate.Compile("{{#repeat 3}}x{{/repeat}}", null).Problems);

        Assert.Equal(0, problem.Offset);
        Assert.Equal("'{{#repeat}}' is not a block this template language has (if, unless, each, with).", problem.Message);
    }

    [Theory]
    [InlineData("abc {{census", 4, "'{{' is never closed with '}}'.")]
    [InlineData("a {{}} b", 2, "An empty '{{}}' names nothing.")]
    [InlineData("a {{> footer}}", 2, "Partials ('{{>') are not available in message templates.")]
    [InlineData("a {{else}} b", 2, "'{{else}}' is outside any block.")]
    public void Compile_MalformedMustache_IsAProblem(string source, int offset, string message)
    {
        var compilation = TextTemplate.Compile(source, null);

        var problem = Assert.Single(compilation.Problems);
        Assert.Equal(offset, problem.Offset);
        Assert.Equal(message, problem.Message);
        Assert.Null(compilation.Template);
    }

    [Fact]
    public void Compile_SeveralProblems_AreAllReportedInOffsetOrder()
    {
        var compilation = TextTemplate.Compile("{{bad_one}} and {{/if}} and {{shout x}}", Fields("x"));

        Assert.Equal([0, 16, 28], compilation.Problems.Select(p => p.Offset));
        Assert.Equal([true, false, false], compilation.Problems.Select(p => p.IsUnknownName));
    }

    [Fact]
    public void Compile_NamesInsideEach_AreTheItemsNotTheModel()
    {
        var compilation = TextTemplate.Compile("{{#each missing}}{{this}} {{name}}{{/each}}{{! a comment }}", Fields("missing"));

        Assert.True(compilation.Succeeded);
    }

    [Fact]
    public void Compile_WithoutFields_SkipsTheNameCheck() =>
        Assert.True(TextTemplate.Compile("{{anything}} {{number whatever}}", null).Succeeded);

    [Theory]
    [InlineData("{{fixed x}}", "3.5", "3.50")]
    [InlineData("{{fixed x}}", "4.0625", "4.06")]
    [InlineData("{{fixed x}}", "0.125", "0.13")]
    [InlineData("{{fixed x}}", "-0.125", "-0.13")]
    [InlineData("{{fixed x}}", "1234.5", "1,234.50")]
    [InlineData("{{number x}}", "812", "812")]
    [InlineData("{{number x}}", "3.50", "3.5")]
    [InlineData("{{number x}}", "2.675", "2.68")]
    [InlineData("{{number x}}", "1234567.891", "1,234,567.89")]
    [InlineData("{{percent x}}", "0.925", "92.5%")]
    [InlineData("{{percent x}}", "1", "100%")]
    [InlineData("{{percent x}}", "0.9", "90%")]
    [InlineData("{{percent x}}", "0.91666", "91.6%")]
    [InlineData("{{percent x}}", "0.9995", "99.9%")]
    [InlineData("{{percent x}}", "0.00049", "0%")]
    [InlineData("{{money x}}", "1234", "$1,234.00")]
    [InlineData("{{money x}}", "0.005", "$0.01")]
    [InlineData("{{money x}}", "2000.095", "$2,000.10")]
    public void NumberHelpers_FormatDecimals(string source, string value, string expected) =>
        Assert.Equal(expected, Render(source, ("x", decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void NumberHelpers_AcceptIntegersAndNumericText()
    {
        Assert.Equal("812", Render("{{number x}}", ("x", 812)));
        Assert.Equal("4.50", Render("{{fixed x}}", ("x", "4.5")));
    }

    [Fact]
    public void NumberHelper_GivenText_Throws() =>
        Assert.ThrowsAny<Exception>(() => Render("{{number x}}", ("x", "many")));

    [Theory]
    [InlineData(new[] { "a", "b", "c" }, "{{list x}}", "a, b, c")]
    [InlineData(new[] { "a", "b" }, "{{list x \"; \"}}", "a; b")]
    [InlineData(new[] { "only" }, "{{list x}}", "only")]
    [InlineData(new string[0], "{{list x}}", "none")]
    public void List_JoinsItems_OrSaysNone(string[] items, string source, string expected) =>
        Assert.Equal(expected, Render(source, ("x", items)));

    [Theory]
    [InlineData("1", "1 month")]
    [InlineData("1.00", "1.00 month")]
    [InlineData("0", "0 months")]
    [InlineData("2", "2 months")]
    [InlineData("0.5", "0.5 months")]
    public void Plural_ChoosesTheWordForTheCount(string count, string expected) =>
        Assert.Equal(expected, Render("{{x}} {{plural x \"month\" \"months\"}}", ("x", decimal.Parse(count, System.Globalization.CultureInfo.InvariantCulture))));

    [Theory]
    [InlineData(null, "none recorded")]
    [InlineData("", "none recorded")]
    [InlineData("RN", "RN")]
    public void Default_UsesTheFallbackForAnEmptyValue(string? value, string expected) =>
        Assert.Equal(expected, Render("{{default x \"none recorded\"}}", ("x", value)));

    [Fact]
    public void Render_TrimsSurroundingWhiteSpace_AndDoesNotEscape() =>
        Assert.Equal("a <b> & 'c'", Render("  {{x}}\n", ("x", "a <b> & 'c'")));

    [Fact]
    public void Render_NameTheModelLacks_Throws() =>
        Assert.ThrowsAny<Exception>(() => TestRules.Template("{{missing_value}}").Render(new Dictionary<string, object?>()));

    private static string Render(string source, params (string Name, object? Value)[] model) =>
        TestRules.Template(source).Render(model.ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal));
}
