using System.Text.RegularExpressions;
using BhhCompliance.Reporting.Diff;

namespace BhhCompliance.Reporting.Tests.Diff;

/// <summary>The Markdown comparison: its sections in the corrective-action order, and text from the files escaped.</summary>
public sealed partial class DiffMarkdownTests
{
    [Fact]
    public void Write_HasTheSectionsInOrder_EvenWhenEmpty()
    {
        var markdown = Markdown(AuditJson.Compare(new AuditJson().Finding("PC-HOURS", "pass"), new AuditJson().Finding("PC-HOURS", "pass")));

        Assert.Equal(
            ["Fixed since the last audit (0)", "Still failing (0)", "New problems (0)", "Changed (0)", "Unchanged (1)"],
            Heading().Matches(markdown).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void Write_RulesInOneAuditAlone_GetTheirOwnSections()
    {
        var markdown = Markdown(AuditJson.Compare(new AuditJson().Finding("OLD-RULE", "fail"), new AuditJson().Finding("NEW-RULE", "pass")));

        Assert.Equal(
            ["Rules only in the old audit (1)", "Rules only in the new audit (1)"],
            Heading().Matches(markdown).Select(m => m.Groups[1].Value).Skip(5));
        Assert.Contains("- **FAIL** `OLD-RULE` (major): Title of OLD-RULE  \n  OLD-RULE is fail for agency.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EscapesMarkdownInTextFromTheFiles()
    {
        var old = AuditJson.Read(new AuditJson().Finding("PC-HOURS", "fail").Text().Replace("PC-HOURS is fail for agency.", "a | b *c* <x>", StringComparison.Ordinal));
        var now = new AuditJson().Finding("PC-HOURS", "pass").Read();

        var markdown = Markdown(AuditComparison.Of(now, old));

        Assert.Contains("  a \\| b \\*c\\* \\<x\\>", markdown, StringComparison.Ordinal);
    }

    private static string Markdown(AuditComparison comparison)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        DiffMarkdown.Write(comparison, writer);
        return writer.ToString();
    }

    [GeneratedRegex("^## (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
