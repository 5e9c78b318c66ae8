using BhhCompliance.Core.Text;
using BhhCompliance.Loading.Templates;
using BhhCompliance.Reporting;

namespace BhhCompliance.Loading.Tests.Templates;

/// <summary>
/// The report templates: the built-in ones compile, and every folder under Golden/Templates is
/// a <c>--templates</c> folder with the exact diagnostics loading it reports, paths shown
/// relative to the case folder.
/// </summary>
public sealed class ReportTemplateLoaderTests
{
    private const string Kind = "Templates";

    /// <summary>What the reports let their templates use.</summary>
    private static readonly ReportTemplateSchema Schema = ReportSchema.Templates;

    public static TheoryData<string> Cases() => GoldenCases.Names(Kind);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_GoldenCase_ReportsExactlyTheExpectedDiagnostics(string name)
    {
        var folder = GoldenCases.Folder(Kind, name);
        var expected = GoldenCases.Expected(folder);

        var (templates, diagnostics) = ReportTemplateLoader.Load(folder, Schema);

        var prefix = folder + Path.DirectorySeparatorChar;
        var actual = diagnostics.Select(d => d.ToString().Replace(prefix, string.Empty, StringComparison.Ordinal));
        Assert.Equal(GoldenCases.Text(expected), GoldenCases.Text(actual));
        Assert.Equal(expected.Any(GoldenCases.IsErrorLine), templates is null);
    }

    [Fact]
    public void Cases_CoverEveryTemplateCodeOfProblems()
    {
        // A missing or empty folder cannot be a case folder of its own; the facts below cover them.
        var missing = GoldenCases.CodesInProblems("BHH14")
            .Except(["BHH1401", "BHH1402"])
            .Where(code => !GoldenCases.AnyExpects(Kind, code))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Load_NoFolder_CompilesTheBuiltInTemplates()
    {
        var (templates, diagnostics) = ReportTemplateLoader.Load(null, Schema);

        Assert.Empty(diagnostics);
        Assert.NotNull(templates);
        Assert.Contains("{{", templates.Markdown.Source, StringComparison.Ordinal);
        Assert.Equal("BHH compliance findings report", templates.Wording["title"].Render(new Dictionary<string, object?>()));
    }

    [Fact]
    public void Load_OverridingFolder_ChangesOnlyTheKeysItLists()
    {
        var folder = GoldenCases.Folder(Kind, "wording-override-clean");

        var (templates, _) = ReportTemplateLoader.Load(folder, Schema);

        var model = new Dictionary<string, object?> { ["agency_name"] = "River Valley Services" };
        Assert.Equal("Credentialing findings for River Valley Services", templates!.Wording["title"].Render(model));
        Assert.Equal("Enrollee months under one hour of service", templates.Wording["details_SVC-MONTHLY-MINIMUM"].Render(model));
        Assert.Equal("Summary", templates.Wording["summary_heading"].Render(model));
    }

    [Fact]
    public void Load_MissingFolder_ReportsTheFolderMissing()
    {
        var folder = Path.Join(Path.GetTempPath(), "bhh-no-such-templates-" + Guid.NewGuid().ToString("N"));

        var (templates, diagnostics) = ReportTemplateLoader.Load(folder, Schema);

        Assert.Null(templates);
        Assert.Equal($"{folder}: error BHH1401: The templates folder does not exist.", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Load_FolderWithoutTemplates_SaysWhichFilesItLooksFor()
    {
        using var folder = new TemporaryFolder();
        folder.Write("report.yml", "title: Findings");

        var (templates, diagnostics) = ReportTemplateLoader.Load(folder.Path, Schema);

        Assert.Null(templates);
        Assert.Equal(
            $"{folder.Path}: error BHH1402: The templates folder holds none of the report templates (findings.md.hbs, report.yaml).",
            Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Load_BuiltInWordingWithoutARequiredKey_ReportsItMissing()
    {
        var schema = Schema with { WordingKeys = [.. Schema.WordingKeys, "signature_line"], IsWordingKey = key => Schema.IsWordingKey(key) || key == "signature_line" };

        var (templates, diagnostics) = ReportTemplateLoader.Load(null, schema);

        Assert.Null(templates);
        Assert.Contains(diagnostics, d => d.Code == "BHH1003" && d.Message.Contains("'signature_line'", StringComparison.Ordinal));
    }
}
