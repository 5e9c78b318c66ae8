using BhhCompliance.Core.Diagnostics;
using BhhCompliance.Core.Text;
using BhhCompliance.Loading.RuleSets;
using BhhCompliance.Loading.Yaml;

namespace BhhCompliance.Loading.Templates;

/// <summary>The compiled report templates.</summary>
public sealed record ReportTemplates(TextTemplate Markdown, IReadOnlyDictionary<string, TextTemplate> Wording);

/// <summary>
/// Reads the report templates: <c>findings.md.hbs</c> (the Markdown report) and
/// <c>report.yaml</c> (the PDF report's wording). A folder given with <c>--templates</c>
/// replaces the built-in <c>findings.md.hbs</c> when it has one; its <c>report.yaml</c> changes
/// the keys it lists, and the others keep the built-in wording. Every problem is reported with
/// its file, line and column; nothing is compiled halfway.
/// </summary>
public static class ReportTemplateLoader
{
    public const string MarkdownFile = "findings.md.hbs";
    public const string WordingFile = "report.yaml";
    private const string BuiltInPrefix = "templates/";

    public static (ReportTemplates? Templates, IReadOnlyList<Diagnostic> Diagnostics) Load(string? folder, ReportTemplateSchema schema)
    {
        var diagnostics = new DiagnosticBag();
        if (folder is not null)
        {
            if (!Directory.Exists(folder))
            {
                diagnostics.Add(Problems.TemplateFolderMissing(SourceLocation.OfFile(folder)));
                return (null, diagnostics.ToList());
            }

            if (!File.Exists(Path.Join(folder, MarkdownFile)) && !File.Exists(Path.Join(folder, WordingFile)))
            {
                diagnostics.Add(Problems.TemplateFolderEmpty(SourceLocation.OfFile(folder), [MarkdownFile, WordingFile]));
                return (null, diagnostics.ToList());
            }
        }

        var markdown = CompileMarkdown(Read(folder, MarkdownFile), schema, diagnostics);
        var wording = CompileWording(Read(null, WordingFile), schema, diagnostics, required: true);
        if (wording is not null && folder is not null && File.Exists(Path.Join(folder, WordingFile)))
        {
            foreach (var (key, template) in CompileWording(Read(folder, WordingFile), schema, diagnostics, required: false) ?? [])
            {
                wording[key] = template;
            }
        }

        return diagnostics.HasErrors || markdown is null || wording is null
            ? (null, diagnostics.ToList())
            : (new ReportTemplates(markdown, wording), diagnostics.ToList());
    }

    /// <summary>The file from the folder when it has it, else the copy built into the tool.</summary>
    private static RuleFile Read(string? folder, string name)
    {
        var path = folder is null ? null : Path.Join(folder, name);
        if (path is not null && File.Exists(path))
        {
            return new RuleFile(path, File.ReadAllText(path));
        }

        var assembly = typeof(ReportTemplateLoader).Assembly;
        using var stream = assembly.GetManifestResourceStream(BuiltInPrefix + name)
            ?? throw new InvalidOperationException($"The built-in template {name} is missing from the tool.");
        using var reader = new StreamReader(stream);
        return new RuleFile(BuiltInPrefix + name, reader.ReadToEnd());
    }

    private static TextTemplate? CompileMarkdown(RuleFile file, ReportTemplateSchema schema, DiagnosticBag diagnostics)
    {
        var compilation = TextTemplate.Compile(file.Text, schema.MarkdownFields);
        foreach (var problem in compilation.Problems)
        {
            var at = LocationOf(file, problem.Offset);
            diagnostics.Add(problem.IsUnknownName
                ? Problems.ReportTemplateUnknownName(at, MarkdownFile, problem.Message)
                : Problems.ReportTemplateSyntax(at, MarkdownFile, problem.Message));
        }

        return compilation.Succeeded ? compilation.Template : null;
    }

    private static Dictionary<string, TextTemplate>? CompileWording(RuleFile file, ReportTemplateSchema schema, DiagnosticBag diagnostics, bool required)
    {
        var root = YamlTree.Parse(file.Text, file.Path, diagnostics);
        if (root is not YamlMapping mapping)
        {
            if (root is not null || !diagnostics.HasErrors)
            {
                diagnostics.Add(Problems.FileNotMapping((root ?? new YamlScalar(string.Empty, default, 1, 1)).At(file.Path), root?.Describe() ?? "nothing"));
            }

            return null;
        }

        var fields = new YamlFields(mapping, file.Path, diagnostics, WordingFile);
        var templates = new Dictionary<string, TextTemplate>(StringComparer.Ordinal);
        foreach (var (keyNode, _) in mapping.Entries)
        {
            var key = keyNode.Value;
            if (!schema.IsWordingKey(key) || templates.ContainsKey(key))
            {
                continue;
            }

            var node = fields.Scalar(key);
            if (node is null)
            {
                continue;
            }

            var compilation = TextTemplate.Compile(node.Value, schema.WordingFields);
            foreach (var problem in compilation.Problems)
            {
                var at = TemplateLocation.Of(node, problem.Offset, file);
                diagnostics.Add(problem.IsUnknownName
                    ? Problems.ReportTemplateUnknownName(at, key, problem.Message)
                    : Problems.ReportTemplateSyntax(at, key, problem.Message));
            }

            if (compilation.Succeeded)
            {
                templates[key] = compilation.Template!;
            }
        }

        foreach (var key in schema.WordingKeys)
        {
            fields.Node(key, required);
        }

        fields.ReportUnknownKeys((at, key, where, _) =>
            Problems.UnknownKey(at, key, where, ["the keys of the built-in templates/report.yaml", "details_RULE-ID"]));
        return templates;
    }

    /// <summary>The 1-based line and column of a character offset in a file's text.</summary>
    private static SourceLocation LocationOf(RuleFile file, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < Math.Min(offset, file.Text.Length); i++)
        {
            if (file.Text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourceLocation(file.Path, line, offset - lineStart + 1);
    }
}
