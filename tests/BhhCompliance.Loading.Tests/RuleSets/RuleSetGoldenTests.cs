using BhhCompliance.Core.Rules;
using BhhCompliance.Loading.RuleSets;

namespace BhhCompliance.Loading.Tests.RuleSets;

/// <summary>
/// Every folder under Golden/RuleSets holds rule files and the exact diagnostics loading them
/// reports (cli.md, "rules validate"). Paths are shown relative to the case folder, in the
/// location and in messages that point at another place, so the files do not depend on where
/// the tests run.
/// </summary>
public sealed class RuleSetGoldenTests
{
    private const string Kind = "RuleSets";

    private readonly RuleSetLoader _loader = new(RuleKindCatalog.Standard);

    public static TheoryData<string> Cases() => GoldenCases.Names(Kind);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_GoldenCase_ReportsExactlyTheExpectedDiagnostics(string name)
    {
        var folder = GoldenCases.Folder(Kind, name);
        var expected = GoldenCases.Expected(folder);

        var result = _loader.Load(new DirectoryRuleSource(folder));

        var prefix = folder + Path.DirectorySeparatorChar;
        var actual = result.Diagnostics.Select(d => d.ToString().Replace(prefix, string.Empty, StringComparison.Ordinal));
        Assert.Equal(GoldenCases.Text(expected), GoldenCases.Text(actual));
        Assert.Equal(expected.Any(GoldenCases.IsErrorLine), result.RuleSet is null);
    }

    [Fact]
    public void Cases_CoverEveryRuleSetCodeOfProblems()
    {
        // An empty or absent folder cannot be a case folder of its own; the facts below cover them.
        // Report templates (BHH14xx) and waiver files (BHH15xx) have golden cases of their own.
        var missing = GoldenCases.CodesInProblems("BHH1")
            .Where(code => !code.StartsWith("BHH14", StringComparison.Ordinal) && !code.StartsWith("BHH15", StringComparison.Ordinal))
            .Except(["BHH1110", "BHH1111"])
            .Where(code => !GoldenCases.AnyExpects(Kind, code))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Load_FolderWithoutRuleFiles_ReportsNoRuleFiles()
    {
        using var folder = new TemporaryFolder();
        folder.Write("README.md", "Rules go here.");

        var result = _loader.Load(new DirectoryRuleSource(folder.Path));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal($"{folder.Path}: error BHH1110: The folder holds no rule files (*.yaml).", diagnostic.ToString());
        Assert.Null(result.RuleSet);
    }

    [Fact]
    public void Load_MissingFolder_ReportsTheFolderMissing()
    {
        using var folder = new TemporaryFolder();
        var absent = Path.Join(folder.Path, "no-such-rules");

        var result = _loader.Load(new DirectoryRuleSource(absent));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal($"{absent}: error BHH1111: The rule set folder does not exist.", diagnostic.ToString());
        Assert.Null(result.RuleSet);
    }

    [Fact]
    public void Load_SubfoldersAndOtherFiles_AreNotRuleFiles()
    {
        using var folder = new TemporaryFolder();
        folder.Write("ruleset.yml", "rule_set:\n  name: test-rules\n  version: \"1\"\n");
        folder.Write("notes.txt", "rules: [this is not YAML a rule set reads");
        Directory.CreateDirectory(Path.Join(folder.Path, "tests"));
        folder.Write(Path.Join("tests", "broken.yaml"), "rules: [");

        var result = _loader.Load(new DirectoryRuleSource(folder.Path));

        Assert.Empty(result.Diagnostics);
        Assert.Equal("test-rules", result.RuleSet!.Identity.Name);
        Assert.Empty(result.RuleSet.Rules);
    }
}
